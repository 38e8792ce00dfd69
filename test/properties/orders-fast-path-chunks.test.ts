/**
 * Law: the orders fast path (src/ingest/fast-orders/: lines read from their
 * bytes, UTF-8 text included, lines with quotes or cells it cannot read
 * through the row decoder, lines packed into batches with id-order hints,
 * status/channel codes and bare continuation lines folded into counts, then
 * merged by the builder) builds exactly the Dataset and file report of the
 * general row decoder — whatever the chunk boundaries of the input (the
 * boundaries fall anywhere, inside UTF-8 characters and quoted records too).
 * On random files and on every delimited file in fixtures/ (../shared/datasets/:
 * readers-on-datasets.slow.test.ts). FC_RUNS raises the number of random files.
 * The two-thread transport of the same pipeline is compared end to end in
 * test/e2e/parallel-orders.test.ts.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecimalStyle } from '../../src/ingest/parse-amount.js';
import { delimitedTestFiles, loadEach } from '../helpers/load-summary.js';
import { messyOrdersCsv, messyRow, pick, type MessyRow } from '../helpers/messy-orders.js';
import { ROOT } from '../helpers/run-cli.js';

const RUNS = Number(process.env.FC_RUNS ?? 60);

const loadBoth = (file: string, decimalStyle: DecimalStyle | undefined, chunkBytes: number | undefined) =>
  loadEach(file, decimalStyle, { fast: { chunkBytes }, general: { fastPath: false } });


/** Rows an export without quotes writes (read from their bytes), edge cases and non-ASCII text included. */
const plainRow: fc.Arbitrary<MessyRow> = fc.record({
  id: pick(['o1', 'o2', 'o3', 'o10', 'ORD-000001', 'ORD-000002', 'ORD-0000010', '', 'Ö1', 'o\u{1F381}', 'o\uFF01', 'é']),
  customer: pick(['c1', 'c2', 'C9', '', ' c1', 'c2\t', 'Zoë', 'José ', '\u00a0c1', 'c1\u00a0', '\u3000', 'Ærø\u2009', 'c\u00a0d']),
  date: pick(['2024-01-05', '2024-01-05 10:20:30', '2024-01-05T10:20:30Z', '2024-01-06 23:59', '2024-01-05 10:20:30z', '2024-02-30', '2024-01-05 24:00:00', '2024-01-05 10:20:3', '', '05/01/2024', '20240105']),
  channel: pick(['web', 'email', ' Paid Search ', '', 'shop', '\tweb', 'Web', '  ', 'Réseaux sociaux', 'café', '\u00a0', '配送']),
  status: pick(['', '', 'paid', 'cancelled', 'CANCELLED', 'refunded', ' voided ']),
  revenue: pick(['12', '12.50', '-3', '', '0', '-0', '007', '1234567890123456', '123456789012345', '900719925474099.7', '12.', '.5', '1e3', '1,5', '-', '12.5.1']),
  quote: fc.constant(9),
  short: fc.integer({ min: 0, max: 24 }),
});

/** A line-item continuation of the row before: the same id, nothing else but maybe an amount. */
function continuation(prev: MessyRow, revenue: string): MessyRow {
  return { id: prev.id, customer: '', date: '', channel: '', status: '', revenue, quote: 9, short: 9 };
}

const rowsArb = fc
  .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: plainRow }, { weight: 1, arbitrary: messyRow }), fc.integer({ min: 0, max: 5 }), pick(['', '', '', '3.5'])), {
    maxLength: 60,
  })
  .map((items) => items.flatMap(([row, items, revenue]) => [row, ...Array.from({ length: items > 2 ? items - 2 : 0 }, () => continuation(row, revenue))]));

const dir = mkdtempSync(path.join(os.tmpdir(), 'cb-chunks-'));
let fileNo = 0;

describe('orders fast path, in any chunks = row decoder', () => {
  it('on random files, cut into random chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArb,
        pick([',', ';', '\t']),
        fc.boolean(),
        pick([undefined, 'comma', 'point'] as const),
        fc.record({ crlf: fc.boolean(), blankLines: fc.boolean(), noFinalNewline: fc.boolean() }),
        fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
        async (rows, delimiter, withStatus, style, shape, chunkBytes) => {
          let text = messyOrdersCsv(rows, delimiter, withStatus);
          if (shape.blankLines) text = text.replace(/\n(?=[^\n]*\n[^\n]*$)|\n(?=o2)/g, '\n\n');
          if (shape.noFinalNewline) text = text.replace(/\n$/, '');
          if (shape.crlf) text = text.replace(/\n/g, '\r\n');
          const file = path.join(dir, `r${fileNo++}.csv`);
          writeFileSync(file, text);
          const { fast, general } = await loadBoth(file, style, chunkBytes);
          expect(fast).toEqual(general);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('on a long file of line items (many chunks)', async () => {
    const lines = ['Order ID,Customer,Order Date,Channel,Status,Quantity,Unit Price,Total'];
    for (let i = 0; i < 4000; i++) {
      const id = `ORD-${String(i).padStart(7, '0')}`;
      lines.push(`${id},C${i % 113},2024-01-0${1 + (i % 9)} 10:0${i % 10}:00,${i % 17 === 0 ? ' Paid Search ' : 'web'},${i % 31 === 0 ? 'cancelled' : 'paid'},1,4.99,${(i % 50) + 0.5}`);
      for (let k = 0; k < i % 4; k++) lines.push(`${id},,,,,2,1.99,`);
    }
    // Past the reader's 64 KB sample: a lone CR (inside a field, not a line break) and an order seen before.
    lines.push('ORD-0000017,C17,2024-01-02 10:00:00,web,paid,1,1.5,1.50', 'ORD-0009999,C1\r,2024-01-02 10:00:00,web,paid,1,1.5,1\r5', 'ORD-0010000,C1,2024-01-02 10:00:00,web,paid,1,1.5,2');
    const file = path.join(dir, 'line-items.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    for (const chunkBytes of [undefined, 4096, 777]) {
      const { fast, general } = await loadBoth(file, undefined, chunkBytes);
      expect(fast).toEqual(general);
    }
  });

  it('on quoted records with line breaks, UTF-8 text and a quoted header, cut at every chunk size up to 40 bytes', async () => {
    const lines = [
      '"Order ID","Customer","Date","Channel","Total","Note"',
      'o1,Zoë,2024-01-05,web,12.50,"Größe L, blau"',
      'o2,José,2024-01-05 10:20,"Réseaux\nsociaux",3,配送',
      'o2,,,,1.25,"two\r\nlines ""quoted"""',
      'o3,c\u00a0,2024-01-06,email,7,',
      '"o4","Ærø",2024-01-07,web,"1,5",x',
      'o5,c5,2024-01-08,web,2,"not closed',
    ];
    const file = path.join(dir, 'quoted-breaks.csv');
    for (const text of [lines.join('\r\n'), lines.join('\n').replace('"not closed', '"closed"') + '\n']) {
      writeFileSync(file, text);
      const whole = await loadBoth(file, undefined, undefined);
      expect(whole.fast).toEqual(whole.general);
      for (let chunkBytes = 1; chunkBytes <= 40; chunkBytes++) {
        const { fast, general } = await loadBoth(file, undefined, chunkBytes);
        expect(fast).toEqual(general);
      }
    }
    expect(JSON.stringify((await loadBoth(file, undefined, 5)).fast)).toContain('Réseaux');
  });

  it.each(delimitedTestFiles('orders-fast-path-chunks', 'fixtures').map((f) => [f]))('on %s', { timeout: 120_000 }, async (rel) => {
    const file = path.join(ROOT, rel);
    const small = statSync(file).size < 1_000_000;
    const { fast, general } = await loadBoth(file, undefined, small ? 97 : undefined);
    expect(fast).toEqual(general);
  });
});
