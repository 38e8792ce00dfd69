import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
const [sqlFile, src, ...settings] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
await c.run("SET TimeZone='UTC'");
for (const s of settings) await c.run(s);
const from = src.endsWith('.parquet') ? `read_parquet('${src}', file_row_number=true)` : `read_csv('${src}', header=true, all_varchar=true)`;
const line = src.endsWith('.parquet') ? 'file_row_number' : 'rowid';
if (src.endsWith('.parquet')) await c.run(`CREATE TEMP VIEW raw AS SELECT * FROM ${from}`); else await c.run(`CREATE TEMP TABLE raw AS SELECT * FROM ${from}`);
await c.run(`CREATE TEMP VIEW orders AS SELECT "Order ID" order_id, "Customer" customer_id, CAST(CAST("Order Date" AS TIMESTAMPTZ) AS TIMESTAMP) date, "Channel" channel, "Total" revenue, ${line} AS line FROM raw`);
const sql = readFileSync(sqlFile, 'utf8');
const t = performance.now(), cpu = process.cpuUsage();
if (process.env.PROFILE) { await c.run("PRAGMA enable_profiling='json'"); await c.run(`PRAGMA profiling_output='${process.env.PROFILE}'`); }
if (process.env.EXPLAIN) { const r = await c.runAndReadAll('EXPLAIN ANALYZE ' + sql.replace(/^--.*\n/gm, '').replace(/;\s*$/, '')); console.log(r.getRowObjects().map(o => o.explain_value).join('\n')); }
else { const r = await c.runAndReadAll(sql); console.log(JSON.stringify(r.getRowObjects(), (k,v)=>typeof v==='bigint'?Number(v):v)); }
const u = process.cpuUsage(cpu);
console.error(`wall ${((performance.now()-t)/1000).toFixed(1)} s cpu ${((u.user+u.system)/1e6).toFixed(1)} s rss ${(process.resourceUsage().maxRSS/1024).toFixed(0)} MB`);
