/**
 * Worker thread of parallel-orders.ts: reads an orders file's body (from the
 * byte offset after its header), scans and decodes it with the orders lane,
 * and posts the decoded lines in batches; the main thread builds the Dataset
 * from them meanwhile. At most a few batches are in flight (the main thread
 * counts them off in shared memory), so memory stays bounded when the main
 * thread is the slower side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.js';
import type { ColumnMapping } from './columns.js';
import { ProblemLog, RowDecoder } from './decode.js';
import { MAX_RECORD_BYTES } from './fast-csv.js';
import { scanOrderBytes } from './orders-bytes.js';
import { OrderLineBatcher, type OrderLineBatch } from './order-line-batch.js';
import { OrdersLane } from './orders-lane.js';
import type { DecimalStyle } from './parse-amount.js';
import { getPreset } from './presets/index.js';
import { openInput } from './source.js';

/** What the main thread passes (structured-cloneable). */
export interface OrdersWorkerData {
  path: string;
  offset: number;
  firstLine: number;
  delimiter: string;
  header: string[];
  mapping: ColumnMapping;
  preset: string | null;
  file: string;
  decimalStyle: DecimalStyle | undefined;
  dateFormat: string | undefined;
  /** [batches consumed by the main thread] */
  consumed: Int32Array;
}

export type OrdersWorkerMessage =
  | { kind: 'batch'; batch: OrderLineBatch }
  | {
      kind: 'done';
      stats: { rowsRead: number; invalidRows: number; droppedByPreset: number };
      problems: ProblemLog['listed'];
      problemTotal: number;
      styles: string[];
    }
  | { kind: 'error'; input: boolean; code: string; message: string; hint: string | undefined };

const IN_FLIGHT = 8;

async function* skip(stream: AsyncIterable<Buffer>, bytes: number): AsyncGenerator<Buffer> {
  let left = bytes;
  for await (const chunk of stream) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

async function run(d: OrdersWorkerData): Promise<void> {
  const port = parentPort!;
  const problems = new ProblemLog();
  const dec = new RowDecoder(
    'orders',
    d.mapping,
    d.preset === null ? undefined : getPreset(d.preset),
    { file: d.file, decimalStyle: d.decimalStyle, dateFormat: d.dateFormat },
    d.header,
    problems,
  );
  let sent = 0;
  const batcher = new OrderLineBatcher((batch) => {
    for (;;) {
      const done = Atomics.load(d.consumed, 0);
      if (sent - done < IN_FLIGHT) break;
      Atomics.wait(d.consumed, 0, done, 100);
    }
    sent++;
    const message: OrdersWorkerMessage = { kind: 'batch', batch };
    port.postMessage(message, [batch.ints.buffer as ArrayBuffer, batch.floats.buffer as ArrayBuffer]);
  });
  const opened = await openInput(d.path);
  const lane = new OrdersLane(dec, (l) => batcher.add(l, opened.bytesRead()), d.delimiter);
  await scanOrderBytes(skip(opened.stream, d.offset), lane, { delimiter: d.delimiter, name: d.file, firstLine: d.firstLine, maxRecord: MAX_RECORD_BYTES }, () =>
    batcher.flush(opened.bytesRead()),
  );
  lane.finish();
  batcher.flush(opened.bytesRead());
  const done: OrdersWorkerMessage = {
    kind: 'done',
    stats: { ...dec.stats },
    problems: problems.listed,
    problemTotal: problems.total,
    styles: dec.numeric.map((n) => n.decoder.describe()),
  };
  port.postMessage(done);
}

run(workerData as OrdersWorkerData).catch((err: unknown) => {
  const e = err as Error & { code?: string; hint?: string };
  const message: OrdersWorkerMessage = {
    kind: 'error',
    input: err instanceof InputError,
    code: e.code ?? 'INTERNAL',
    message: err instanceof InputError ? e.message : (e.stack ?? String(err)),
    hint: e.hint,
  };
  parentPort!.postMessage(message);
});
