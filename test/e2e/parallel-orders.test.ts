/**
 * Law: reading orders on two threads (a worker decodes, the main thread
 * builds; src/ingest/fast-orders/thread-or-worker.ts) prints exactly what one thread
 * prints — `validate` and `report --format json` alike, errors included.
 * Through the built program's run() in this process (test/helpers/run-in-process.ts;
 * the worker is the real one): CHANNELBENCH_WORKER_MIN_BYTES=0 puts every orders
 * file on the worker, a huge value keeps every file on one thread. The other
 * order fixtures and a 45 MB real export: parallel-orders.slow.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/run-cli.js';
import { FAST_FIXTURES, messyOrderFiles, ORDER_FIXTURES, sameForEveryCommand, sameOnWorkerAndOneThread, shortName } from '../helpers/worker-or-one-thread.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cb-parallel-'));
const messy = messyOrderFiles(0, 3);
// A BOM, comment lines and a blank line before the header, CRLF: the worker starts at the right byte.
const preamble = path.join(dir, 'preamble.csv');
writeFileSync(preamble, '\uFEFF# exported by X\n# second comment\n\norder_id,date,revenue,channel\r\nA,2024-01-01,12.5,web\r\nB,2024-01-02,3,store\r\n');

describe('orders on a worker thread = on one thread', () => {
  it.each([...ORDER_FIXTURES.slice(0, FAST_FIXTURES), ...messy, preamble].map((f) => [shortName(f), f]))(
    '%s',
    { timeout: 60_000 },
    async (_name, file) => sameForEveryCommand(file),
  );

  it('a whole --data folder, with a config (demo)', { timeout: 60_000 }, async () => {
    const r = await sameOnWorkerAndOneThread(['report', '--data', fixture('demo'), '--format', 'json', '--period', 'month']);
    expect(r.code).toBe(0);
  });

  it('an input error in the worker is the same one-line error, exit 3', { timeout: 60_000 }, async () => {
    // Clean for the first 64 KB (so the fast path, and the worker, take the file), then a stray quote.
    const file = path.join(dir, 'bad-quote.csv');
    const good = Array.from({ length: 4000 }, (_, i) => `o${i},2024-01-01,12.50`);
    writeFileSync(file, ['order_id,date,revenue', ...good, 'B,2024-01-02,"3" x', 'C,2024-01-03,4'].join('\n') + '\n');
    const r = await sameOnWorkerAndOneThread(['report', '--orders', file, '--format', 'json']);
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
});
