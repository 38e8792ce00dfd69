/**
 * The crosschannel renderers on the golden fixture: csv long-form layout, no
 * escapes without colour, never wider than the width, markdown rows of equal
 * cell count.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { computeCrossChannel } from '../../metrics/crosschannel/index.js';
import { GOLDEN_DATA_END, goldenDataset } from '../../metrics/crosschannel/testing/golden-dataset.js';
import { buildPeriods } from '../../periods/index.js';
import { visibleLength } from '../formats/table.js';
import { CROSSCHANNEL_RENDERERS } from './index.js';
import { buildCrossChannelDoc } from './model.js';

const ds = goldenDataset();
const window = { start: Date.UTC(2024, 0, 5), end: GOLDEN_DATA_END };
const periods = buildPeriods(window, GOLDEN_DATA_END, 'month', 'monday');
const ctx = { window, dataEnd: GOLDEN_DATA_END, asOf: GOLDEN_DATA_END, unit: 'month' as const, weekStart: 'monday' as const, cancelledStatuses: ['cancelled'], files: [] };
const doc = buildCrossChannelDoc(computeCrossChannel(ds, GOLDEN_DATA_END, periods.map((p) => p.asOf)), ds.channels, periods, ctx);
const opts = (level: 0 | 1, width = 80, decimalComma = false) => ({ display: { locale: 'en-US', currency: undefined }, width, chalk: new Chalk({ level }), decimalComma });

describe('crosschannel csv', () => {
  const csv = CROSSCHANNEL_RENDERERS.csv(doc, opts(0));
  const lines = csv.split('\r\n');
  it('long form: figure, period, bucket, from, to, value', () => {
    expect(lines.slice(0, 9)).toEqual([
      'figure,period,bucket,from,to,value',
      'customers,,,,,10',
      'multichannel_customers,,,,,5',
      'multichannel_share,,,,,0.5',
      'omnichannel_lift,,,,,1.41176470588',
      'customers,,1,,,5',
      'mean_net_value,,1,,,102',
      'mean_purchases,,1,,,1.6',
      'aov,,1,,,71.25',
    ]);
    expect(lines).toContain('customers,,2+,,,5');
    expect(lines).toContain('mean_net_value,,2+,,,144');
    expect(lines).toContain('overlap,,,web,store,0.5');
    expect(lines).toContain('overlap_customers,,,web,app,4');
    expect(lines).toContain('migration,,,app,web,0.5');
    expect(lines).toContain('migration_purchases,,,web,app,3');
    expect(lines).toContain('acquired_customers,,,web,,4');
    expect(lines).toContain('migration_excluded,,,web,,1');
    expect(lines).toContain('multichannel_share,2024-02-01,,,,0.25');
    expect(lines).toContain('mean_net_value,2024-02-01,1,,,77.5');
  });
  it('every row has six cells; decimal comma gives ; and 0,5', () => {
    for (const l of lines.filter(Boolean)) expect(l.split(',')).toHaveLength(6);
    expect(CROSSCHANNEL_RENDERERS.csv(doc, opts(0, 80, true))).toContain('multichannel_share;;;;;0,5');
    expect(CROSSCHANNEL_RENDERERS.tsv(doc, opts(0)).split('\r\n')[0]).toBe('figure\tperiod\tbucket\tfrom\tto\tvalue');
  });
  it('ndjson: the same rows as objects', () => {
    const rows = CROSSCHANNEL_RENDERERS.ndjson(doc).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(lines.filter(Boolean).length - 1);
    expect(rows[3]).toEqual({ figure: 'omnichannel_lift', period: null, bucket: null, from: null, to: null, value: 1.41176470588 });
  });
});

describe('crosschannel table and markdown', () => {
  it('no escape bytes at colour level 0; bold headers at level 1', async () => {
    expect((await CROSSCHANNEL_RENDERERS.table(doc, opts(0)))).not.toContain('\u001b');
    expect((await CROSSCHANNEL_RENDERERS.table(doc, opts(1)))).toContain('\u001b[1m');
  });
  it('never wider than the width', async () => {
    for (const width of [40, 60, 80, 120]) {
      const text = (await CROSSCHANNEL_RENDERERS.table(doc, opts(1, width)));
      const tableLines = text.split('\n').filter((l) => /^[┌│├└]/.test(l));
      for (const l of tableLines) expect(visibleLength(l), `${width}: ${l}`).toBeLessThanOrEqual(Math.max(width, 34));
    }
  });
  it('matrices as percentages, row and column headers', async () => {
    const text = (await CROSSCHANNEL_RENDERERS.table(doc, opts(0, 200)));
    expect(text).toMatch(/│ customers of │ customers │\s+store │\s+web │\s+app │/);
    expect(text).toMatch(/│ web\s+│\s+6 │\s+50\.0% │\s+100\.0% │\s+66\.7% │/);
    expect(text).toMatch(/│ app\s+│\s+3 │\s+1 │\s+2 │\s+0\.0% │\s+50\.0% │\s+50\.0% │/);
  });
  it('markdown: every table row has its header’s cell count', async () => {
    const md = (await CROSSCHANNEL_RENDERERS.markdown(doc, opts(0)));
    const blocks = md.split('\n\n').filter((b) => b.startsWith('|'));
    expect(blocks.length).toBe(4);
    for (const b of blocks) {
      const counts = b.trim().split('\n').map((l) => l.split(/(?<!\\)\|/).length);
      expect(new Set(counts).size).toBe(1);
    }
  });
});
