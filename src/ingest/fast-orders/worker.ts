/**
 * Worker thread of thread-or-worker.ts: runs the orders fast path
 * (read-orders.ts) and posts its batches; the main thread builds the
 * Dataset from them meanwhile. At most a few batches are in flight (the main
 * thread counts them off in shared memory), so memory stays bounded when the
 * main thread is the slower side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pipelineError, readOrderBatches, type ReadOrdersDone, type ReadOrdersSpec, type PipelineError } from './read-orders.js';
import { recycleBatch, type LineBatch } from './line-batches.js';

/** What the main thread passes (structured-cloneable). */
export interface OrdersWorkerData extends ReadOrdersSpec {
  /** [batches consumed by the main thread] */
  consumed: Int32Array;
}

export type OrdersWorkerMessage =
  | { kind: 'batch'; batch: LineBatch }
  | ({ kind: 'done' } & ReadOrdersDone)
  | ({ kind: 'error' } & PipelineError);

/** Batches sent and not yet consumed (~2 MB each): 4 keep the main thread busy; more only hold memory. */
const IN_FLIGHT = 4;

async function run(d: OrdersWorkerData): Promise<void> {
  const port = parentPort!;
  // The main thread hands each batch's arrays back when it has built its lines.
  const recycle = (b: Pick<LineBatch, 'ints' | 'floats' | 'chars'>): void => recycleBatch(b);
  port.on('message', recycle);
  let sent = 0;
  const done = await readOrderBatches(d, (batch) => {
    for (;;) {
      const consumed = Atomics.load(d.consumed, 0);
      if (sent - consumed < IN_FLIGHT) break;
      Atomics.wait(d.consumed, 0, consumed, 100);
    }
    sent++;
    const message: OrdersWorkerMessage = { kind: 'batch', batch };
    port.postMessage(message, [batch.ints.buffer as ArrayBuffer, batch.floats.buffer as ArrayBuffer, batch.chars.buffer as ArrayBuffer]);
  });
  const message: OrdersWorkerMessage = { kind: 'done', ...done };
  // The customer keys move to the main thread (their buffers are not copied).
  const keys = done.customers;
  port.postMessage(message, keys === null ? [] : [keys.arena.buffer as ArrayBuffer, keys.meta.buffer as ArrayBuffer]);
  port.off('message', recycle);
}

run(workerData as OrdersWorkerData).catch((err: unknown) => {
  const message: OrdersWorkerMessage = { kind: 'error', ...pipelineError(err) };
  parentPort!.postMessage(message);
});
