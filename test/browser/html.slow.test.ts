/**
 * The HTML pages in a real browser (headless Chromium driven by
 * playwright-core): no console errors, not one network request, the table
 * cells equal the JSON figures, every chart has a size; screenshots go to
 * test-artifacts/screenshots/ (gitignored) for a person to look at.
 *
 * Needs Chromium (Debian: apt-get install chromium; or CHROMIUM_PATH=…). Outside
 * CI the suite is skipped with a message when there is none; with CI=true it fails.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInputFlags } from '../../src/cli/input-options.js';
import { METRIC_KEYS, renderReport, runReport, type Report } from '../../src/index.js';
import { runCohorts } from '../../src/pipeline/cohorts.js';
import { runCrossChannel } from '../../src/pipeline/crosschannel.js';
import { COHORTS_RENDERERS } from '../../src/report/cohorts/index.js';
import type { CohortsDoc } from '../../src/report/cohorts/model.js';
import { CROSSCHANNEL_RENDERERS } from '../../src/report/crosschannel/index.js';
import type { CrossChannelDoc } from '../../src/report/crosschannel/model.js';
import { createFormatter } from '../../src/report/number-format.js';
import { Chalk } from 'chalk';
import { fixture, ROOT } from '../helpers/run-cli.js';

const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p);
const executable = CANDIDATES.find((p) => existsSync(p));
const inCi = process.env['CI'] === 'true';

if (!executable && !inCi) {
  console.warn(`browser tests skipped: no Chromium found (looked at ${CANDIDATES.join(', ')}); install the chromium package or set CHROMIUM_PATH`);
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Visit {
  page: Page;
  consoleErrors: string[];
  requests: string[];
}

describe.skipIf(!executable && !inCi)('HTML pages in headless Chromium', () => {
  let context: BrowserContext;
  let profile: string;
  let report: Report;
  let reportHtml: string;
  let singleHtml: string;
  let cohorts: CohortsDoc;
  let cross: CrossChannelDoc;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    if (!executable) throw new Error(`CI=true but no Chromium at ${CANDIDATES.join(', ')}: .ci/run must install the chromium package`);
    mkdirSync(path.join(ARTIFACTS, 'html'), { recursive: true });
    mkdirSync(path.join(ARTIFACTS, 'screenshots'), { recursive: true });
    const demo = fixture('demo');
    report = await runReport({ data: demo, period: 'month', last: '12m', benchmarks: fixture('benchmarks.example.json'), comparePrevious: true });
    reportHtml = (await renderReport(report, 'html')) as string;
    singleHtml = (await renderReport(await runReport({ data: demo }), 'html')) as string;
    const input = parseInputFlags({ data: demo });
    const window = { from: undefined, to: undefined, last: undefined, period: undefined, weekStart: undefined };
    cohorts = (await runCohorts(input, { ...window, last: '12m', horizon: 6, channel: undefined }, ROOT)).doc;
    cross = (await runCrossChannel(input, { ...window, period: 'quarter' }, ROOT)).doc;
    const opts = { display: { locale: 'en-US', currency: undefined }, width: 80, chalk: new Chalk({ level: 0 }), decimalComma: false };
    const pages: Record<string, string> = {
      report: reportHtml,
      'report-window': singleHtml,
      cohorts: await COHORTS_RENDERERS.html(cohorts, opts),
      crosschannel: await CROSSCHANNEL_RENDERERS.html(cross, opts),
    };
    for (const [name, html] of Object.entries(pages)) {
      files[name] = path.join(ARTIFACTS, 'html', `${name}.html`);
      writeFileSync(files[name]!, html);
    }
    profile = mkdtempSync(path.join(tmpdir(), 'cb-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: executable, headless: true, args: LAUNCH_ARGS, viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function visit(name: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Visit> {
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    const url = `file://${files[name]}`;
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.emulateMedia({ colorScheme });
    await page.goto(url, { waitUntil: 'load' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'screenshots', `${name}${colorScheme === 'dark' ? '-dark' : ''}.png`), fullPage: true });
    return { page, consoleErrors, requests };
  }

  async function chartsHaveSize(page: Page, min: number): Promise<void> {
    const sizes = await page.$$eval('svg.chart, table.chart-table', (els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height]));
    expect(sizes.length).toBeGreaterThanOrEqual(min);
    for (const [w, h] of sizes) {
      expect(w).toBeGreaterThan(0);
      expect(h).toBeGreaterThan(0);
    }
  }

  it('report (--period month --benchmarks --compare previous): no errors, no requests, cells = JSON, charts drawn', async () => {
    const { page, consoleErrors, requests } = await visit('report');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    const cells = await page.$$eval('table.kpi td[data-metric]', (tds) =>
      tds.map((td) => ({ channel: td.getAttribute('data-channel')!, metric: td.getAttribute('data-metric')!, value: td.getAttribute('data-value')!, text: td.textContent ?? '' })),
    );
    const last = report.periods[report.periods.length - 1]!;
    const rows = report.rows.filter((r) => r.period?.start === last.start);
    expect(cells).toHaveLength(rows.length * METRIC_KEYS.length);
    const fmt = createFormatter({ locale: 'en-US', currency: undefined });
    for (const c of cells) {
      const row = rows.find((r) => r.channel === c.channel)!;
      const v = row.metrics[c.metric as (typeof METRIC_KEYS)[number]] ?? null;
      if (v === null) {
        expect(c.value).toBe('');
        expect(c.text.startsWith('n/a')).toBe(true);
      } else {
        expect(Number(c.value)).toBe(v);
        expect(c.text.startsWith(fmt(c.metric as (typeof METRIC_KEYS)[number], v))).toBe(true);
      }
    }
    // Status in words, not colour alone.
    expect(await page.locator('table.kpi .sr').count()).toBeGreaterThan(0);
    await chartsHaveSize(page, METRIC_KEYS.length * (report.channels.length + 1));
    expect(await page.title()).toBe('channelbench report');
    await page.close();
  });

  it('report in dark mode and as printed: still no errors or requests', async () => {
    const { page, consoleErrors, requests } = await visit('report', 'dark');
    const bg = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    expect(bg).not.toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'screenshots', 'report-print.png') });
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('report without --period: a bar chart per metric', async () => {
    const { page, consoleErrors, requests } = await visit('report-window');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    await chartsHaveSize(page, METRIC_KEYS.length);
    await page.close();
  });

  it('cohorts: every heat-map cell equals the JSON figure', async () => {
    const { page, consoleErrors, requests } = await visit('cohorts');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    const cells = await page.$$eval('td[data-measure]', (tds) =>
      tds.map((td) => ({ channel: td.getAttribute('data-channel')!, cohort: td.getAttribute('data-cohort')!, k: Number(td.getAttribute('data-k')), measure: td.getAttribute('data-measure')!, value: td.getAttribute('data-value')! })),
    );
    expect(cells).toHaveLength(cohorts.cohorts.length * (cohorts.horizon + 1) * 2);
    for (const c of cells) {
      const row = cohorts.cohorts.find((r) => r.channel === c.channel && r.cohort.label === c.cohort)!;
      const v = row[c.measure as 'retained_share' | 'cumulative_value'][c.k] ?? null;
      expect(c.value === '' ? null : Number(c.value)).toBe(v);
    }
    await chartsHaveSize(page, cohorts.channels.length * 2);
    await page.close();
  });

  it('crosschannel: overlap and migration cells equal the JSON figures', async () => {
    const { page, consoleErrors, requests } = await visit('crosschannel');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    const cells = await page.$$eval('td[data-matrix]', (tds) =>
      tds.map((td) => ({ matrix: td.getAttribute('data-matrix')!, from: td.getAttribute('data-from')!, to: td.getAttribute('data-to')!, value: td.getAttribute('data-value')!, raw: td.getAttribute('data-raw') })),
    );
    const n = cross.channels.length;
    expect(cells).toHaveLength(2 * n * n);
    for (const c of cells) {
      const rows = c.matrix === 'overlap' ? cross.overlap : cross.migration;
      const want = rows.find((r) => r.from === c.from)!.cells.find((x) => x.to === c.to)!.value;
      const got = c.matrix === 'overlap' && c.from === c.to ? c.raw : c.value;
      expect(got === '' || got === null ? null : Number(got)).toBe(want);
    }
    await chartsHaveSize(page, 4);
    await page.close();
  });
});
