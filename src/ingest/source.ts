/**
 * Opening an input: a path or `-` (standard input), gzip-compressed or not.
 * Gzip is recognised by its magic bytes, so `.gz` on the name is optional.
 */
import { accessSync, closeSync, constants, createReadStream, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { inflatesTooFar, MAX_DECOMPRESSED_BYTES } from './limits.js';

export const STDIN = '-';

/** The name used in messages: the path as given, or `<stdin>`. */
export function displayName(path: string): string {
  return path === STDIN ? '<stdin>' : path;
}

/** The file extension that decides the format: `orders.csv.gz` → `csv`. */
export function formatExtension(path: string): string {
  const base = path.toLowerCase().replace(/\.gz$/, '');
  const dot = base.lastIndexOf('.');
  const slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
  return dot > slash ? base.slice(dot + 1) : '';
}

export interface OpenedInput {
  /** Decompressed bytes. */
  stream: AsyncIterable<Buffer>;
  /** Compressed size on disk (undefined for stdin), for progress. */
  size: number | undefined;
  gzip: boolean;
  /** Bytes read from the file so far (compressed bytes for gzip), for progress. */
  bytesRead: () => number;
}

/**
 * Opens a path (or `-`) for reading. Fails with one clear InputError when the
 * file is missing or unreadable.
 */
export async function openInput(path: string, stdin: NodeJS.ReadableStream = process.stdin, shown = path): Promise<OpenedInput> {
  let raw: Readable | null = null;
  let file: AsyncIterator<Buffer> | null = null;
  let size: number | undefined;
  if (path === STDIN) {
    raw = Readable.from(stdin as AsyncIterable<Buffer>);
  } else {
    // Synchronous calls: each asynchronous one is a round trip through libuv's
    // threads, which on a busy 2-core machine left the demo report idle for ~20 ms.
    try {
      const st = statSync(path);
      if (st.isDirectory()) {
        throw new InputError('INPUT_IS_A_DIRECTORY', `${shown}: is a directory, not a file`, {
          hint: 'pass a file, or use --data DIR for a folder holding orders.*, spend.*, traffic.*, nps.*',
        });
      }
      size = st.size;
      accessSync(path, constants.R_OK);
      if (st.isFile()) file = readChunks(openSync(path, 'r'), readSize(size));
    } catch (err) {
      if (err instanceof InputError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code ?? err);
      throw new InputError('INPUT_UNREADABLE', `${shown}: cannot read the file (${why})`);
    }
    // A pipe or device (a FIFO, /dev/stdin) streams: a read of it may wait.
    if (file === null) raw = createReadStream(path, { highWaterMark: readSize(size) });
  }
  const { head, rest } = await peek(file ?? (raw as AsyncIterable<Buffer>)[Symbol.asyncIterator]());
  const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  const counter = { bytes: 0 };
  const bytes = prepend(head, rest, counter);
  const bytesRead = (): number => counter.bytes;
  if (!gzip) return { stream: bytes, size, gzip, bytesRead };
  // zlib only for a gzip file (~1 ms of every start-up otherwise).
  const { createGunzip } = await import('node:zlib');
  const gunzip = createGunzip();
  const joined = Readable.from(bytes);
  joined.on('error', (e) => gunzip.destroy(e));
  joined.pipe(gunzip);
  return { stream: wrapGunzipErrors(gunzip, displayName(path)), size, gzip, bytesRead };
}

/**
 * A regular file's bytes in reads of `chunk` bytes, with synchronous calls:
 * no stream, no trip through libuv's threads for each read (~10 ms of the
 * demo report, whose orders file was the only one that streamed). Between
 * reads the event loop takes a turn, as it did between a stream's reads: the
 * orders worker receives the batch buffers its reader hands back there
 * (without it, it allocated new ones: 1M orders ran 30% slower). The file is
 * closed at its end, or when the reader stops early.
 */
async function* readChunks(fd: number, chunk: number): AsyncGenerator<Buffer> {
  try {
    for (let reads = 0; ; reads++) {
      if (reads > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const buf = Buffer.allocUnsafe(chunk);
      const n = readSync(fd, buf, 0, chunk, null);
      if (n === 0) return;
      yield n === chunk ? buf : buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes a file holds once decompressed: its size, or for gzip the size its
 * trailer records (ISIZE, modulo 4 GiB: never less than the compressed size
 * here); undefined when it cannot be read (opening it reports why).
 */
export function inputBytes(path: string): number | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const bytes = Buffer.alloc(4);
    if (size < 18 || readSync(fd, bytes, 0, 2, 0) < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return size;
    readSync(fd, bytes, 0, 4, size - 4);
    return Math.max(size, bytes.readUInt32LE(0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const MAX_READ_BYTES = 1 << 20;

/**
 * Files up to this size (8 MB, the line of a short run: src/pipeline/v8-tuning.ts)
 * are read in pieces of at most SMALL_READ_BYTES. Memory that small is reused once
 * the pieces before it are collected, while each 1 MB read lands in memory touched
 * for the first time: the demo report (1.9 MB of files) ran 0.386 → 0.367 s, with
 * 360 fewer page faults (128 KB: 0.375 s). Larger files keep 1 MB reads: the orders
 * worker sends a batch per read.
 */
export const SMALL_FILE_BYTES = 8 * 1048576;
const SMALL_READ_BYTES = 64 * 1024;

/**
 * The size of each read of a file of `size` bytes: at most 64 KB for a file of up
 * to 8 MB, at most 1 MB for a larger one, and the file in equal parts, so that no
 * read comes back short (a short read is a piece of memory touched for nothing).
 */
export function readSize(size: number): number {
  if (!(size > 0)) return MAX_READ_BYTES; // a pipe or a special file: the size says nothing
  const most = size <= SMALL_FILE_BYTES ? SMALL_READ_BYTES : MAX_READ_BYTES;
  return Math.ceil(size / Math.ceil(size / most));
}

async function peek(it: AsyncIterator<Buffer>): Promise<{ head: Buffer; rest: AsyncIterator<Buffer> }> {
  const first = await it.next();
  return { head: first.done ? Buffer.alloc(0) : asBuffer(first.value), rest: it };
}

/** A chunk as bytes: a stream of text (a test's stdin, say) yields strings. */
const asBuffer = (chunk: Buffer | string): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk);

async function* prepend(head: Buffer, rest: AsyncIterator<Buffer>, counter: { bytes: number }): AsyncGenerator<Buffer> {
  try {
    counter.bytes += head.length;
    if (head.length > 0) yield head;
    for (;;) {
      const next = await rest.next();
      if (next.done) return;
      const chunk = asBuffer(next.value);
      counter.bytes += chunk.length;
      yield chunk;
    }
  } finally {
    // A reader that stops early closes the file (or stream) behind.
    await rest.return?.();
  }
}

async function* wrapGunzipErrors(stream: Readable, name: string): AsyncGenerator<Buffer> {
  let inflated = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > MAX_DECOMPRESSED_BYTES) {
        stream.destroy();
        throw inflatesTooFar(name);
      }
      yield chunk;
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError('INPUT_BAD_GZIP', `${name}: cannot decompress gzip data (${(err as Error).message})`);
  }
}
