// Writes ORDERS.parquet next to ORDERS.csv with DuckDB (all columns as text, as in the CSV), for scripts/bench.mjs.
import { DuckDBInstance } from '@duckdb/node-api';

const [csv, parquet] = process.argv.slice(2);
const q = (s) => `'${s.replace(/'/g, "''")}'`;
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run(`COPY (SELECT * FROM read_csv(${q(csv)}, header = true, all_varchar = true)) TO ${q(parquet)} (FORMAT parquet)`);
