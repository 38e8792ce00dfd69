/**
 * The fast path for delimited text: most export lines have no quote at all, so
 * a line is found with indexOf('\n') and split with String#split (native);
 * only lines holding a `"` go through a character-level RFC 4180 parser (which
 * may read on across quoted newlines). csv-parse stays the reference
 * (test/properties/csv-differential.test.ts) and the fallback for files whose
 * quoting this parser does not accept (see `fastPathAccepts`).
 */
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../errors.js';

/** A record: the RawRow shape of readers.ts, so rows pass on without copying. */
export interface FastRecord {
  /** 1-based line the record starts on. */
  line: number;
  cells: string[];
}

const QUOTE = 34;
/** Largest record (bytes) we accept: protects memory from a runaway quoted field. */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

/** Records per batch handed on. */
export const BATCH_RECORDS = 1024;
const CR = 13;

/**
 * Whether the fast path reads this sample exactly as csv-parse would (strict
 * RFC 4180 quoting: a quote only opens a field, and a closing quote is followed
 * by the delimiter or the end of the line).
 */
export function fastPathAccepts(sample: string, delimiter: string): boolean {
  const d = delimiter.charCodeAt(0);
  let inQuotes = false;
  let fieldStart = true;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (sample.charCodeAt(i + 1) === QUOTE) i++;
        else {
          inQuotes = false;
          const n = sample.charCodeAt(i + 1);
          if (i + 1 < sample.length && n !== d && n !== 10 && n !== CR) return false;
        }
      }
      continue;
    }
    if (c === QUOTE) {
      if (!fieldStart) return false;
      inQuotes = true;
    }
    fieldStart = c === d || c === 10;
    if (c === CR && sample.charCodeAt(i + 1) !== 10 && i + 1 < sample.length) return false;
  }
  return true;
}

/** Where the scanner hands records. */
export interface RecordSink {
  /** A record without quotes: the line `text[start, end)` (CR stripped, not empty), for the sink to split. */
  plain(text: string, start: number, end: number, line: number): void;
  /** A record that needed the RFC 4180 parser. */
  record(rec: FastRecord): void;
  /** True when the sink wants the scanner to pause and hand on what it has. */
  full(): boolean;
}

/** Collects records as RawRow-shaped objects, in batches. */
export class BatchSink implements RecordSink {
  batch: FastRecord[] = [];
  /** Records per batch (1 while the reader looks for the header). */
  limit = BATCH_RECORDS;
  constructor(private readonly delimiter: string) {}
  plain(text: string, start: number, end: number, line: number): void {
    this.batch.push({ line, cells: text.slice(start, end).split(this.delimiter) });
  }
  record(rec: FastRecord): void {
    this.batch.push(rec);
  }
  full(): boolean {
    return this.batch.length >= this.limit;
  }
  take(): FastRecord[] {
    const b = this.batch;
    this.batch = [];
    return b;
  }
}

/**
 * The scanner's state between chunks: decoded text not yet handed on, and the
 * line it starts on. `scanRecords` drives it over a stream.
 */
export class TextScanner {
  private readonly decoder = new StringDecoder('utf8');
  private text = '';
  private pos = 0;
  /** Position of the next quote at or after `pos` (-1: none in `text`; -2: not looked for yet). */
  private nextQuote = -2;
  private readonly d: number;

  constructor(
    delimiter: string,
    private readonly name: string,
    /** 1-based line the next record starts on. */
    public line: number,
    private readonly maxRecord: number,
    private readonly target: { sink: RecordSink },
  ) {
    this.d = delimiter.charCodeAt(0);
  }

  /** Adds a chunk of the input (after the text not yet handed on). */
  append(chunk: Buffer): void {
    const decoded = this.decoder.write(chunk);
    this.text = this.pos < this.text.length ? this.text.slice(this.pos) + decoded : decoded;
    this.pos = 0;
    this.nextQuote = -2;
  }

  /** End of input: whatever is left is the last record. */
  finish(): void {
    this.text = this.text.slice(this.pos) + this.decoder.end();
    this.pos = 0;
    this.nextQuote = -2;
  }

  /** After a `drain(false)` of a chunk: an InputError when what is left is larger than a record may be. */
  checkSize(): void {
    if (this.text.length - this.pos > this.maxRecord) throw this.tooLong();
  }

  private tooLong(): InputError {
    return recordTooLarge(`${this.name}:${this.line}`, this.maxRecord);
  }

  /** Parses one record starting at `pos`; returns null when more text is needed. */
  private quoted(final: boolean): FastRecord | null {
    const r = readRecord(this.text, this.pos, this.d, final, this.name, this.line);
    if (r === null) return null;
    this.pos = r.next;
    const rec = { line: this.line, cells: r.cells };
    this.line += 1 + r.newlines;
    return rec;
  }

  /** Parses records into the sink until it is full (true) or more text is needed (false). */
  drain(final: boolean): boolean {
    const sink = this.target.sink;
    for (;;) {
      if (sink.full()) return true;
      const text = this.text;
      const pos = this.pos;
      if (pos >= text.length) return false;
      const nl = text.indexOf('\n', pos);
      // The next quote is cached, so a chunk without quotes is searched once, not once per line.
      if (this.nextQuote !== -1 && this.nextQuote < pos) this.nextQuote = text.indexOf('"', pos);
      const q = this.nextQuote;
      if (q < 0 || (nl >= 0 && q > nl)) {
        if (nl < 0 && !final) return false;
        const end = nl < 0 ? text.length : nl;
        const stop = end > pos && text.charCodeAt(end - 1) === CR ? end - 1 : end;
        if (stop > pos) sink.plain(text, pos, stop, this.line);
        this.line++;
        this.pos = end + 1;
        continue;
      }
      const rec = this.quoted(final);
      if (rec === null) return false;
      sink.record(rec);
    }
  }
}

/**
 * Scans decoded text into `target.sink`, pausing (yielding) whenever the sink
 * is full and after every chunk. The sink may be swapped between pauses.
 * `maxRecord` bounds memory: a record (or an unclosed quote) longer than that
 * is an InputError, never an out-of-memory crash.
 */
export async function* scanRecords(
  chunks: AsyncIterable<Buffer>,
  delimiter: string,
  name: string,
  firstLine: number,
  maxRecord: number,
  target: { sink: RecordSink },
): AsyncGenerator<void> {
  const scanner = new TextScanner(delimiter, name, firstLine, maxRecord, target);
  for await (const chunk of chunks) {
    scanner.append(chunk);
    // Small batches: rows handed on quickly die young (cheap to collect) instead of
    // surviving into the old generation.
    while (scanner.drain(false)) yield;
    scanner.checkSize();
    yield;
  }
  scanner.finish();
  while (scanner.drain(true)) yield;
}

/** The error for a record larger than `maxRecord` bytes at `where` (file:line). */
export function recordTooLarge(where: string, maxRecord = MAX_RECORD_BYTES): InputError {
  return new InputError('INPUT_RECORD_TOO_LARGE', `${where}: a record is larger than ${maxRecord / 1048576} MB (an unclosed quote?)`, {
    hint: 'check the quoting of that line',
  });
}

/** A record read by {@link readRecord}: its cells, where the next one starts, and the line breaks inside quoted fields. */
export interface ReadRecord {
  cells: string[];
  next: number;
  newlines: number;
}

/**
 * Parses the RFC 4180 record at `text[pos]` (delimiter char code `d`), which
 * starts on line `line` of file `name` (for messages); null when the text
 * ends before the record does and more may come (`final` false). The one
 * parser of quoted records: the text scanner's, and the orders fast path's
 * for a line holding a quote.
 */
export function readRecord(text: string, pos: number, d: number, final: boolean, name: string, line: number): ReadRecord | null {
  const fields: string[] = [];
  let i = pos;
  let newlines = 0;
  for (;;) {
    // one field
    if (text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          if (!final) return null;
          throw new InputError('INPUT_MALFORMED_CSV', `${name}:${line}: cannot parse the delimited text (a quoted field is not closed)`, {
            hint: 'check the quoting near that line, or pass --delimiter',
          });
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        if (q + 1 >= text.length && !final) return null;
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) newlines++;
      fields.push(value);
      const c = text.charCodeAt(i);
      if (c === d) {
        i++;
        continue;
      }
      if (c === CR && i + 1 >= text.length && !final) return null; // its LF may be in the next chunk
      if (c === CR && text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === CR || i >= text.length) {
        if (i >= text.length && !final) return null;
        return { cells: fields, next: Math.min(i + 1, text.length), newlines };
      }
      throw new InputError('INPUT_MALFORMED_CSV', `${name}:${line}: cannot parse the delimited text (a character follows a closing quote)`, {
        hint: 'check the quoting near that line, or pass --delimiter',
      });
    }
    // an unquoted field: up to the next delimiter or end of line
    let end = i;
    for (;;) {
      if (end >= text.length) {
        if (!final) return null;
        break;
      }
      const c = text.charCodeAt(end);
      if (c === d || c === 10) break;
      if (c === QUOTE) {
        throw new InputError('INPUT_MALFORMED_CSV', `${name}:${line}: cannot parse the delimited text (a quote inside an unquoted field)`, {
          hint: 'check the quoting near that line, or pass --delimiter',
        });
      }
      end++;
    }
    const c = text.charCodeAt(end);
    let value = text.slice(i, end);
    if (c !== d && value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
    fields.push(value);
    if (c === d) {
      i = end + 1;
      continue;
    }
    return { cells: fields, next: Math.min(end + 1, text.length), newlines };
  }
}
