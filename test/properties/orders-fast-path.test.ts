/**
 * Law: the orders fast path (src/ingest/fast-orders/, which decodes orders
 * lines from their bytes) builds exactly the Dataset and file report that the
 * general row decoder builds. Checked on random messy orders files (decimal
 * commas, ambiguous amounts and dates, quotes, blanks, padded and non-ASCII
 * ids, cancelled statuses, continuation lines, invalid values) and on every
 * delimited file in fixtures/ (../shared/datasets/: readers-on-datasets.slow.test.ts).
 * FC_RUNS raises the number of random files.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecimalStyle } from '../../src/ingest/parse-amount.js';
import { delimitedTestFiles, loadEach } from '../helpers/load-summary.js';
import { messyOrdersCsv, messyRow, pick } from '../helpers/messy-orders.js';
import { ROOT } from '../helpers/run-cli.js';

const RUNS = Number(process.env.FC_RUNS ?? 60);

const loadBoth = (file: string, decimalStyle?: DecimalStyle) => loadEach(file, decimalStyle, { fast: {}, general: { fastPath: false } });


const dir = mkdtempSync(path.join(os.tmpdir(), 'cb-fast-'));
let fileNo = 0;

describe('orders fast path = row decoder', () => {
  it('on random messy orders files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(messyRow, { minLength: 0, maxLength: 40 }),
        pick([',', ';', '\t']),
        fc.boolean(),
        pick([undefined, 'comma', 'point'] as const),
        async (rows, delimiter, withStatus, style) => {
          const file = path.join(dir, `r${fileNo++}.csv`);
          writeFileSync(file, messyOrdersCsv(rows, delimiter, withStatus));
          const { fast, general } = await loadBoth(file, style);
          expect(fast).toEqual(general);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('on the ids of a real order sequence: increasing, then one out of order, then line items far apart', async () => {
    const lines = ['order_id,customer_id,date,channel,revenue'];
    for (let i = 0; i < 3000; i++) lines.push(`ORD-${String(i).padStart(6, '0')},C${i % 97},2024-01-0${1 + (i % 9)} 10:00:00,web,${i % 50}.25`);
    lines.push('ORD-000017,C17,2024-01-02 10:00:00,web,1.50', 'ORD-999999,C1,2024-01-02 10:00:00,email,3');
    for (let i = 0; i < 3000; i += 7) lines.push(`ORD-${String(i).padStart(6, '0')},,,,2.00`);
    const file = path.join(dir, 'sequence.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    const { fast, general } = await loadBoth(file);
    expect(fast).toEqual(general);
    expect((fast as { orders: unknown[] }).orders).toHaveLength(3001);
  });

  it('on long ids and customer ids, whose batch characters span several text pieces (latin1-pieces.ts)', async () => {
    const lines = ['order_id,customer_id,date,channel,revenue'];
    const hex = (n: number) => (n * 2654435761 >>> 0).toString(16).padStart(8, '0');
    for (let i = 0; i < 6000; i++) {
      const id = `${hex(i)}-${hex(i + 7).slice(0, 4)}-4${hex(i + 3).slice(0, 3)}-a${hex(i + 5).slice(0, 3)}-${hex(i + 9)}${hex(i).slice(0, 4)}`;
      lines.push(`${id},customer-${hex(i % 1500)}-${'x'.repeat(i % 40)},2024-01-0${1 + (i % 9)} 10:00:00,${i % 3 ? 'web' : 'shop'},${i % 50}.25`);
      if (i % 11 === 0) lines.push(`${id},,,,1.00`);
    }
    const file = path.join(dir, 'long-ids.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    const { fast, general } = await loadBoth(file);
    expect(fast).toEqual(general);
    expect((fast as { orders: unknown[] }).orders).toHaveLength(6000);
  });

  // Found by the random files (CI, seed -853320910): the fast reader split a
  // line at every delimiter before it saw the quote, so a piece of a quoted cell
  // ("1.50" of "shop,1.50,x") reached the revenue column's decoder, which learnt
  // a decimal point from it and read o2's "1,234" as 1234 despite --decimal-comma.
  it('a quoted cell holding the delimiter teaches no column anything', async () => {
    const file = path.join(dir, 'quoted-piece.csv');
    writeFileSync(file, 'order_id,customer_id,date,channel,revenue\no1,c1,2024-01-05,"shop,1.50,x",7\no2,c1,2024-01-06,web,"1,234"\n');
    const { fast, general } = await loadBoth(file, 'comma');
    expect(fast).toEqual(general);
    expect((fast as { orders: { value: number }[] }).orders.map((o) => o.value)).toEqual([7, 1.234]);
  });

  it.each(delimitedTestFiles('orders-fast-path', 'fixtures').map((f) => [f]))('on %s', { timeout: 120_000 }, async (rel) => {
    const file = path.join(ROOT, rel);
    const { fast, general } = await loadBoth(file);
    expect(fast).toEqual(general);
    const comma = await loadBoth(file, 'comma');
    expect(comma.fast).toEqual(comma.general);
  });
});
