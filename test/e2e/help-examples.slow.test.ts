/**
 * Every example in every `--help` runs (issue 12): each `$ channelbench …` line
 * of the main and command help is run in a scratch folder where the file names
 * the examples use exist — `fixtures/` is the repository's, `orders.csv` and
 * `spend.csv` the demo's, `exports/` a copy of the demo folder, `shopify.csv`,
 * `ga4.csv` and `export.csv` small fixtures of those formats, `online_retail.csv`
 * the December 2010 subset of the UCI data (those examples skip when
 * ../shared/datasets is absent, and fail without it under CI=true). A `> file`
 * redirection is dropped and stdout checked instead. Exit 0, or 1 for a
 * `--fail-on` example; never 2, 3 or 70.
 */
import { cpSync, existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS, fixture, ROOT, runCli } from '../helpers/run-cli.js';

const COMMANDS = ['', 'report', 'validate', 'init', 'crosschannel', 'cohorts'];
const RETAIL = path.join(DATASETS, 'uci-online-retail', 'online_retail_2010-12.csv');

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
  if (existsSync(RETAIL)) symlinkSync(RETAIL, path.join(dir, 'online_retail.csv'));
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
    if (args.includes('online_retail.csv') && !existsSync(RETAIL)) {
      if (process.env['CI'] === 'true') throw new Error(`${RETAIL} is missing (../shared/datasets)`);
      console.warn(`skipped (no ../shared/datasets): ${example}`);
      return;
    }
    const r = await runCli(args, { cwd: scratch(args) });
    expect(r.stderr, example).not.toMatch(/internal error|at .*\.js:\d+/);
    expect([0, 1], `${example}\n${r.stderr}`).toContain(r.code);
    if (r.code === 1) expect(args).toContain('--fail-on');
    if (redirect !== undefined || args.includes('--format')) expect(r.stdout.length, example).toBeGreaterThan(0);
  });
});
