/**
 * The rest of parallel-orders.test.ts's law (the worker prints what one thread
 * prints): the other order fixtures, three more random messy files, and UCI
 * Online Retail (45 MB, a real export; skipped when ../shared is absent).
 * `npm run test:slow`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../helpers/run-cli.js';
import { FAST_FIXTURES, messyOrderFiles, ORDER_FIXTURES, sameForEveryCommand, sameOnWorkerAndOneThread, shortName } from '../helpers/worker-or-one-thread.js';

describe('orders on a worker thread = on one thread (slow suite)', () => {
  it.each([...ORDER_FIXTURES.slice(FAST_FIXTURES), ...messyOrderFiles(3, 6)].map((f) => [shortName(f), f]))('%s', { timeout: 120_000 }, async (_name, file) =>
    sameForEveryCommand(file),
  );

  const retail = path.join(DATASETS, 'uci-online-retail', 'online_retail.csv');
  it.skipIf(!existsSync(retail))('UCI Online Retail read as plain orders (45 MB, a real export)', { timeout: 300_000 }, async () => {
    const r = await sameOnWorkerAndOneThread(['report', '--orders', retail, '--map', 'order_id=InvoiceNo', '--map', 'date=InvoiceDate', '--map', 'customer_id=CustomerID', '--map', 'revenue=UnitPrice', '--map', 'channel=Country', '--skip-invalid', '--format', 'json']);
    expect(r.code).toBe(0);
  });
});
