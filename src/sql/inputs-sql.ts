/**
 * The reading half of the figure-inputs SQL: source rows of every role with
 * the canonical fields, line items merged into orders (cancelled statuses and
 * the lines that follow them, SPEC §1 Status), channel display names and the
 * set of channels. Appends CTEs to the generator.
 */
import { indent, NL, type Gen } from './context.js';

/** periods (unless `withPeriods` is false), src_orders, lines, id_lines, id_starts, orders_raw, orders. */
export function ordersCtes(g: Gen, withPeriods: boolean): void {
  const { plan, d, v, cte } = g;
  const s = plan.sources;
  const revenue = s.orders.columns.revenue
    ? g.numOf(g.col(s.orders, 'revenue'))
    : s.orders.columns.quantity && s.orders.columns.unit_price
      ? d.round9(`${g.numOf(g.col(s.orders, 'quantity'))} * ${g.numOf(g.col(s.orders, 'unit_price'))}`)
      : g.numOf(null);
  const cancelled = plan.cancelledStatuses.map((x) => v.text(x.trim().toLowerCase()));
  const statusExpr = s.orders.columns.status ? `LOWER(${g.textOf(g.col(s.orders, 'status'))})` : `CAST(NULL AS ${d.text})`;
  const isCancelled = cancelled.length === 0 ? 'FALSE' : `COALESCE(status IN (${cancelled.join(', ')}), FALSE)`;

  if (withPeriods) {
    const rows = plan.periods.map((p, i) => `SELECT ${i} AS p, ${v.text(p.label)} AS label_text, ${v.day(p.label)} AS label, ${v.day(p.start)} AS start_ts, ${v.day(p.end)} AS end_ts`);
    cte('periods', rows.flatMap((r, i) => (i === 0 ? [r] : ['UNION ALL', r])));
  }
  cte('src_orders', [
    'SELECT',
    indent([
      `${g.tsOf(s.orders)} AS ts,`,
      `${revenue} AS amount,`,
      `${g.textOf(g.col(s.orders, 'order_id'))} AS order_id,`,
      `${g.textOf(g.col(s.orders, 'customer_id'))} AS customer_id,`,
      `${g.textOf(g.col(s.orders, 'channel'))} AS channel,`,
      `${statusExpr} AS status,`,
      `${g.lineOf(s.orders)} AS line`,
    ]),
    `FROM ${d.table(s.orders.table)} s`,
  ]);
  cte('lines', [`SELECT l.*, ${isCancelled} AS cancelled FROM src_orders l`]);
  // r: a line's rank within its order id, in input order (ties, where `line` may repeat, by value).
  // A unique `line` is that order already, without a window over every line.
  cte(
    'id_lines',
    s.orders.uniqueLine
      ? ['SELECT l.*, l.line AS r', 'FROM lines l', 'WHERE order_id IS NOT NULL']
      : [
          'SELECT l.*, ROW_NUMBER() OVER (',
          `  PARTITION BY order_id ORDER BY line, ts, amount, ${d.codePointKey("COALESCE(channel, '')")}, ${d.codePointKey("COALESCE(customer_id, '')")}`,
          ') AS r',
          'FROM lines l',
          'WHERE order_id IS NOT NULL',
        ],
  );
  // The line that starts an order: its first valid line that is not cancelled and does not
  // follow a cancelled line of its id without a status of its own (SPEC §1 Status). In one pass:
  // first_valid starts it when it comes before first_cancelled (or nothing is cancelled);
  // otherwise no line before first_cancelled qualifies, and first_with_status does.
  const valid = 'NOT cancelled AND ts IS NOT NULL AND amount IS NOT NULL';
  cte('id_starts', [
    'SELECT order_id, first_cancelled,',
    '  CASE WHEN first_cancelled IS NULL OR first_valid < first_cancelled THEN first_valid ELSE first_with_status END AS start_r',
    'FROM (',
    '  SELECT order_id,',
    '    MIN(CASE WHEN cancelled THEN r END) AS first_cancelled,',
    `    MIN(CASE WHEN ${valid} THEN r END) AS first_valid,`,
    `    MIN(CASE WHEN ${valid} AND status IS NOT NULL THEN r END) AS first_with_status`,
    '  FROM id_lines',
    '  GROUP BY order_id',
    ') f',
  ]);
  // Orders: lines sharing an id are one order (value = Σ lines, the rest from its first line).
  cte('orders_raw', [
    'SELECT',
    indent([
      'k.order_id,',
      'MAX(CASE WHEN k.r = st.start_r THEN k.ts END) AS ts,',
      `${d.round9('SUM(k.amount)')} AS value,`,
      'MAX(CASE WHEN k.r = st.start_r THEN k.customer_id END) AS customer_id,',
      'MAX(CASE WHEN k.r = st.start_r THEN k.channel END) AS channel,',
      'MIN(CASE WHEN k.r = st.start_r THEN k.line END) AS line',
    ]),
    'FROM id_lines k',
    'JOIN id_starts st ON st.order_id = k.order_id',
    'WHERE NOT k.cancelled AND k.r >= st.start_r',
    'GROUP BY k.order_id',
    'UNION ALL',
    `SELECT order_id, ts, ${d.round9('amount')} AS value, customer_id, channel, line`,
    'FROM lines',
    'WHERE order_id IS NULL AND NOT cancelled AND ts IS NOT NULL AND amount IS NOT NULL',
  ]);
  cte('orders', [`SELECT o.order_id, o.ts, o.value, o.customer_id, o.line, ${g.display(`COALESCE(o.channel, ${g.unknownRaw()})`)} AS channel_name`, 'FROM orders_raw o']);
}

/** spend_rows, traffic_rows, nps_rows, valid_nps (for the roles the plan has), channel_names, channels. */
export function roleCtes(g: Gen): void {
  const roles = roleRowCtes(g);
  // Every channel seen in any input; its display name is the first spelling seen (inputs in role order, then line).
  // Each spelling's first line per role first, so the window below ranks spellings, not every row.
  g.cte('channel_names', ['SELECT name, role, MIN(line) AS line', 'FROM (', indent(roles.join(NL + 'UNION ALL' + NL).split(NL)), ') n', 'GROUP BY name, role']);
  g.cte('channels', [
    'SELECT ck, name',
    'FROM (',
    `  SELECT LOWER(name) AS ck, name, ROW_NUMBER() OVER (PARTITION BY LOWER(name) ORDER BY role, line, ${g.d.codePointKey('name')}) AS rn`,
    '  FROM channel_names',
    ') n',
    'WHERE rn = 1',
  ]);
}

/** spend_rows, traffic_rows, nps_rows, valid_nps for the roles the plan has; returns the SELECTs of their channel names. */
export function roleRowCtes(g: Gen): string[] {
  const { plan, d, cte } = g;
  const s = plan.sources;
  const roles: string[] = [`SELECT channel_name AS name, 0 AS role, line FROM orders`];
  if (s.spend) {
    cte('spend_rows', [
      `SELECT ${g.tsOf(s.spend)} AS ts, ${g.display(g.textOf(g.col(s.spend, 'channel')))} AS channel_name, ${g.numOf(g.col(s.spend, 'spend'))} AS amount, ${g.lineOf(s.spend)} AS line`,
      `FROM ${d.table(s.spend.table)} s`,
    ]);
    roles.push(`SELECT channel_name, 1, line FROM spend_rows WHERE ${VALID_ROW.spend}`);
  }
  if (s.traffic) {
    cte('traffic_rows', [
      `SELECT ${g.tsOf(s.traffic)} AS ts, ${g.display(g.textOf(g.col(s.traffic, 'channel')))} AS channel_name, ${g.numOf(g.col(s.traffic, 'sessions'))} AS amount, ${g.lineOf(s.traffic)} AS line`,
      `FROM ${d.table(s.traffic.table)} s`,
    ]);
    roles.push(`SELECT channel_name, 2, line FROM traffic_rows WHERE ${VALID_ROW.traffic}`);
  }
  if (s.nps) {
    const ch = g.textOf(g.col(s.nps, 'channel'));
    const cust = g.textOf(g.col(s.nps, 'customer_id'));
    cte('nps_rows', [
      'SELECT',
      indent([
        `${g.tsOf(s.nps)} AS ts,`,
        `${g.numOf(g.col(s.nps, 'score'))} AS score,`,
        `${cust} AS customer_id,`,
        // An answer with neither channel nor customer is "(unknown)" (SPEC §1).
        `${g.display(`CASE WHEN ${ch} IS NULL AND ${cust} IS NULL THEN ${g.unknownRaw()} ELSE ${ch} END`)} AS channel_name,`,
        `${g.lineOf(s.nps)} AS line`,
      ]),
      `FROM ${d.table(s.nps.table)} s`,
    ]);
    roles.push('SELECT channel_name, 3, line FROM valid_nps WHERE channel_name IS NOT NULL');
    cte('valid_nps', ['SELECT * FROM nps_rows', `WHERE ${VALID_ROW.nps}`]);
  }
  return roles;
}

/** The rows of spend_rows / traffic_rows / nps_rows the figures can use (the others are invalid). */
export const VALID_ROW = {
  spend: 'channel_name IS NOT NULL AND ts IS NOT NULL AND amount IS NOT NULL',
  traffic: 'channel_name IS NOT NULL AND ts IS NOT NULL AND amount >= 0',
  nps: 'ts IS NOT NULL AND score >= 0 AND score <= 10 AND score = FLOOR(score)',
} as const;
