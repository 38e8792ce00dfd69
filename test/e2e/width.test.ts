/**
 * The terminal output at 80, 100, 120 and 200 columns: no line wider than the
 * terminal, and no one-channel-per-table splits — every table of a report
 * period holds every channel (compact layout: a channel's figures are one line
 * of each table; full layout: one table). Rendered in-process from one run each.
 */
import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseInputFlags } from '../../src/cli/input-options.js';
import { renderReport, runReport, type Report } from '../../src/index.js';
import { runCohorts } from '../../src/pipeline/cohorts.js';
import { runCrossChannel } from '../../src/pipeline/crosschannel.js';
import { COHORTS_RENDERERS } from '../../src/report/cohorts/index.js';
import type { CohortsDoc } from '../../src/report/cohorts/model.js';
import { CROSSCHANNEL_RENDERERS } from '../../src/report/crosschannel/index.js';
import type { CrossChannelDoc } from '../../src/report/crosschannel/model.js';
import { fixture, ROOT } from '../helpers/run-cli.js';

const WIDTHS = [80, 100, 120, 200];
const display = { locale: 'en-US', currency: undefined };
let single: Report;
let weekly: Report;
let cohorts: CohortsDoc;
let cross: CrossChannelDoc;

beforeAll(async () => {
  const demo = fixture('demo');
  single = await runReport({ data: demo });
  weekly = await runReport({ data: demo, period: 'week', benchmarks: fixture('benchmarks.example.json') });
  const input = parseInputFlags({ data: demo });
  const window = { from: undefined, to: undefined, last: undefined, period: undefined, weekStart: undefined };
  cohorts = (await runCohorts(input, { ...window, horizon: 12, channel: undefined }, ROOT)).doc;
  cross = (await runCrossChannel(input, { ...window, period: 'quarter' }, ROOT)).doc;
}, 120_000);

function widest(text: string): number {
  return Math.max(...text.split('\n').map((l) => [...l].length));
}

/** The tables of a rendered text: runs of lines from ┌ to └. */
function tables(text: string): string[] {
  const out: string[] = [];
  let cur: string[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('┌')) cur = [];
    if (cur) cur.push(line);
    if (line.startsWith('└') && cur) {
      out.push(cur.join('\n'));
      cur = null;
    }
  }
  return out;
}

const cell = (name: string): RegExp => new RegExp(`│ ${name.replace(/[()]/g, '\\$&')} +│`);

describe.each(WIDTHS)('at %i columns', (width) => {
  it.each([
    ['report, one window', () => single],
    ['report --period week --benchmarks', () => weekly],
  ] as const)('%s: fits, and every table holds every channel', async (_, get) => {
    const report = get();
    const text = (await renderReport(report, 'table', { width })) as string;
    expect(widest(text)).toBeLessThanOrEqual(width);
    const ts = tables(text);
    expect(ts.length).toBeGreaterThan(0);
    const channels = [...report.channels, '(all)'];
    for (const t of ts) {
      const compact = t.split('\n')[1]!.includes('channel');
      for (const ch of channels) {
        if (compact) expect(t).toMatch(cell(ch)); // a row per channel
        else expect(t.split('\n')[1]).toContain(ch); // a column per channel
      }
    }
    // 80 columns can never hold every channel as a column: the compact layout; 200 can: the full one.
    if (width === 80) expect(text).toContain('│ channel ');
    if (width === 200) expect(ts).toHaveLength(1);
  });

  it('cohorts fits', async () => {
    const text = (await COHORTS_RENDERERS.table(cohorts, { display, width, chalk: new Chalk({ level: 0 }), decimalComma: false }));
    expect(widest(text)).toBeLessThanOrEqual(width);
  });

  it('crosschannel --period quarter fits', async () => {
    const text = (await CROSSCHANNEL_RENDERERS.table(cross, { display, width, chalk: new Chalk({ level: 0 }), decimalComma: false }));
    expect(widest(text)).toBeLessThanOrEqual(width);
  });
});

it('the compact layout is far shorter than one table per channel at 80 columns', async () => {
  const text = (await renderReport(weekly, 'table', { width: 80 })) as string;
  // One table per channel took about 170 lines; the compact layout takes 70.
  expect(text.split('\n').length).toBeLessThan(80);
  expect(text).toContain('key: Net rev = Net revenue');
});
