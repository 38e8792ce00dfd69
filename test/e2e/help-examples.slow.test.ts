/**
 * Every example in every `--help` runs (issue 12): each `$ channelbench …` line
 * of the main and command help is run in a scratch folder where the file names
 * the examples use exist — `fixtures/` is the repository's, `orders.csv` and
 * `spend.csv` the demo's, `exports/` a copy of the demo folder, `shopify.csv`,
 * `ga4.csv` and `export.csv` small fixtures of those formats, `online_retail.csv`
 * the December 2010 subset of the UCI data and `CDNOW_sample.txt` the CDNOW
 * sample (those examples skip when ../shared/datasets is absent, and fail without
 * it under CI=true), `targets.json` the example benchmarks, `b.json` a predicted CLV:CAC target,
 * `figure-inputs.csv` the demo's `--format summary`, `orders.parquet` the demo
 * orders written by DuckDB, `channelbench.config.json` a config with a channel
 * rule. The PostgreSQL example runs against the test server
 * (CHANNELBENCH_TEST_PG_URL, the demo orders loaded as table `orders`) in place
 * of its illustrative URL. A `> file` redirection is dropped and stdout checked
 * instead; an `--output FILE` example is checked by the file it writes. Exit 0,
 * or 1 for a `--fail-on` example; never 2, 3 or 70.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadPostgres } from '../helpers/engines.js';
import { PG_URL, requirePostgres } from '../helpers/postgres.js';
import { DATASETS, fixture, ROOT, runCli } from '../helpers/run-cli.js';

const COMMANDS = ['', 'report', 'validate', 'init', 'crosschannel', 'cohorts', 'clv', 'channels', 'sql'];
const RETAIL = path.join(DATASETS, 'uci-online-retail', 'online_retail_2010-12.csv');
const CDNOW = path.join(DATASETS, 'cdnow', 'CDNOW_sample.txt');
/** Files of ../shared/datasets an example names, and where they are. */
const SHARED_FILES: Record<string, string> = { 'online_retail.csv': RETAIL, 'CDNOW_sample.txt': CDNOW };

/** Files made once for every scratch folder. */
const made = mkdtempSync(path.join(tmpdir(), 'cb-help-made-'));
const summary = await runCli(['report', '--data', fixture('demo'), '--format', 'summary']);
if (summary.code !== 0) throw new Error(`--format summary failed: ${summary.stderr}`);
writeFileSync(path.join(made, 'figure-inputs.csv'), summary.stdout);
writeFileSync(path.join(made, 'channelbench.config.json'), JSON.stringify({ channels: { rules: [{ source: 'google', medium: 'cpc', channel: 'paid_search' }] } }));
await writeDemoParquet(path.join(made, 'orders.parquet'));

/** The demo orders as Parquet, written by DuckDB (the optional engine the example needs). */
async function writeDemoParquet(out: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const q = (p: string) => `'${p.replaceAll("'", "''")}'`;
  await conn.run(`COPY (SELECT * FROM read_csv(${q(fixture('demo', 'orders.csv'))})) TO ${q(out)} (FORMAT parquet)`);
  conn.closeSync();
}

/** The demo orders with canonical column names, as the table `orders` of the test server. */
async function loadDemoOrders(url: string): Promise<void> {
  const lines = (parse(readFileSync(fixture('demo', 'orders.csv'), 'utf8')) as string[][]).slice(1);
  const cell = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v);
  await loadPostgres(url, [
    {
      name: 'orders',
      columns: [['order_id', 'text'], ['customer_id', 'text'], ['date', 'timestamp'], ['channel', 'text'], ['status', 'text'], ['revenue', 'double precision']],
      rows: lines.map((l) => [cell(l[0]), cell(l[1]), cell(l[2]), cell(l[3]), cell(l[4]), Number(l[7])]),
    },
  ]);
}

/** Splits an example line into argv (double quotes group words). */
function argv(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** A scratch folder holding every file name the examples use; `export.csv` differs by example. */
function scratch(args: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cb-help-'));
  symlinkSync(path.join(ROOT, 'fixtures'), path.join(dir, 'fixtures'));
  cpSync(fixture('demo', 'orders.csv'), path.join(dir, 'orders.csv'));
  cpSync(fixture('demo', 'spend.csv'), path.join(dir, 'spend.csv'));
  cpSync(fixture('demo'), path.join(dir, 'exports'), { recursive: true });
  cpSync(fixture('ingest', 'shopify.csv'), path.join(dir, 'shopify.csv'));
  cpSync(fixture('ingest', 'ga4.csv'), path.join(dir, 'ga4.csv'));
  const dmy = args.includes('--decimal-comma');
  cpSync(fixture('ingest', dmy ? 'semicolon-decimal-comma.csv' : 'shopify.csv'), path.join(dir, 'export.csv'));
  for (const [name, file] of Object.entries(SHARED_FILES)) if (existsSync(file)) symlinkSync(file, path.join(dir, name));
  cpSync(fixture('benchmarks.example.json'), path.join(dir, 'targets.json'));
  writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ metrics: { predicted_clv_cac: { min: 3 } } }));
  for (const name of ['figure-inputs.csv', 'orders.parquet']) cpSync(path.join(made, name), path.join(dir, name));
  // `init` examples write channelbench.config.json; only the examples that pass --config get one.
  if (args.includes('--config')) cpSync(path.join(made, 'channelbench.config.json'), path.join(dir, 'channelbench.config.json'));
  return dir;
}

const examples: string[] = [];
const helps = await Promise.all(COMMANDS.map((c) => runCli([...(c ? [c] : []), '--help'])));
for (const h of helps) {
  for (const m of h.stdout.matchAll(/^\s*\$ channelbench (.+)$/gm)) if (!examples.includes(m[1]!)) examples.push(m[1]!);
}

describe('--help examples', () => {
  it('every command has examples', () => {
    for (const [i, h] of helps.entries()) {
      expect(h.code, COMMANDS[i]).toBe(0);
      expect(h.stdout, COMMANDS[i]).toMatch(/Examples:\n\s+\$ channelbench/);
    }
    expect(examples.length).toBeGreaterThan(15);
  });

  it.each(examples)('channelbench %s', async (example) => {
    const [command, redirect] = example.split(/\s+>\s+/) as [string, string | undefined];
    const args = argv(command);
    const missing = Object.entries(SHARED_FILES).find(([name, file]) => args.includes(name) && !existsSync(file));
    if (missing) {
      if (process.env['CI'] === 'true') throw new Error(`${missing[1]} is missing (../shared/datasets)`);
      console.warn(`skipped (no ../shared/datasets): ${example}`);
      return;
    }
    const db = args.indexOf('--db');
    if (db >= 0) {
      if (!requirePostgres()) return;
      await loadDemoOrders(PG_URL!);
      args[db + 1] = PG_URL!;
    }
    const cwd = scratch(args);
    const r = await runCli(args, { cwd });
    expect(r.stderr, example).not.toMatch(/internal error|at .*\.js:\d+/);
    expect([0, 1], `${example}\n${r.stderr}`).toContain(r.code);
    if (r.code === 1) expect(args).toContain('--fail-on');
    const output = args.indexOf('--output');
    if (output >= 0) expect(statSync(path.join(cwd, args[output + 1]!)).size, example).toBeGreaterThan(0);
    else if (redirect !== undefined || args.includes('--format')) expect(r.stdout.length, example).toBeGreaterThan(0);
  });
});
