/**
 * Messy orders files for the orders fast path tests: cells drawn from pools of what
 * real exports write (decimal commas, ambiguous amounts and dates, padded and
 * non-ASCII ids, cancelled statuses, blanks, invalid values), sometimes
 * quoted, sometimes short.
 */
import fc from 'fast-check';

export const MESSY_POOLS = {
  id: ['o1', 'o2', 'o3', 'o10', 'o9', '', ' o2', 'o2 ', 'ö1', '\u00a0o3', 'O1', '   '],
  customer: ['c1', 'c2', 'c3', '', 'Ç', 'c1 ', '\tc2', 'C1'],
  date: ['2024-01-05', '2024-01-05 10:20:30', '2024-01-05T10:20:30Z', '2024-02-30', '05/01/2024', '13/01/2024', '01/13/2024', '', '20240105', 'x', ' 2024-01-05', '2024-01-05 10:20'],
  channel: ['web', 'Web', ' web', '', 'email', '€shop', 'shop', 'store '],
  status: ['', '', 'paid', 'cancelled', 'CANCELLED', ' voided ', 'refunded'],
  revenue: ['12', '12.50', '1,234.50', '1.234,50', '12,5', '1,234', '1.000', '', ' 7 ', '-3', '$5', 'abc', '007', '-0', '1e3', '12.', '0.1', '123456789012345', '1234567890123456.5', '-0.00', '12345678901234567.8', '0.30000000000000004441', '9007199254740993'],
} as const;

export interface MessyRow {
  id: string;
  customer: string;
  date: string;
  channel: string;
  status: string;
  revenue: string;
  /** 0: quote the channel cell (with a delimiter and "" inside); 1: quote the id; else plain. */
  quote: number;
  /** 0: the line stops after the date. */
  short: number;
}

/** An orders file of these rows. */
export function messyOrdersCsv(rows: MessyRow[], delimiter: string, withStatus: boolean): string {
  const header = ['order_id', 'customer_id', 'date', 'channel', ...(withStatus ? ['status'] : []), 'revenue'];
  const lines = rows.map((r) => {
    let cells = [r.id, r.customer, r.date, r.channel, ...(withStatus ? [r.status] : []), r.revenue];
    if (r.quote === 0) cells = cells.map((c, i) => (i === 3 ? `"${c}${delimiter} ""x"""` : c));
    if (r.quote === 1) cells[0] = `"${cells[0]}"`;
    if (r.short === 0) cells = cells.slice(0, 3);
    // Cells holding the delimiter would shift columns; write them quoted.
    return cells.map((c) => (c.includes(delimiter) && !c.startsWith('"') ? `"${c}"` : c)).join(delimiter);
  });
  return [header.join(delimiter), ...lines].join('\n') + '\n';
}

/** One of `values` (fast-check arbitrary). */
export const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

/** One messy row (fast-check arbitrary). */
export const messyRow: fc.Arbitrary<MessyRow> = fc.record({
  id: pick(MESSY_POOLS.id),
  customer: pick(MESSY_POOLS.customer),
  date: pick(MESSY_POOLS.date),
  channel: pick(MESSY_POOLS.channel),
  status: pick(MESSY_POOLS.status),
  revenue: pick(MESSY_POOLS.revenue),
  quote: fc.integer({ min: 0, max: 19 }),
  short: fc.integer({ min: 0, max: 24 }),
});

/** `n` rows, the same for the same seed. */
export function randomMessyRows(seed: number, n: number): MessyRow[] {
  return fc.sample(fc.array(messyRow, { minLength: n, maxLength: n }), { seed, numRuns: 1 })[0]!;
}
