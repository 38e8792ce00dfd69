/**
 * The input statistics of a SQL engine (the JSON report's `inputs[]`), counted
 * by the same CTEs the figures read: per role, rows read, invalid rows (which
 * the SQL leaves out), cancelled rows, merged and continuation lines, orders,
 * zero-value orders and rows outside every period. Line conflicts are not
 * counted (docs/warehouse.md).
 */
import type { Role } from '../model.js';
import { assemble, newGen } from './context.js';
import { ordersCtes, roleRowCtes, VALID_ROW } from './inputs-sql.js';
import type { Rendering, SqlPlan, SqlQuery } from './plan.js';

/** The span the figures read, as days (yyyy-MM-dd): first period start, window end and data end (both exclusive). */
export interface StatsSpan {
  start: string;
  windowEnd: string;
  dataEnd: string;
}

/** Columns of each row of the statistics query (all counts but role; first/last outside are yyyy-MM-dd or NULL). */
export const STATS_COLUMNS = ['rows_read', 'invalid', 'cancelled', 'merged', 'continuation', 'orders', 'zero_value_orders', 'outside_before', 'outside_after', 'outside_first', 'outside_last'] as const;

/** One row per role of the plan: `role` and STATS_COLUMNS. */
export function inputStatsQuery(plan: Omit<SqlPlan, 'periods'>, span: StatsSpan, rendering: Rendering): SqlQuery {
  const g = newGen({ ...plan, periods: [] }, rendering);
  const { d, v } = g;
  ordersCtes(g, false);
  roleRowCtes(g);
  const windowEnd = v.day(span.windowEnd);
  const end = `LEAST(${windowEnd}, ${v.day(span.dataEnd)})`;
  const day = (e: string) => d.dayText(d.truncDay(e));
  g.cte('line_kinds', [
    "SELECT CASE WHEN cancelled THEN 'cancelled' WHEN ts IS NULL OR amount IS NULL THEN 'invalid' ELSE 'order' END AS kind",
    'FROM lines',
    'WHERE order_id IS NULL',
    'UNION ALL',
    'SELECT CASE',
    "  WHEN k.r = st.start_r THEN 'order'",
    "  WHEN k.r > st.start_r AND NOT k.cancelled THEN CASE WHEN k.amount IS NULL THEN 'continuation' ELSE 'merged' END",
    "  WHEN k.cancelled THEN 'cancelled'",
    // A later line of a cancelled order: after a cancelled line, without a status of its own.
    "  WHEN st.first_cancelled < k.r AND k.status IS NULL THEN 'cancelled'",
    "  WHEN k.ts IS NULL OR k.amount IS NULL THEN 'invalid'",
    "  ELSE 'cancelled'",
    'END',
    'FROM id_lines k',
    'LEFT JOIN id_starts st ON st.order_id = k.order_id',
  ]);
  const count = (cond: string) => `SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;
  const selects = [
    [
      `SELECT ${v.text('orders')} AS role,`,
      '  (SELECT COUNT(*) FROM lines) AS rows_read,',
      ...(['invalid', 'cancelled', 'merged', 'continuation'] as const).map((k) => `  (SELECT ${count(`kind = ${v.text(k)}`)} FROM line_kinds) AS ${k},`),
      '  COUNT(*) AS orders,',
      `  ${count('value = 0')} AS zero_value_orders,`,
      '  0 AS outside_before,',
      `  ${count(`ts >= ${windowEnd}`)} AS outside_after,`,
      `  ${day(`MIN(CASE WHEN ts >= ${windowEnd} THEN ts END)`)} AS outside_first,`,
      `  ${day(`MAX(CASE WHEN ts >= ${windowEnd} THEN ts END)`)} AS outside_last`,
      'FROM orders',
    ].join('\n'),
  ];
  for (const role of ['spend', 'traffic', 'nps'] as const satisfies readonly Role[]) {
    if (!plan.sources[role]) continue;
    const valid = `(${VALID_ROW[role]})`;
    const [before, after] = [`${valid} AND ts < ${v.day(span.start)}`, `${valid} AND ts >= ${end}`];
    const out = `(${before} OR ${after})`;
    selects.push(
      [
        `SELECT ${v.text(role)},`,
        '  COUNT(*),',
        `  ${count(`NOT ${valid} OR ${valid} IS NULL`)},`,
        '  0, 0, 0, 0, 0,',
        `  ${count(before)},`,
        `  ${count(after)},`,
        `  ${day(`MIN(CASE WHEN ${out} THEN ts END)`)},`,
        `  ${day(`MAX(CASE WHEN ${out} THEN ts END)`)}`,
        `FROM ${role}_rows`,
      ].join('\n'),
    );
  }
  return { sql: assemble(g, [selects.join('\nUNION ALL\n') + ';']), params: g.params };
}
