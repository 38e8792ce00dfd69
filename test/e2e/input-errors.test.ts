/**
 * Every bad-input case of SPEC §1, through the built program (in process, test/helpers/run-in-process.ts): exit code, the
 * message a user sees, and never a stack trace. The 50 MB line cases:
 * input-errors.slow.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { expectClean, tempFile } from '../helpers/input-errors.js';
import { fixture } from '../helpers/run-cli.js';
import { runInProcess } from '../helpers/run-in-process.js';

const ing = (f: string): string => fixture('ingest', f);

describe('invalid rows', () => {
  it('stop the run with exit 3, naming file:line, column and value for each, plus the count', async () => {
    const r = await runInProcess(['validate', '--orders', ing('bad-rows.csv')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('bad-rows.csv:3: column "date": cannot read "not a date" as a date (pass --date-format, e.g. --date-format dd/MM/yyyy)');
    expect(r.stdout).toContain('bad-rows.csv:4: column "revenue": cannot read "twelve" as a number');
    expect(r.stdout).toContain('bad-rows.csv:5: column "date": the date is empty');
    expect(r.stdout).toContain('bad-rows.csv:6: column "revenue": the revenue is empty');
    expect(r.stdout).toContain('4 invalid rows (exit 3; --skip-invalid skips them)');
    expectClean(r);
  });
  it('report stops too, on stderr, with the first 10 and the total', async () => {
    const r = await runInProcess(['report', '--orders', ing('bad-rows.csv'), '--format', 'json']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('4 invalid rows in');
    expect(r.stderr).toContain('bad-rows.csv:3: column "date"');
    expect(r.stderr).toContain('hint: fix the rows, or pass --skip-invalid');
    expectClean(r);
  });
  it('--skip-invalid skips them, says so on stderr and counts them in the JSON', async () => {
    const r = await runInProcess(['report', '--orders', ing('bad-rows.csv'), '--format', 'json', '--skip-invalid']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('bad-rows.csv: 4 invalid rows skipped');
    const doc = JSON.parse(r.stdout) as { inputs: { rows_read: number; rows_skipped: number }[] };
    expect(doc.inputs[0]).toMatchObject({ rows_read: 6, rows_skipped: 4 });
  });
  it('lists only the first 10 of many, then the total', async () => {
    const lines = ['order_id,date,revenue', ...Array.from({ length: 25 }, (_, i) => `X${i},bad,1`)];
    const r = await runInProcess(['report', '--orders', '-', '--format-in', 'csv'], { stdin: lines.join('\n') + '\n' });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('25 invalid rows in <stdin>');
    expect(r.stderr.match(/<stdin>:\d+: column "date"/g)).toHaveLength(10);
    expect(r.stderr).toContain('… and 15 more');
  });
  it('NPS scores outside the integers 0–10 are invalid', async () => {
    const r = await runInProcess(['validate', '--nps', ing('nps-bad.csv')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('nps-bad.csv:3: column "score": NPS score 11 is outside the integers 0–10');
    expect(r.stdout).toContain('nps-bad.csv:4: column "score": NPS score 7.5 is outside the integers 0–10');
    expect(r.stdout).toContain('nps-bad.csv:5: column "score": NPS score -1 is outside the integers 0–10');
    expect(r.stdout).toContain('3 invalid rows');
  });
  it('an ambiguous amount column is one clear line naming the flag', async () => {
    const r = await runInProcess(['validate', '--orders', ing('ambiguous-amounts.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('column "revenue": values like "1,234" could be thousands or decimals');
    expect(r.stderr).toContain('hint: pass --decimal-comma');
    expectClean(r);
  });
  it('ambiguous slash dates are one clear line naming --date-format', async () => {
    const r = await runInProcess(['validate', '--orders', ing('ambiguous-dates.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('dates like "05/06/2024" read both as day/month and month/day');
    expect(r.stderr).toContain('--date-format dd/MM/yyyy or --date-format MM/dd/yyyy');
    expectClean(r);
  });
});

describe('unreadable inputs are exit 3 with one clear line', () => {
  const cases: [string, string[], RegExp][] = [
    ['a missing file', ['--orders', ing('nope.csv')], /nope\.csv: cannot read the file \(no such file\)/],
    ['a folder given as a file', ['--orders', fixture('ingest')], /is a directory, not a file/],
    ['an unknown extension', ['--orders', ing('no-config.json').replace('.json', '.xlsx')], /cannot read the file/],
    ['a missing required column', ['--orders', ing('no-required.csv')], /no column for required field "date"; columns found: "id", "when", "how_much"; names tried: date, day, created_at/],
    ['an empty file', ['--orders', ing('empty.csv')], /empty\.csv: no header line found/],
    ['an unclosed quote', ['--orders', ing('unclosed-quote.csv')], /unclosed-quote\.csv(:\d+)?: cannot parse the delimited text/],
    ['a missing --data folder', ['--data', ing('missing-dir')], /--data .*missing-dir: cannot read the folder \(no such folder\)/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const r = await runInProcess(['validate', ...args]);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
      expect(r.stdout).toBe('');
      expectClean(r);
    });
  }
  it('a quoting error csv-parse finds is reported at its line, comment lines counted', async () => {
    // A character after a closing quote in the first 64 KB: the file is read by csv-parse.
    const file = tempFile('quote.csv', '# export of 2024-01-02\norder_id,date,revenue\nA,2024-01-01,5\nB,2024-01-01,"5"x\nC,2024-01-02,6\n');
    const r = await runInProcess(['validate', '--orders', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('quote.csv:4: cannot parse the delimited text (CSV_INVALID_CLOSING_QUOTE: Invalid Closing Quote: got "x" instead of delimiter');
    expectClean(r);
  });
  it('an unknown extension names --format-in', async () => {
    const r = await runInProcess(['validate', '--orders', fixture('ingest', 'unknown.xlsx')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('unknown file type "xlsx"');
    expect(r.stderr).toContain('--format-in');
  });
  it('a header-only file has no orders to report', async () => {
    const r = await runInProcess(['report', '--orders', ing('header-only.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('header-only.csv: no orders to report: it has a header but no data rows');
  });
});

describe('usage errors are exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown option', ['report', '--data', fixture('demo'), '--bogus'], /^channelbench: unknown option '--bogus'/],
    ['an unknown command', ['reprot'], /^channelbench: unknown command 'reprot'\n\(Did you mean report\?\)/],
    ['a bad --format', ['report', '--data', fixture('demo'), '--format', 'xml'], /argument 'xml' is invalid/],
    ['a bad --period', ['report', '--data', fixture('demo'), '--period', 'fortnight'], /^channelbench: option '--period <unit>' argument 'fortnight' is invalid/],
    ['a bad --from', ['report', '--data', fixture('demo'), '--from', '2024/01/01'], /--from: expected a day as yyyy-MM-dd/],
    ['a bad --last', ['report', '--data', fixture('demo'), '--last', '3 months'], /--last: expected N followed by d, w, m, q or y/],
    ['no input at all', ['report'], /no input files: pass --data DIR or --orders FILE/],
    ['a bad --map', ['validate', '--orders', ing('tab.tsv'), '--map', 'revenu=Total'], /--map revenu=Total: expected \[role\.\]field=column/],
    ['a bad --delimiter', ['validate', '--orders', ing('tab.tsv'), '--delimiter', 'x'], /--delimiter: unknown delimiter "x"/],
    ['stdin for two roles', ['validate', '--orders', '-', '--spend', '-'], /standard input \(-\) can feed only one role per run/],
    ['an invalid config', ['validate', '--orders', ing('tab.tsv'), '--config', fixture('ingest', 'bad.config.json')], /invalid config:\n {2}settings\.margin: expected a positive number up to 1000/i],
    ['a missing config', ['validate', '--orders', ing('tab.tsv'), '--config', ing('nope.json')], /nope\.json: cannot read the config file \(no such file\)/],
    // One range per setting, whichever command takes the flag (report, clv, sql and the config).
    ['a margin out of range for clv', ['clv', '--data', fixture('demo'), '--margin', '5000'], /--margin: expected a positive number up to 1000/],
    ['a margin out of range for sql', ['sql', '--dialect', 'duckdb', '--margin', '5000'], /--margin: expected a positive number up to 1000/],
    ['too many retention days for sql', ['sql', '--dialect', 'duckdb', '--retention-days', '40000'], /--retention-days: expected a whole number of days from 1 to 36500/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const r = await runInProcess(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expectClean(r);
    });
  }
  it('--help and --version exit 0', async () => {
    const h = await runInProcess(['report', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Examples:');
    const v = await runInProcess(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('stdin', () => {
  it('reads CSV from stdin with --format-in', async () => {
    const r = await runInProcess(['validate', '--orders', '-', '--format-in', 'csv'], { stdin: 'order_id,date,revenue\nA,2024-01-01,5\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('orders: <stdin>');
    expect(r.stdout).toContain('1 read · 1 orders after line-item merge');
  });
  it('reads gzip from stdin', async () => {
    const { gzipSync } = await import('node:zlib');
    const r = await runInProcess(['validate', '--orders', '-'], { stdin: gzipSync('order_id,date,revenue\nA,2024-01-01,5\n') });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('csv (gzip)');
  });
});

describe('global options', () => {
  it('--config, --quiet and --verbose work before the command name as well as after it', async () => {
    const before = await runInProcess(['--config', fixture('ingest', 'line-items.config.json'), 'report', '--orders', fixture('ingest', 'line-items.csv'), '--format', 'csv', '--columns', 'orders']);
    const after = await runInProcess(['report', '--orders', fixture('ingest', 'line-items.csv'), '--config', fixture('ingest', 'line-items.config.json'), '--format', 'csv', '--columns', 'orders']);
    expect(before.code).toBe(0);
    expect(before.stdout).toBe(after.stdout);
    expect(before.stdout).toContain(',web,3');
    const quiet = await runInProcess(['--quiet', 'report', '--orders', fixture('ingest', 'bad-rows.csv'), '--skip-invalid', '--format', 'csv']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });
});
