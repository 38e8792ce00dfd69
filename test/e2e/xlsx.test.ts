/**
 * --format xlsx: the workbook read back (read-excel-file) holds exactly the
 * JSON report's numbers, typed (numbers, dates, booleans, text), with number
 * formats, a frozen header, no formula anywhere, and the same bytes every run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC_KEYS, renderReport, runReport, type Report } from '../../src/index.js';
import { fixture, runCli } from '../helpers/run-cli.js';

let report: Report;
let bytes: Uint8Array;
let sheets: { sheet: string; data: unknown[][] }[];
const dir = mkdtempSync(path.join(tmpdir(), 'cb-xlsx-'));

beforeAll(async () => {
  report = await runReport({ data: fixture('demo'), period: 'month', last: '6m', benchmarks: fixture('benchmarks.example.json') });
  bytes = (await renderReport(report, 'xlsx')) as Uint8Array;
  sheets = (await readXlsxFile(Buffer.from(bytes))) as { sheet: string; data: unknown[][] }[];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = (start: string, channel: string): string => `${start}|${channel}`;
const day = (d: unknown): string => (d as Date).toISOString().slice(0, 10);

describe('report --format xlsx', () => {
  it('has the wide, long, null-reason and about sheets', () => {
    expect(sheets.map((s) => s.sheet)).toEqual(['KPIs wide', 'KPIs long', 'Null reasons', 'About']);
  });

  it('wide sheet: every figure, interval and benchmark delta equals the JSON report (dates as dates, numbers as numbers)', () => {
    const [header, ...rows] = sheets[0]!.data;
    const col = (name: string): number => (header as string[]).indexOf(name);
    const byKey = new Map(report.rows.map((r) => [key(r.period!.start, r.channel), r]));
    expect(rows).toHaveLength(report.rows.length);
    let compared = 0;
    for (const row of rows) {
      expect(row[col('period_start')]).toBeInstanceOf(Date);
      expect(typeof row[col('partial')]).toBe('boolean');
      const r = byKey.get(key(day(row[col('period_start')]), row[col('channel')] as string))!;
      expect(r).toBeDefined();
      expect(day(row[col('period_end')])).toBe(r.period!.end);
      for (const k of METRIC_KEYS) {
        expect(row[col(k)] ?? null).toBe(r.metrics[k]);
        if (col(`${k}_ci_low`) >= 0) {
          expect(row[col(`${k}_ci_low`)] ?? null).toBe(r.ci[k]?.[0] ?? null);
          expect(row[col(`${k}_ci_high`)] ?? null).toBe(r.ci[k]?.[1] ?? null);
        }
        if (col(`${k}_delta`) >= 0) {
          expect(row[col(`${k}_delta`)] ?? null).toBe(r.benchmarks[k]?.delta ?? null);
          expect(row[col(`${k}_status`)] ?? null).toBe(r.benchmarks[k]?.status ?? null);
        }
        compared++;
      }
    }
    expect(compared).toBe(report.rows.length * METRIC_KEYS.length);
  });

  it('long sheet: one row per period × channel × metric, each value equal to the JSON', () => {
    const [header, ...rows] = sheets[1]!.data;
    const col = (name: string): number => (header as string[]).indexOf(name);
    expect(rows).toHaveLength(report.rows.length * METRIC_KEYS.length);
    const byKey = new Map(report.rows.map((r) => [key(r.period!.start, r.channel), r]));
    for (const row of rows) {
      const r = byKey.get(key(day(row[col('period_start')]), row[col('channel')] as string))!;
      const k = row[col('metric')] as (typeof METRIC_KEYS)[number];
      expect(row[col('value')] ?? null).toBe(r.metrics[k]);
    }
  });

  it('null figures are empty cells, their reasons listed', () => {
    const nulls = report.rows.flatMap((r) => METRIC_KEYS.filter((k) => r.metrics[k] === null && r.reasons[k]).map((k) => [r.channel, k, r.reasons[k]]));
    const listed = sheets[2]!.data.slice(1).map((row) => [row[1], row[2], row[3]]);
    expect(listed).toEqual(nulls);
    expect(nulls.length).toBeGreaterThan(0);
  });

  it('number formats, frozen header row, column widths; no formula anywhere', () => {
    const files = unzipSync(bytes);
    const styles = strFromU8(files['xl/styles.xml']!);
    for (const f of ['0.0%', '#,##0.00', '#,##0', 'yyyy-mm-dd']) expect(styles).toContain(`formatCode="${f}"`);
    const sheet1 = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet1).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet1).toMatch(/<col [^>]*width=/);
    for (const [name, content] of Object.entries(files)) if (name.endsWith('.xml')) expect(strFromU8(content)).not.toMatch(/<f[ >]/);
  });

  it('a text cell that looks like a formula stays text', async () => {
    const evil = '=HYPERLINK("http://x","y")';
    const copy: Report = { ...report, rows: report.rows.map((r) => ({ ...r, channel: r.channel === 'web' ? evil : r.channel })) };
    const out = (await renderReport(copy, 'xlsx')) as Uint8Array;
    const [wide] = (await readXlsxFile(Buffer.from(out))) as { data: unknown[][] }[];
    expect(wide!.data.some((row) => row[3] === evil)).toBe(true);
    for (const [name, content] of Object.entries(unzipSync(out))) if (name.endsWith('.xml')) expect(strFromU8(content)).not.toMatch(/<f[ >]/);
  });

  it('same report, same bytes', async () => {
    const again = (await renderReport(report, 'xlsx')) as Uint8Array;
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });

  it('the CLI writes the workbook with --output and refuses stdout (exit 2)', async () => {
    const file = path.join(dir, 'kpi.xlsx');
    const ok = await runCli(['report', '--data', 'examples/demo', '--format', 'xlsx', '--output', file]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const bad = await runCli(['report', '--data', 'examples/demo', '--format', 'xlsx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format xlsx writes a binary file: pass --output FILE');
    expect(bad.stdout).toBe('');
  });
});

describe('cohorts and crosschannel --format xlsx', () => {
  it.each([
    ['cohorts', (j: { cohorts: { retained_share: (number | null)[]; cumulative_value: (number | null)[] }[] }) => j.cohorts.flatMap((r) => r.retained_share.map((v, k) => [v, r.cumulative_value[k]]).flat()), [4, 5]],
    ['crosschannel', (j: { overlap: { cells: { value: number | null }[] }[] }) => j.overlap.flatMap((r) => r.cells.map((c) => c.value)), null],
  ] as const)('%s: the long table with typed cells, every figure equal to the JSON', async (command, figures, cols) => {
    const file = path.join(dir, `${command}.xlsx`);
    const made = await runCli([command, '--data', 'examples/demo', '--format', 'xlsx', '--output', file]);
    expect(made.code).toBe(0);
    const json = JSON.parse((await runCli([command, '--data', 'examples/demo', '--format', 'json'])).stdout) as never;
    const [sheet] = (await readXlsxFile(readFileSync(file))) as { data: unknown[][] }[];
    const rows = sheet!.data.slice(1);
    if (cols) {
      expect(rows[0]![0]).toBeInstanceOf(Date);
      expect(rows.flatMap((r) => cols.map((c) => r[c] ?? null))).toEqual(figures(json));
    } else {
      const overlap = rows.filter((r) => r[0] === 'overlap').map((r) => r[5] ?? null);
      expect(overlap).toEqual(figures(json));
    }
  });
});
