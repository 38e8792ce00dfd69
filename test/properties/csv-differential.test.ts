/**
 * The CSV fast path against csv-parse, the reference: every delimited file in
 * fixtures/ and ../shared/datasets, and random RFC 4180 text with delimiters,
 * quotes, CRLF and newlines inside quoted fields, must give identical headers,
 * rows and line numbers (or both fail).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openInput } from '../../src/ingest/source.js';
import { readDelimited, type RawRow } from '../../src/ingest/readers.js';
import { DATASETS, ROOT } from '../helpers/run-cli.js';

type Parser = 'fast' | 'csv-parse';

async function readAll(source: () => Promise<AsyncIterable<Buffer>>, parser: Parser): Promise<{ header: string[]; rows: RawRow[] } | { error: string }> {
  try {
    const table = await readDelimited(await source(), { name: 'x', parser });
    const rows: RawRow[] = [];
    for await (const batch of table.rows) rows.push(...batch);
    return { header: table.header, rows };
  } catch (err) {
    return { error: (err as Error).constructor.name };
  }
}

function delimitedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) out.push(...delimitedFiles(p));
    else if (/\.(csv|tsv|txt)(\.gz)?$/.test(e) && !/cdnow|CDNOW/.test(e)) out.push(p);
  }
  return out.sort();
}

const files = [...delimitedFiles(path.join(ROOT, 'fixtures')), ...delimitedFiles(DATASETS)];

describe('fast path = csv-parse on real files', () => {
  for (const file of files) {
    it(path.relative(path.dirname(ROOT), file), async () => {
      const open = async () => (await openInput(file)).stream;
      const fast = await readAll(open, 'fast');
      const ref = await readAll(open, 'csv-parse');
      expect(fast).toEqual(ref);
    });
  }
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
          const fast = await readAll(source, 'fast');
          const ref = await readAll(source, 'csv-parse');
          expect(fast).toEqual(ref);
        },
      ),
      { numRuns: 300 },
    );
  });
});
