/**
 * The one metric registry (SPEC §3): label, unit, direction and definition of
 * every metric key. Columns, the README table, display formats and benchmark
 * defaults all read from here.
 */
import type { BenchmarkKey, MetricKey, PredictiveMetricKey } from '../model.js';

/** How a value is displayed: count, money, rate (fraction; % on screen), ratio, or NPS score. */
export type MetricUnit = 'count' | 'money' | 'rate' | 'ratio' | 'score';

/** Which direction is good, the default for benchmarks (SPEC §4). */
export type Better = 'higher' | 'lower';

export interface MetricDefinition {
  label: string;
  unit: MetricUnit;
  better: Better;
  /** One sentence, from SPEC §3. */
  definition: string;
}

export const METRICS = {
  orders: { label: 'Orders', unit: 'count', better: 'higher', definition: 'Number of purchases (orders with value > 0) in the channel during the period.' },
  revenue: { label: 'Revenue', unit: 'money', better: 'higher', definition: 'Sum of purchase values in the channel during the period.' },
  refunds: {
    label: 'Refunds',
    unit: 'money',
    better: 'lower',
    definition: 'Minus the sum of return values (orders with value < 0) in the channel during the period; never negative.',
  },
  net_revenue: { label: 'Net revenue', unit: 'money', better: 'higher', definition: 'revenue − refunds.' },
  aov: { label: 'AOV', unit: 'money', better: 'higher', definition: 'Average order value: revenue / orders.' },
  customers: { label: 'Customers', unit: 'count', better: 'higher', definition: 'Distinct customers with a purchase in the channel during the period.' },
  new_customers: {
    label: 'New customers',
    unit: 'count',
    better: 'higher',
    definition: 'Customers whose first purchase in the whole data (acquisition) is in the period and in the channel.',
  },
  returning_rate: {
    label: 'Returning rate',
    unit: 'rate',
    better: 'higher',
    definition: 'Share of the period’s customers whose acquisition date is before the period’s start.',
  },
  spend: { label: 'Spend', unit: 'money', better: 'higher', definition: 'Sum of the spend rows of the channel dated in the period.' },
  cac: { label: 'CAC', unit: 'money', better: 'lower', definition: 'Customer acquisition cost: spend / new_customers (total row: all spend / all new customers).' },
  roas: { label: 'ROAS', unit: 'ratio', better: 'higher', definition: 'Return on ad spend: revenue / spend.' },
  sessions: { label: 'Sessions', unit: 'count', better: 'higher', definition: 'Sum of the traffic rows (sessions) of the channel dated in the period.' },
  conversion_rate: {
    label: 'Conversion rate',
    unit: 'rate',
    better: 'higher',
    definition: 'orders / sessions; the total row counts only the orders of channels with traffic rows in the period.',
  },
  retention_rate: {
    label: 'Retention rate',
    unit: 'rate',
    better: 'higher',
    definition:
      'N-day repeat rate as of T: among customers acquired via the channel at least N days before T, the share with 2 or more purchases in their first N days (N = retention_days).',
  },
  clv: {
    label: 'CLV',
    unit: 'money',
    better: 'higher',
    definition:
      'H-day customer lifetime value as of T: among customers acquired via the channel at least H days before T, the mean sum of their order values (purchases and returns) in their first H days × margin (H = clv_horizon_days).',
  },
  clv_cac: { label: 'CLV:CAC', unit: 'ratio', better: 'higher', definition: 'clv / cac.' },
  nps: {
    label: 'NPS',
    unit: 'score',
    better: 'higher',
    definition: 'Net promoter score of the channel’s survey answers in the period: 100 × (promoters (9–10) − detractors (0–6)) / answers.',
  },
  nps_responses: { label: 'NPS responses', unit: 'count', better: 'higher', definition: 'Number of survey answers of the channel in the period.' },
} as const satisfies Record<MetricKey, MetricDefinition>;

/** The `clv` command's benchmarkable figures (README "clv"). */
export const PREDICTIVE_METRICS = {
  predicted_clv: {
    label: 'Predicted CLV',
    unit: 'money',
    better: 'higher',
    definition:
      'Mean over the channel’s customers of the margin × discounted value of the purchases the BG/NBD and Gamma-Gamma models expect in the horizon after T.',
  },
  predicted_clv_cac: { label: 'Predicted CLV:CAC', unit: 'ratio', better: 'higher', definition: 'predicted_clv / cac.' },
} as const satisfies Record<PredictiveMetricKey, MetricDefinition>;

/** The definition of any benchmarkable key. */
export function definitionOf(key: BenchmarkKey): MetricDefinition {
  return key in METRICS ? METRICS[key as MetricKey] : PREDICTIVE_METRICS[key as PredictiveMetricKey];
}

/** The exact reason texts of null figures; short and lowercase (SPEC §3). */
export const NULL_REASONS = {
  noSpendInput: 'no spend input',
  noTrafficInput: 'no traffic input',
  noNpsInput: 'no NPS input',
  noCustomerIds: 'no customer ids in orders',
  noOrders: 'no orders',
  noSessions: 'no sessions',
  noSpend: 'no spend',
  noNewCustomers: 'no new customers',
  noCustomers: 'no customers',
  noSurveyAnswers: 'no survey answers',
  cacIsZero: 'cac is 0',
  /** @example NULL_REASONS.noSpendRows('web') // 'no spend rows for web' */
  noSpendRows: (channel: string): string => `no spend rows for ${channel}`,
  /** @example NULL_REASONS.noCustomerMature(365) // 'no customer mature for 365 days' */
  noCustomerMature: (days: number): string => `no customer mature for ${days} ${days === 1 ? 'day' : 'days'}`,
  /** @example NULL_REASONS.inputIsNull('cac', 'no new customers') // 'cac is null: no new customers' */
  inputIsNull: (metric: 'clv' | 'cac', reason: string): string => `${metric} is null: ${reason}`,
} as const;
