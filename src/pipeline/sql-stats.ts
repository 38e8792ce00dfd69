/**
 * The input statistics of the SQL engines: the statistics query
 * (sql/stats-sql.ts) turned into the per-file counts every output reads, with
 * the rows outside the span described as for the in-process engine. What SQL
 * does not count is named in `notCounted`, never reported as a silent zero.
 */
import type { Role } from '../model.js';
import type { FileReport } from '../model/input-report.js';
import { formatDay, parseDay } from '../periods/index.js';
import type { SqlPlan, SqlQuery } from '../sql/figure-inputs-sql.js';
import { inputStatsQuery } from '../sql/stats-sql.js';
import type { Rendering } from '../sql/plan.js';
import { describeOutside, type UsedSpan } from './row-accounting.js';

export interface SqlInput {
  role: Role;
  /** The file as given, or the table. */
  file: string;
  format: FileReport['format'];
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Runs the statistics query and returns one FileReport per input. */
export async function sqlInputFiles(
  run: (q: SqlQuery) => Promise<Record<string, unknown>[]>,
  plan: Omit<SqlPlan, 'periods'>,
  span: UsedSpan,
  inputs: readonly SqlInput[],
  rendering: Rendering,
): Promise<FileReport[]> {
  const days = { start: formatDay(span.start), windowEnd: formatDay(span.windowEnd), dataEnd: formatDay(span.dataEnd) };
  const rows = await run(inputStatsQuery(plan, days, rendering));
  const byRole = new Map(rows.map((r) => [String(r['role']), r]));
  return inputs.map((input): FileReport => {
    const r = byRole.get(input.role) ?? {};
    const day = (v: unknown) => (v === null || v === undefined ? NaN : parseDay(String(v)));
    const [before, after] = [num(r['outside_before']), num(r['outside_after'])];
    const counts: FileReport['counts'] = {
      rowsRead: num(r['rows_read']),
      invalidRows: num(r['invalid']),
      droppedRows: 0,
      cancelledRows: num(r['cancelled']),
      continuationLines: num(r['continuation']),
      mergedRows: num(r['merged']),
      lineConflicts: 0,
      conflicts: { date: 0, customer: 0, channel: 0 },
      orders: num(r['orders']),
      zeroValueOrders: num(r['zero_value_orders']),
      outside: { rows: before + after, first: day(r['outside_first']), last: day(r['outside_last']), why: '', dates: '' },
      firstTime: NaN,
      lastTime: NaN,
      channels: new Set(),
      converted: {},
      notCounted: input.role === 'orders' ? ['line_conflicts'] : [],
    };
    describeOutside(counts, input.role, before, after, span);
    return {
      role: input.role,
      file: input.file,
      format: input.format,
      gzip: /\.gz$/i.test(input.file),
      delimiter: null,
      bom: false,
      commentLines: 0,
      preset: null,
      mapping: { role: input.role, fields: {}, revenueFromLineItems: false },
      styles: [],
      counts,
      problems: [],
    };
  });
}
