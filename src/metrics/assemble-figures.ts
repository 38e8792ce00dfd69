/**
 * One cell's totals → Figures: every metric of SPEC §3 with its null reason,
 * and the samples behind the means and rates.
 */
import { METRIC_KEYS, type MetricKey, type MetricSettings } from '../model.js';
import { aov } from './aov.js';
import { cac } from './cac.js';
import { clvCac } from './clv-cac.js';
import { clv } from './clv.js';
import { conversionRate } from './conversion-rate.js';
import { NULL_REASONS } from './definitions.js';
import type { Figures, MeanSample, RateSample } from './figures.js';
import { nps } from './nps.js';
import { known, unknown, type Outcome } from './outcome.js';
import { retentionRate } from './retention-rate.js';
import { returningRate } from './returning-rate.js';
import { roas } from './roas.js';

/** Which inputs the dataset has; a metric needing an absent one is null. */
export interface Availability {
  spend: boolean;
  traffic: boolean;
  nps: boolean;
  customerIds: boolean;
}

/** Everything counted for one (period, channel) or (period, total) cell. */
export interface CellTotals {
  /** Purchases (value > 0) dated in [start, T). */
  orders: number;
  /** Σ purchase values. */
  revenue: number;
  /** Σ purchase values². */
  revenueSq: number;
  /** Σ return values (≤ 0). */
  returns: number;
  customers: number;
  /** Customers of the period acquired before its start. */
  returningCustomers: number;
  newCustomers: number;
  spend: number;
  /** Spend rows counted in the cell (the total row: of all channels). */
  spendRows: number;
  sessions: number;
  /** Traffic rows summed into `sessions` (a channel "has traffic" in P when > 0). */
  trafficRows: number;
  /** Numerator of conversion_rate: `orders`, or for the total row the orders of channels with traffic rows. */
  convertingOrders: number;
  promoters: number;
  detractors: number;
  answers: number;
  retention: RateSample;
  /** (H-day value × margin) of the mature customers. */
  clv: MeanSample;
}

/**
 * Builds the Figures of one cell. `channel` names a channel row (SPEC §3 cac):
 * with a spend input present, a channel with no spend rows in the period has
 * spend 0 but cac, roas and clv_cac null ('no spend rows for <channel>') — no
 * spend data is not free acquisition; rows summing to 0 (declared organic) keep
 * CAC 0. The total row (channel undefined) stays blended.
 */
export function assembleFigures(t: CellTotals, has: Availability, settings: MetricSettings, channel?: string): Figures {
  const noIds = unknown(NULL_REASONS.noCustomerIds);
  const noSpend = unknown(NULL_REASONS.noSpendInput);
  const noTraffic = unknown(NULL_REASONS.noTrafficInput);
  const noNps = unknown(NULL_REASONS.noNpsInput);

  /** refunds = −Σ return values (0 − x, so never −0). */
  const refunds = 0 - t.returns;
  const customers = has.customerIds ? known(t.customers) : noIds;
  const newCustomers = has.customerIds ? known(t.newCustomers) : noIds;
  const spend = has.spend ? known(t.spend) : noSpend;
  const sessions = has.traffic ? known(t.sessions) : noTraffic;
  const noRows = has.spend && channel !== undefined && t.spendRows === 0 ? unknown(NULL_REASONS.noSpendRows(channel)) : null;
  const cacValue = noRows ?? (has.spend ? (has.customerIds ? cac(spend, newCustomers) : noIds) : noSpend);
  const clvValue = has.customerIds ? clv(t.clv, settings.clvHorizonDays) : noIds;
  const npsSample = { promoters: t.promoters, detractors: t.detractors, n: t.answers };

  const outcomes: Record<MetricKey, Outcome> = {
    orders: known(t.orders),
    revenue: known(t.revenue),
    refunds: known(refunds),
    /** net_revenue = revenue − refunds */
    net_revenue: known(t.revenue - refunds),
    aov: aov(t.revenue, t.orders),
    customers,
    new_customers: newCustomers,
    returning_rate: has.customerIds ? returningRate(t.returningCustomers, customers) : noIds,
    spend,
    cac: cacValue,
    roas: noRows ?? (has.spend ? roas(t.revenue, spend) : noSpend),
    sessions,
    conversion_rate: has.traffic ? conversionRate(t.convertingOrders, sessions) : noTraffic,
    retention_rate: has.customerIds ? retentionRate(t.retention, settings.retentionDays) : noIds,
    clv: clvValue,
    clv_cac: noRows ?? (!has.spend ? noSpend : !has.customerIds ? noIds : clvCac(clvValue, cacValue)),
    nps: has.nps ? nps(npsSample) : noNps,
    nps_responses: has.nps ? known(t.answers) : noNps,
  };

  const metrics = {} as Record<MetricKey, number | null>;
  const reasons: Partial<Record<MetricKey, string>> = {};
  for (const key of METRIC_KEYS) {
    const o = outcomes[key];
    metrics[key] = o.value;
    if (o.value === null) reasons[key] = o.reason;
  }
  return {
    metrics,
    reasons,
    samples: {
      aov: { n: t.orders, sum: t.revenue, sumSq: t.revenueSq },
      clv: { ...t.clv },
      returning_rate: { successes: t.returningCustomers, trials: t.customers },
      conversion_rate: { successes: t.convertingOrders, trials: t.sessions },
      retention_rate: { ...t.retention },
      nps: npsSample,
    },
  };
}
