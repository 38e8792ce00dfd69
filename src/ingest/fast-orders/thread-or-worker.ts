/**
 * The fast path's two transports. A large orders file is read on both cores:
 * a worker thread (worker.ts) reads and decodes its body while this thread
 * builds the Dataset from the decoded lines (interning ids, merging line
 * items); each side is about half of the single-thread time. Smaller files
 * and stdin run the same pipeline (read-orders.ts) in this thread, batch by
 * batch, so the result is the same by construction
 * (test/e2e/parallel-orders.test.ts compares the two on every fixture).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.js';
import type { DatasetBuilder, FileCounts } from '../dataset-builder.js';
import type { ProblemLog, RowDecoder } from '../decode.js';
import { forEachOrderLine, recycleBatch, type LineBatch } from './line-batches.js';
import { LineCodes } from './order-line.js';
import { readOrderBatches, type OrdersBody, type ReadOrdersDone, type ReadOrdersSpec } from './read-orders.js';
import type { OrdersWorkerData, OrdersWorkerMessage } from './worker.js';

const WORKER = new URL('./worker.js', import.meta.url);

/** Files at least this large are read on two threads (a worker costs ~50 ms to start). */
const DEFAULT_MIN_BYTES = 16 * 1048576;

/**
 * Whether to read an orders file of `size` bytes with a worker: two or more
 * cores, a file (not stdin) of at least `minBytes` (default 16 MB), and the
 * compiled worker present (it is not when the sources run under the test
 * runner).
 */
export function useOrdersWorker(size: number | undefined, minBytes = DEFAULT_MIN_BYTES): boolean {
  if (size === undefined || !(size >= minBytes)) return false;
  return os.availableParallelism() >= 2 && existsSync(fileURLToPath(WORKER));
}

export interface BatchProgress {
  /** Progress: bytes of the file read, rows decoded so far. */
  onBatch: (bytesRead: number, rows: number) => void;
}

/** This thread's side: builds the orders of the batches, and takes over the counts at the end. */
class BatchConsumer {
  private rows = 0;
  private readonly codes = new LineCodes();
  /** Whether the lines carry customer keys (the reader interns the customer ids: CustomerIndex). */
  readonly keyed: boolean;

  constructor(
    private readonly dec: RowDecoder,
    private readonly problems: ProblemLog,
    private readonly builder: DatasetBuilder,
    private readonly counts: FileCounts,
    private readonly progress: BatchProgress | undefined,
  ) {
    this.keyed = builder.customers.beginKeyed();
  }

  batch(b: LineBatch): void {
    const { builder, dec, counts, codes } = this;
    forEachOrderLine(
      b,
      (l) => builder.addOrderLine(l, dec, counts, codes),
      (n, line) => builder.addBareContinuations(n, line, dec, counts),
    );
    this.rows += b.lines;
    this.progress?.onBatch(b.bytesRead, this.rows);
  }

  /** Afterwards `dec.stats`, `problems` and the column styles reflect the whole file. */
  done(m: ReadOrdersDone): string[] {
    const { dec, problems } = this;
    if (this.keyed) this.builder.customers.endKeyed(m.customers);
    dec.stats.rowsRead += m.stats.rowsRead;
    dec.stats.invalidRows += m.stats.invalidRows;
    dec.stats.droppedByPreset += m.stats.droppedByPreset;
    for (const p of m.problems) problems.add(p);
    problems.total += m.problemTotal - m.problems.length;
    return m.styles;
  }
}

/**
 * Reads the body of an orders file in a worker and builds its orders here.
 * Afterwards `dec.stats`, `problems` and the column styles reflect the whole
 * file, as if it had been read in this thread.
 * @returns the column styles (`describe()` of each numeric column, in `dec.numeric` order)
 */
export async function readOrdersInWorker(
  data: ReadOrdersSpec,
  dec: RowDecoder,
  problems: ProblemLog,
  builder: DatasetBuilder,
  counts: FileCounts,
  progress: BatchProgress,
): Promise<string[]> {
  // worker_threads only for a file read on two threads (~1 ms of every start-up otherwise).
  const { Worker } = await import('node:worker_threads');
  const consumed = new Int32Array(new SharedArrayBuffer(4));
  const consumer = new BatchConsumer(dec, problems, builder, counts, progress);
  const worker = new Worker(WORKER, { workerData: { ...data, customerKeys: consumer.keyed, consumed } satisfies OrdersWorkerData });
  return new Promise<string[]>((resolve, reject) => {
    let settled = false;
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(err);
    };
    worker.on('message', (m: OrdersWorkerMessage) => {
      if (settled) return;
      try {
        if (m.kind === 'batch') {
          const b = m.batch;
          consumer.batch(b);
          worker.postMessage({ ints: b.ints, floats: b.floats, chars: b.chars }, [b.ints.buffer as ArrayBuffer, b.floats.buffer as ArrayBuffer, b.chars.buffer as ArrayBuffer]);
          Atomics.add(consumed, 0, 1);
          Atomics.notify(consumed, 0);
        } else if (m.kind === 'done') {
          settled = true;
          resolve(consumer.done(m));
        } else {
          fail(m.input ? new InputError(m.code, m.message, { hint: m.hint }) : new Error(`the orders worker failed: ${m.message}`));
        }
      } catch (err) {
        fail(err as Error);
      }
    });
    worker.on('error', (err) => fail(new Error(`the orders worker failed: ${err.stack ?? err.message}`)));
    worker.on('exit', (code) => fail(new Error(`the orders worker exited (code ${code}) before it finished`)));
  });
}

/**
 * The fast path in this thread: the worker's pipeline over `body`, batch by
 * batch, without the thread.
 */
export async function readOrdersInThread(
  data: ReadOrdersSpec,
  body: OrdersBody,
  dec: RowDecoder,
  problems: ProblemLog,
  builder: DatasetBuilder,
  counts: FileCounts,
  progress: BatchProgress | undefined,
): Promise<string[]> {
  const consumer = new BatchConsumer(dec, problems, builder, counts, progress);
  return consumer.done(await readOrderBatches({ ...data, customerKeys: consumer.keyed }, (b) => {
    consumer.batch(b);
    recycleBatch(b);
  }, body));
}
