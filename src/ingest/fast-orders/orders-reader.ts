/**
 * The orders fast path's reader: takes the bytes of an orders file's body,
 * line by line, and hands each line on as an OrderLine. A line is read by the
 * LineReader straight from the bytes (UTF-8 text included); any line it
 * cannot take exactly — one holding a quote, a cell that is not a plain
 * number or ISO date, an invalid or ambiguous value, rows held back while a
 * column decides — goes through the general decoder (`RowDecoder.push`), in
 * file order. Both end as an OrderLine for the DatasetBuilder, so the Dataset
 * is the same either way (test/properties/orders-fast-path.test.ts).
 *
 * Besides the line, a byte-read line carries hints for the batches
 * (line-batches.ts): how its order id compares with the previous line's, and
 * codes for its status and channel values.
 */
import { Buffer } from 'node:buffer';
import { CHANNEL, GREATER_ID, ID, OrderLine, SAME_ID, STATUS, CUSTOMER } from './order-line.js';
import { LineReader, SKIP, TEXT, VALUE } from './line-reader.js';
import { StatusChannelCodes } from './status-channel-codes.js';
import type { ColumnDecoder } from '../cells.js';
import { lineRevenue, ROW_PATH_SLOTS, type Row, type RowDecoder, type TextSpec } from '../decode.js';
import { readRecord } from '../fast-csv.js';

/** The OrderLine field of each text slot of the row decoder. */
const TEXT_FIELD_OF: Partial<Record<TextSpec['slot'], number>> = { orderId: ID, customerId: CUSTOMER, channel: CHANNEL, status: STATUS };
/** The value slot of each numeric slot of the row decoder. */
const SLOTS = ['time', 'amount', 'quantity', 'unitPrice'];

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Whether the fast path can read rows of this decoder at all (every mapped field is a column of the file). */
export function fastPathFits(dec: RowDecoder): boolean {
  return dec.role === 'orders' && dec.numeric.every((s) => s.index >= 0) && dec.text.every((s) => s.index >= 0 && !ROW_PATH_SLOTS.has(s.slot));
}

/**
 * SAME_ID or GREATER_ID when the UTF-8 bytes `b[s, e)` equal or exceed
 * `b[ps, pe)` as UTF-16 code units would compare, else 0 (also when bytes
 * alone cannot tell: code points from U+E000 and beyond U+FFFF order
 * differently as UTF-16).
 */
function compareIds(b: Uint8Array, s: number, e: number, ps: number, pe: number): number {
  const n = Math.min(e - s, pe - ps);
  for (let i = 0; i < n; i++) {
    const x = b[s + i]!;
    const y = b[ps + i]!;
    if (x !== y) return x >= 0xee || y >= 0xee ? 0 : x > y ? GREATER_ID : 0;
  }
  const d = e - s - (pe - ps);
  return d === 0 ? SAME_ID : d > 0 ? GREATER_ID : 0;
}

/** Where decoded lines go: a batch for the builder's thread. */
export type OrderLineSink = (l: OrderLine) => void;

export class OrdersReader {
  private readonly delimiterText: string;
  private readonly delimiter: number;
  private readonly line = new OrderLine();
  private readonly fromRow = new OrderLine();
  private readonly ready: Row[] = [];
  private readonly fromLineItems: boolean;
  private readonly statusCodes = new StatusChannelCodes();
  private readonly channelCodes = new StatusChannelCodes();
  /** The previous line's id, when it was read from these bytes (buffer null: it was not). */
  private prevIdBuf: Uint8Array | null = null;
  private prevIdStart = 0;
  private prevIdEnd = -1;
  /** Null when a column is mapped twice (every line then goes through the general decoder). */
  private readonly reader: LineReader | null;
  /** Values of the line by slot (0 time, 1 amount, 2 quantity, 3 unit price). */
  private readonly values = new Float64Array(4);

  constructor(
    private readonly dec: RowDecoder,
    private readonly emit: OrderLineSink,
    delimiter: string,
    private readonly name: string,
  ) {
    this.delimiterText = delimiter;
    this.delimiter = delimiter.charCodeAt(0);
    this.fromLineItems = dec.mapping.revenueFromLineItems;
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
  }

  /**
   * Reads the lines of `b[from, to)` (`to` is just past a line feed), the
   * first being line `line`. A record with a quoted line break may run past
   * `to`: unless `final`, reading stops at its start, for the caller to call
   * again with more bytes.
   * @returns where reading stopped (`to`, or the start of an unfinished record) and the line number there
   */
  lines(b: Buffer, from: number, to: number, line: number, final: boolean): { at: number; line: number } {
    const dec = this.dec;
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
      const next = this.reader !== null && dec.fastPathOpen ? this.reader.read(b, p, this.line.start, this.line.end, this.values, quote < 0 ? b.length : quote) : -1;
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
      this.general(line, b.toString('utf8', p, stop).split(this.delimiterText));
      p = nl + 1;
      line++;
    }
    return { at: p, line };
  }

  /** Hands on the line the LineReader just read, with its hints. */
  private emitBytes(b: Uint8Array, lineNo: number): void {
    const l = this.line;
    const { start, end } = l;
    const idEnd = end[ID]!;
    l.idOrder = idEnd >= 0 && this.prevIdBuf === b && this.prevIdEnd >= 0 ? compareIds(b, start[ID]!, idEnd, this.prevIdStart, this.prevIdEnd) : 0;
    this.prevIdBuf = b;
    this.prevIdStart = start[ID]!;
    this.prevIdEnd = idEnd;
    l.statusCode = end[STATUS]! >= 0 ? this.statusCodes.code(b, start[STATUS]!, end[STATUS]!) : -1;
    l.channelCode = end[CHANNEL]! >= 0 ? this.channelCodes.code(b, start[CHANNEL]!, end[CHANNEL]!) : -1;
    l.hinted = true;
    l.bytes = b;
    l.line = lineNo;
    const values = this.values;
    l.time = values[0]!;
    l.amount = this.fromLineItems ? lineRevenue(values[2]!, values[3]!) : values[1]!;
    this.dec.stats.rowsRead++;
    this.emit(l);
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
        this.general(line, r.cells);
        return { at: p + Buffer.byteLength(text.slice(0, r.next)), line: line + 1 + r.newlines };
      }
      end = b.indexOf(LF, end + 1);
    }
  }

  /** A line through the general decoder. */
  private general(line: number, cells: string[]): void {
    this.prevIdBuf = null;
    this.dec.push([{ line, cells }], this.ready);
    this.flush();
  }

  private flush(): void {
    const ready = this.ready;
    for (const row of ready) this.emit(this.fromRow.fromRow(row));
    ready.length = 0;
  }

  /** End of file: rows still held back are settled (or the column's ambiguity is an error). */
  finish(): void {
    this.dec.finish(this.ready);
    this.flush();
  }
}
