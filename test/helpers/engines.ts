/**
 * Runs `report` through the pipeline with each engine and compares figure
 * inputs and finished figures cell by cell (counts exact, money to 1e-9 relative).
 */
import pg from 'pg';
import { expect } from 'vitest';
import { channelKey } from '../../src/model.js';
import type { InputFlags } from '../../src/pipeline/inputs.js';
import { runReport, type ReportFlags, type ReportResult } from '../../src/pipeline/report.js';
import { COLUMN_KIND, type FigureInputRow } from '../../src/summary/index.js';

export function inputFlags(over: Partial<InputFlags>): InputFlags {
  return { dataDir: undefined, files: {}, configFile: undefined, presets: [], maps: [], sets: [], formatIn: {}, delimiter: {}, dateFormat: {}, decimalComma: undefined, skipInvalid: false, quiet: true, verbose: false, ...over };
}

export const NO_FLAGS: ReportFlags = { from: undefined, to: undefined, last: undefined, period: undefined, weekStart: undefined, margin: undefined, retentionDays: undefined, clvHorizonDays: undefined };

export function report(input: Partial<InputFlags>, flags: Partial<ReportFlags>, cwd: string): Promise<ReportResult> {
  return runReport(inputFlags(input), { ...NO_FLAGS, confidence: 0.95, ...flags }, cwd);
}

const close = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

/** Figure inputs equal cell by cell: same cells, counts exact, money to 1e-9 relative. */
export function expectSameInputs(a: FigureInputRow[], b: FigureInputRow[], label: string): void {
  const key = (r: FigureInputRow) => `${r.period}|${channelKey(r.channel)}`;
  const mb = new Map(b.map((r) => [key(r), r]));
  expect(a.map(key).sort(), `${label}: cells`).toEqual([...mb.keys()].sort());
  for (const r of a) {
    const s = mb.get(key(r))!;
    for (const c of Object.keys(COLUMN_KIND) as (keyof FigureInputRow)[]) {
      if (c === 'channel') continue;
      const x = r[c];
      const y = s[c];
      const ok = typeof x === 'number' && typeof y === 'number' ? (COLUMN_KIND[c] === 'int' ? x === y : close(x, y)) : x === y;
      if (!ok) expect.fail(`${label}: period ${r.period}, channel ${r.channel}, ${c}: ${String(x)} vs ${String(y)}`);
    }
  }
}

/** Every figure (and interval) of two finished reports equal to 1e-9 relative. */
export function expectSameFigures(a: ReportResult, b: ReportResult, label: string): void {
  const key = (r: ReportResult['report']['rows'][number]) => `${r.period?.start ?? ''}|${channelKey(r.channel)}`;
  const mb = new Map(b.report.rows.map((r) => [key(r), r]));
  expect(a.report.rows.map(key).sort(), `${label}: rows`).toEqual([...mb.keys()].sort());
  for (const r of a.report.rows) {
    const s = mb.get(key(r))!;
    for (const [k, x] of Object.entries(r.metrics)) {
      const y = s.metrics[k as keyof typeof s.metrics];
      const ok = x === null || y === null ? x === y : close(x, y!);
      if (!ok) expect.fail(`${label}: ${key(r)} ${k}: ${String(x)} vs ${String(y)}`);
    }
    expect(Object.keys(r.reasons).sort(), `${label}: ${key(r)} reasons`).toEqual(Object.keys(s.reasons).sort());
    for (const [k, [lo, hi]] of Object.entries(r.ci)) {
      const [lo2, hi2] = s.ci[k as keyof typeof s.ci] ?? [NaN, NaN];
      if (!close(lo, lo2) || !close(hi, hi2)) expect.fail(`${label}: ${key(r)} ci ${k}: [${lo}, ${hi}] vs [${lo2}, ${hi2}]`);
    }
  }
}

export interface TableData {
  name: string;
  columns: [string, 'timestamp' | 'double precision' | 'text' | 'bigint'][];
  rows: (string | number | null)[][];
}

/** Replaces the given tables in the test database (and drops the other role tables). */
export async function loadPostgres(url: string, tables: TableData[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS orders, spend, traffic, nps');
    for (const t of tables) {
      await client.query(`CREATE TABLE ${t.name} (${t.columns.map(([c, ty]) => `"${c}" ${ty}`).join(', ')})`);
      const cols = t.columns.map(([c]) => `"${c}"`).join(', ');
      for (let i = 0; i < t.rows.length; i += 500) {
        const chunk = t.rows.slice(i, i + 500);
        const values: unknown[] = [];
        const tuples = chunk.map((row) => `(${row.map((v) => (values.push(v), `$${values.length}`)).join(', ')})`);
        await client.query(`INSERT INTO ${t.name} (${cols}) VALUES ${tuples.join(', ')}`, values);
      }
    }
  } finally {
    await client.end();
  }
}

/** The input statistics of two reports equal role by role (the SQL engines name what they cannot count: line_conflicts). */
export function expectSameStats(a: ReportResult, b: ReportResult, label: string): void {
  const strip = (r: ReportResult) =>
    r.report.inputs.map((i) => Object.fromEntries(Object.entries(i).filter(([k]) => !['file', 'format', 'line_conflicts', 'not_counted'].includes(k))));
  expect(strip(b), `${label}: input statistics`).toEqual(strip(a));
  for (const i of b.report.inputs) expect(i.role !== 'orders' || (i.line_conflicts === null && i.not_counted?.includes('line_conflicts')), `${label}: line_conflicts named as not counted`).toBe(true);
}
