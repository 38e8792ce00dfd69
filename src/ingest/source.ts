/**
 * Opening an input: a path or `-` (standard input), gzip-compressed or not.
 * Gzip is recognised by its magic bytes, so `.gz` on the name is optional.
 */
import { accessSync, closeSync, constants, createReadStream, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
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
  let whole: Buffer | null = null;
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
      if (st.isFile() && size <= WHOLE_FILE_BYTES) whole = readFileSync(path);
    } catch (err) {
      if (err instanceof InputError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code ?? err);
      throw new InputError('INPUT_UNREADABLE', `${shown}: cannot read the file (${why})`);
    }
    if (whole === null) raw = createReadStream(path, { highWaterMark: readSize(size) });
  }
  const { head, rest } = raw === null ? { head: whole!, rest: NOTHING_MORE } : await peek(raw);
  const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  const counter = { bytes: 0 };
  const joined = Readable.from(prepend(head, rest, counter));
  const bytesRead = (): number => counter.bytes;
  if (!gzip) return { stream: joined, size, gzip, bytesRead };
  // zlib only for a gzip file (~1 ms of every start-up otherwise).
  const { createGunzip } = await import('node:zlib');
  const gunzip = createGunzip();
  joined.on('error', (e) => gunzip.destroy(e));
  joined.pipe(gunzip);
  return { stream: wrapGunzipErrors(gunzip, displayName(path)), size, gzip, bytesRead };
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
 * Files up to this size are read in one call, not streamed: they would be one
 * read anyway (readSize). Larger ones stream: reading the demo's 1.7 MB of
 * orders whole touched ~450 more pages of memory than two 0.87 MB reads.
 */
const WHOLE_FILE_BYTES = MAX_READ_BYTES;

const NOTHING_MORE: AsyncIterator<Buffer> = { next: () => Promise.resolve({ done: true, value: undefined }) };

/**
 * The size of each read of a file of `size` bytes: at most 1 MB, and the file
 * in equal parts, so that no read comes back short. A short read costs a copy
 * (the stream moves it out of its 1 MB buffer) and that memory's first touch.
 */
export function readSize(size: number): number {
  if (!(size > 0)) return MAX_READ_BYTES; // a pipe or a special file: the size says nothing
  return Math.ceil(size / Math.ceil(size / MAX_READ_BYTES));
}

async function peek(stream: Readable): Promise<{ head: Buffer; rest: AsyncIterator<Buffer> }> {
  const it = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const first = await it.next();
  return { head: first.done ? Buffer.alloc(0) : asBuffer(first.value), rest: it };
}

/** A chunk as bytes: a stream of text (a test's stdin, say) yields strings. */
const asBuffer = (chunk: Buffer | string): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk);

async function* prepend(head: Buffer, rest: AsyncIterator<Buffer>, counter: { bytes: number }): AsyncGenerator<Buffer> {
  counter.bytes += head.length;
  if (head.length > 0) yield head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    const chunk = asBuffer(next.value);
    counter.bytes += chunk.length;
    yield chunk;
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
