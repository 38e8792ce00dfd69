import { describe, expect, it } from 'vitest';
import { computeFigureInputs } from '../metrics/index.js';
import { buildPeriods } from '../periods/index.js';
import { dataset, order, spend } from '../metrics/testing/dataset-fixture.js';
import { parseFigureInputRows } from './parse.js';
import { renderFigureInputsCsv } from './render.js';
import { fromFigureInputRows, SummaryTableError, toFigureInputRows, type SummaryRun } from './table.js';

const DAY = 86_400_000;
const ds = dataset({ orders: [order('2024-01-01T10:00Z', 50, 'web', 'c1', 'o1'), order('2024-01-09T10:00Z', -5, 'web', 'c1', 'o2')], spend: [spend('2024-01-02', 'ads', 30)] });
const window = { start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 0, 15) };
const dataEnd = Date.UTC(2024, 0, 10);
const settings = { margin: 0.5, retentionDays: 3, clvHorizonDays: 5 };
const periods = buildPeriods(window, dataEnd, 'week', 'monday');
const inputs = computeFigureInputs(ds, periods, settings);
const run: SummaryRun = { window, dataEnd, unit: 'week', weekStart: 'monday', settings, cancelledStatuses: ['cancelled'], has: inputs.has };
const rows = toFigureInputRows(inputs, run);

describe('figure-inputs table', () => {
  it('round-trips through CSV: the same run and cells', () => {
    // 2 weeks × (web, ads, total) = 6 rows
    expect(rows).toHaveLength(6);
    const back = fromFigureInputRows(parseFigureInputRows(renderFigureInputsCsv(rows), 'csv'));
    expect(back.run).toEqual(run);
    expect(back.inputs).toEqual(inputs);
  });

  it('reads upper-case column names and text numbers (warehouse JSON)', () => {
    const upper = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toUpperCase(), typeof v === 'number' ? String(v) : v])));
    expect(parseFigureInputRows(JSON.stringify({ rows: upper }), 'json')).toEqual(rows);
  });

  it('names the row and column of a bad cell', () => {
    const bad = rows.map((r, i) => (i === 1 ? { ...r, orders: 1.5 } : r));
    expect(() => parseFigureInputRows(JSON.stringify(bad), 'json')).toThrow(expect.objectContaining({ row: 2, column: 'orders' }) as Error);
  });

  it('wants one run per file and a total row per period', () => {
    const mixed = rows.map((r, i) => (i === 3 ? { ...r, margin: 1 } : r));
    expect(() => fromFigureInputRows(mixed)).toThrow(expect.objectContaining({ row: 4, column: 'margin' }) as Error);
    expect(() => fromFigureInputRows(rows.filter((r) => !(r.channel === '(all)' && r.period === '2024-01-08')))).toThrow(SummaryTableError);
    expect(() => fromFigureInputRows(rows.map((r) => ({ ...r, period: '2024-02-05' })))).toThrow(/not a period of the window/);
  });

  it('a missing channel cell is zeros', () => {
    const without = fromFigureInputRows(rows.filter((r) => !(r.channel === 'ads' && r.period === '2024-01-08')));
    expect(without.inputs.periods[1]!.cells[1]!.spend).toBe(0);
    expect(dataEnd - window.start).toBe(9 * DAY);
  });
});
