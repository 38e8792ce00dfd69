/**
 * The figures half of the figure-inputs SQL: data end and T(P), acquisition
 * with its code-point tie-break, the as-of retention and CLV sums, the order,
 * spend, traffic and NPS cells per (period, channel), the total row and the
 * final table (channelbench.figure-inputs/v1). Appends CTEs to the generator
 * and returns the final SELECT.
 */
import { TOTAL_CHANNEL } from '../model.js';
import { FIGURE_INPUTS_SCHEMA } from '../summary/schema.js';
import { indent, type Gen } from './context.js';

export function cellsSql(g: Gen): string[] {
  const { plan, d, v, cte } = g;
  const s = plan.sources;
  const lit = v.text;
  const hasIds = s.orders.columns.customer_id !== undefined;
  const bucket = (e: string): string => {
    switch (plan.unit) {
      case undefined:
        return v.day(plan.window.start);
      case 'day':
        return d.truncDay(e);
      case 'week':
        return d.truncWeek(e, plan.weekStart);
      default:
        return d.truncUnit(e, plan.unit);
    }
  };
  /** Joins rows of `alias` (timestamp column ts) to their period: bucket, then [start, T(P)). */
  const inPeriod = (alias: string, ts = 'ts') => `JOIN periods_asof pa ON pa.label = ${bucket(`${alias}.${ts}`)} AND ${alias}.${ts} >= pa.start_ts AND ${alias}.${ts} < pa.as_of`;
  const retentionHours = plan.settings.retentionDays * 24;
  const horizonHours = plan.settings.clvHorizonDays * 24;

  cte('bounds', [`SELECT ${d.addHours(d.truncDay('MAX(ts)'), 24)} AS data_end FROM orders`]);
  cte('periods_asof', ['SELECT p.*, LEAST(p.end_ts, b.data_end) AS as_of FROM periods p CROSS JOIN bounds b']);
  cte('orders_ch', ['SELECT o.*, LOWER(o.channel_name) AS ck FROM orders o']);
  // Acquisition: each customer's first purchase; ties by order id in code-point order, then input order.
  cte('acq', [
    'SELECT customer_id, ts AS acq_ts, ck AS acq_ck',
    'FROM (',
    '  SELECT customer_id, ts, ck, ROW_NUMBER() OVER (',
    `    PARTITION BY customer_id ORDER BY ts, ${d.codePointKey("COALESCE(order_id, '')")}, line`,
    '  ) AS rn',
    '  FROM orders_ch',
    '  WHERE value > 0 AND customer_id IS NOT NULL',
    ') f',
    'WHERE rn = 1',
  ]);
  cte('outcomes', [
    'SELECT',
    indent([
      'a.customer_id,',
      'a.acq_ts,',
      'a.acq_ck,',
      `SUM(CASE WHEN o.value > 0 AND o.ts < ${v.addHours('a.acq_ts', retentionHours)} THEN 1 ELSE 0 END) AS purchases,`,
      `${d.sumFloat(`CASE WHEN o.ts < ${v.addHours('a.acq_ts', horizonHours)} THEN o.value ELSE 0 END`)} * ${v.float(plan.settings.margin)} AS horizon_value`,
    ]),
    'FROM acq a',
    'JOIN orders_ch o ON o.customer_id = a.customer_id AND o.ts >= a.acq_ts',
    'GROUP BY a.customer_id, a.acq_ts, a.acq_ck',
  ]);
  // Mature customers per acquisition day: acq ≤ C (C at 00:00) ⇔ day < C, or day = C and acq is at 00:00.
  cte('acq_days', [
    'SELECT',
    indent([
      `${d.truncDay('acq_ts')} AS acq_day,`,
      `CASE WHEN acq_ts = ${d.truncDay('acq_ts')} THEN 1 ELSE 0 END AS at_midnight,`,
      'acq_ck,',
      'COUNT(*) AS n,',
      'SUM(CASE WHEN purchases >= 2 THEN 1 ELSE 0 END) AS repeaters,',
      `${d.sumFloat('horizon_value')} AS value_sum,`,
      `${d.sumFloat('horizon_value * horizon_value')} AS value_sum_sq`,
    ]),
    'FROM outcomes',
    `GROUP BY ${d.truncDay('acq_ts')}, CASE WHEN acq_ts = ${d.truncDay('acq_ts')} THEN 1 ELSE 0 END, acq_ck`,
  ]);
  const mature = (hours: number) => {
    const cutoff = v.addHours('pa.as_of', -hours);
    return `(m.acq_day < ${cutoff} OR (m.acq_day = ${cutoff} AND m.at_midnight = 1))`;
  };
  cte('maturity', [
    'SELECT',
    indent([
      'pa.p,',
      'm.acq_ck AS ck,',
      `SUM(CASE WHEN ${mature(retentionHours)} THEN m.n ELSE 0 END) AS retention_trials,`,
      `SUM(CASE WHEN ${mature(retentionHours)} THEN m.repeaters ELSE 0 END) AS retention_successes,`,
      `SUM(CASE WHEN ${mature(horizonHours)} THEN m.n ELSE 0 END) AS clv_n,`,
      `${d.sumFloat(`CASE WHEN ${mature(horizonHours)} THEN m.value_sum ELSE 0 END`)} AS clv_sum,`,
      `${d.sumFloat(`CASE WHEN ${mature(horizonHours)} THEN m.value_sum_sq ELSE 0 END`)} AS clv_sum_sq`,
    ]),
    'FROM periods_asof pa',
    'CROSS JOIN acq_days m',
    'GROUP BY pa.p, m.acq_ck',
  ]);
  cte('dated_orders', [
    'SELECT pa.p, pa.start_ts, o.ck, o.value, o.customer_id, a.acq_ts',
    'FROM orders_ch o',
    inPeriod('o'),
    'LEFT JOIN acq a ON a.customer_id = o.customer_id',
    'WHERE o.value <> 0',
  ]);
  cte('order_cells', [
    'SELECT',
    indent([
      'p,',
      'ck,',
      'SUM(CASE WHEN value > 0 THEN 1 ELSE 0 END) AS orders,',
      `${d.sumFloat('CASE WHEN value > 0 THEN value ELSE 0 END')} AS revenue,`,
      `${d.sumFloat('CASE WHEN value > 0 THEN value * value ELSE 0 END')} AS revenue_sq,`,
      `${d.sumFloat('CASE WHEN value < 0 THEN value ELSE 0 END')} AS returns,`,
      'COUNT(DISTINCT CASE WHEN value > 0 THEN customer_id END) AS customers,',
      'COUNT(DISTINCT CASE WHEN value > 0 AND acq_ts < start_ts THEN customer_id END) AS returning_customers',
    ]),
    'FROM dated_orders',
    'GROUP BY p, ck',
  ]);
  cte('period_customers', [
    'SELECT',
    indent([
      'p,',
      'COUNT(DISTINCT CASE WHEN value > 0 THEN customer_id END) AS customers,',
      'COUNT(DISTINCT CASE WHEN value > 0 AND acq_ts < start_ts THEN customer_id END) AS returning_customers',
    ]),
    'FROM dated_orders',
    'GROUP BY p',
  ]);
  cte('new_cells', ['SELECT pa.p, a.acq_ck AS ck, COUNT(*) AS new_customers', 'FROM acq a', inPeriod('a', 'acq_ts'), 'GROUP BY pa.p, a.acq_ck']);
  const joins: string[] = [];
  const rowCols: string[] = [];
  if (s.spend) {
    cte('spend_cells', [`SELECT pa.p, LOWER(r.channel_name) AS ck, ${d.sumFloat('r.amount')} AS spend, COUNT(*) AS spend_rows`, 'FROM spend_rows r', inPeriod('r'), 'WHERE r.channel_name IS NOT NULL AND r.amount IS NOT NULL', 'GROUP BY pa.p, LOWER(r.channel_name)']);
    joins.push('LEFT JOIN spend_cells sc ON sc.p = g.p AND sc.ck = g.ck');
  }
  if (s.traffic) {
    cte('traffic_cells', [`SELECT pa.p, LOWER(r.channel_name) AS ck, ${d.sumFloat('r.amount')} AS sessions, COUNT(*) AS traffic_rows`, 'FROM traffic_rows r', inPeriod('r'), 'WHERE r.channel_name IS NOT NULL AND r.amount >= 0', 'GROUP BY pa.p, LOWER(r.channel_name)']);
    joins.push('LEFT JOIN traffic_cells tc ON tc.p = g.p AND tc.ck = g.ck');
  }
  if (s.nps) {
    // An answer without a channel goes to its customer's acquisition channel when acquired by then,
    // else to "(unknown)" when that channel exists, else only to the total row (ck NULL).
    cte('nps_cells', [
      'SELECT p, ck, SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END) AS promoters, SUM(CASE WHEN score <= 6 THEN 1 ELSE 0 END) AS detractors, COUNT(*) AS answers',
      'FROM (',
      '  SELECT',
      indent(
        [
          'pa.p,',
          'r.score,',
          'CASE',
          '  WHEN r.channel_name IS NOT NULL THEN LOWER(r.channel_name)',
          '  WHEN a.acq_ts <= r.ts THEN a.acq_ck',
          '  ELSE u.ck',
          'END AS ck',
        ],
        '    ',
      ),
      '  FROM valid_nps r',
      `  ${inPeriod('r')}`,
      '  LEFT JOIN acq a ON a.customer_id = r.customer_id',
      `  CROSS JOIN (SELECT MAX(ck) AS ck FROM channels WHERE ck = ${g.unknownKey()}) u`,
      ') x',
      'GROUP BY p, ck',
    ]);
    joins.push('LEFT JOIN nps_cells nc ON nc.p = g.p AND nc.ck = g.ck');
  }
  rowCols.push(
    'COALESCE(oc.orders, 0) AS orders',
    'COALESCE(oc.revenue, 0) AS revenue',
    'COALESCE(oc.revenue_sq, 0) AS revenue_sq',
    'COALESCE(oc.returns, 0) AS returns',
    'COALESCE(oc.customers, 0) AS customers',
    'COALESCE(oc.returning_customers, 0) AS returning_customers',
    'COALESCE(nw.new_customers, 0) AS new_customers',
    s.spend ? 'COALESCE(sc.spend, 0) AS spend' : '0 AS spend',
    s.spend ? 'COALESCE(sc.spend_rows, 0) AS spend_rows' : '0 AS spend_rows',
    s.traffic ? 'COALESCE(tc.sessions, 0) AS sessions' : '0 AS sessions',
    s.traffic ? 'COALESCE(tc.traffic_rows, 0) AS traffic_rows' : '0 AS traffic_rows',
    s.nps ? 'COALESCE(nc.promoters, 0) AS promoters' : '0 AS promoters',
    s.nps ? 'COALESCE(nc.detractors, 0) AS detractors' : '0 AS detractors',
    s.nps ? 'COALESCE(nc.answers, 0) AS answers' : '0 AS answers',
    'COALESCE(mt.retention_trials, 0) AS retention_trials',
    'COALESCE(mt.retention_successes, 0) AS retention_successes',
    'COALESCE(mt.clv_n, 0) AS clv_n',
    'COALESCE(mt.clv_sum, 0) AS clv_sum',
    'COALESCE(mt.clv_sum_sq, 0) AS clv_sum_sq',
  );
  cte('cells', [
    'SELECT',
    indent(['g.p,', 'g.label_text,', 'g.ck,', 'g.name,', ...rowCols.map((c, i) => c + (i < rowCols.length - 1 ? ',' : ''))]),
    'FROM (SELECT pa.p, pa.label_text, c.ck, c.name FROM periods_asof pa CROSS JOIN channels c) g',
    'LEFT JOIN order_cells oc ON oc.p = g.p AND oc.ck = g.ck',
    'LEFT JOIN new_cells nw ON nw.p = g.p AND nw.ck = g.ck',
    'LEFT JOIN maturity mt ON mt.p = g.p AND mt.ck = g.ck',
    ...joins,
  ]);
  const unattributed = s.nps ? 'LEFT JOIN (SELECT p, SUM(promoters) AS promoters, SUM(detractors) AS detractors, SUM(answers) AS answers FROM nps_cells WHERE ck IS NULL GROUP BY p) un ON un.p = pa.p' : '';
  const plus = (c: string) => (s.nps ? ` + COALESCE(un.${c}, 0)` : '');
  const run = [
    `${lit(FIGURE_INPUTS_SCHEMA)} AS schema`,
    `${lit(plan.window.start)} AS window_start`,
    `${lit(plan.window.end)} AS window_end`,
    `(SELECT ${d.dayText('data_end')} FROM bounds) AS data_end`,
    `${plan.unit === undefined ? `CAST(NULL AS ${d.text})` : lit(plan.unit)} AS period_unit`,
    `${lit(plan.weekStart)} AS week_start`,
    `${v.float(plan.settings.margin)} AS margin`,
    `${v.int(plan.settings.retentionDays)} AS retention_days`,
    `${v.int(plan.settings.clvHorizonDays)} AS clv_horizon_days`,
    `${lit(JSON.stringify(plan.cancelledStatuses))} AS cancelled_statuses`,
    `${s.spend ? 'TRUE' : 'FALSE'} AS has_spend`,
    `${s.traffic ? 'TRUE' : 'FALSE'} AS has_traffic`,
    `${s.nps ? 'TRUE' : 'FALSE'} AS has_nps`,
    `${hasIds ? 'TRUE' : 'FALSE'} AS has_customer_ids`,
  ];
  const measures = [
    'orders',
    'revenue',
    'revenue_sq',
    'returns',
    'customers',
    'returning_customers',
    'new_customers',
    'spend',
    'spend_rows',
    'sessions',
    'traffic_rows',
    'converting_orders',
    'promoters',
    'detractors',
    'answers',
    'retention_trials',
    'retention_successes',
    'clv_n',
    'clv_sum',
    'clv_sum_sq',
  ];
  const channelRow = measures.map((m) => (m === 'converting_orders' ? 'c.orders AS converting_orders' : `c.${m}`));
  const totalRow = measures.map((m) => {
    if (m === 'customers' || m === 'returning_customers') return `COALESCE(pc.${m}, 0) AS ${m}`;
    if (m === 'converting_orders') return 'COALESCE(SUM(CASE WHEN c.traffic_rows > 0 THEN c.orders ELSE 0 END), 0) AS converting_orders';
    const nps = m === 'promoters' || m === 'detractors' || m === 'answers';
    const money = ['revenue', 'revenue_sq', 'returns', 'spend', 'sessions', 'clv_sum', 'clv_sum_sq'].includes(m);
    return `COALESCE(${money ? d.sumFloat(`c.${m}`) : `SUM(c.${m})`}, 0)${nps ? plus(m) : ''} AS ${m}`;
  });
  cte('table_rows', [
    'SELECT c.p, 0 AS is_total, c.name AS sort_name, c.label_text AS period, c.name AS channel,',
    indent(channelRow.map((c, i) => c + (i < channelRow.length - 1 ? ',' : ''))),
    'FROM cells c',
    'UNION ALL',
    `SELECT pa.p, 1, ${lit(TOTAL_CHANNEL)}, pa.label_text, ${lit(TOTAL_CHANNEL)},`,
    indent(totalRow.map((c, i) => c + (i < totalRow.length - 1 ? ',' : ''))),
    'FROM periods_asof pa',
    'LEFT JOIN cells c ON c.p = pa.p',
    'LEFT JOIN period_customers pc ON pc.p = pa.p',
    ...(unattributed ? [unattributed] : []),
    `GROUP BY pa.p, pa.label_text, pc.customers, pc.returning_customers${s.nps ? ', un.promoters, un.detractors, un.answers' : ''}`,
  ]);

  const select = ['SELECT', indent([...run, 'period', 'channel', ...measures].map((c, i, all) => c + (i < all.length - 1 ? ',' : '')))];
  select.push('FROM table_rows', `ORDER BY p, is_total, ${d.codePointKey('sort_name')};`);
  return select;
}
