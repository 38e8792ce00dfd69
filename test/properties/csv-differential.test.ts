/**
 * The CSV fast path against csv-parse, the reference: every delimited file in
 * fixtures/ (../shared/datasets: readers-on-datasets.slow.test.ts), and random RFC 4180 text with delimiters,
 * quotes, CRLF and newlines inside quoted fields, must give identical headers,
 * rows and line numbers (or both fail). FC_RUNS raises the number of random texts.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openInput } from '../../src/ingest/source.js';
import { delimitedTestFiles, isDelimitedText, readTable } from '../helpers/load-summary.js';
import { ROOT } from '../helpers/run-cli.js';

const RUNS = Number(process.env.FC_RUNS ?? 150);

describe('fast path = csv-parse on the fixtures', () => {
  it.each(delimitedTestFiles('csv-differential', 'fixtures').filter(isDelimitedText).map((f) => [f]))('%s', async (rel) => {
    const open = async () => (await openInput(path.join(ROOT, rel))).stream;
    expect(await readTable(open, 'fast')).toEqual(await readTable(open, 'csv-parse'));
  });
});

const field = fc.oneof(
  fc.constantFrom('', 'a', '12.50', '1,234.50', 'x y', '"', 'a"b', ',', ';', '\n', '\r\n', 'é€', ' lead', 'trail '),
  fc.string({ maxLength: 8 }),
);

function encode(records: string[][], delimiter: string, crlf: boolean): string {
  const quote = (f: string): string => (/[",;\t|\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f);
  return records.map((r) => r.map(quote).join(delimiter)).join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
}

describe('fast path = csv-parse on random RFC 4180 text', () => {
  it('same records and line numbers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(',', ';', '\t', '|'),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (records, delimiter, crlf, chunk) => {
          const text = encode([['a', 'b', 'c'], ...records], delimiter, crlf);
          const bytes = Buffer.from(text);
          // small chunks: records and escapes split across chunk boundaries
          const source = async () => Readable.from(Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) => bytes.subarray(i * chunk, (i + 1) * chunk)));
          expect(await readTable(source, 'fast')).toEqual(await readTable(source, 'csv-parse'));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
