// npm run bench [-- --sizes 1m,5m,10m] [--runs 3]
//
// Times the full `channelbench report` (all metrics, JSON) on generated data of
// N orders (the demo generator: six channels, line items, returns, spend,
// traffic, NPS; deterministic), single window and --period week, and DuckDB
// running the equivalent aggregate SQL over the same orders file. Prints a table
// and writes bench/results.json. Data is cached in bench/data/ (git-ignored).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OPTIONS, customersForOrders, writeDemo } from './generate-demo.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = process.argv.indexOf('--sizes');
const sizes = (arg > 0 ? process.argv[arg + 1] : '1m,5m').split(',').map((s) => s.trim().toLowerCase());
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(1, Number.parseInt(process.argv[runsArg + 1], 10) || 1) : 3;
// --engines-only: time only `report --engine duckdb` (CSV and Parquet), print, write bench/results-engines.json.
const ENGINES_ONLY = process.argv.includes('--engines-only');
const parseSize = (s) => Math.round(Number.parseFloat(s) * (s.endsWith('m') ? 1e6 : s.endsWith('k') ? 1e3 : 1));

async function ensureData(size) {
  const dir = path.join(root, 'bench', 'data', size);
  const marker = path.join(dir, '.complete');
  const orders = parseSize(size);
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== String(orders)) {
    mkdirSync(dir, { recursive: true });
    process.stderr.write(`generating ${size} orders in ${path.relative(root, dir)} …\n`);
    await writeDemo(dir, { ...DEFAULT_OPTIONS, customers: customersForOrders(orders) }, { static: false });
    writeFileSync(marker, String(orders));
  }
  return dir;
}

function timed(script, args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = (performance.now() - t0) / 1000;
      const line = stderr.split('\n').find((l) => l.startsWith('BENCH '));
      if (code !== 0 || !line) return reject(new Error(`${path.basename(script)} ${args.join(' ')} failed (${code}):\n${stderr.slice(-2000)}`));
      const r = JSON.parse(line.slice(6));
      resolve({ wall, rss: r.maxRSS, stdout });
    });
  });
}

/** The median wall time and, taken separately, the median peak RSS of the runs. */
function median(list) {
  const mid = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];
  return { wall: mid(list.map((r) => r.wall)), rss: mid(list.map((r) => r.rss)) };
}

/** orders.parquet beside orders.csv (cached), for the DuckDB engine's Parquet runs. */
async function ensureParquet(dir) {
  const file = path.join(dir, 'orders.parquet');
  if (!existsSync(file)) await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts/bench-parquet.mjs'), path.join(dir, 'orders.csv'), file], { stdio: 'inherit' });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error('writing Parquet failed'))));
  });
  return file;
}

/** `report --engine duckdb` over the CSV folder and with the orders as Parquet: median seconds and peak RSS. */
async function engineRuns(dir) {
  const parquet = await ensureParquet(dir);
  const child = path.join(root, 'scripts/bench-child.mjs');
  const runs = { csv: [], parquet: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.csv.push(await timed(child, ['report', '--data', dir, '--engine', 'duckdb', '--format', 'json', '--output', '/dev/null']));
    runs.parquet.push(await timed(child, ['report', '--data', dir, '--orders', parquet, '--engine', 'duckdb', '--format', 'json', '--output', '/dev/null']));
  }
  const out = (list) => ({ seconds: +median(list).wall.toFixed(2), peak_rss_mb: Math.round(median(list).rss / 1048576) });
  return { engine_duckdb_csv: out(runs.csv), engine_duckdb_parquet: out(runs.parquet) };
}

if (ENGINES_ONLY) {
  const engines = [];
  for (const size of sizes) {
    const dir = await ensureData(size);
    const r = { size, orders: Number(readFileSync(path.join(dir, '.complete'), 'utf8')), runs: RUNS, ...(await engineRuns(dir)) };
    engines.push(r);
    console.log(`${size}: --engine duckdb CSV ${r.engine_duckdb_csv.seconds} s (${r.engine_duckdb_csv.peak_rss_mb} MB), Parquet ${r.engine_duckdb_parquet.seconds} s (${r.engine_duckdb_parquet.peak_rss_mb} MB)`);
  }
  writeFileSync(path.join(root, 'bench', 'results-engines.json'), JSON.stringify({ node: process.version, cores: os.cpus().length, results: engines }, null, 2) + '\n');
  console.log('written bench/results-engines.json');
  process.exit(0);
}

const results = [];
for (const size of sizes) {
  const dir = await ensureData(size);
  const ordersFile = path.join(dir, 'orders.csv');
  const bytes = statSync(ordersFile).size;
  const lines = readFileSync(path.join(dir, '.complete'), 'utf8');
  // RUNS rounds, the three measurements interleaved in each (so a slow spell of this
  // shared machine hits them alike); each figure is the median of its runs.
  const runs = { cb: [], weekly: [], duck: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.cb.push(await timed(path.join(root, 'scripts/bench-child.mjs'), ['report', '--data', dir, '--format', 'json', '--output', '/dev/null']));
    runs.weekly.push(await timed(path.join(root, 'scripts/bench-child.mjs'), ['report', '--data', dir, '--period', 'week', '--format', 'json', '--output', '/dev/null']));
    runs.duck.push(await timed(path.join(root, 'scripts/bench-duckdb.mjs'), [ordersFile]));
  }
  const cb = median(runs.cb);
  const weekly = median(runs.weekly);
  const duck = median(runs.duck);
  results.push({
    size,
    orders: Number(lines),
    bytes,
    runs: RUNS,
    channelbench_runs_s: runs.cb.map((r) => +r.wall.toFixed(2)),
    duckdb_runs_s: runs.duck.map((r) => +r.wall.toFixed(2)),
    channelbench: { seconds: +cb.wall.toFixed(2), peak_rss_mb: Math.round(cb.rss / 1048576), max_peak_rss_mb: Math.round(Math.max(...runs.cb.map((r) => r.rss)) / 1048576), mb_per_s: +(bytes / 1048576 / cb.wall).toFixed(1), orders_per_s: Math.round(Number(lines) / cb.wall) },
    channelbench_weekly: { seconds: +weekly.wall.toFixed(2), peak_rss_mb: Math.round(weekly.rss / 1048576) },
    duckdb: { seconds: +duck.wall.toFixed(2), peak_rss_mb: Math.round(duck.rss / 1048576) },
    ratio_vs_duckdb: +(cb.wall / duck.wall).toFixed(1),
    ...(await engineRuns(dir)),
    weekly_vs_single: +(weekly.wall / cb.wall).toFixed(2),
  });
}

const header = ['orders', 'file MB', 'channelbench s', 'orders/s', 'MB/s', 'peak RSS MB', 'weekly s', 'DuckDB s', 'DuckDB RSS MB', '× DuckDB', '--engine duckdb CSV s', 'Parquet s', 'engine RSS MB'];
const rows = results.map((r) => [
  r.orders.toLocaleString('en-US'),
  (r.bytes / 1048576).toFixed(0),
  r.channelbench.seconds.toFixed(2),
  r.channelbench.orders_per_s.toLocaleString('en-US'),
  r.channelbench.mb_per_s.toFixed(1),
  String(r.channelbench.peak_rss_mb),
  r.channelbench_weekly.seconds.toFixed(2),
  r.duckdb.seconds.toFixed(2),
  String(r.duckdb.peak_rss_mb),
  r.ratio_vs_duckdb.toFixed(1),
  r.engine_duckdb_csv.seconds.toFixed(2),
  r.engine_duckdb_parquet.seconds.toFixed(2),
  String(Math.max(r.engine_duckdb_csv.peak_rss_mb, r.engine_duckdb_parquet.peak_rss_mb)),
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
const table = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
for (const l of table) console.log(l);
// Scaling against the smallest size measured: time per order should stay flat.
const base = results[0];
const scaling = results.slice(1).map((r) => ({
  size: r.size,
  orders_ratio: +(r.orders / base.orders).toFixed(1),
  time_ratio: +(r.channelbench.seconds / base.channelbench.seconds).toFixed(1),
}));
for (const s of scaling) console.log(`\n${s.size}: ${s.orders_ratio}× the orders of ${base.size} in ${s.time_ratio}× the time`);
for (const r of results) console.log(`\n${r.size} runs (s): channelbench ${r.channelbench_runs_s.join(', ')}; DuckDB ${r.duckdb_runs_s.join(', ')}`);
console.log(`\n${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
mkdirSync(path.join(root, 'bench'), { recursive: true });
writeFileSync(path.join(root, 'bench', 'results.json'), JSON.stringify({ node: process.version, cores: os.cpus().length, results, scaling }, null, 2) + '\n');
console.log('written bench/results.json');

// The README shows the latest table (between its bench markers).
const readme = path.join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const start = text.indexOf('<!-- bench:start -->');
const end = text.indexOf('<!-- bench:end -->');
if (start >= 0 && end > start) {
  const weekly = results.map((r) => r.weekly_vs_single);
  const notes = [
    ...scaling.map((x) => `${x.size} orders take ${x.time_ratio}× the time of ${base.size} (${x.orders_ratio}× the orders).`),
    `A weekly report costs ${Math.min(...weekly).toFixed(2)}–${Math.max(...weekly).toFixed(2)}× a single window.`,
    `Each figure is the median of ${RUNS} run${RUNS === 1 ? '' : 's'}; channelbench's highest peak RSS was ${results.map((r) => `${r.channelbench.max_peak_rss_mb} MB (${r.size})`).join(', ')}.`,
    `Measured on ${os.cpus().length} cores (${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}), Node ${process.version}.`,
  ];
  const block = ['<!-- bench:start -->', ...table, '', notes.join(' '), ''].join('\n');
  writeFileSync(readme, text.slice(0, start) + block + text.slice(end));
  console.log('README.md performance table updated');
}
