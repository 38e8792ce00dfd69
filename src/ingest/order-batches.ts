/**
 * The orders worker's pipeline, without the thread: reads an orders file's body
 * (from the byte offset after its header) with the byte reader and the orders
 * lane, and hands the decoded lines on in batches. orders-worker.ts runs it on
 * a worker thread; tests run it in-process (LoadOptions.ordersWorker 'inline')
 * to compare it with the one-thread reader on many files.
 */
import { InputError } from '../errors.js';
import type { ColumnMapping } from './columns.js';
import { ProblemLog, RowDecoder } from './decode.js';
import { MAX_RECORD_BYTES } from './fast-csv.js';
import { OrderLineBatcher, type OrderLineBatch } from './order-line-batch.js';
import { scanOrderBytes } from './orders-bytes.js';
import { OrdersLane } from './orders-lane.js';
import type { DecimalStyle } from './parse-amount.js';
import { getPreset } from './presets/index.js';
import { openInput } from './source.js';

/** What the pipeline needs to know of the file (structured-cloneable). */
export interface OrderBatchesSpec {
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
  timeZone?: string | undefined;
  /** Tests: re-cut the input into chunks of this many bytes (chunk boundaries anywhere). */
  chunkBytes?: number | undefined;
}

/** The end of a read: the decoder's counts, problems and column styles. */
export interface OrderBatchesDone {
  stats: { rowsRead: number; invalidRows: number; droppedByPreset: number };
  problems: ProblemLog['listed'];
  problemTotal: number;
  styles: string[];
}

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

async function* rechunk(stream: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  for await (const chunk of stream) for (let i = 0; i < chunk.length; i += size) yield chunk.subarray(i, i + size);
}

/** Reads the body of the file, calling `send` with each batch of decoded lines, in file order. */
export async function readOrderBatches(d: OrderBatchesSpec, send: (batch: OrderLineBatch) => void): Promise<OrderBatchesDone> {
  const problems = new ProblemLog();
  const dec = new RowDecoder(
    'orders',
    d.mapping,
    d.preset === null ? undefined : getPreset(d.preset),
    { file: d.file, decimalStyle: d.decimalStyle, dateFormat: d.dateFormat, timeZone: d.timeZone },
    d.header,
    problems,
  );
  const batcher = new OrderLineBatcher(send);
  const opened = await openInput(d.path);
  const lane = new OrdersLane(dec, (l) => batcher.add(l, opened.bytesRead()), d.delimiter);
  let chunks = skip(opened.stream, d.offset);
  if (d.chunkBytes !== undefined) chunks = rechunk(chunks, d.chunkBytes);
  await scanOrderBytes(chunks, lane, { delimiter: d.delimiter, name: d.file, firstLine: d.firstLine, maxRecord: MAX_RECORD_BYTES }, () =>
    batcher.flush(opened.bytesRead()),
  );
  lane.finish();
  batcher.flush(opened.bytesRead());
  return {
    stats: { ...dec.stats },
    problems: problems.listed,
    problemTotal: problems.total,
    styles: dec.numeric.map((n) => n.decoder.describe()),
  };
}

/** An error of the pipeline as plain data (for a trip between threads). */
export interface PipelineError {
  input: boolean;
  code: string;
  message: string;
  hint: string | undefined;
}

export function pipelineError(err: unknown): PipelineError {
  const e = err as Error & { code?: string; hint?: string };
  return {
    input: err instanceof InputError,
    code: e.code ?? 'INTERNAL',
    message: err instanceof InputError ? e.message : (e.stack ?? String(err)),
    hint: e.hint,
  };
}
