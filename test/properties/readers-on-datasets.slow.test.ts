/**
 * The reader differential tests of the fast suite (csv-differential,
 * orders-fast-path, orders-fast-path-chunks) on every delimited file of ../shared/datasets/
 * (up to 45 MB each): the fast CSV path = csv-parse, the orders lane = the
 * general row decoder, the worker pipeline = the one-thread lane.
 * `npm run test:slow`; skipped with a message when ../shared is absent.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInput } from '../../src/ingest/source.js';
import { delimitedTestFiles, isDelimitedText, loadEach, readTable } from '../helpers/load-summary.js';
import { ROOT } from '../helpers/run-cli.js';

const files = delimitedTestFiles('readers-on-datasets', 'datasets');

describe.skipIf(files.length === 0)('readers agree on the real datasets', () => {
  it.each(files.filter(isDelimitedText).map((f) => [f]))('fast CSV path = csv-parse: %s', async (rel) => {
    const open = async () => (await openInput(path.join(ROOT, rel))).stream;
    expect(await readTable(open, 'fast')).toEqual(await readTable(open, 'csv-parse'));
  });

  it.each(files.map((f) => [f]))('orders fast path = row decoder (point and comma decimals): %s', async (rel) => {
    const file = path.join(ROOT, rel);
    for (const style of [undefined, 'comma'] as const) {
      const { fast, general } = await loadEach(file, style, { fast: {}, general: { fastPath: false } });
      expect(fast).toEqual(general);
    }
  });

  it.each(files.map((f) => [f]))('orders fast path in small chunks = row decoder: %s', async (rel) => {
    const file = path.join(ROOT, rel);
    const chunkBytes = statSync(file).size < 1_000_000 ? 97 : undefined;
    const { fast, general } = await loadEach(file, undefined, { fast: { chunkBytes }, general: { fastPath: false } });
    expect(fast).toEqual(general);
  });
});
