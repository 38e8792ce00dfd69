/**
 * Test support (not used by the engine): tiny hand-made Datasets, written the
 * way one reads them — ISO times, channel names, customer ids, order ids.
 */
import { DAY_MS, orderTable, type Dataset, type MetricSettings, type Period } from '../../model.js';
import { buildPeriods } from '../../periods/build-periods.js';
import { parseDay } from '../../periods/utc-day.js';
import { computeFigures } from '../compute-figures.js';
import type { ChannelFigures, PeriodFigures, Samples } from '../figures.js';

export interface OrderSpec {
  time: string;
  value: number;
  channel: string;
  customer: string | null;
  orderId: string;
}
export interface RowSpec {
  time: string;
  channel: string;
  amount: number;
}
export interface AnswerSpec {
  time: string;
  score: number;
  channel: string | null;
  customer: string | null;
}

/** An order: `order('2024-01-05T10:00Z', 50, 'web', 'c1', 'o1')`; customer null = no customer id. */
export const order = (time: string, value: number, channel: string, customer: string | null = null, orderId = ''): OrderSpec => ({ time, value, channel, customer, orderId });
/** A spend row: `spend('2024-01-05', 'web', 100)`. */
export const spend = (time: string, channel: string, amount: number): RowSpec => ({ time, channel, amount });
/** A traffic row: `traffic('2024-01-05', 'web', 120)`. */
export const traffic = (time: string, channel: string, amount: number): RowSpec => ({ time, channel, amount });
/** A survey answer: `answer('2024-01-05', 9, 'web', 'c1')`; channel null = to be attributed. */
export const answer = (time: string, score: number, channel: string | null = null, customer: string | null = null): AnswerSpec => ({ time, score, channel, customer });

const ms = (time: string): number => {
  const t = Date.parse(/T/.test(time) ? time : `${time}T00:00Z`);
  if (Number.isNaN(t)) throw new Error(`bad test time ${time}`);
  return t;
};

/**
 * Builds a Dataset. Channels are `channels` first (in that order), then any new
 * name in order of first appearance in orders, spend, traffic, nps. spend,
 * traffic and nps are null (role absent) unless given. hasCustomerIds defaults
 * to "some order has a customer".
 */
export function dataset(spec: { channels?: string[]; orders: OrderSpec[]; spend?: RowSpec[]; traffic?: RowSpec[]; nps?: AnswerSpec[]; hasCustomerIds?: boolean }): Dataset {
  const channels = [...(spec.channels ?? [])];
  const channel = (name: string): number => {
    const i = channels.indexOf(name);
    return i >= 0 ? i : channels.push(name) - 1;
  };
  const customers = new Map<string, number>();
  const customer = (id: string | null): number => {
    if (id === null) return -1;
    let i = customers.get(id);
    if (i === undefined) customers.set(id, (i = customers.size));
    return i;
  };
  const orders = orderTable(spec.orders.map((o) => ({ time: ms(o.time), value: o.value, channel: channel(o.channel), customer: customer(o.customer), orderId: o.orderId })));
  const rows = (list: RowSpec[] | undefined) => list?.map((r) => ({ time: ms(r.time), channel: channel(r.channel), amount: r.amount })) ?? null;
  const spendRows = rows(spec.spend)?.map((r) => ({ time: r.time, channel: r.channel, spend: r.amount })) ?? null;
  const trafficRows = rows(spec.traffic)?.map((r) => ({ time: r.time, channel: r.channel, sessions: r.amount })) ?? null;
  const nps =
    spec.nps?.map((a) => ({ time: ms(a.time), score: a.score, channel: a.channel === null ? -1 : channel(a.channel), customer: customer(a.customer) })) ?? null;
  return {
    channels,
    orders,
    customerCount: customers.size,
    hasCustomerIds: spec.hasCustomerIds ?? spec.orders.some((o) => o.customer !== null),
    spend: spendRows,
    traffic: trafficRows,
    nps,
  };
}

/** A period [from, toExclusive) as of `asOf` (default: its end), label = from. */
export function period(from: string, toExclusive: string, asOf?: string): Period {
  const start = parseDay(from);
  const end = parseDay(toExclusive);
  const t = asOf === undefined ? end : parseDay(asOf);
  return { label: from, start, end, partial: t < end, asOf: t };
}

export const SETTINGS: MetricSettings = { margin: 1, retentionDays: 90, clvHorizonDays: 365 };

/** computeFigures for one period; returns the rows by channel name. */
export function figuresOf(ds: Dataset, p: Period, settings: Partial<MetricSettings> = {}): Map<string, ChannelFigures> {
  const [pf] = computeFigures(ds, [p], { ...SETTINGS, ...settings });
  return new Map(pf!.rows.map((r) => [r.channel, r]));
}

/** One row's figures; throws when the channel has no row. */
export function rowOf(rows: Map<string, ChannelFigures>, channel: string): ChannelFigures {
  const r = rows.get(channel);
  if (!r) throw new Error(`no row for ${channel}`);
  return r;
}

/** computeFigures over calendar periods of [from, toExclusive) with the data end of `ds`. */
export function periodFigures(
  ds: Dataset,
  from: string,
  toExclusive: string,
  unit: Parameters<typeof buildPeriods>[2],
  weekStart: Parameters<typeof buildPeriods>[3] = 'monday',
  settings: Partial<MetricSettings> = {},
): PeriodFigures[] {
  let latest = -Infinity;
  for (const t of ds.orders.time) latest = Math.max(latest, t);
  const dataEnd = Math.floor(latest / DAY_MS) * DAY_MS + DAY_MS;
  return computeFigures(ds, buildPeriods({ start: parseDay(from), end: parseDay(toExclusive) }, dataEnd, unit, weekStart), { ...SETTINGS, ...settings });
}

/** Samples with no observations, to override one metric at a time: `{ ...EMPTY_SAMPLES, aov: { n: 1, sum: 5, sumSq: 25 } }`. */
export const EMPTY_SAMPLES: Samples = {
  aov: { n: 0, sum: 0, sumSq: 0 },
  clv: { n: 0, sum: 0, sumSq: 0 },
  returning_rate: { successes: 0, trials: 0 },
  conversion_rate: { successes: 0, trials: 0 },
  retention_rate: { successes: 0, trials: 0 },
  nps: { promoters: 0, detractors: 0, n: 0 },
};
