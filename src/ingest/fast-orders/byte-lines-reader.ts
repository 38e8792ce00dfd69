/**
 * The byte path's line loop, shared by the orders reader (orders-reader.ts)
 * and the reader of spend, traffic and NPS rows (rows-reader.ts): takes the
 * bytes of a delimited file's body line by line. A line is read by the
 * LineReader straight from the bytes (UTF-8 text included); any line it
 * cannot take exactly — one holding a quote, a cell that is not a plain
 * number or ISO date, an invalid or ambiguous value, rows held back while a
 * column decides — goes through the general decoder (`RowDecoder.push`), in
 * file order. A subclass says what becomes of each line; the result is the
 * same as the general decoder's either way (test/properties/orders-fast-path.test.ts,
 * rows-fast-path.test.ts).
 */
import { Buffer } from 'node:buffer';
import { CHANNEL, CUSTOMER, ID, OrderLine, STATUS } from './order-line.js';
import { LineReader, SKIP, TEXT, VALUE } from './line-reader.js';
import type { ColumnDecoder } from '../cells.js';
import { ROW_PATH_SLOTS, type RowDecoder, type TextSpec } from '../decode.js';
import { readRecord } from '../fast-csv.js';

/** The OrderLine field of each text slot of the row decoder. */
const TEXT_FIELD_OF: Partial<Record<TextSpec['slot'], number>> = { orderId: ID, customerId: CUSTOMER, channel: CHANNEL, status: STATUS };
/** The value slot of each numeric slot of the row decoder. */
const SLOTS = ['time', 'amount', 'quantity', 'unitPrice'];

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Whether the byte path can read rows of this decoder at all (every mapped field is a column of the file, and no field needs the row decoder). */
export function fastPathFits(dec: RowDecoder): boolean {
  return dec.numeric.every((s) => s.index >= 0) && dec.text.every((s) => s.index >= 0 && !ROW_PATH_SLOTS.has(s.slot));
}

export abstract class ByteLinesReader {
  /** The line the LineReader reads into: text fields as ranges (start/end by OrderLine field). */
  protected readonly line = new OrderLine();
  /** Values of the line by slot (0 time, 1 amount, 2 quantity, 3 unit price). */
  protected readonly values = new Float64Array(4);
  private readonly delimiterText: string;
  private readonly delimiter: number;
  /** Null when a column is mapped twice (every line then goes through the general decoder). */
  private readonly reader: LineReader | null;
  /**
   * Whether the next line may be read from its bytes: a reader, and the
   * decoder's `fastPathOpen`, which only a line through the general decoder
   * changes (kept here, not asked of the decoder at every line).
   */
  private bytesOpen: boolean;

  constructor(
    protected readonly dec: RowDecoder,
    delimiter: string,
    private readonly name: string,
  ) {
    this.delimiterText = delimiter;
    this.delimiter = delimiter.charCodeAt(0);
    const last = Math.max(...dec.numeric.map((s) => s.index), ...dec.text.map((s) => s.index));
    const kinds = new Int8Array(last + 1);
    const decoders: (ColumnDecoder | null)[] = Array.from({ length: last + 1 }, () => null);
    const targets = new Int8Array(last + 1);
    let twice = false;
    for (const spec of dec.numeric) {
      twice ||= kinds[spec.index] !== SKIP;
      kinds[spec.index] = VALUE;
      decoders[spec.index] = spec.decoder;
      targets[spec.index] = SLOTS.indexOf(spec.slot);
    }
    for (const spec of dec.text) {
      twice ||= kinds[spec.index] !== SKIP;
      kinds[spec.index] = TEXT;
      targets[spec.index] = TEXT_FIELD_OF[spec.slot]!; // fastPathFits admits only these slots
    }
    this.reader = twice ? null : new LineReader({ kinds, decoders, targets, delimiter: this.delimiter });
    this.bytesOpen = this.reader !== null && dec.fastPathOpen;
  }

  /** A line through the general decoder (`general`), after which the decoder may hold rows back. */
  private throughDecoder(line: number, cells: string[]): void {
    this.general(line, cells);
    this.bytesOpen = this.reader !== null && this.dec.fastPathOpen;
  }

  /** The line the LineReader just read (`this.line`, `this.values`), line number `lineNo`, of the bytes `b`. */
  protected abstract emitBytes(b: Buffer, lineNo: number): void;

  /** A line through the general decoder, as its cells. */
  protected abstract general(line: number, cells: string[]): void;

  /** End of file: rows still held back are settled (or the column's ambiguity is an error). */
  abstract finish(): void;

  /**
   * Reads the lines of `b[from, to)` (`to` is just past a line feed), the
   * first being line `line`. A record with a quoted line break may run past
   * `to`: unless `final`, reading stops at its start, for the caller to call
   * again with more bytes.
   * @returns where reading stopped (`to`, or the start of an unfinished record) and the line number there
   */
  lines(b: Buffer, from: number, to: number, line: number, final: boolean): { at: number; line: number } {
    let p = from;
    let quote = b.indexOf(QUOTE, p);
    while (p < to) {
      const c0 = b[p];
      // An empty line (or a lone CR): skipped.
      if (c0 === LF || (c0 === CR && b[p + 1] === LF)) {
        p += c0 === LF ? 1 : 2;
        line++;
        continue;
      }
      if (quote >= 0 && quote < p) quote = b.indexOf(QUOTE, p);
      const next = this.bytesOpen ? this.reader!.read(b, p, this.line.start, this.line.end, this.values, quote < 0 ? b.length : quote) : -1;
      if (next >= 0 && (quote < 0 || quote >= next)) {
        this.emitBytes(b, line);
        p = next;
        line++;
        continue;
      }
      const nl = b.indexOf(LF, p);
      if (quote >= 0 && quote < nl) {
        const r = this.quoted(b, p, nl, to, line, final);
        if (r === null) return { at: p, line };
        p = r.at;
        line = r.line;
        continue;
      }
      const stop = b[nl - 1] === CR ? nl - 1 : nl;
      this.throughDecoder(line, b.toString('utf8', p, stop).split(this.delimiterText));
      p = nl + 1;
      line++;
    }
    return { at: p, line };
  }

  /**
   * The record at `b[p]`, whose first line ends at `nl` and holds a quote:
   * parsed (readRecord) from its text, one more line at a time while a quoted
   * field holds a line break; null when it runs past `to` (not `final`).
   */
  private quoted(b: Buffer, p: number, nl: number, to: number, line: number, final: boolean): { at: number; line: number } | null {
    let end = nl;
    for (;;) {
      const last = end < 0 || end >= to;
      if (last && !final) return null;
      const text = b.toString('utf8', p, last ? to : end + 1);
      const r = readRecord(text, 0, this.delimiter, last, this.name, line);
      if (r !== null) {
        this.throughDecoder(line, r.cells);
        return { at: p + Buffer.byteLength(text.slice(0, r.next)), line: line + 1 + r.newlines };
      }
      end = b.indexOf(LF, end + 1);
    }
  }
}
