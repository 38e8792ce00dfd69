/**
 * OrderLines packed for a trip between threads (parallel-orders.ts): the
 * decoded chunk once, and per line its numbers and the ranges of its text
 * fields in typed arrays (transferred, not copied). A field that is not a
 * range of the chunk (a trimmed copy, a quoted cell) travels as a side string.
 */
import { CHANNEL, CUSTOMER, GREATER_ID, ID, OrderLine, SAME_ID, STATUS, TEXT_FIELDS } from './dataset-builder.js';
import { Interner } from './interner.js';

/**
 * Ints per line: line, then (source, start, end) for id, customer, channel,
 * status (source -1 = the batch text), then idOrder, statusCode, channelCode,
 * then the number of bare continuation lines that follow it (see `bare`).
 */
const INTS = 17;
/** Distinct status or channel values given codes; values past this many go uncoded. */
const MAX_CODES = 4096;
/** Floats per line: time, amount. */
const FLOATS = 2;
/** A chunk of decoded text is longer than this; ids and channel names are not. */
const CHUNK_TEXT = 4096;

export interface OrderLineBatch {
  text: string;
  count: number;
  ints: Int32Array;
  floats: Float64Array;
  strings: string[];
  /** Bytes of the input read when the batch was sent (for progress). */
  bytesRead: number;
}

export class OrderLineBatcher {
  private text = '';
  private count = 0;
  private ints: Int32Array;
  private floats: Float64Array;
  private strings: string[] = [];
  /** The previous line's id (for OrderLine.idOrder); end < 0 when blank or none. */
  private prevIdText = '';
  private prevIdStart = 0;
  private prevIdEnd = -1;
  private readonly statusCodes = new Interner();
  private readonly channelCodes = new Interner();

  constructor(
    private readonly send: (batch: OrderLineBatch) => void,
    private readonly capacity = 16_384,
  ) {
    this.ints = new Int32Array(capacity * INTS);
    this.floats = new Float64Array(capacity * FLOATS);
  }

  add(l: OrderLine, bytesRead: number): void {
    // A new chunk of text starts a new batch (the fields of a line are ranges of one chunk).
    const t = l.end[ID]! >= 0 ? l.text[ID]! : l.end[CHANNEL]! >= 0 ? l.text[CHANNEL]! : l.text[CUSTOMER]!;
    if (t !== this.text && t.length > CHUNK_TEXT) {
      this.flush(bytesRead);
      this.text = t;
    }
    const order = this.idOrder(l);
    const ints = this.ints;
    if (order === SAME_ID && this.count > 0 && bare(l)) {
      const at = (this.count - 1) * INTS;
      if (l.line === ints[at]! + ints[at + 16]! + 1) {
        ints[at + 16]!++;
        return;
      }
    }
    const i = this.count++;
    const b = i * INTS;
    ints[b] = l.line;
    for (let f = 0; f < TEXT_FIELDS; f++) this.field(b + 1 + 3 * f, l.text[f]!, l.start[f]!, l.end[f]!);
    ints[b + 13] = order;
    ints[b + 14] = code(this.statusCodes, l, STATUS);
    ints[b + 15] = code(this.channelCodes, l, CHANNEL);
    ints[b + 16] = 0;
    this.floats[i * FLOATS] = l.time;
    this.floats[i * FLOATS + 1] = l.amount;
    if (this.count === this.capacity) this.flush(bytesRead);
  }

  /** SAME_ID or GREATER_ID when the line's id equals or exceeds the previous line's, else 0. */
  private idOrder(l: OrderLine): number {
    const text = l.text[ID]!;
    const start = l.start[ID]!;
    const end = l.end[ID]!;
    const prev = this.prevIdText;
    const pStart = this.prevIdStart;
    const pEnd = this.prevIdEnd;
    this.prevIdText = text;
    this.prevIdStart = start;
    this.prevIdEnd = end;
    if (end < 0 || pEnd < 0) return 0;
    const n = Math.min(end - start, pEnd - pStart);
    for (let i = 0; i < n; i++) {
      const a = text.charCodeAt(start + i);
      const b = prev.charCodeAt(pStart + i);
      if (a !== b) return a > b ? GREATER_ID : 0;
    }
    const d = end - start - (pEnd - pStart);
    return d === 0 ? SAME_ID : d > 0 ? GREATER_ID : 0;
  }

  private field(at: number, text: string, start: number, end: number): void {
    const ints = this.ints;
    ints[at] = end < 0 || text === this.text ? -1 : this.strings.push(text) - 1;
    ints[at + 1] = start;
    ints[at + 2] = end;
  }

  /** Sends what is batched (nothing when empty). */
  flush(bytesRead: number): void {
    if (this.count === 0) return;
    this.send({
      text: this.text,
      count: this.count,
      ints: this.ints.subarray(0, this.count * INTS),
      floats: this.floats.subarray(0, this.count * FLOATS),
      strings: this.strings,
      bytesRead,
    });
    // The arrays were transferred: start new ones.
    this.ints = new Int32Array(this.capacity * INTS);
    this.floats = new Float64Array(this.capacity * FLOATS);
    this.strings = [];
    this.count = 0;
  }
}

/**
 * Whether the line is a bare continuation line: only its id (and line-item
 * fields) filled — no date, amount, customer, channel or status. Such lines
 * right after a line with the same id travel as a count on that line.
 */
function bare(l: OrderLine): boolean {
  const end = l.end;
  return end[STATUS]! < 0 && end[CUSTOMER]! < 0 && end[CHANNEL]! < 0 && Number.isNaN(l.time) && Number.isNaN(l.amount);
}

/** The code of text field f of the line (-1 when blank, or when MAX_CODES values have codes and this is a new one). */
function code(codes: Interner, l: OrderLine, f: number): number {
  const end = l.end[f]!;
  if (end < 0) return -1;
  return codes.size < MAX_CODES ? codes.intern(l.text[f]!, l.start[f]!, end) : codes.find(l.text[f]!, l.start[f]!, end);
}

/**
 * Calls `fn` with each line of a batch, in order, reusing one OrderLine; after
 * a line followed by bare continuation lines, `bare(n, line)` for the n of
 * them, at lines line … line + n − 1 (each has the same id as the line before).
 */
export function forEachOrderLine(b: OrderLineBatch, fn: (l: OrderLine) => void, bare: (n: number, line: number) => void): void {
  const l = new OrderLine();
  const { ints, floats, text, strings } = b;
  const { text: lineText, start: lineStart, end: lineEnd } = l;
  for (let i = 0; i < b.count; i++) {
    const at = i * INTS;
    l.line = ints[at]!;
    for (let f = 0, p = at + 1; f < TEXT_FIELDS; f++, p += 3) {
      const k = ints[p]!;
      lineText[f] = k < 0 ? text : strings[k]!;
      lineStart[f] = ints[p + 1]!;
      lineEnd[f] = ints[p + 2]!;
    }
    l.idOrder = ints[at + 13]!;
    l.statusCode = ints[at + 14]!;
    l.channelCode = ints[at + 15]!;
    l.time = floats[i * FLOATS]!;
    l.amount = floats[i * FLOATS + 1]!;
    fn(l);
    const n = ints[at + 16]!;
    if (n > 0) bare(n, l.line + 1);
  }
}
