/**
 * The orders fast path without its transport: reads an orders file's body
 * (from the byte offset after its header) line by line with OrdersReader and
 * hands the decoded lines on in batches (line-batches.ts). worker.ts runs it
 * on a worker thread for large files; thread-or-worker.ts runs it in this
 * thread for the others (and stdin) — the same batches either way.
 */
import { Buffer } from 'node:buffer';
import { InputError } from '../../errors.js';
import type { ColumnMapping } from '../columns.js';
import { ProblemLog, RowDecoder } from '../decode.js';
import { MAX_RECORD_BYTES, recordTooLarge } from '../fast-csv.js';
import type { DecimalStyle } from '../parse-amount.js';
import type { KeyBytes } from '../interned-keys.js';
import { Interner } from '../interner.js';
import { getPreset } from '../presets/index.js';
import { openInput } from '../source.js';
import { LineBatcher, type LineBatch } from './line-batches.js';
import { OrdersReader } from './orders-reader.js';
import type { ByteLinesReader } from './byte-lines-reader.js';

/** What the pipeline needs to know of the file (structured-cloneable). */
export interface ReadOrdersSpec {
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
  /** Intern the customer ids here: lines carry keys (OrderLine.customerKey), `done` the keys. */
  customerKeys?: boolean | undefined;
}

/** The end of a read: the decoder's counts, problems and column styles. */
export interface ReadOrdersDone {
  stats: { rowsRead: number; invalidRows: number; droppedByPreset: number };
  problems: ProblemLog['listed'];
  problemTotal: number;
  styles: string[];
  /** The customer ids interned (with `customerKeys`): key k is customer id k. */
  customers: KeyBytes | null;
}

/** The body of a file: its chunks, and how many bytes of the file were read so far (progress). */
export interface OrdersBody {
  chunks: AsyncIterable<Buffer>;
  bytesRead: () => number;
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

/** Tests: `stream` re-cut into chunks of `size` bytes. */
export async function* rechunk(stream: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  for await (const chunk of stream) for (let i = 0; i < chunk.length; i += size) yield chunk.subarray(i, i + size);
}

/** Opens the file at `d.path` and skips to its body. */
export async function openBody(d: ReadOrdersSpec): Promise<OrdersBody> {
  const opened = await openInput(d.path);
  return { chunks: skip(opened.stream, d.offset), bytesRead: opened.bytesRead };
}

const LF = Buffer.from('\n');

/**
 * Reads the body's lines (its first is line `where.firstLine` of `where.file`) into `reader`, chunk by chunk: each chunk up to its
 * last line feed, the rest carried into the next (a line, or a record with a
 * quoted line break, longer than MAX_RECORD_BYTES is an InputError). The
 * last line may lack its line feed. Calls `afterChunk` after each chunk.
 */
export async function readLines(chunks: AsyncIterable<Buffer>, reader: ByteLinesReader, where: { firstLine: number; file: string }, afterChunk: () => void): Promise<void> {
  let line = where.firstLine;
  let carry: Buffer | null = null;
  for await (const chunk of chunks) {
    let buf: Buffer = chunk;
    let from = 0;
    if (carry !== null) {
      // The line begun in the last chunk, finished on its own (no copy of the whole chunk) —
      // unless it is a record whose quoted field runs on past this chunk's first line feed.
      const nl = chunk.indexOf(10);
      const head = Buffer.concat([carry, nl < 0 ? chunk : chunk.subarray(0, nl + 1)]);
      const r = nl < 0 ? { at: 0, line } : reader.lines(head, 0, head.length, line, false);
      line = r.line;
      if (r.at === head.length) from = nl + 1;
      else buf = nl < 0 ? head : Buffer.concat([head.subarray(r.at), chunk.subarray(nl + 1)]);
      carry = null;
    }
    const to = buf.lastIndexOf(10) + 1;
    let at = from;
    if (to > from) ({ at, line } = reader.lines(buf, from, to, line, false));
    if (at < buf.length) {
      carry = buf.subarray(at);
      if (carry.length > MAX_RECORD_BYTES) throw recordTooLarge(`${where.file}:${line}`);
    }
    afterChunk();
  }
  if (carry !== null) {
    const last = carry[carry.length - 1] === 10 ? carry : Buffer.concat([carry, LF]);
    reader.lines(last, 0, last.length, line, true);
  }
  reader.finish();
}

/**
 * Reads the body of the file (`body`, or the file at `d.path` from
 * `d.offset`), calling `send` with each batch of decoded lines, in file order.
 */
export async function readOrderBatches(d: ReadOrdersSpec, send: (batch: LineBatch) => void, body?: OrdersBody): Promise<ReadOrdersDone> {
  const problems = new ProblemLog();
  const dec = new RowDecoder(
    'orders',
    d.mapping,
    d.preset === null ? undefined : getPreset(d.preset),
    { file: d.file, decimalStyle: d.decimalStyle, dateFormat: d.dateFormat, timeZone: d.timeZone },
    d.header,
    problems,
  );
  const { chunks, bytesRead } = body ?? (await openBody(d));
  const customers = d.customerKeys === true ? new Interner() : null;
  const batcher = new LineBatcher(send, customers);
  const reader = new OrdersReader(dec, (l) => batcher.add(l, bytesRead()), d.delimiter, d.file);
  await readLines(d.chunkBytes === undefined ? chunks : rechunk(chunks, d.chunkBytes), reader, d, () => batcher.flush(bytesRead()));
  batcher.flush(bytesRead());
  return {
    stats: { ...dec.stats },
    problems: problems.listed,
    problemTotal: problems.total,
    styles: dec.numeric.map((n) => n.decoder.describe()),
    customers: customers === null ? null : customers.keyBytes(),
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
