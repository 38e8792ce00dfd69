/**
 * The orders lane: decodes unquoted orders lines straight from the decoded
 * chunk — fields found by scanning for the delimiter, numbers and ISO dates
 * read in place, ids and channel/status values interned from their ranges —
 * with no string, array or Row object per line.
 *
 * It is the row decoder's fast form, not a second reader: any line it cannot
 * take exactly (quoted fields, a cell that is not a plain number or ISO date,
 * an invalid or ambiguous value, rows held back while a column decides) goes
 * through `RowDecoder.push` as before, in file order. Both end as an
 * OrderLine for `DatasetBuilder.addOrderLine`, so the Dataset is the same
 * either way (test/properties/orders-lane.test.ts).
 *
 * Two forms of input: `plain` takes a line of decoded text (the one-thread
 * reader, and any line the byte form passes on); `linesOfBytes` takes ASCII
 * bytes (the orders worker, orders-bytes.ts), read by a line reader compiled
 * for the file's columns (byte-line-reader.ts), and adds the hints the
 * worker's batches carry: how the order id compares with the previous line's,
 * and codes for status and channel values (test/properties/orders-bytes.test.ts).
 */
import { Buffer } from 'node:buffer';
import { ByteCodes } from './byte-codes.js';
import { compileByteLineReader, GENERIC, NUMBER, SKIP, TEXT, type ByteColumns, type ByteLineReader } from './byte-line-reader.js';
import { FALLBACK, NumberColumn, OK, isBlank, newCellResult, type ColumnDecoder } from './cells.js';
import { CHANNEL, CUSTOMER, GREATER_ID, ID, OrderLine, SAME_ID, STATUS, TEXT_FIELDS } from './order-line.js';
import { lineRevenue, ROW_PATH_SLOTS, type Row, type RowDecoder, type TextSpec } from './decode.js';
import type { FastRecord, RecordSink } from './fast-csv.js';

/** The OrderLine field of each text slot of the row decoder. */
const TEXT_FIELD_OF: Partial<Record<TextSpec['slot'], number>> = { orderId: ID, customerId: CUSTOMER, channel: CHANNEL, status: STATUS };

/** Whether the lane can read rows of this decoder at all (every mapped field is a column of the file). */
export function ordersLaneFits(dec: RowDecoder): boolean {
  return dec.role === 'orders' && dec.numeric.every((s) => s.index >= 0) && dec.text.every((s) => s.index >= 0 && !ROW_PATH_SLOTS.has(s.slot));
}

/** SAME_ID or GREATER_ID when `b[s, e)` equals or exceeds `b[ps, pe)` byte by byte (as code units: ASCII), else 0. */
function compareIds(b: Uint8Array, s: number, e: number, ps: number, pe: number): number {
  const n = Math.min(e - s, pe - ps);
  for (let i = 0; i < n; i++) {
    const x = b[s + i]!;
    const y = b[ps + i]!;
    if (x !== y) return x > y ? GREATER_ID : 0;
  }
  const d = e - s - (pe - ps);
  return d === 0 ? SAME_ID : d > 0 ? GREATER_ID : 0;
}

/** The compiled line reader, or null where code generation is disallowed (node --disallow-code-generation-from-strings): lines then go through `plain`. */
function compileReader(cols: ByteColumns): ByteLineReader | null {
  try {
    return compileByteLineReader(cols);
  } catch {
    return null;
  }
}

/** Where the lane hands decoded lines: the builder (in this thread) or a batch for the main thread (a worker). */
export type OrderLineSink = (l: OrderLine) => void;

export class OrdersLane implements RecordSink {
  private readonly delimiterText: string;
  /** Field starts and ends of the current line, up to the last mapped column. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly lastColumn: number;
  private readonly cell = newCellResult();
  private readonly line = new OrderLine();
  private readonly ready: Row[] = [];
  private readonly fromRow = new OrderLine();
  /** Per numeric spec, in order: the OrderLine slot it fills (0 time, 1 amount, 2 quantity, 3 unit price). */
  private readonly slots: number[];
  private readonly fromLineItems: boolean;
  /** Per text spec of the decoder, in order: the OrderLine field it fills. */
  private readonly fields: number[];
  /** Byte lane: codes of status and channel values, and the previous line's id (buffer null: not a byte line). */
  private readonly statusCodes = new ByteCodes();
  private readonly channelCodes = new ByteCodes();
  private prevIdBuf: Uint8Array | null = null;
  private prevIdStart = 0;
  private prevIdEnd = -1;
  /**
   * Byte lane: the line reader compiled for this file's columns; null when a
   * column is mapped twice (every line then goes through `plain`).
   */
  private readonly reader: ByteLineReader | null;
  /** Byte lane: values of the line by slot (0 time, 1 amount, 2 quantity, 3 unit price). */
  private readonly values = new Float64Array(4);

  constructor(
    private readonly dec: RowDecoder,
    private readonly emit: OrderLineSink,
    delimiter: string,
  ) {
    this.delimiterText = delimiter;
    this.lastColumn = Math.max(...dec.numeric.map((s) => s.index), ...dec.text.map((s) => s.index));
    this.starts = new Int32Array(this.lastColumn + 1);
    this.ends = new Int32Array(this.lastColumn + 1);
    this.slots = dec.numeric.map((s) => ['time', 'amount', 'quantity', 'unitPrice'].indexOf(s.slot));
    this.fromLineItems = dec.mapping.revenueFromLineItems;
    this.fields = dec.text.map((t) => TEXT_FIELD_OF[t.slot]!); // ordersLaneFits admits only these slots
    const kinds = new Int8Array(this.lastColumn + 1);
    const decoders: (ColumnDecoder | null)[] = Array.from({ length: this.lastColumn + 1 }, () => null);
    const slots = new Int8Array(this.lastColumn + 1);
    let twice = false;
    dec.numeric.forEach((spec, k) => {
      twice ||= kinds[spec.index] !== SKIP;
      kinds[spec.index] = spec.decoder instanceof NumberColumn ? NUMBER : GENERIC;
      decoders[spec.index] = spec.decoder;
      slots[spec.index] = this.slots[k]!;
    });
    dec.text.forEach((spec, k) => {
      twice ||= kinds[spec.index] !== SKIP;
      kinds[spec.index] = TEXT + this.fields[k]!;
    });
    this.reader = twice ? null : compileReader({ kinds, decoders, slots, delimiter: delimiter.charCodeAt(0), textFields: TEXT_FIELDS, cell: this.cell });
  }

  full(): boolean {
    return false;
  }

  record(rec: FastRecord): void {
    this.prevIdBuf = null;
    this.general(rec.line, rec.cells);
  }

  plain(text: string, start: number, end: number, lineNo: number): void {
    const dec = this.dec;
    this.prevIdBuf = null;
    const l0 = this.line;
    l0.hinted = false;
    l0.bytes = null;
    l0.idOrder = 0;
    l0.statusCode = -1;
    l0.channelCode = -1;
    if (!dec.laneOpen) return this.general(lineNo, text.slice(start, end).split(this.delimiterText));
    // Field boundaries up to the last mapped column; columns past the line's end are absent (blank).
    const starts = this.starts;
    const ends = this.ends;
    const d = this.delimiterText;
    const last = this.lastColumn;
    // String#indexOf scans natively: two to three times faster here than a charCodeAt loop.
    let f = 0;
    let from = start;
    for (;;) {
      starts[f] = from;
      const j = text.indexOf(d, from);
      if (j < 0 || j >= end) {
        ends[f] = end;
        break;
      }
      ends[f] = j;
      if (f === last) break;
      from = j + 1;
      f++;
    }
    const found = f;

    const l = this.line;
    l.line = lineNo;
    let time = NaN;
    let amount = NaN;
    let quantity = NaN;
    let unitPrice = NaN;
    const numeric = dec.numeric;
    const cell = this.cell;
    for (let k = 0; k < numeric.length; k++) {
      const idx = numeric[k]!.index;
      let v = NaN;
      if (idx <= found) {
        const st = numeric[k]!.decoder.decodeRange(text, starts[idx]!, ends[idx]!, cell);
        if (st === FALLBACK) return this.general(lineNo, text.slice(start, end).split(d));
        if (st === OK) v = cell.value;
      }
      switch (this.slots[k]) {
        case 0:
          time = v;
          break;
        case 1:
          amount = v;
          break;
        case 2:
          quantity = v;
          break;
        default:
          unitPrice = v;
      }
    }
    l.time = time;
    l.amount = this.fromLineItems ? lineRevenue(quantity, unitPrice) : amount;
    const text_ = dec.text;
    for (let k = 0; k < text_.length; k++) this.textField(text_[k]!.index, this.fields[k]!, text, found, l);
    dec.stats.rowsRead++;
    this.emit(l);
  }

  /**
   * The lines of ASCII bytes `b[from, to)` (to is just past a newline), read
   * as bytes in one pass: each mapped column is decoded where the scan finds
   * it (plain numbers as their digits go by, ISO dates and text fields as
   * ranges), with no per-line string. Text fields are ranges of the bytes
   * (`OrderLine.bytes`, for the worker's batcher). A line the bytes cannot
   * take exactly goes to `plain` as a string. Lines are treated as the text
   * scanner treats plain lines (CR before LF dropped, empty lines skipped).
   * @returns the number of the line after the last
   */
  linesOfBytes(b: Uint8Array, from: number, to: number, line: number): number {
    let p = from;
    while (p < to) {
      const next = this.lineOfBytes(b, p, line);
      if (next >= 0) p = next;
      else {
        // Not for the byte lane: the whole line through `plain`.
        const nl = b.indexOf(10, p);
        let stop = nl;
        if (stop > p && b[stop - 1] === 13) stop--;
        if (stop > p) this.plainOfBytes(b, p, stop, line);
        p = nl + 1;
      }
      line++;
    }
    return line;
  }

  /**
   * Reads the line at `b[p]` (with the reader compiled for this file's
   * columns) and emits it.
   * @returns the start of the next line, or -1 (nothing emitted) when the line needs `plain`
   */
  private lineOfBytes(b: Uint8Array, p: number, lineNo: number): number {
    const dec = this.dec;
    const read = this.reader;
    if (read === null || !dec.laneOpen) return -1;
    const c0 = b[p]!;
    // An empty line (or a lone CR): skipped, like the text scanner does.
    if (c0 === 10) return p + 1;
    if (c0 === 13 && b[p + 1] === 10) return p + 2;
    const l = this.line;
    const fStart = l.start;
    const fEnd = l.end;
    const values = this.values;
    const next = read(b, p, fStart, fEnd, values);
    if (next < 0) return -1;
    let idOrder = 0;
    const idEnd = fEnd[ID]!;
    if (idEnd >= 0 && this.prevIdBuf === b && this.prevIdEnd >= 0) idOrder = compareIds(b, fStart[ID]!, idEnd, this.prevIdStart, this.prevIdEnd);
    this.prevIdBuf = b;
    this.prevIdStart = fStart[ID]!;
    this.prevIdEnd = idEnd;
    l.statusCode = fEnd[STATUS]! >= 0 ? this.statusCodes.code(b, fStart[STATUS]!, fEnd[STATUS]!) : -1;
    l.channelCode = fEnd[CHANNEL]! >= 0 ? this.channelCodes.code(b, fStart[CHANNEL]!, fEnd[CHANNEL]!) : -1;
    l.idOrder = idOrder;
    l.hinted = true;
    l.bytes = b;
    l.line = lineNo;
    l.time = values[0]!;
    l.amount = this.fromLineItems ? lineRevenue(values[2]!, values[3]!) : values[1]!;
    dec.stats.rowsRead++;
    this.emit(l);
    return next;
  }

  /** A line of ASCII bytes read as text by `plain`. */
  private plainOfBytes(b: Uint8Array, start: number, end: number, lineNo: number): void {
    this.plain(Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('latin1'), 0, end - start, lineNo);
  }

  /** Sets one text field of the line: the trimmed range, or a trimmed copy when the ends are not plain ASCII. */
  private textField(idx: number, field: number, text: string, found: number, l: OrderLine): void {
    let s = 0;
    let e = -1;
    let t = text;
    if (idx <= found) {
      s = this.starts[idx]!;
      e = this.ends[idx]!;
      if (e === s) e = -1;
      else {
        const a = text.charCodeAt(s);
        const b = text.charCodeAt(e - 1);
        if (!(a > 32 && a < 127 && b > 32 && b < 127)) {
          const raw = text.slice(s, e);
          if (isBlank(raw)) e = -1;
          else {
            t = raw.trim();
            s = 0;
            e = t.length;
          }
        }
      }
    }
    l.set(field, t, s, e);
  }

  /** A line the lane does not take: through the row decoder, as every line was before the lane. */
  private general(line: number, cells: string[]): void {
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
