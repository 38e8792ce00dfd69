// The clv case of `npm run bench` (`npm run bench -- --only clv [--sizes 1m,10m] [--runs 3]`):
// `report` and `clv` (JSON, defaults) on the same orders file, whose customers
// follow BG/NBD + Gamma-Gamma (scripts/bench-clv-data.mjs; on the report
// bench's files the BG/NBD fit is refused: their customers never drop out).
// Per size: wall time, CPU time and peak RSS of each (medians of RUNS rounds, run back
// to back), clv ÷ report, customers and model cells. Writes bench/results-clv.json.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeClvBenchOrders } from './bench-clv-data.mjs';

export async function benchClv({ root, sizes, parseSize, runs, timed }) {
  const mid = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];
  const results = [];
  for (const size of sizes) {
    const dir = path.join(root, 'bench', 'data', `${size}-clv`);
    const file = path.join(dir, 'orders.csv');
    const marker = path.join(dir, '.complete');
    const orders = parseSize(size);
    if (!existsSync(marker) || readFileSync(marker, 'utf8') !== String(orders)) {
      mkdirSync(dir, { recursive: true });
      process.stderr.write(`generating ${size} BG/NBD orders in ${path.relative(root, dir)} …\n`);
      await writeClvBenchOrders(file, orders);
      writeFileSync(marker, String(orders));
    }
    const args = (command) => ['bench-child.mjs', [command, '--orders', file, '--format', 'json']];
    const rounds = [];
    let doc = null;
    for (let round = 0; round < runs; round++) {
      const report = await timed(...args('report'));
      const clv = await timed(...args('clv'));
      doc ??= JSON.parse(clv.stdout);
      rounds.push({ report, clv });
    }
    const all = doc.rows.find((r) => r.channel === '(all)');
    const row = {
      size,
      orders,
      bytes: statSync(file).size,
      customers: all.customers,
      own_fits: doc.rows.filter((r) => r.model === 'own' && r.channel !== '(all)').length,
      report_s: +mid(rounds.map((r) => r.report.wall)).toFixed(2),
      clv_s: +mid(rounds.map((r) => r.clv.wall)).toFixed(2),
      ratio: +mid(rounds.map((r) => r.clv.wall / r.report.wall)).toFixed(2),
      report_cpu_s: +mid(rounds.map((r) => r.report.cpu)).toFixed(2),
      clv_cpu_s: +mid(rounds.map((r) => r.clv.cpu)).toFixed(2),
      cpu_ratio: +mid(rounds.map((r) => r.clv.cpu / r.report.cpu)).toFixed(2),
      report_rss_mb: Math.round(mid(rounds.map((r) => r.report.rss)) / 1048576),
      clv_rss_mb: Math.round(mid(rounds.map((r) => r.clv.rss)) / 1048576),
    };
    results.push(row);
    process.stderr.write(`${size} clv: ${JSON.stringify(row)}\n`);
  }
  const header = ['orders', 'customers', 'file MB', 'report s', 'clv s', 'clv ÷ report', 'report CPU s', 'clv CPU s', 'CPU ÷', 'report RSS MB', 'clv RSS MB'];
  const rows = results.map((r) => [
    r.orders.toLocaleString('en-US'),
    r.customers.toLocaleString('en-US'),
    (r.bytes / 1048576).toFixed(0),
    r.report_s.toFixed(2),
    r.clv_s.toFixed(2),
    r.ratio.toFixed(2),
    r.report_cpu_s.toFixed(2),
    r.clv_cpu_s.toFixed(2),
    r.cpu_ratio.toFixed(2),
    String(r.report_rss_mb),
    String(r.clv_rss_mb),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padStart(widths[i])).join(' | ')} |`;
  for (const l of [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)]) console.log(l);
  console.log(`\nMedians of ${runs} rounds; ${os.cpus().length} cores (${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}), Node ${process.version}.`);
  mkdirSync(path.join(root, 'bench'), { recursive: true });
  writeFileSync(path.join(root, 'bench', 'results-clv.json'), JSON.stringify({ node: process.version, cores: os.cpus().length, runs, results }, null, 2) + '\n');
  console.log('written bench/results-clv.json');
}
