/**
 * `crosschannel` and `cohorts` on the whole UCI Online Retail file (541,909
 * lines, 38 countries as channels); skipped with a message when
 * ../shared/datasets is absent. `npm run test:slow`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DATASETS, runCli } from '../helpers/run-cli.js';

interface CrossDoc {
  channels: string[];
  summary: { customers: number };
  periods: unknown[];
}

const have = existsSync(DATASETS);
if (!have) console.warn(`skipping Online Retail crosschannel/cohorts runs: ${DATASETS} not found`);
const RETAIL = ['--orders', path.join(DATASETS, 'uci-online-retail/online_retail.csv'), '--preset', 'online-retail', '--map', 'channel=Country', '--quiet'];

describe.skipIf(!have)('UCI Online Retail (541,909 lines, 38 countries as channels)', () => {
  // Speed is measured by npm run bench / by hand (see the README), not asserted here.
  it('crosschannel runs on the whole file', async () => {
    const r = await runCli(['crosschannel', ...RETAIL, '--period', 'month', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as CrossDoc;
    expect(doc.summary.customers).toBe(4338); // 4,372 ids, of whom 34 only ever returned
    expect(doc.channels[0]).toBe('United Kingdom');
    expect(doc.periods).toHaveLength(13);
  });

  it('cohorts runs on the whole file', async () => {
    const r = await runCli(['cohorts', ...RETAIL, '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    const dec2010 = rows.filter((x) => x['cohort_start'] === '2010-12-01' && x['channel'] === '(all)');
    expect(dec2010).toHaveLength(13);
    expect(Number(dec2010[0]!['size'])).toBeGreaterThan(800);
  });
});
