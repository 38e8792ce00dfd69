/**
 * The cohorts renderers on the golden fixture: the csv columns and empty
 * incomplete cells, shading only with colour, never wider than the width,
 * markdown rows of equal cell count.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { findAcquisitions } from '../../metrics/acquisition.js';
import { computeCohortGrid } from '../../metrics/cohorts/index.js';
import { GOLDEN_DATA_END, goldenDataset } from '../../metrics/crosschannel/testing/golden-dataset.js';
import { buildPeriods } from '../../periods/index.js';
import { visibleLength } from '../formats/table.js';
import { COHORTS_RENDERERS } from './index.js';
import { buildCohortsDoc, defaultCohortSlots } from './model.js';
import { shadeStep, SHADE_STEPS } from './shade.js';

const ds = goldenDataset();
const window = { start: Date.UTC(2024, 0, 5), end: GOLDEN_DATA_END };
const cohorts = buildPeriods(window, GOLDEN_DATA_END, 'month', 'monday');
const grid = computeCohortGrid(ds.orders, findAcquisitions(ds.orders, ds.customerCount), ds.channels.length, { cohorts, unit: 'month', weekStart: 'monday', horizon: 2, asOf: GOLDEN_DATA_END });
const ctx = { window, dataEnd: GOLDEN_DATA_END, asOf: GOLDEN_DATA_END, unit: 'month' as const, weekStart: 'monday' as const, cancelledStatuses: ['cancelled'], files: [] };
const doc = buildCohortsDoc(grid, cohorts, defaultCohortSlots(grid, ds.channels), ctx);
const opts = (level: 0 | 1 | 2, width = 80, decimalComma = false) => ({ display: { locale: 'en-US', currency: undefined }, width, chalk: new Chalk({ level }), decimalComma });

describe('cohorts csv', () => {
  it('cohort_start, channel, k, size, retained_share, cumulative_value; incomplete cells empty', () => {
    const lines = COHORTS_RENDERERS.csv(doc, opts(0)).split('\r\n');
    expect(lines[0]).toBe('cohort_start,channel,k,size,retained_share,cumulative_value');
    expect(lines.slice(1, 4)).toEqual(['2024-01-01,web,0,2,1,115', '2024-01-01,web,1,2,0.5,130', '2024-01-01,web,2,2,,']);
    expect(lines).toContain('2024-01-01,(all),1,5,0.4,105');
    expect(lines).toContain('2024-02-01,(all),0,3,1,93.3333333333');
    expect(lines).toContain('2024-03-01,store,0,0,,');
    expect(lines.filter(Boolean)).toHaveLength(1 + 3 * 4 * 3); // cohorts × (3 channels + all) × (K + 1)
    expect(COHORTS_RENDERERS.csv(doc, opts(0, 80, true))).toContain('2024-01-01;web;1;2;0,5;130');
  });
  it('ndjson: one object per csv row, nulls as null', () => {
    const rows = COHORTS_RENDERERS.ndjson(doc).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows[2]).toEqual({ cohort_start: '2024-01-01', channel: 'web', k: 2, size: 2, retained_share: null, cumulative_value: null });
  });
});

describe('cohorts table and markdown', () => {
  it('shaded by value only when colour is on; no escapes at level 0', async () => {
    expect((await COHORTS_RENDERERS.table(doc, opts(0)))).not.toContain('\u001b');
    const coloured = (await COHORTS_RENDERERS.table(doc, opts(2)));
    expect(coloured).toContain('\u001b[48;5;46m'); // the brightest step: 100% at k = 0
    expect(coloured).toContain('\u001b[48;5;22m'); // the darkest: 0% (app, k = 1)
    // eslint-disable-next-line no-control-regex
    expect((await COHORTS_RENDERERS.table(doc, opts(1)))).toMatch(/\u001b\[(4\d|10\d)m/); // 16 colours: downsampled backgrounds
  });
  it('never wider than the width (columns chunked, row headers repeated)', async () => {
    const wide = { ...doc, horizon: 12, cohorts: doc.cohorts.map((r) => ({ ...r, retained_share: [...r.retained_share, ...Array<null>(10).fill(null)], cumulative_value: [...r.cumulative_value, ...Array<null>(10).fill(null)] })) };
    for (const width of [40, 60, 80]) {
      const lines = (await COHORTS_RENDERERS.table(wide, opts(2, width))).split('\n').filter((l) => /^[┌│├└]/.test(l));
      for (const l of lines) expect(visibleLength(l)).toBeLessThanOrEqual(width);
    }
  });
  it('markdown: every row has the header’s cell count; incomplete cells empty', async () => {
    const md = (await COHORTS_RENDERERS.markdown(doc, opts(0)));
    const blocks = md.split('\n\n').filter((b) => b.startsWith('|'));
    expect(blocks).toHaveLength(8); // (3 channels + all) × 2 triangles
    for (const b of blocks) expect(new Set(b.trim().split('\n').map((l) => l.split(/(?<!\\)\|/).length)).size).toBe(1);
    expect(md).toContain('| 2024-01-01 (partial) | 5 | 100.0% | 40.0% |  |');
  });
  it('shade steps', () => {
    expect(shadeStep(0, 1)).toBe(0);
    expect(shadeStep(-5, 1)).toBe(0);
    expect(shadeStep(0.3, 0.6)).toBe(2);
    expect(shadeStep(1, 0.5)).toBe(SHADE_STEPS - 1);
    expect(shadeStep(1, 0)).toBe(0);
  });
});
