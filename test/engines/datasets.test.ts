/**
 * Engine equivalence on real data: the demo (all four roles, aliases, cancelled
 * statuses, line items) and UCI Online Retail (December 2010 subset: C-invoice
 * returns, quantity × unit price, lines that disagree with their first line).
 * Figure inputs and finished figures of the DuckDB engine equal the in-process
 * engine's. (PostgreSQL is compared on random data in equivalence.test.ts.)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { expectSameFigures, expectSameInputs, expectSameStats, report } from '../helpers/engines.js';
import { DATASETS, fixture, ROOT } from '../helpers/run-cli.js';

const haveShared = existsSync(DATASETS);
if (!haveShared) console.warn(`skipping Online Retail engine test: ${DATASETS} not found`);

describe('engines agree on real data', () => {
  it('demo, weekly periods starting Sunday', async () => {
    const input = { dataDir: fixture('demo') };
    const flags = { period: 'week' as const, weekStart: 'sunday' as const };
    const a = await report(input, flags, ROOT);
    const b = await report(input, { ...flags, engine: 'duckdb' }, ROOT);
    expectSameInputs(a.summary, b.summary, 'demo');
    expectSameFigures(a, b, 'demo');
    expectSameStats(a, b, 'demo');
  }, 60_000);

  it.skipIf(!haveShared)('UCI Online Retail (Dec 2010), countries as channels, daily periods', async () => {
    const input = { files: { orders: path.join(DATASETS, 'uci-online-retail/online_retail_2010-12.csv') }, presets: ['online-retail'], maps: ['channel=Country'] };
    const flags = { period: 'day' as const, retentionDays: 7, clvHorizonDays: 14 };
    const a = await report(input, flags, ROOT);
    const b = await report(input, { ...flags, engine: 'duckdb' }, ROOT);
    expectSameInputs(a.summary, b.summary, 'online retail');
    expectSameFigures(a, b, 'online retail');
    expectSameStats(a, b, 'online retail');
  }, 60_000);
});
