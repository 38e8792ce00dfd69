/**
 * Every output format of `report` on the demo data (SPEC §5): formats agree,
 * output is deterministic, colour and width rules hold, --output is atomic.
 * Determinism spawns the binary under other TZ/LANG; the rest runs the built
 * program in this process (runInProcess).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRIC_KEYS } from '../../src/model.js';
import { reportJsonSchema, reportSchema } from '../../src/report/schema.js';
import { fixture, ROOT, runCli, type CliResult, type RunOptions } from '../helpers/run-cli.js';
import { runInProcess } from '../helpers/run-in-process.js';

const DEMO = ['report', '--data', fixture('demo')];
const MONTHLY = [...DEMO, '--period', 'month', '--last', '6m'];
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

interface Doc {
  periods: unknown[];
  channels: string[];
  rows: { period: { start: string } | null; channel: string; metrics: Record<string, number | null> }[];
}
let json: Doc;

/**
 * Runs of the same arguments and environment are shared between tests. A run
 * whose environment sets the process's own TZ or LANG spawns the binary (that
 * is what it tests); the rest run in this process (test/helpers/run-in-process.ts).
 */
const runs = new Map<string, Promise<CliResult>>();
function runOnce(args: string[], opts: RunOptions = {}): Promise<CliResult> {
  const key = JSON.stringify([args, opts.env]);
  const spawned = opts.env?.['TZ'] !== undefined || opts.env?.['LANG'] !== undefined;
  if (!runs.has(key)) runs.set(key, spawned ? runCli(args, opts) : runInProcess(args, opts));
  return runs.get(key)!;
}
/** A far-east zone, German locale and an empty NO_COLOR: what must not change the output. */
const EXOTIC = { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', NO_COLOR: '' };

beforeAll(async () => {
  const r = await runOnce([...MONTHLY, '--format', 'json']);
  expect(r.code).toBe(0);
  json = JSON.parse(r.stdout) as Doc;
});

describe('json', () => {
  it('validates against the v1 zod schema', () => {
    expect(reportSchema.safeParse(json).success).toBe(true);
  });
  it('the published JSON Schema is up to date (npm run docs)', () => {
    const published = JSON.parse(readFileSync(path.join(ROOT, 'docs/report.schema.json'), 'utf8')) as unknown;
    expect(published).toEqual(reportJsonSchema());
  });
  it('every total-row metric of the demo has a value (the demo covers 365-day CLV)', async () => {
    const r = await runInProcess([...DEMO, '--format', 'json']);
    const total = (JSON.parse(r.stdout) as Doc).rows.find((x) => x.channel === '(all)')!;
    for (const k of METRIC_KEYS) expect(total.metrics[k], k).not.toBeNull();
  });
});

describe('csv / tsv', () => {
  it('wide csv parses back to exactly the JSON numbers (all rows, all metrics)', async () => {
    const r = await runInProcess([...MONTHLY, '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(json.rows.length);
    rows.forEach((row, i) => {
      const j = json.rows[i]!;
      expect(row['channel']).toBe(j.channel);
      expect(row['period_start']).toBe((j.period as { start: string }).start);
      for (const k of METRIC_KEYS) {
        const v = j.metrics[k];
        expect(row[k], `${j.channel} ${k}`).toBe(v === null ? '' : String(v));
        if (v !== null) expect(Number(row[k])).toBe(v);
      }
    });
  });
  it('wide csv: fixed leading columns, raw numbers, no % or grouping, CRLF line ends', async () => {
    const r = await runInProcess([...DEMO, '--format', 'csv']);
    const [header, first] = r.stdout.split('\r\n');
    const withCi = new Set(['aov', 'returning_rate', 'conversion_rate', 'retention_rate', 'clv', 'nps']);
    expect(header).toBe(['period_start', 'period_end', 'partial', 'channel', ...METRIC_KEYS.flatMap((k) => (withCi.has(k) ? [k, `${k}_n`, `${k}_ci_low`, `${k}_ci_high`] : [k]))].join(','));
    expect(first).toMatch(/^2023-01-01,2024-12-31,false,web,4850,370101.89,/);
    expect(r.stdout).not.toContain('%');
  });
  it('--shape long has one row per period × channel × metric', async () => {
    const r = await runInProcess([...MONTHLY, '--format', 'csv', '--shape', 'long']);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['period_start', 'period_end', 'partial', 'channel', 'metric', 'value', 'n', 'ci_low', 'ci_high', 'benchmark', 'delta', 'status', 'significant', 'sample']);
    expect(rows).toHaveLength(json.periods.length * (json.channels.length + 1) * METRIC_KEYS.length);
  });
  it('tsv is tab-separated', async () => {
    const r = await runInProcess([...DEMO, '--format', 'tsv', '--columns', 'orders,revenue']);
    expect(r.stdout.split('\r\n')[0]).toBe('period_start\tperiod_end\tpartial\tchannel\torders\trevenue');
  });
  it('--decimal-comma writes ;-delimited csv with decimal commas', async () => {
    const r = await runInProcess([...DEMO, '--format', 'csv', '--columns', 'orders,aov', '--decimal-comma']);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('period_start;period_end;partial;channel;orders;aov;aov_n;aov_ci_low;aov_ci_high');
    expect(lines[1]).toMatch(/^2023-01-01;2024-12-31;false;web;4850;76,\d+;4850;74,\d+;78,\d+$/);
  });
  it('--columns picks and orders metrics in every format', async () => {
    const csv = await runInProcess([...DEMO, '--format', 'csv', '--columns', 'nps,orders']);
    expect(csv.stdout.split('\r\n')[0]).toBe('period_start,period_end,partial,channel,nps,nps_n,nps_ci_low,nps_ci_high,orders');
    const j = await runInProcess([...DEMO, '--format', 'json', '--columns', 'nps,orders']);
    expect(Object.keys((JSON.parse(j.stdout) as Doc).rows[0]!.metrics)).toEqual(['nps', 'orders']);
  });
});

describe('ndjson', () => {
  it('has the JSON rows, one per line, each with its period and channel', async () => {
    const r = await runInProcess([...MONTHLY, '--format', 'ndjson']);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Doc['rows'][number]);
    expect(lines).toEqual(json.rows);
  });
});

describe('markdown', () => {
  it('is a valid GFM table: the same cell count on every row, pipes escaped', async () => {
    const r = await runInProcess([...MONTHLY, '--format', 'markdown']);
    expect(r.code).toBe(0);
    const table = r.stdout.split('\n').filter((l) => l.startsWith('|'));
    const cells = (l: string): number => l.replace(/\\\|/g, '').split('|').length;
    expect(table.length).toBeGreaterThan(METRIC_KEYS.length);
    for (const l of table) expect(cells(l)).toBe(cells(table[0]!));
    expect(table[1]).toMatch(/^\| --- \| ---: \|/);
  });
  it('escapes | in channel names', async () => {
    const csv = 'order_id,date,channel,revenue\n1,2024-01-01,a|b,10\n';
    const r = await runInProcess(['report', '--orders', '-', '--format-in', 'csv', '--format', 'markdown'], { stdin: csv });
    expect(r.stdout).toContain('| metric | a\\|b | (all) |');
  });
});

describe('--locale', () => {
  it('groups and decimals in the table follow it: de-DE writes 4.850 and 370.101,89', async () => {
    const r = await runCli([...DEMO, '--locale', 'de-DE']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ web\s+│\s+4\.850 │\s+370\.101,89 │/);
  });
  it('a tag that is not BCP 47 is a usage error (exit 2), for every format; a well-formed unknown one is taken', async () => {
    for (const format of ['table', 'json']) {
      const bad = await runCli([...DEMO, '--locale', 'de_DE', '--format', format]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--locale: "de_DE" is not a locale');
    }
    expect((await runCli([...DEMO, '--locale', 'zz-ZZ', '--format', 'json'])).code).toBe(0);
  });
});

describe('determinism', () => {
  // A spawned run in a far-east zone under a German locale against this process's own zone and locale (and once, Los Angeles).
  for (const format of ['json', 'csv', 'markdown', 'table']) {
    it(`${format}: byte-identical whatever TZ and LANG`, async () => {
      const a = await runOnce([...MONTHLY, '--format', format], { env: EXOTIC });
      const b = await runOnce([...MONTHLY, '--format', format]);
      expect(a.code).toBe(0);
      expect(a.stdout).toBe(b.stdout);
      if (format === 'table') expect((await runCli([...MONTHLY, '--format', format], { env: { TZ: 'America/Los_Angeles', LANG: 'C' } })).stdout).toBe(a.stdout);
    });
  }
});

describe('colour', () => {
  it('never writes ESC into a pipe', async () => {
    for (const format of ['table', 'csv', 'json', 'markdown']) {
      const r = await runOnce([...MONTHLY, '--format', format], { env: EXOTIC });
      expect(r.stdout.includes('\u001b'), format).toBe(false);
    }
  });
  it('FORCE_COLOR=1 forces colour; NO_COLOR and --no-color remove it', async () => {
    const forced = await runOnce(DEMO, { env: { COLUMNS: '120', FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(forced.stdout).toContain('\u001b[');
    const no = await runInProcess(DEMO, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(no.stdout).not.toContain('\u001b');
    const flag = await runInProcess([...DEMO, '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(flag.stdout).not.toContain('\u001b');
  });
});

describe('width', () => {
  for (const columns of ['80', '120']) {
    for (const args of [DEMO, MONTHLY, [...MONTHLY, '--all-periods']]) {
      it(`no line wider than ${columns} (${args.slice(3).join(' ') || 'one window'})`, async () => {
        const r = await runOnce(args, { env: { COLUMNS: columns, FORCE_COLOR: '1', NO_COLOR: '' } });
        const widest = Math.max(...r.stdout.split('\n').map((l) => [...l.replace(ANSI, '')].length));
        expect(widest).toBeLessThanOrEqual(Number(columns));
      });
    }
  }
  it('a very long channel name is shortened, not wrapped', async () => {
    const name = 'I have recently completed the training, and am taking it after I left the event';
    const r = await runInProcess(['report', '--orders', '-', '--format-in', 'csv'], { stdin: `order_id,date,channel,revenue\n1,2024-01-01,"${name}",10\n`, env: { COLUMNS: '80' } });
    const widest = Math.max(...r.stdout.split('\n').map((l) => [...l].length));
    expect(widest).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain('I have recently');
  });
});

describe('--output', () => {
  it('writes the file and nothing to stdout', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cb-'));
    const file = path.join(dir, 'kpi.csv');
    const r = await runInProcess([...DEMO, '--format', 'csv', '--output', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toMatch(/^period_start,/);
  });
  it('leaves no file (and no temporary file) behind when the run fails', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cb-'));
    const file = path.join(dir, 'kpi.csv');
    const r = await runInProcess(['report', '--orders', fixture('ingest', 'bad-rows.csv'), '--format', 'csv', '--output', file]);
    expect(r.code).toBe(3);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
