/**
 * --timezone end to end on fixtures/timezone (see its README for each order's
 * instant and local day). In America/Los_Angeles, weeks starting Monday:
 *   week 02-26 (clipped to Sun 03-03): o1 web 100
 *   week 03-04 (167 hours: Mon 00:00 PST → Mon 00:00 PDT): o2 email 50, o3 web 30,
 *     o5 email 25 (23:59 PDT on Sunday, by its own offset)
 *   week 03-11: o4 web 40, o6 web 60 (22:00 PDT on Sunday 03-17)
 * Data end = Mon 03-18 00:00 PDT (o6 is the latest order, on Sunday 03-17 local).
 * In UTC the same file puts o5 in week 03-11 and o6 in week 03-18.
 *
 * Retention with --retention-days 2 is 48 hours, not two calendar days: c3 is
 * acquired by o3 at 03-10 07:30Z (Sat 23:30 PST) and buys again with o4 at
 * 03-12 07:15Z (Tue 00:15 PDT) — 47 h 45 min later, so c3 repeated (by wall
 * clock it would be 2 days 45 minutes). As of week 03-11 (T = 03-18 07:00Z,
 * mature when acquired ≤ T − 48 h = 03-16 07:00Z), web's mature customers are
 * c1 (no repeat) and c3 (repeat): 1/2 = 0.5; email's c2 bought again after 6.9
 * days: 0/1; total 1/3.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/run-cli.js';
import { runInProcess } from '../helpers/run-in-process.js';

const ORDERS = fixture('timezone', 'orders.csv');
const LA = ['--timezone', 'America/Los_Angeles'];

interface Doc {
  window: { start: string; end: string; data_end: string };
  settings: { timezone: string };
  rows: { period: { label: string; start: string; end: string }; channel: string; metrics: Record<string, number | null> }[];
}

async function report(args: string[], env: Record<string, string> = {}): Promise<Doc> {
  const r = await runInProcess(['report', '--orders', ORDERS, '--period', 'week', '--retention-days', '2', '--format', 'json', ...args], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

const cells = (doc: Doc, metric: string) => doc.rows.map((r) => `${r.period.label} ${r.channel} ${r.metrics[metric]}`);

describe('--timezone', () => {
  it('weeks, data end and the window are Los Angeles days', async () => {
    const doc = await report(LA);
    expect(doc.settings.timezone).toBe('America/Los_Angeles');
    expect(doc.window).toEqual({ start: '2024-03-03', end: '2024-03-17', data_end: '2024-03-18', partial: false });
    expect(doc.rows.filter((r) => r.channel === '(all)').map((r) => [r.period.label, r.period.start, r.period.end, r.metrics['orders'], r.metrics['revenue']])).toEqual([
      ['2024-02-26', '2024-03-03', '2024-03-03', 1, 100],
      ['2024-03-04', '2024-03-04', '2024-03-10', 3, 105],
      ['2024-03-11', '2024-03-11', '2024-03-17', 2, 100],
    ]);
    expect(cells(doc, 'revenue')).toContain('2024-03-04 email 75');
  });

  it('N-day retention stays N × 24 hours across the DST change', async () => {
    const doc = await report(LA);
    const last = doc.rows.filter((r) => r.period.label === '2024-03-11');
    expect(last.map((r) => [r.channel, r.metrics['retention_rate']])).toEqual([
      ['web', 0.5],
      ['email', 0],
      ['(all)', 0.333333333333],
    ]);
  });

  it('the same file in UTC (the default) puts o5 and o6 a week later', async () => {
    const doc = await report([]);
    expect(doc.settings.timezone).toBe('UTC');
    expect(doc.window.data_end).toBe('2024-03-19');
    expect(doc.rows.filter((r) => r.channel === '(all)').map((r) => [r.period.label, r.metrics['orders']])).toEqual([
      ['2024-02-26', 1],
      ['2024-03-04', 2],
      ['2024-03-11', 2],
      ['2024-03-18', 1],
    ]);
  });

  it('config settings.timezone works like the flag, and the flag wins', async () => {
    const { promises: fs } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cb-tz-'));
    const config = path.join(dir, 'channelbench.config.json');
    await fs.writeFile(config, JSON.stringify({ settings: { timezone: 'America/Los_Angeles' } }));
    expect((await report(['--config', config])).window.data_end).toBe('2024-03-18');
    expect((await report(['--config', config, '--timezone', 'UTC'])).window.data_end).toBe('2024-03-19');
    await fs.writeFile(config, JSON.stringify({ settings: { timezone: 'Pacific/Atlantis' } }));
    const bad = await runInProcess(['report', '--orders', ORDERS, '--config', config]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('config settings.timezone: "Pacific/Atlantis" is not a time zone this system knows');
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('an unknown zone is a usage error (exit 2) with a hint', async () => {
    const r = await runInProcess(['report', '--orders', ORDERS, '--timezone', 'Mars/Olympus_Mons']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'channelbench: --timezone: "Mars/Olympus_Mons" is not a time zone this system knows\n  hint: use an IANA name such as UTC, Europe/Berlin or America/Los_Angeles\n',
    );
  });

  it("output is byte-identical whatever the machine's TZ", async () => {
    for (const format of ['json', 'markdown']) {
      const outputs = new Set<string>();
      // the last run also reads the orders on the worker thread (CHANNELBENCH_WORKER_MIN_BYTES=0)
      for (const env of [{ TZ: 'UTC' }, { TZ: 'Asia/Tokyo' }, { TZ: 'America/New_York', CHANNELBENCH_WORKER_MIN_BYTES: '0' }]) {
        const r = await runInProcess(['report', '--orders', ORDERS, ...LA, '--period', 'week', '--format', format], { env });
        expect(r.code).toBe(0);
        outputs.add(r.stdout);
      }
      expect(outputs.size, format).toBe(1);
    }
  });
});
