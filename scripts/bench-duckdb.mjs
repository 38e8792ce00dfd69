// DuckDB peer for scripts/bench.mjs: the same orders file, per channel orders,
// revenue, AOV, distinct customers and new customers (first purchase), in SQL.
// Reports wall time and peak RSS on stderr (BENCH line).
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
const t0 = performance.now();
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const con = await db.connect();
const sql = `
WITH o AS (
  SELECT "Order ID" AS id, "Customer" AS cust, "Order Date" AS ts, lower(trim("Channel")) AS ch, "Total" AS v
  FROM read_csv('${file.replace(/'/g, "''")}', header = true)
  WHERE "Total" IS NOT NULL AND lower(coalesce("Status", '')) NOT IN ('cancelled', 'canceled', 'voided')
),
acq AS (SELECT cust, arg_min(ch, ts) AS ch FROM o WHERE v > 0 AND cust IS NOT NULL GROUP BY cust),
agg AS (
  SELECT ch, count(*) FILTER (WHERE v > 0) AS orders, sum(v) FILTER (WHERE v > 0) AS revenue,
         count(DISTINCT cust) FILTER (WHERE v > 0) AS customers
  FROM o GROUP BY ch
)
SELECT agg.*, revenue / orders AS aov, (SELECT count(*) FROM acq WHERE acq.ch = agg.ch) AS new_customers
FROM agg ORDER BY revenue DESC`;
const result = await con.runAndReadAll(sql);
const rows = result.getRowObjects();
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? Number(v) : v)) + '\n');
process.stderr.write(`\nBENCH ${JSON.stringify({ code: 0, ms, maxRSS: process.resourceUsage().maxRSS * 1024 })}\n`);
