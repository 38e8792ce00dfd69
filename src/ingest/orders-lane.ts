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
 */
import { FALLBACK, OK, isBlank, newCellResult } from './cells.js';
import { CHANNEL, CUSTOMER, ID, OrderLine, STATUS } from './dataset-builder.js';
import { lineRevenue, type Row, type RowDecoder, type TextSpec } from './decode.js';
import type { FastRecord, RecordSink } from './fast-csv.js';

/** The OrderLine field of each text slot of the row decoder. */
const TEXT_FIELD_OF: Record<TextSpec['slot'], number> = { orderId: ID, customerId: CUSTOMER, channel: CHANNEL, status: STATUS };

/** Whether the lane can read rows of this decoder at all (every mapped field is a column of the file). */
export function ordersLaneFits(dec: RowDecoder): boolean {
  return dec.role === 'orders' && dec.numeric.every((s) => s.index >= 0) && dec.text.every((s) => s.index >= 0);
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
    this.fields = dec.text.map((t) => TEXT_FIELD_OF[t.slot]);
  }

  full(): boolean {
    return false;
  }

  record(rec: FastRecord): void {
    this.general(rec.line, rec.cells);
  }

  plain(text: string, start: number, end: number, lineNo: number): void {
    const dec = this.dec;
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
   * as bytes: fields found and numbers and dates decoded in one pass, with no
   * per-line string. `window` is the same bytes as a string (latin1, so index
   * i is byte i): text fields are its ranges, and a line the bytes cannot
   * take goes to `plain` on it. Lines are treated as the text scanner treats
   * plain lines (CR before LF dropped, empty lines skipped).
   * @returns the number of the line after the last
   */
  linesOfBytes(b: Uint8Array, from: number, to: number, line: number, window: string): number {
    const d = this.delimiterText.charCodeAt(0);
    const last = this.lastColumn;
    const starts = this.starts;
    const ends = this.ends;
    let p = from;
    while (p < to) {
      const lineStart = p;
      let f = 0;
      let done = false;
      starts[0] = p;
      for (;; p++) {
        const c = b[p]!;
        if (c === 10) break;
        if (c === d && !done) {
          ends[f] = p;
          if (f === last) done = true;
          else starts[++f] = p + 1;
        }
      }
      let stop = p;
      p++;
      if (stop > lineStart && b[stop - 1] === 13) stop--;
      if (stop > lineStart) {
        if (!done) ends[f] = stop;
        this.lineOfBytes(b, lineStart, stop, f, line, window);
      }
      line++;
    }
    return line;
  }

  /** One line of `linesOfBytes`, its fields up to column `found` in starts/ends. */
  private lineOfBytes(b: Uint8Array, start: number, end: number, found: number, lineNo: number, window: string): void {
    const dec = this.dec;
    if (!dec.laneOpen) return this.plain(window, start, end, lineNo);
    const starts = this.starts;
    const ends = this.ends;
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
        // Flags a column sets on OK (what it has seen) are set again by `plain`: no harm.
        const st = numeric[k]!.decoder.decodeBytes(b, starts[idx]!, ends[idx]!, cell);
        if (st === FALLBACK) return this.plain(window, start, end, lineNo);
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
    const l = this.line;
    const text_ = dec.text;
    for (let k = 0; k < text_.length; k++) {
      const idx = text_[k]!.index;
      let s = 0;
      let e = -1;
      if (idx <= found && ends[idx]! > starts[idx]!) {
        s = starts[idx]!;
        e = ends[idx]!;
        const x = b[s]!;
        const y = b[e - 1]!;
        // Ends that trimming could change: `plain` trims (or blanks) the field.
        if (!(x > 32 && x < 127 && y > 32 && y < 127)) return this.plain(window, start, end, lineNo);
      }
      l.set(this.fields[k]!, window, s, e);
    }
    l.line = lineNo;
    l.time = time;
    l.amount = this.fromLineItems ? lineRevenue(quantity, unitPrice) : amount;
    dec.stats.rowsRead++;
    this.emit(l);
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
