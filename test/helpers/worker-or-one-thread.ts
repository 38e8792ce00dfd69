/**
 * Runs the built program twice (in this process: runInProcess, the binary's
 * own run()) — every orders file on the worker thread
 * (CHANNELBENCH_WORKER_MIN_BYTES=0), and every file on one thread — and
 * expects the same stdout (generated_at aside), stderr and exit code.
 */
import { expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { messyOrdersCsv, randomMessyRows } from './messy-orders.js';
import { fixture, type CliResult } from './run-cli.js';
import { runInProcess } from './run-in-process.js';

const WORKER = { CHANNELBENCH_WORKER_MIN_BYTES: '0' };
const SINGLE = { CHANNELBENCH_WORKER_MIN_BYTES: '1e15' };

const scrub = (r: CliResult): CliResult => ({ ...r, stdout: r.stdout.replace(/"generated_at": "[^"]*"/g, '') });

/** The result of `args` on the worker, after checking that one thread gives the same. */
export async function sameOnWorkerAndOneThread(args: string[]): Promise<CliResult> {
  const [a, b] = await Promise.all([runInProcess(args, { env: WORKER }), runInProcess(args, { env: SINGLE })]);
  expect(scrub(a)).toEqual(scrub(b));
  return a;
}

/** The three commands each orders file is compared with. */
export async function sameForEveryCommand(file: string): Promise<void> {
  await sameOnWorkerAndOneThread(['validate', '--orders', file]);
  await sameOnWorkerAndOneThread(['report', '--orders', file, '--format', 'json', '--skip-invalid']);
  // Without --skip-invalid: the first invalid rows and their total, or the report.
  await sameOnWorkerAndOneThread(['report', '--orders', file, '--format', 'csv']);
}

/**
 * The orders fixtures compared on both transports. The fast suite takes the
 * first `FAST_FIXTURES` (line items, invalid rows, decimal commas, gzip, an
 * unclosed quote); the slow suite the rest.
 */
export const ORDER_FIXTURES = [
  'ingest/line-items.csv',
  'ingest/bad-rows.csv',
  'ingest/semicolon-decimal-comma.csv',
  'ingest/orders.csv.gz',
  'ingest/unclosed-quote.csv',
  'ingest/slash-dates-dmy.csv',
  'ingest/quoted.csv',
  'ingest/number-styles.csv',
  'ingest/number-styles-comma.csv',
  'ingest/ambiguous-amounts.csv',
  'ingest/ambiguous-dates.csv',
  'ingest/bom-crlf.csv',
  'ingest/qty-price.csv',
  'golden/orders.csv',
  'crosschannel/orders.csv',
  'demo/orders.csv',
].map((f) => fixture(...f.split('/')));
export const FAST_FIXTURES = 5;

/** Random messy orders files number `from` … `to - 1` (400 rows each; delimiter and status column vary with the number). */
export function messyOrderFiles(from: number, to: number): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cb-parallel-'));
  return Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    const file = path.join(dir, `messy-${i}.csv`);
    writeFileSync(file, messyOrdersCsv(randomMessyRows(i + 1, 400), [',', ';', '\t'][i % 3]!, i % 2 === 0));
    return file;
  });
}

/** `dir/file` — the test name of a fixture path. */
export const shortName = (file: string): string => path.basename(path.dirname(file)) + '/' + path.basename(file);
