/**
 * --format html without a browser: one self-contained page (no script, no
 * external reference, a CSP that forbids them), the same bytes every run,
 * accessible structure, status in words, partial periods and comparisons shown.
 * (test/browser/html.slow.test.ts opens the pages in Chromium.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport, runReport, type Report } from '../../src/index.js';
import { CSP } from '../../src/report/formats/html-page.js';
import { fixture, runCli } from '../helpers/run-cli.js';

const DEMO = 'examples/demo';
let report: Report;
let html: string;

beforeAll(async () => {
  // --to mid-June: the last month is partial.
  report = await runReport({ data: DEMO, period: 'month', to: '2024-06-15', benchmarks: fixture('benchmarks.example.json'), comparePrevious: true });
  html = (await renderReport(report, 'html')) as string;
});

function selfContained(page: string): void {
  expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP.replace(/'/g, '&#39;')}">`);
  expect(page).not.toMatch(/<script|<iframe|<object|<embed|<link |@import|url\(/i);
  // The only URL is the SVG namespace (a name, never fetched); links are in-page anchors.
  expect(page.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:\/\//);
  for (const m of page.matchAll(/\b(?:href|src)="([^"]*)"/g)) expect(m[1]!.startsWith('#')).toBe(true);
}

describe('report --format html', () => {
  it('is self-contained with a restrictive CSP', () => {
    selfContained(html);
    expect(CSP).toContain("default-src 'none'");
  });

  it('is accessible: <title>, header cells with scope, every chart named and described', () => {
    expect(html).toContain('<title>channelbench report</title>');
    expect(html).toMatch(/<th scope="col">metric<\/th>/);
    const svgs = [...html.matchAll(/<svg [^>]*>/g)];
    expect(svgs.length).toBe(18 * (report.channels.length + 1));
    for (const s of svgs) expect(s[0]).toMatch(/role="img" aria-labelledby="[^"]+-t [^"]+-d"/);
    expect(html.match(/<title id=/g)).toHaveLength(svgs.length);
  });

  it('says each status in words, not by colour alone', () => {
    expect(html).toMatch(/<span class="mark" aria-hidden="true">~?[✓≈✗]<\/span><span class="sr"> (better than benchmark|on target|worse than benchmark)/);
  });

  it('shows n beside every verdict on a figure with sampling error, and ? when the sample is too small', () => {
    const last = report.rows.filter((r) => r.period?.start === report.periods.at(-1)!.start);
    let checked = 0;
    for (const r of last) {
      for (const k of ['aov', 'conversion_rate', 'retention_rate', 'nps'] as const) {
        const b = r.benchmarks[k];
        const n = r.n?.[k];
        if (!b || b.status === null || n === undefined) continue;
        const td = html.match(new RegExp(`<td [^>]*data-channel="${r.channel.replace(/[()]/g, '\\$&')}" data-metric="${k}"[^>]*>.*?</td>`))![0];
        expect(td, `${r.channel} ${k}`).toContain(`<span class="sub n" title="observations behind the verdict">n = ${n.toLocaleString('en-US')}</span>`);
        if (b.sample === 'insufficient') expect(td).toMatch(/aria-hidden="true">\?/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(html).toContain('? too few observations to tell');
  });

  it('marks partial periods in the charts and shows the comparison with the previous period', () => {
    expect(report.periods[report.periods.length - 1]!.partial).toBe(true);
    expect(html).toContain('class="partial"');
    expect(html).toContain('(partial)');
    expect(html).toMatch(/<span class="sub cmp">prev /);
    expect(html).toContain('class="band"');
  });

  it('footnotes every null figure', () => {
    expect(html).toMatch(/n\/a<sup><a href="#note-1"/);
    expect(html).toContain('<li id="note-1">n/a: ');
  });

  it('gives the same bytes for the same report', async () => {
    expect(await renderReport(report, 'html')).toBe(html);
  });
});

describe('html from the CLI', () => {
  it.each([
    ['report', ['report', '--data', DEMO, '--format', 'html']],
    ['cohorts', ['cohorts', '--data', DEMO, '--format', 'html']],
    ['crosschannel', ['crosschannel', '--data', DEMO, '--period', 'month', '--format', 'html']],
  ])('%s: a self-contained page on stdout, byte-identical across TZ/LANG', async (name, args) => {
    const a = await runCli(args);
    const b = await runCli(args, { env: { TZ: 'Asia/Kolkata', LANG: 'de_DE.UTF-8' } });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    selfContained(a.stdout);
    expect(a.stdout).toContain(`<title>channelbench ${name}</title>`);
    if (name !== 'report') expect(a.stdout).toContain('<table class="heat chart-table">');
  });
});
