/**
 * OrderLines packed for a trip between threads (parallel-orders.ts): the
 * decoded chunk once, and per line its numbers and the ranges of its text
 * fields in typed arrays (transferred, not copied). A field that is not a
 * range of the chunk (a trimmed copy, a quoted cell) travels as a side string.
 */
import { CHANNEL, CUSTOMER, ID, OrderLine, TEXT_FIELDS } from './dataset-builder.js';

/** Ints per line: line, then (source, start, end) for id, customer, channel, status; source -1 = the batch text. */
const INTS = 13;
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
    const i = this.count++;
    const ints = this.ints;
    const b = i * INTS;
    ints[b] = l.line;
    for (let f = 0; f < TEXT_FIELDS; f++) this.field(b + 1 + 3 * f, l.text[f]!, l.start[f]!, l.end[f]!);
    this.floats[i * FLOATS] = l.time;
    this.floats[i * FLOATS + 1] = l.amount;
    if (this.count === this.capacity) this.flush(bytesRead);
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

/** Calls `fn` with each line of a batch, in order, reusing one OrderLine. */
export function forEachOrderLine(b: OrderLineBatch, fn: (l: OrderLine) => void): void {
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
    l.time = floats[i * FLOATS]!;
    l.amount = floats[i * FLOATS + 1]!;
    fn(l);
  }
}
