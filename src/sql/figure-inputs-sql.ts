/**
 * The figure inputs as one SQL query (docs/warehouse.md): the definitions of
 * SPEC §1–§3 — line items, cancelled statuses, channel folding, acquisition
 * with its code-point tie-break, the as-of rule, N × 24 h windows — written
 * once, spelled per engine by the dialect table. The result is the
 * channelbench.figure-inputs/v1 table. Periods are computed by the tool (the
 * same `buildPeriods` as every engine); data end is computed in SQL.
 *
 * One generator, two renderings (plan.ts): literal values for `channelbench sql`,
 * bind parameters for `report --engine postgres`.
 */
import { cellsSql } from './cells-sql.js';
import { assemble, newGen, prepareStatements } from './context.js';
import { ordersCtes, roleCtes } from './inputs-sql.js';
import type { Rendering, SqlPlan, SqlQuery } from './plan.js';

export type { Rendering, SqlPlan, SqlQuery, SqlSource, SqlSources } from './plan.js';

/** The SQL text of a plan with every value inline. Deterministic: the same plan gives the same bytes. */
export function figureInputsSql(plan: SqlPlan): string {
  return figureInputsQuery(plan, 'literal').sql;
}

/** The figure-inputs query in a rendering (`bound`: values as $1 … with `params`). */
export function figureInputsQuery(plan: SqlPlan, rendering: Rendering): SqlQuery {
  const g = newGen(plan, rendering);
  ordersCtes(g, true);
  roleCtes(g);
  const select = cellsSql(g);
  return { sql: assemble(g, select), params: g.params };
}

/**
 * The first order day and data end of the orders as the figure-inputs SQL builds
 * them (line items merged, cancelled rows removed): one row (first_day, data_end),
 * both yyyy-MM-dd. An engine runs it first to resolve --last and the default window.
 */
export function orderBoundsQuery(plan: Omit<SqlPlan, 'periods'>, rendering: Rendering): SqlQuery {
  const g = newGen({ ...plan, periods: [] }, rendering);
  ordersCtes(g, false);
  const { d } = g;
  const select = [`SELECT ${d.dayText(d.truncDay('MIN(ts)'))} AS first_day, ${d.dayText(d.addHours(d.truncDay('MAX(ts)'), 24))} AS data_end`, 'FROM orders;'];
  return { sql: assemble(g, select), params: g.params };
}

/** The CTEs an engine can store once per run (`prepareQueries`): every line and every order, read from the source once. */
export const PREPARED_CTES = ['lines', 'id_starts', 'orders'] as const;

/**
 * CREATE TEMP TABLE statements for PREPARED_CTES (literal rendering). The DuckDB
 * engine runs them first, then generates every query with `prebuilt: PREPARED_CTES`,
 * so the bounds, figures and statistics queries read the stored orders instead of
 * re-reading and re-merging the file three times.
 */
export function prepareQueries(plan: Omit<SqlPlan, 'periods'>): string[] {
  const g = newGen({ ...plan, periods: [], prebuilt: [] }, 'literal');
  ordersCtes(g, false);
  return prepareStatements(g, PREPARED_CTES);
}
