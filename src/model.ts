/**
 * Canonical types shared by every layer (ingest, metrics, report).
 * Nothing here does I/O; nothing here imports from another layer.
 */

/** The four kinds of input a run can read (SPEC §1). */
export const ROLES = ['orders', 'spend', 'traffic', 'nps'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Campaign fields a channel can be derived from (`--channel-grouping`, SPEC §1);
 * `source_medium` is a combined `source / medium` column (GA4), split on ` / `.
 */
export const UTM_FIELDS = ['source', 'medium', 'campaign', 'source_medium'] as const;

/** Canonical fields per role, in the order the spec lists them (then currency and the campaign fields). */
export const ROLE_FIELDS = {
  orders: ['date', 'revenue', 'order_id', 'customer_id', 'channel', 'status', 'quantity', 'unit_price', 'currency', ...UTM_FIELDS],
  spend: ['date', 'channel', 'spend', 'currency', ...UTM_FIELDS],
  traffic: ['date', 'channel', 'sessions', ...UTM_FIELDS],
  nps: ['date', 'score', 'channel', 'customer_id', ...UTM_FIELDS],
} as const satisfies Record<Role, readonly string[]>;

export type FieldOf<R extends Role> = (typeof ROLE_FIELDS)[R][number];
export type Field = FieldOf<Role>;

/** Required canonical fields per role (SPEC §1, bold). */
export const REQUIRED_FIELDS = {
  orders: ['date', 'revenue'],
  spend: ['date', 'channel', 'spend'],
  traffic: ['date', 'channel', 'sessions'],
  nps: ['date', 'score'],
} as const satisfies { [R in Role]: readonly FieldOf<R>[] };

/** Milliseconds in a UTC day; all times are epoch milliseconds, UTC. */
export const DAY_MS = 86_400_000;

/**
 * The comparison key of a channel name (SPEC §1 "Channels": trimmed,
 * case-insensitive). Every layer that matches channel names uses this.
 * @example channelKey('  Email ') // 'email'
 */
export function channelKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Compares strings by Unicode code points (= UTF-8 byte order, what SQL engines
 * compare under a binary collation). JavaScript's `<` compares UTF-16 units,
 * which puts an astral character (a surrogate pair, e.g. 😀) before U+E000–U+FFFF
 * (e.g. Ａ); this corrects that one case.
 * @example compareCodePoints('Ａ', '😀') // < 0
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Surrogates (D800–DFFF) sort after E000–FFFF in code-point order.
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** Label used for an order without a channel. */
export const UNKNOWN_CHANNEL = '(unknown)';
/** Label of the total row. */
export const TOTAL_CHANNEL = '(all)';

/** One order after line items are merged and cancelled rows removed (the row view of an OrderTable). */
export interface Order {
  /** Epoch ms (UTC) of the order's first line. */
  time: number;
  /** Sum of the values of its lines. > 0 purchase, < 0 return, 0 neither. */
  value: number;
  /** Index into `Dataset.channels`. */
  channel: number;
  /** Index into the customer table, or -1 when the order has no customer id. */
  customer: number;
  /** The order id as read (used for acquisition tie-breaks), or '' when absent. */
  orderId: string;
}

/** A spend row: cost of a channel on a day. */
export interface SpendRow {
  time: number;
  channel: number;
  spend: number;
}

/** A traffic row: sessions of a channel on a day. */
export interface TrafficRow {
  time: number;
  channel: number;
  sessions: number;
}

/** One survey answer; score is an integer 0–10. */
export interface NpsAnswer {
  time: number;
  /** Index into `Dataset.channels`, or -1 when the answer has no channel (attributed later). */
  channel: number;
  /** Index into the customer table, or -1. */
  customer: number;
  score: number;
}

/**
 * All orders, column by column (struct of arrays): ~28 bytes per order and no
 * object per order, so 10M orders fit in memory and the engine's loops read
 * typed arrays. Every array is exactly `length` long. Order i is the i-th order
 * in input order (the order of its first line).
 */
export interface OrderTable {
  readonly length: number;
  /** Epoch ms (UTC) of each order's first line. */
  readonly time: Float64Array;
  /** Sum of the values of its lines. > 0 purchase, < 0 return, 0 neither. */
  readonly value: Float64Array;
  /** Index into `Dataset.channels`. */
  readonly channel: Int32Array;
  /** Index into the customer table, or -1 when the order has no customer id. */
  readonly customer: Int32Array;
  /** The order id as read, or '' when absent (acquisition tie-breaks, messages; may decode on demand). */
  orderId(i: number): string;
}

/** An OrderTable from order objects (tests, small inputs). */
export function orderTable(orders: readonly Order[]): OrderTable {
  const n = orders.length;
  const time = new Float64Array(n);
  const value = new Float64Array(n);
  const channel = new Int32Array(n);
  const customer = new Int32Array(n);
  const ids: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const o = orders[i]!;
    time[i] = o.time;
    value[i] = o.value;
    channel[i] = o.channel;
    customer[i] = o.customer;
    ids[i] = o.orderId;
  }
  return { length: n, time, value, channel, customer, orderId: (i) => ids[i]! };
}

/** Order i of a table as an object (tests, messages; not for hot loops). */
export function orderAt(t: OrderTable, i: number): Order {
  return { time: t.time[i]!, value: t.value[i]!, channel: t.channel[i]!, customer: t.customer[i]!, orderId: t.orderId(i) };
}

/** Every order of a table as objects, in order (tests; not for hot loops). */
export function orderList(t: OrderTable): Order[] {
  const out: Order[] = new Array<Order>(t.length);
  for (let i = 0; i < t.length; i++) out[i] = orderAt(t, i);
  return out;
}

/**
 * Everything the metrics need, in memory, built in one pass over the inputs.
 * Orders are in input order (the order of their first line).
 */
export interface Dataset {
  /** Display names; index = channel id. Every channel seen in any input, after aliasing. */
  channels: string[];
  orders: OrderTable;
  /** Number of distinct customer ids; customer indices are 0..customerCount-1. */
  customerCount: number;
  /** Whether the orders input has a customer id column at all. */
  hasCustomerIds: boolean;
  /** null when the role was not given. */
  spend: SpendRow[] | null;
  traffic: TrafficRow[] | null;
  nps: NpsAnswer[] | null;
}

/** Every metric key of SPEC §3, in registry (= column) order. */
export const METRIC_KEYS = [
  'orders',
  'revenue',
  'refunds',
  'net_revenue',
  'aov',
  'customers',
  'new_customers',
  'returning_rate',
  'spend',
  'cac',
  'roas',
  'sessions',
  'conversion_rate',
  'retention_rate',
  'clv',
  'clv_cac',
  'nps',
  'nps_responses',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export const PERIOD_UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];
export const WEEK_STARTS = ['monday', 'sunday'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

/** The `clv` command's figures that a benchmarks file may also target (README "clv"). */
export const PREDICTIVE_METRIC_KEYS = ['predicted_clv', 'predicted_clv_cac'] as const;
export type PredictiveMetricKey = (typeof PREDICTIVE_METRIC_KEYS)[number];

/** Every key a benchmarks file accepts: the report's metrics, then the predictive ones. */
export const BENCHMARK_KEYS = [...METRIC_KEYS, ...PREDICTIVE_METRIC_KEYS] as const;
export type BenchmarkKey = (typeof BENCHMARK_KEYS)[number];

/** A reporting period; all instants are epoch ms UTC at 00:00 of a day. */
export interface Period {
  /** First day of the calendar period, `yyyy-MM-dd` (even when the window starts later in it). */
  label: string;
  /** First instant actually covered (window-clipped). */
  start: number;
  /** Exclusive end: 00:00 of the day after the last covered day. */
  end: number;
  /** Clipped by the window, or extending past data end. */
  partial: boolean;
  /** T(P) = min(end, data end): figures use only data dated before it. */
  asOf: number;
}

/** Settings that change metric values (config `settings`, flags override). */
export interface MetricSettings {
  margin: number;
  retentionDays: number;
  clvHorizonDays: number;
}
