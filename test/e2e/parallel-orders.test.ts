/**
 * Law: reading orders on two threads (a worker decodes, the main thread
 * builds; src/ingest/parallel-orders.ts) prints exactly what one thread
 * prints — `validate` and `report --format json` alike, errors included.
 * Through the real binary: CHANNELBENCH_WORKER_MIN_BYTES=0 puts every orders
 * file on the worker, a huge value keeps every file on one thread.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messyOrdersCsv, randomMessyRows } from '../helpers/messy-orders.js';
import { DATASETS, fixture, runCli, type CliResult } from '../helpers/run-cli.js';
import { existsSync } from 'node:fs';

const WORKER = { CHANNELBENCH_WORKER_MIN_BYTES: '0' };
const SINGLE = { CHANNELBENCH_WORKER_MIN_BYTES: '1e15' };

const scrub = (r: CliResult): CliResult => ({ ...r, stdout: r.stdout.replace(/"generated_at": "[^"]*"/g, '') });

async function same(args: string[]): Promise<CliResult> {
  const [a, b] = await Promise.all([runCli(args, { env: WORKER }), runCli(args, { env: SINGLE })]);
  expect(scrub(a)).toEqual(scrub(b));
  return a;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'cb-parallel-'));
const messy = Array.from({ length: 6 }, (_, i) => {
  const file = path.join(dir, `messy-${i}.csv`);
  writeFileSync(file, messyOrdersCsv(randomMessyRows(i + 1, 400), [',', ';', '\t'][i % 3]!, i % 2 === 0));
  return file;
});
// A BOM, comment lines and a blank line before the header, CRLF: the worker starts at the right byte.
const preamble = path.join(dir, 'preamble.csv');
writeFileSync(preamble, '\uFEFF# exported by X\n# second comment\n\norder_id,date,revenue,channel\r\nA,2024-01-01,12.5,web\r\nB,2024-01-02,3,store\r\n');
const orderFixtures = [
  'ingest/line-items.csv',
  'ingest/bad-rows.csv',
  'ingest/number-styles.csv',
  'ingest/number-styles-comma.csv',
  'ingest/semicolon-decimal-comma.csv',
  'ingest/slash-dates-dmy.csv',
  'ingest/ambiguous-amounts.csv',
  'ingest/ambiguous-dates.csv',
  'ingest/bom-crlf.csv',
  'ingest/quoted.csv',
  'ingest/unclosed-quote.csv',
  'ingest/orders.csv.gz',
  'ingest/qty-price.csv',
  'golden/orders.csv',
  'crosschannel/orders.csv',
  'demo/orders.csv',
].map((f) => fixture(...f.split('/')));

describe('orders on a worker thread = on one thread', () => {
  it.each([...orderFixtures, ...messy, preamble].map((f) => [path.basename(path.dirname(f)) + '/' + path.basename(f), f]))(
    '%s',
    { timeout: 60_000 },
    async (_name, file) => {
      await same(['validate', '--orders', file]);
      await same(['report', '--orders', file, '--format', 'json', '--skip-invalid']);
      // Without --skip-invalid: the first invalid rows and their total, or the report.
      await same(['report', '--orders', file, '--format', 'csv']);
    },
  );

  it('a whole --data folder, with a config (demo)', { timeout: 60_000 }, async () => {
    const r = await same(['report', '--data', fixture('demo'), '--format', 'json', '--period', 'month']);
    expect(r.code).toBe(0);
  });

  it('an input error in the worker is the same one-line error, exit 3', { timeout: 60_000 }, async () => {
    // Clean for the first 64 KB (so the fast path, and the worker, take the file), then a stray quote.
    const file = path.join(dir, 'bad-quote.csv');
    const good = Array.from({ length: 4000 }, (_, i) => `o${i},2024-01-01,12.50`);
    writeFileSync(file, ['order_id,date,revenue', ...good, 'B,2024-01-02,"3" x', 'C,2024-01-03,4'].join('\n') + '\n');
    const r = await same(['report', '--orders', file, '--format', 'json']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      'channelbench: ' + file + ':4002: cannot parse the delimited text (a character follows a closing quote)\n  hint: check the quoting near that line, or pass --delimiter\n',
    );
  });

  it('a CHANNELBENCH_WORKER_MIN_BYTES that is not a size is a usage error (exit 2)', async () => {
    const r = await runCli(['validate', '--orders', fixture('golden', 'orders.csv')], { env: { CHANNELBENCH_WORKER_MIN_BYTES: 'lots' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('channelbench: CHANNELBENCH_WORKER_MIN_BYTES=lots: expected a number of bytes (0 or more)\n');
  });

  const retail = path.join(DATASETS, 'uci-online-retail', 'online_retail.csv');
  it.skipIf(!existsSync(retail))('UCI Online Retail read as plain orders (45 MB, a real export)', { timeout: 120_000 }, async () => {
    const r = await same(['report', '--orders', retail, '--map', 'order_id=InvoiceNo', '--map', 'date=InvoiceDate', '--map', 'customer_id=CustomerID', '--map', 'revenue=UnitPrice', '--map', 'channel=Country', '--skip-invalid', '--format', 'json']);
    expect(r.code).toBe(0);
  });
});
