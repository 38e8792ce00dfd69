// npm run bench [-- --sizes 1m,10m] [--shapes int,hash,uuid] [--runs 3] [--no-readme] [--only clv|engines|peers]
//
// --only clv runs only the clv case (scripts/bench-clv.mjs): `clv` beside
// `report` on one orders file whose customers follow BG/NBD + Gamma-Gamma.
//
// For each size and order-id shape (scripts/bench-data.mjs: auto-increment
// integers, Shopify-style `#1001` counters, UUIDs; non-ASCII notes in 10% of
// lines, quoted notes in ~1%): runs channelbench `report` (JSON, one window),
// `report --period week`, `crosschannel` and `cohorts`, and their peers —
// DuckDB computing every orders figure of the report (scripts/bench-duckdb.mjs),
// Polars doing the same (scripts/bench-polars.mjs), DuckDB equivalents of
// crosschannel and cohorts. Each peer's figures are first checked equal to
// channelbench's JSON (scripts/bench-check.mjs); a difference stops the bench.
// Then RUNS timed rounds, each running every command once, channelbench and its
// peer back to back; a ratio is the median of the per-round ratios (this shared
// machine's absolute times move by 1.6× between runs, ratios of neighbours
// much less). Prints the per-shape table, writes bench/results.json and the
// README table. Data is cached in bench/data/ (git-ignored).
//
// Engines (issue #16): `report` in process on the CSV beside `report --engine
// duckdb` on the same CSV and on a Parquet copy (scripts/bench-parquet.mjs),
// each checked equal to the in-process figures (1e-9 relative) first; the table
// goes to docs/warehouse.md. `--only engines` runs just these cases, `--only
// peers` everything but them.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHAPES, writeBenchOrders } from './bench-data.mjs';
import { checkPeer } from './bench-check.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argOf = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const sizes = argOf('--sizes', '1m,10m').split(',').map((s) => s.trim().toLowerCase());
const shapes = argOf('--shapes', SHAPES.join(',')).split(',').map((s) => s.trim());
const RUNS = Math.max(1, Number.parseInt(argOf('--runs', '3'), 10) || 1);
const ONLY = argOf('--only', 'all');
const parseSize = (s) => Math.round(Number.parseFloat(s) * (s.endsWith('m') ? 1e6 : s.endsWith('k') ? 1e3 : 1));

/**
 * nodejs-polars (bench only, not a dependency: its native packages declare Node ≥ 22,
 * which breaks `npm ci` on Node 20 when they sit in the lock file), installed here
 * with its native package for this platform: it runs fine on Node 20.
 */
const POLARS_VERSION = '0.26.1';
async function polarsAvailable() {
  // In a child process: this process's loader would keep a failed import's error after the install.
  const tryLoad = () => {
    try {
      execFileSync(process.execPath, ['--input-type=module', '-e', "await import('nodejs-polars')"], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      return true;
    } catch (e) {
      return new Error(String(e.stderr ?? e.message).split('\n').find((l) => /Error/.test(l)) ?? String(e.message));
    }
  };
  let r = tryLoad();
  if (r === true) return true;
  const require = createRequire(import.meta.url);
  let version = POLARS_VERSION;
  try {
    version = require('nodejs-polars/package.json').version;
  } catch {
    /* installed below with its native package */
  }
  const libc = process.platform === 'linux' ? (process.report?.getReport().header.glibcVersionRuntime ? '-gnu' : '-musl') : process.platform === 'win32' ? '-msvc' : '';
  const pkg = `nodejs-polars-${process.platform}-${process.arch}${libc}@${version}`;
  process.stderr.write(`installing Polars for the bench: npm install --no-save --force nodejs-polars@${version} ${pkg}\n`);
  try {
    execFileSync('npm', ['install', '--no-save', '--force', '--no-audit', '--no-fund', `nodejs-polars@${version}`, pkg], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    /* reported below */
  }
  r = tryLoad();
  if (r !== true) process.stderr.write(`Polars unavailable (${String(r.message ?? r).split('\n')[0]}): the Polars peer is skipped\n`);
  return r === true;
}

async function ensureData(size, shape) {
  const dir = path.join(root, 'bench', 'data', `${size}-${shape}`);
  const file = path.join(dir, 'orders.csv');
  const marker = path.join(dir, '.complete');
  const orders = parseSize(size);
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== String(orders)) {
    mkdirSync(dir, { recursive: true });
    process.stderr.write(`generating ${size} orders, ${shape} ids, in ${path.relative(root, dir)} …\n`);
    await writeBenchOrders(file, orders, shape);
    writeFileSync(marker, String(orders));
  }
  return file;
}

/** Runs a bench script in a child process: its stdout, wall time, CPU time (channelbench only) and peak RSS. */
function timed(script, args, env = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'scripts', script), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = (performance.now() - t0) / 1000;
      const line = stderr.split('\n').find((l) => l.startsWith('BENCH '));
      if (code !== 0 || !line) return reject(new Error(`${script} ${args.join(' ')} failed (${code}):\n${stderr.slice(-2000)}`));
      const stats = JSON.parse(line.slice(6));
      resolve({ wall, rss: stats.maxRSS, cpu: stats.cpuMs / 1000, stdout });
    });
  });
}

const POLARS_ENV = { POLARS_MAX_THREADS: '2' };
/** channelbench commands and their peers: [name, channelbench args, peer script and args]. */
function commands(file, polars) {
  const cb = (command, ...a) => ['bench-child.mjs', [command, '--orders', file, '--format', 'json', ...a]];
  return [
    { name: 'report', check: 'report', cb: cb('report'), peer: ['bench-duckdb.mjs', ['report', file]], peerName: 'duckdb' },
    ...(polars ? [{ name: 'report', check: 'report', cb: cb('report'), peer: ['bench-polars.mjs', [file], POLARS_ENV], peerName: 'polars' }] : []),
    { name: 'weekly', cb: cb('report', '--period', 'week') },
    { name: 'crosschannel', check: 'crosschannel', cb: cb('crosschannel'), peer: ['bench-duckdb.mjs', ['crosschannel', file]], peerName: 'duckdb' },
    { name: 'cohorts', check: 'cohorts', cb: cb('cohorts'), peer: ['bench-duckdb.mjs', ['cohorts', file]], peerName: 'duckdb' },
  ];
}

/** The median (of an even count, the mean of the middle two: not the lower, which would flatter a ratio of two rounds). */
const mid = (values) => {
  const v = [...values].sort((a, b) => a - b);
  const h = v.length >> 1;
  return v.length % 2 === 1 ? v[h] : (v[h - 1] + v[h]) / 2;
};
if (ONLY === 'engines') {
  await benchEngines();
  process.exit(0);
}
if (ONLY === 'clv') {
  const { benchClv } = await import('./bench-clv.mjs');
  await benchClv({ root, sizes, parseSize, runs: RUNS, timed });
  process.exit(0);
}
const polars = await polarsAvailable();
const results = [];
for (const size of sizes) {
  for (const shape of shapes) {
    const file = await ensureData(size, shape);
    const cmds = commands(file, polars);
    const checked = {};
    // The check: each peer's figures against channelbench's JSON (also warms the page cache).
    for (const c of cmds.filter((x) => x.check)) {
      const ours = await timed(...c.cb);
      const theirs = await timed(...c.peer);
      const { values, differences } = checkPeer(c.check, ours.stdout, theirs.stdout);
      if (differences.length > 0) {
        process.stderr.write(`${size} ${shape} ${c.name}: ${c.peerName} differs from channelbench in ${differences.length} of ${values} values:\n  ${differences.slice(0, 10).join('\n  ')}\n`);
        process.exit(1);
      }
      checked[`${c.name} ${c.peerName}`] = values;
      process.stderr.write(`${size} ${shape} ${c.name}: ${c.peerName} equal to channelbench on ${values} values\n`);
    }
    const runs = cmds.map(() => []);
    for (let round = 0; round < RUNS; round++) {
      for (const [i, c] of cmds.entries()) {
        const ours = await timed(...c.cb);
        const theirs = c.peer ? await timed(...c.peer) : null;
        runs[i].push({ cb: ours.wall, cbRss: ours.rss, peer: theirs?.wall, peerRss: theirs?.rss });
      }
    }
    const figure = (i) => {
      const r = runs[i];
      return {
        channelbench_s: +mid(r.map((x) => x.cb)).toFixed(3),
        channelbench_rss_mb: Math.round(mid(r.map((x) => x.cbRss)) / 1048576),
        ...(r[0].peer == null
          ? {}
          : {
              peer_s: +mid(r.map((x) => x.peer)).toFixed(3),
              peer_rss_mb: Math.round(mid(r.map((x) => x.peerRss)) / 1048576),
              ratio: +mid(r.map((x) => x.cb / x.peer)).toFixed(2),
              rss_ratio: +mid(r.map((x) => x.cbRss / x.peerRss)).toFixed(2),
              ratios: r.map((x) => +(x.cb / x.peer).toFixed(2)),
            }),
      };
    };
    const byName = (name, peer) => cmds.findIndex((c) => c.name === name && (peer == null || c.peerName === peer));
    const pi = byName('report', 'polars');
    results.push({
      size,
      shape,
      orders: parseSize(size),
      bytes: statSync(file).size,
      runs: RUNS,
      checked_values: checked,
      report_vs_duckdb: figure(byName('report', 'duckdb')),
      report_vs_polars: pi >= 0 ? figure(pi) : null,
      weekly: figure(byName('weekly')),
      crosschannel_vs_duckdb: figure(byName('crosschannel')),
      cohorts_vs_duckdb: figure(byName('cohorts')),
    });
    process.stderr.write(`${size} ${shape}: ${JSON.stringify(results.at(-1))}\n`);
  }
}

const header = ['orders', 'ids', 'file MB', 'report s', '÷ DuckDB', '÷ Polars', 'RSS MB', 'RSS ÷ DuckDB', 'weekly ÷ single', 'crosschannel ÷ DuckDB', 'cohorts ÷ DuckDB'];
const rows = results.map((r) => [
  r.orders.toLocaleString('en-US'),
  r.shape,
  (r.bytes / 1048576).toFixed(0),
  r.report_vs_duckdb.channelbench_s.toFixed(2),
  r.report_vs_duckdb.ratio.toFixed(2),
  r.report_vs_polars ? r.report_vs_polars.ratio.toFixed(2) : 'n/a',
  String(r.report_vs_duckdb.channelbench_rss_mb),
  r.report_vs_duckdb.rss_ratio.toFixed(2),
  (r.weekly.channelbench_s / r.report_vs_duckdb.channelbench_s).toFixed(2),
  r.crosschannel_vs_duckdb.ratio.toFixed(2),
  r.cohorts_vs_duckdb.ratio.toFixed(2),
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
const table = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
for (const l of table) console.log(l);
// Scaling: the largest size's time over the smallest's, per shape and command.
const scaling = [];
if (sizes.length > 1) {
  for (const shape of shapes) {
    const [a, b] = [results.find((r) => r.shape === shape && r.size === sizes[0]), results.find((r) => r.shape === shape && r.size === sizes.at(-1))];
    const t = (r, k) => r[k].channelbench_s;
    scaling.push({ shape, orders_ratio: +(b.orders / a.orders).toFixed(1), ...Object.fromEntries(['report_vs_duckdb', 'weekly', 'crosschannel_vs_duckdb', 'cohorts_vs_duckdb'].map((k) => [k.replace(/_vs_duckdb$/, ''), +(t(b, k) / t(a, k)).toFixed(1)])) });
  }
}
const notes = [
  ...scaling.map((s) => `${s.shape} ids: ${sizes.at(-1)} orders take ${s.report}× the ${sizes[0]} time for report (${s.weekly}× weekly, ${s.crosschannel}× crosschannel, ${s.cohorts}× cohorts) for ${s.orders_ratio}× the orders.`),
  `Ratios are medians of ${RUNS} round${RUNS === 1 ? '' : 's'}, each pair run back to back; every peer was first checked equal to channelbench's JSON (report: ${results[0]?.checked_values['report duckdb'] ?? '—'} values per file).`,
  `Measured on ${os.cpus().length} cores (${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}), Node ${process.version}.`,
];
for (const n of notes) console.log(`\n${n}`);
mkdirSync(path.join(root, 'bench'), { recursive: true });
writeFileSync(path.join(root, 'bench', 'results.json'), JSON.stringify({ node: process.version, cores: os.cpus().length, results, scaling }, null, 2) + '\n');
console.log('written bench/results.json');

if (!process.argv.includes('--no-readme')) {
  // README (or docs/performance.md, where the performance section lives) shows the latest table between its bench markers.
  for (const doc of ['docs/performance.md', 'README.md'].map((f) => path.join(root, f))) {
    if (!existsSync(doc)) continue;
    const text = readFileSync(doc, 'utf8');
    const start = text.indexOf('<!-- bench:start -->');
    const end = text.indexOf('<!-- bench:end -->');
    if (start < 0 || end < start) continue;
    const block = ['<!-- bench:start -->', ...table, '', notes.join(' '), ''].join('\n');
    writeFileSync(doc, text.slice(0, start) + block + text.slice(end));
    console.log(`${path.relative(root, doc)} performance table updated`);
    break;
  }
}

/** The Parquet copy of a bench CSV (cached beside it). */
async function ensureParquet(csv) {
  const file = csv.replace(/\.csv$/, '.parquet');
  if (!existsSync(file) || statSync(file).mtimeMs < statSync(csv).mtimeMs) {
    process.stderr.write(`writing ${path.relative(root, file)} …\n`);
    execFileSync(process.execPath, [path.join(root, 'scripts', 'bench-parquet.mjs'), csv, file], { stdio: 'inherit' });
  }
  return file;
}

/** Every number of two JSON reports' rows equal to 1e-9 relative: the list of differences. */
function reportDifferences(a, b) {
  const diffs = [];
  const walk = (x, y, at) => {
    if (typeof x === 'number' && typeof y === 'number') {
      if (Math.abs(x - y) > 1e-9 * Math.max(Math.abs(x), Math.abs(y))) diffs.push(`${at}: ${x} ≠ ${y}`);
    } else if (x && y && typeof x === 'object' && typeof y === 'object') {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) walk(x[k], y[k], `${at}.${k}`);
    } else if (x !== y) diffs.push(`${at}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`);
  };
  walk(JSON.parse(a).rows, JSON.parse(b).rows, 'rows');
  return diffs;
}

/** `report` in process (CSV) vs `--engine duckdb` on the CSV and on Parquet: docs/warehouse.md's engine table. */
async function benchEngines() {
  const out = [];
  for (const size of sizes) {
    for (const shape of shapes) {
      const csv = await ensureData(size, shape);
      const parquet = await ensureParquet(csv);
      const cases = [
        ['in-process, CSV', ['report', '--orders', csv, '--format', 'json']],
        ['duckdb, CSV', ['report', '--orders', csv, '--format', 'json', '--engine', 'duckdb']],
        ['duckdb, Parquet', ['report', '--orders', parquet, '--format', 'json', '--engine', 'duckdb']],
      ];
      const times = cases.map(() => []);
      for (let round = 0; round < RUNS; round++) {
        const outs = [];
        for (const [i, [, args]] of cases.entries()) {
          const r = await timed('bench-child.mjs', args);
          times[i].push(r);
          outs.push(r.stdout);
        }
        for (let i = 1; i < outs.length; i++) {
          const d = reportDifferences(outs[0], outs[i]);
          if (d.length > 0) {
            process.stderr.write(`${size} ${shape} ${cases[i][0]} differs from the in-process report:\n  ${d.slice(0, 10).join('\n  ')}\n`);
            process.exit(1);
          }
        }
      }
      for (const [i, [name]] of cases.entries()) {
        const r = times[i];
        out.push({ size, shape, orders: parseSize(size), engine: name, s: +mid(r.map((x) => x.wall)).toFixed(2), cpu_s: +mid(r.map((x) => x.cpu)).toFixed(2), rss_mb: Math.round(mid(r.map((x) => x.rss)) / 1048576), bytes: statSync(i === 2 ? parquet : csv).size });
        process.stderr.write(`${size} ${shape} ${name}: ${JSON.stringify(out.at(-1))}\n`);
      }
    }
  }
  const header = ['orders', 'ids', 'engine, input', 'file MB', 'report s', 'CPU s', 'peak RSS MB'];
  const rows = out.map((r) => [r.orders.toLocaleString('en-US'), r.shape, r.engine, (r.bytes / 1048576).toFixed(0), r.s.toFixed(2), r.cpu_s.toFixed(2), String(r.rss_mb)]);
  const table = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
  const note = `Medians of ${RUNS} run(s); every engine's JSON rows checked equal to the in-process report (1e-9 relative) first. Measured on ${os.cpus().length} cores (${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}), Node ${process.version}, DuckDB with its default threads and --engine-memory (1GB). CPU s: user + system time of the whole process (all DuckDB threads), the fairer measure on a loaded machine.`;
  for (const l of table) console.log(l);
  console.log(`\n${note}`);
  mkdirSync(path.join(root, 'bench'), { recursive: true });
  writeFileSync(path.join(root, 'bench', 'engines.json'), JSON.stringify({ node: process.version, cores: os.cpus().length, runs: RUNS, results: out }, null, 2) + '\n');
  const doc = path.join(root, 'docs', 'warehouse.md');
  const text = readFileSync(doc, 'utf8');
  const [start, end] = [text.indexOf('<!-- engines-bench:start -->'), text.indexOf('<!-- engines-bench:end -->')];
  if (!process.argv.includes('--no-readme') && start >= 0 && end > start) {
    writeFileSync(doc, text.slice(0, start) + ['<!-- engines-bench:start -->', ...table, '', note, ''].join('\n') + text.slice(end));
    console.log('docs/warehouse.md engine table updated');
  }
}

// The engines (docs/warehouse.md) after the peers' table (`--only peers`: not).
if (ONLY !== 'peers') await benchEngines();
