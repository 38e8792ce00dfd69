// DuckDB peers for scripts/bench.mjs (2 threads), over an orders file of
// scripts/bench-data.mjs, whole history as one window, as of T = data end:
//
//   node scripts/bench-duckdb.mjs report FILE        every orders figure of `report`
//   node scripts/bench-duckdb.mjs crosschannel FILE  `crosschannel`'s summary and buckets
//   node scripts/bench-duckdb.mjs cohorts FILE       `cohorts`' monthly grid per acquisition channel
//
// Prints the figures as JSON on stdout (scripts/bench-check.mjs compares them
// with channelbench's) and wall time and peak RSS on stderr (a BENCH line).
// The SPEC §3 rules, in SQL: lines sharing an order id are one order (value =
// the sum of its lines); a purchase has value > 0, a return < 0; acquisition =
// the customer's first purchase, ties broken by the order id as a string
// (DuckDB compares VARCHAR by UTF-8 bytes = code points); retention = ≥ 2
// purchases in [acq, acq + 90 d) among customers acquired ≤ T − 90 d; CLV = mean
// net value of all orders in [acq, acq + 365 d) among customers acquired ≤ T − 365 d.
import { DuckDBInstance } from '@duckdb/node-api';

const [mode, file] = process.argv.slice(2);
const t0 = performance.now();
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const con = await db.connect();
const src = `read_csv('${file.replace(/'/g, "''")}', header = true, delim = ',', quote = '"', escape = '"', comment = '', auto_detect = false,
  columns = {'id': 'VARCHAR', 'cust': 'VARCHAR', 'ts': 'TIMESTAMP', 'ch': 'VARCHAR', 'v': 'DOUBLE', 'note': 'VARCHAR'})`;
// Orders (lines merged), purchases, T, and each customer's acquisition.
const base = `
o AS (SELECT id, any_value(cust) AS cust, min(ts) AS ts, any_value(lower(trim(ch))) AS ch, sum(v) AS v FROM ${src} GROUP BY id),
t AS (SELECT date_trunc('day', max(ts)) + INTERVAL 1 DAY AS t_end, date_trunc('day', min(ts)) AS t_start FROM o),
p AS (SELECT * FROM o WHERE v > 0),
acq AS (SELECT cust, arg_min(ch, (ts, id)) AS ach, min(ts) AS ats FROM p WHERE cust IS NOT NULL GROUP BY cust)`;

const SQL = {
  report: `WITH ${base},
per_cust AS (
  SELECT a.cust, a.ach, a.ats,
    count(*) FILTER (WHERE o.v > 0 AND o.ts < a.ats + INTERVAL 90 DAY) AS p90,
    sum(o.v) FILTER (WHERE o.ts < a.ats + INTERVAL 365 DAY) AS v365
  FROM acq a JOIN o ON o.cust = a.cust AND o.ts >= a.ats GROUP BY ALL),
cohort AS (
  SELECT ach,
    count(*) FILTER (WHERE ats <= (SELECT t_end FROM t) - INTERVAL 90 DAY) AS m90,
    count(*) FILTER (WHERE ats <= (SELECT t_end FROM t) - INTERVAL 90 DAY AND p90 >= 2) AS r90,
    count(*) FILTER (WHERE ats <= (SELECT t_end FROM t) - INTERVAL 365 DAY) AS m365,
    sum(v365) FILTER (WHERE ats <= (SELECT t_end FROM t) - INTERVAL 365 DAY) AS v365,
    count(*) AS new_customers
  FROM per_cust GROUP BY GROUPING SETS ((ach), ())),
money AS (
  SELECT ch, count(*) FILTER (WHERE v > 0) AS orders, coalesce(sum(v) FILTER (WHERE v > 0), 0) AS revenue,
    coalesce(-sum(v) FILTER (WHERE v < 0), 0) AS refunds
  FROM o GROUP BY GROUPING SETS ((ch), ())),
custs AS (
  SELECT p.ch, count(DISTINCT p.cust) AS customers,
    count(DISTINCT p.cust) FILTER (WHERE a.ats < (SELECT t_start FROM t)) AS returning
  FROM p JOIN acq a USING (cust) GROUP BY GROUPING SETS ((p.ch), ()))
SELECT coalesce(m.ch, '(all)') AS channel, m.orders, m.revenue, m.refunds, m.revenue - m.refunds AS net_revenue,
  m.revenue / nullif(m.orders, 0) AS aov, coalesce(c.customers, 0) AS customers, coalesce(k.new_customers, 0) AS new_customers,
  c.returning / nullif(c.customers, 0) AS returning_rate, k.r90 / nullif(k.m90, 0) AS retention_rate, k.v365 / nullif(k.m365, 0) AS clv
FROM money m
LEFT JOIN custs c ON c.ch IS NOT DISTINCT FROM m.ch
LEFT JOIN cohort k ON k.ach IS NOT DISTINCT FROM m.ch`,

  crosschannel: `WITH ${base},
pt AS (SELECT * FROM p WHERE cust IS NOT NULL),
nets AS (SELECT cust, sum(v) AS net FROM o WHERE cust IS NOT NULL GROUP BY cust),
used AS (SELECT cust, count(DISTINCT ch) AS n, count(*) AS purchases, sum(v) AS rev FROM pt GROUP BY cust),
b AS (SELECT CASE WHEN n >= 3 THEN '3+' ELSE n::VARCHAR END AS bucket, count(*) AS customers, avg(net) AS mean_net_value,
        avg(purchases) AS mean_purchases, sum(rev) / sum(purchases) AS aov FROM used JOIN nets USING (cust) GROUP BY 1)
SELECT 'summary' AS kind, NULL AS bucket, count(*) AS customers, count(*) FILTER (WHERE n >= 2) AS multichannel_customers,
  avg(net) FILTER (WHERE n = 1) AS mean_net_value_single, avg(net) FILTER (WHERE n >= 2) AS mean_net_value_multichannel,
  NULL AS mean_purchases, NULL AS aov
FROM used JOIN nets USING (cust)
UNION ALL SELECT 'bucket', bucket, customers, NULL, mean_net_value, NULL, mean_purchases, aov FROM b`,

  cohorts: `WITH ${base},
pc AS (SELECT a.ach, date_trunc('month', a.ats) AS cm, a.cust,
         datediff('month', date_trunc('month', a.ats), date_trunc('month', o.ts)) AS k, o.v
       FROM acq a JOIN o ON o.cust = a.cust AND o.ts >= a.ats)
SELECT strftime(cm, '%Y-%m-%d') AS cohort, coalesce(ach, '(all)') AS channel, k,
  count(DISTINCT cust) FILTER (WHERE v > 0) AS active, sum(v) AS value,
  datediff('month', cm, date_trunc('month', (SELECT t_end FROM t))) - 1 AS complete_through
FROM pc WHERE k <= 12 GROUP BY GROUPING SETS ((cm, ach, k), (cm, k)) ORDER BY 1, 2, 3`,
};

if (!SQL[mode]) throw new Error(`mode must be one of ${Object.keys(SQL).join(', ')}`);
const result = await con.runAndReadAll(SQL[mode]);
const rows = result.getRowObjectsJS();
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? Number(v) : v)) + '\n');
process.stderr.write(`\nBENCH ${JSON.stringify({ code: 0, ms, maxRSS: process.resourceUsage().maxRSS * 1024 })}\n`);
