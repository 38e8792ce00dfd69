/**
 * Law: the byte path for spend, traffic and NPS files
 * (src/ingest/fast-orders/rows-reader.ts) builds exactly the Dataset and file
 * report that the general row decoder builds: the same rows, channels,
 * customers, counts, problems and column styles, or the same error. Checked
 * on random messy files of each role (decimal commas, ambiguous amounts and
 * dates, quotes, blanks, padded and non-ASCII channels, invalid values,
 * short lines), cut into chunks anywhere, and on the demo's files.
 * FC_RUNS raises the number of random files.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoadOptions } from '../../src/ingest/load.js';
import type { DecimalStyle } from '../../src/ingest/parse-amount.js';
import type { Role } from '../../src/model.js';
import { MESSY_POOLS, pick } from '../helpers/messy-orders.js';
import { loadFileSummary } from '../helpers/load-summary.js';
import { ROOT } from '../helpers/run-cli.js';

const RUNS = Number(process.env.FC_RUNS ?? 60);


const POOLS = {
  date: MESSY_POOLS.date,
  channel: [...MESSY_POOLS.channel, 'Paid Search', 'POS'],
  customer: MESSY_POOLS.customer,
  amount: [...MESSY_POOLS.revenue, '42', '0', '3'],
  score: ['0', '6', '7', '9', '10', '11', '-1', '7.5', '', ' 8 ', 'x', '1,0'],
} as const;

interface MessyCells {
  date: string;
  channel: string;
  customer: string;
  amount: string;
  score: string;
  /** 0: quote the channel cell (with a delimiter and "" inside); 1: quote the amount; else plain. */
  quote: number;
  /** 0: the line stops after the date; 1: an empty line follows. */
  shape: number;
}

const messyCells: fc.Arbitrary<MessyCells> = fc.record({
  date: pick(POOLS.date),
  channel: pick(POOLS.channel),
  customer: pick(POOLS.customer),
  amount: pick(POOLS.amount),
  score: pick(POOLS.score),
  quote: fc.integer({ min: 0, max: 19 }),
  shape: fc.integer({ min: 0, max: 24 }),
});

const HEADERS: Record<Exclude<Role, 'orders'>, string[]> = {
  spend: ['date', 'channel', 'spend'],
  traffic: ['date', 'channel', 'sessions'],
  nps: ['date', 'channel', 'customer_id', 'score'],
};

function messyFile(role: Exclude<Role, 'orders'>, rows: MessyCells[], delimiter: string, crlf: boolean): string {
  const eol = crlf ? '\r\n' : '\n';
  const lines = rows.map((r) => {
    const value = role === 'nps' ? r.score : r.amount;
    let cells = role === 'nps' ? [r.date, r.channel, r.customer, value] : [r.date, r.channel, value];
    if (r.quote === 0) cells[1] = `"${cells[1]}${delimiter} ""x"""`;
    if (r.quote === 1) cells[cells.length - 1] = `"${cells[cells.length - 1]}"`;
    if (r.shape === 0) cells = cells.slice(0, 1);
    const line = cells.map((c) => (c.includes(delimiter) && !c.startsWith('"') ? `"${c}"` : c)).join(delimiter);
    return r.shape === 1 ? line + eol : line;
  });
  return [HEADERS[role].join(delimiter), ...lines].join(eol) + eol;
}

/** Everything a load of one file of `role` produces, or the error it raised. */
const loadRole = (file: string, role: Role, decimalStyle: DecimalStyle | undefined, opts: Partial<LoadOptions>) => loadFileSummary(file, decimalStyle, opts, role);

const dir = mkdtempSync(path.join(os.tmpdir(), 'cb-rows-'));
let fileNo = 0;

describe('spend, traffic and NPS byte path = row decoder', () => {
  it.each(['spend', 'traffic', 'nps'] as const)('on random messy %s files, cut into chunks anywhere', async (role) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(messyCells, { minLength: 0, maxLength: 40 }),
        pick([',', ';', '\t']),
        fc.boolean(),
        pick([undefined, 'comma', 'point'] as const),
        fc.integer({ min: 1, max: 64 }),
        async (rows, delimiter, crlf, style, chunkBytes) => {
          const file = path.join(dir, `${role}${fileNo++}.csv`);
          writeFileSync(file, messyFile(role, rows, delimiter, crlf));
          const general = await loadRole(file, role, style, { fastPath: false });
          expect(await loadRole(file, role, style, {})).toEqual(general);
          expect(await loadRole(file, role, style, { chunkBytes })).toEqual(general);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['spend', 'spend.csv'],
    ['traffic', 'traffic.csv'],
    ['nps', 'nps.csv'],
  ] as const)('on the demo %s file', async (role, name) => {
    const file = path.join(ROOT, 'fixtures/demo', name);
    const fast = (await loadRole(file, role, undefined, {})) as { files: { counts: { rowsRead: number } }[] };
    expect(fast).toEqual(await loadRole(file, role, undefined, { fastPath: false }));
    expect(fast.files[0]!.counts.rowsRead).toBeGreaterThan(1000);
  });

  it('takes the rows from the bytes: a mistake there shows (the test can fail)', async () => {
    // A file whose rows the byte path reads: its rows equal the general path's, and are not empty.
    const file = path.join(dir, 'plain.csv');
    writeFileSync(file, 'date,channel,spend\n2024-01-01,web,10.50\n2024-01-02,Paid Search,3\n2024-01-02, email ,0\n');
    const fast = (await loadRole(file, 'spend', undefined, {})) as { spend: { spend: number; channel: number }[]; channels: string[] };
    expect(fast.spend.map((r) => r.spend)).toEqual([10.5, 3, 0]);
    expect(fast.spend.map((r) => fast.channels[r.channel])).toEqual(['web', 'Paid Search', 'email']);
  });
});
