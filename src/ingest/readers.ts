/**
 * Streaming readers: delimited text (the fast path or csv-parse) and
 * whitespace-separated text; JSON and NDJSON are in line-readers.ts.
 * Each turns a byte stream into a header plus rows of raw cells.
 */
import { parse as csvParse, CsvError } from 'csv-parse';
import { InputError } from '../errors.js';
import { BATCH_RECORDS, BatchSink, fastPathAccepts, MAX_RECORD_BYTES, readRecord, recordTooLarge, scanRecords } from './fast-csv.js';
import { BATCH, linesOf } from './line-readers.js';
import { detectDelimiter, type Delimiter, type InputFormat } from './sniff.js';

export { readJson, readNdjson } from './line-readers.js';

/** A raw cell: text from delimited files; numbers/booleans/null may come from JSON. */
export type RawCell = string | number | boolean | null | undefined;

export interface RawRow {
  /** 1-based line number in the file where the row starts (for JSON: the element's index + 1). */
  line: number;
  cells: RawCell[];
}

export interface RawTable {
  header: string[];
  /** Rows in file order, in batches. */
  rows: AsyncIterable<RawRow[]>;
  format: InputFormat;
  delimiter: Delimiter | null;
  /**
   * The body of delimited text whose header is one line: its bytes (`chunks`,
   * for the orders fast path, instead of `rows`), where they start in the
   * (decompressed) input and on which line (so a worker thread can read the
   * file itself; `close` then releases this reader's stream).
   */
  body?: { offset: number; firstLine: number; chunks: () => AsyncIterable<Buffer>; close: () => Promise<void> };
  /** Leading `#` comment lines and blank lines skipped before the header. */
  skippedPreamble: number;
  hadBom: boolean;
}

export interface DelimitedOptions {
  name: string;
  delimiter?: Delimiter | undefined;
  /** The delimiter to prefer when the header is ambiguous (tab for .tsv). */
  preferred?: Delimiter | undefined;
  /** Column names for a file without a header row (presets). Called with the first row's field count. */
  headerless?: ((firstRow: string[]) => string[] | null) | undefined;
  /** 'auto' (default): the fast path when the start of the file's quoting allows it, else csv-parse. */
  parser?: 'auto' | 'fast' | 'csv-parse';
}

export { MAX_RECORD_BYTES };

/** Reads the preamble (BOM, `#` comment lines, blank lines) and the header line. */
interface Preamble {
  headerLine: string;
  rest: AsyncIterator<Buffer>;
  pending: Buffer;
  /** Offset of `pending` (the header line) in the (decompressed) stream. */
  pendingOffset: number;
  skipped: number;
  hadBom: boolean;
}

async function splitPreamble(stream: AsyncIterable<Buffer>, name: string): Promise<Preamble> {
  const it = stream[Symbol.asyncIterator]();
  let buf: Buffer = Buffer.alloc(0);
  let offset = 0;
  /** Bytes of the stream before `buf`. */
  let dropped = 0;
  let skipped = 0;
  let hadBom = false;
  let bomChecked = false;
  for (;;) {
    const nl = buf.indexOf(0x0a, offset);
    if (nl < 0) {
      if (buf.length - offset > MAX_RECORD_BYTES) {
        throw new InputError('INPUT_LINE_TOO_LONG', `${name}:${skipped + 1}: the header line is longer than ${MAX_RECORD_BYTES / 1048576} MB; this is not a delimited text file`);
      }
      const next = await it.next();
      if (next.done) {
        // last line without newline
        const line = decodeLine(buf.subarray(offset));
        if (line.trim() === '' || line.startsWith('#')) {
          throw new InputError('INPUT_EMPTY', `${name}: no header line found (the file is empty or only comments)`);
        }
        return { headerLine: line, rest: it, pending: buf.subarray(offset), pendingOffset: dropped + offset, skipped, hadBom };
      }
      buf = offset < buf.length ? Buffer.concat([buf.subarray(offset), next.value]) : next.value;
      dropped += offset;
      offset = 0;
      if (!bomChecked && buf.length >= 3) {
        bomChecked = true;
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
          hadBom = true;
          buf = buf.subarray(3);
          dropped += 3;
        }
      }
      continue;
    }
    const line = decodeLine(buf.subarray(offset, nl));
    if (line.trim() === '' || line.startsWith('#')) {
      skipped++;
      offset = nl + 1;
      continue;
    }
    return { headerLine: line, rest: it, pending: buf.subarray(offset), pendingOffset: dropped + offset, skipped, hadBom };
  }
}

function decodeLine(b: Buffer): string {
  return b.toString('utf8').replace(/\r$/, '');
}

async function* chain(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  if (first.length) yield first;
  for (;;) {
    const n = await rest.next();
    if (n.done) return;
    yield n.value;
  }
}

/** Delimited text via csv-parse. */
export async function readDelimited(stream: AsyncIterable<Buffer>, opts: DelimitedOptions): Promise<RawTable> {
  const pre = await splitPreamble(stream, opts.name);
  const delimiter = opts.delimiter ?? detectDelimiter(pre.headerLine, opts.preferred ?? ',');
  if (delimiter === 'whitespace') return readWhitespace(pre, opts);
  const parser = opts.parser ?? 'auto';
  if (parser === 'fast' || (parser === 'auto' && fastPathAccepts(pre.pending.subarray(0, 65536).toString('utf8'), delimiter))) {
    return readFast(pre, delimiter, opts);
  }
  return readWithCsvParse(pre, delimiter, opts);
}

/** The fast path (fast-csv.ts). */
async function readFast(pre: Preamble, delimiter: Exclude<Delimiter, 'whitespace'>, opts: DelimitedOptions): Promise<RawTable> {
  const nl = pre.pending.indexOf(0x0a);
  if (!opts.headerless && nl >= 0) {
    // A header on one line, quoted or not.
    if (!pre.headerLine.includes('"')) return readFastBody(pre, nl + 1, pre.headerLine.split(delimiter), delimiter, opts);
    const line = `${pre.headerLine}\n`;
    const rec = readRecord(line, 0, delimiter.charCodeAt(0), false, opts.name, pre.skipped + 1);
    if (rec !== null && rec.next === line.length) return readFastBody(pre, nl + 1, rec.cells, delimiter, opts);
  }
  return readFastFromHeader(pre, delimiter, opts);
}

/**
 * The fast path when the header is one line: the body (every byte after it)
 * is known by its offset, so the orders fast path can read its bytes, or hand
 * it to a worker thread (fast-orders/thread-or-worker.ts).
 */
function readFastBody(pre: Preamble, bodyStart: number, names: string[], delimiter: Exclude<Delimiter, 'whitespace'>, opts: DelimitedOptions): RawTable {
  const header = names.map((h) => h.trim());
  const firstLine = pre.skipped + 2;
  let taken = false;
  const body = (): AsyncIterable<Buffer> => {
    if (taken) throw new Error('a table is read once');
    taken = true;
    return chain(pre.pending.subarray(bodyStart), pre.rest);
  };
  async function* rows(): AsyncGenerator<RawRow[]> {
    const batches = new BatchSink(delimiter);
    yield* batchesOf(scanRecords(body(), delimiter, opts.name, firstLine, MAX_RECORD_BYTES, { sink: batches })[Symbol.asyncIterator](), batches);
  }
  return {
    header,
    rows: { [Symbol.asyncIterator]: () => rows() },
    body: {
      offset: pre.pendingOffset + bodyStart,
      firstLine,
      chunks: body,
      close: async () => {
        taken = true;
        await pre.rest.return?.();
      },
    },
    format: delimiter === '\t' ? 'tsv' : 'csv',
    delimiter,
    skippedPreamble: pre.skipped,
    hadBom: pre.hadBom,
  };
}

/** What the sink collected at each pause of a scanner, as batches of rows. */
async function* batchesOf(scanner: AsyncIterator<void>, batches: BatchSink): AsyncGenerator<RawRow[]> {
  for (;;) {
    const n = await scanner.next();
    if (batches.batch.length) yield batches.take();
    if (n.done) return;
  }
}

/** The fast path from the header record (a quoted header, or a header-less preset). */
async function readFastFromHeader(pre: Preamble, delimiter: Exclude<Delimiter, 'whitespace'>, opts: DelimitedOptions): Promise<RawTable> {
  const batches = new BatchSink(delimiter);
  const it = scanRecords(chain(pre.pending, pre.rest), delimiter, opts.name, pre.skipped + 1, MAX_RECORD_BYTES, { sink: batches })[Symbol.asyncIterator]();
  let ended = false;
  // Stop right after the header.
  batches.limit = 1;
  while (batches.batch.length === 0 && !ended) ended = (await it.next()).done === true;
  batches.limit = BATCH_RECORDS;
  const early = batches.take();
  const first = early.shift();
  if (!first) throw new InputError('INPUT_EMPTY', `${opts.name}: no header line found`);
  let header = first.cells.map((h) => h.trim());
  const named = opts.headerless?.(first.cells);
  if (named) {
    header = named;
    early.unshift(first);
  }
  let taken = false;
  const once = (): void => {
    if (taken) throw new Error('a table is read once');
    taken = true;
  };
  async function* rows(): AsyncGenerator<RawRow[]> {
    once();
    if (early.length) yield early;
    if (!ended) yield* batchesOf(it, batches);
  }
  return { header, rows: { [Symbol.asyncIterator]: () => rows() }, format: delimiter === '\t' ? 'tsv' : 'csv', delimiter, skippedPreamble: pre.skipped, hadBom: pre.hadBom };
}

/** The reference path: csv-parse. */
async function readWithCsvParse(pre: Preamble, delimiter: Exclude<Delimiter, 'whitespace'>, opts: DelimitedOptions): Promise<RawTable> {
  const lineOffset = pre.skipped;
  // No `info`/`skip_empty_lines`: they double csv-parse's time. Line numbers are
  // counted here instead: a record starts one line after the previous one ended,
  // and ends as many lines later as it has newlines inside quoted fields; an
  // empty line arrives as one empty field and is skipped.
  const parser = csvParse({
    delimiter,
    relax_column_count: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const source = chain(pre.pending, pre.rest);
  // Feed the parser from the source, honouring back-pressure.
  void (async () => {
    try {
      for await (const chunk of source) {
        if (!parser.write(chunk)) await new Promise<void>((r) => parser.once('drain', r));
      }
      parser.end();
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();
  const it = (parser as AsyncIterable<string[]>)[Symbol.asyncIterator]();
  let nextLine = lineOffset + 1;
  const take = async (): Promise<{ record: string[]; line: number } | null> => {
    for (;;) {
      let n: IteratorResult<string[]>;
      try {
        n = await it.next();
      } catch (err) {
        throw csvToInputError(err, opts.name, nextLine, lineOffset);
      }
      if (n.done) return null;
      const record = n.value;
      const line = nextLine;
      nextLine += 1 + newlinesIn(record);
      if (record.length === 1 && record[0] === '') continue;
      return { record, line };
    }
  };
  const first = await take();
  if (!first) throw new InputError('INPUT_EMPTY', `${opts.name}: no header line found`);
  let header = first.record.map((h) => h.trim());
  let pendingFirst: RawRow | null = null;
  const named = opts.headerless?.(first.record);
  if (named) {
    header = named;
    pendingFirst = { line: first.line, cells: first.record };
  }
  async function* rows(): AsyncGenerator<RawRow[]> {
    let batch: RawRow[] = pendingFirst ? [pendingFirst] : [];
    for (;;) {
      const n = await take();
      if (!n) break;
      batch.push({ line: n.line, cells: n.record });
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
  return { header, rows: rows(), format: delimiter === '\t' ? 'tsv' : 'csv', delimiter, skippedPreamble: pre.skipped, hadBom: pre.hadBom };
}

function newlinesIn(record: string[]): number {
  let newlines = 0;
  for (const f of record) {
    for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) newlines++;
  }
  return newlines;
}

/**
 * A csv-parse error as an InputError at its line: csv-parse's own line count
 * (it may fail while parsing ahead of the records taken so far) after the
 * `lineOffset` lines before its input, else the next line to take.
 */
function csvToInputError(err: unknown, name: string, line: number, lineOffset: number): InputError {
  if (err instanceof InputError) return err;
  if (err instanceof CsvError) {
    const lines = (err as CsvError & { lines?: unknown }).lines;
    const where = `${name}:${typeof lines === 'number' && lines > 0 ? lineOffset + lines : line}`;
    if (err.code === 'CSV_MAX_RECORD_SIZE') {
      return recordTooLarge(where);
    }
    // Without csv-parse's own "at line N": it counts from after any comment lines.
    const text = err.message.replace(/^Invalid Record Length: /, '').replace(/ at line \d+/, '').replace(/\.$/, '');
    return new InputError('INPUT_MALFORMED_CSV', `${where}: cannot parse the delimited text (${err.code}: ${text})`, {
      hint: 'check the quoting near that line, or pass --delimiter',
    });
  }
  return new InputError('INPUT_READ_FAILED', `${name}: cannot read the input (${(err as Error).message})`);
}

/** Whitespace-separated text (CDNOW style): fields split on runs of spaces/tabs, no quoting. */
async function readWhitespace(pre: Preamble, opts: DelimitedOptions): Promise<RawTable> {
  const split = (line: string): string[] => {
    const t = line.trim();
    return t === '' ? [] : t.split(/[ \t]+/);
  };
  const lines = linesOf(chain(pre.pending, pre.rest), opts.name);
  const firstLine = await lines.next();
  if (firstLine.done) throw new InputError('INPUT_EMPTY', `${opts.name}: no header line found`);
  const firstFields = split(firstLine.value.text);
  const named = opts.headerless?.(firstFields);
  const header = named ?? firstFields;
  const offset = pre.skipped;
  async function* rows(): AsyncGenerator<RawRow[]> {
    let batch: RawRow[] = named ? [{ line: offset + 1, cells: firstFields }] : [];
    for (;;) {
      const n = await lines.next();
      if (n.done) break;
      const cells = split(n.value.text);
      if (cells.length === 0) continue;
      batch.push({ line: offset + n.value.line, cells });
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
  return { header, rows: rows(), format: 'csv', delimiter: 'whitespace', skippedPreamble: pre.skipped, hadBom: pre.hadBom };
}
