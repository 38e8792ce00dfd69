/**
 * One orders line as the orders fast path hands it to the DatasetBuilder
 * (OrderLine: its text fields as ranges, amount, time, id-order hint and
 * status/channel codes), and the per-file code tables (LineCodes).
 */
import type { Row } from '../decode.js';
import { grow } from '../hash-tables.js';

/** The text fields of an OrderLine, by index. */
export const ID = 0;
export const CUSTOMER = 1;
export const CHANNEL = 2;
export const STATUS = 3;
/** Number of text fields. */
export const TEXT_FIELDS = 4;
/** `OrderLine.idOrder`: the id equals the previous line's. */
export const SAME_ID = 1;
/** `OrderLine.idOrder`: the id is greater than the previous line's. */
export const GREATER_ID = 2;

/**
 * What this thread learnt of the status and channel codes of one file's lines
 * (OrderLine.statusCode/channelCode), so a value is looked up once per file,
 * not once per line.
 */
export class LineCodes {
  /** Per status code: 0 not yet looked up, 1 not a cancelled status, 2 cancelled. */
  status = new Uint8Array(16);
  /** Per channel code: 0 not yet looked up, else 1 + the channel index. */
  channel = new Int32Array(16);
  /**
   * The value of each code, kept from the first line that carries it (later
   * lines carry only the code). Looked up when a line first needs it, which
   * may be a later line: the first can be an invalid row.
   */
  readonly statusText: string[] = [];
  readonly channelText: string[] = [];

  /** 1 for each status / channel code whose value is kept. */
  private statusKept = new Uint8Array(64);
  private channelKept = new Uint8Array(64);

  /** Keeps the line's status and channel values of codes not seen before. */
  learn(l: OrderLine): void {
    const s = l.statusCode;
    if (s >= 0 && (s >= this.statusKept.length || this.statusKept[s] === 0)) {
      if (s >= this.statusKept.length) this.statusKept = grow(this.statusKept, s + 1);
      this.statusKept[s] = 1;
      this.statusText[s] = l.text[STATUS]!.slice(l.start[STATUS]!, l.end[STATUS]!);
    }
    const c = l.channelCode;
    if (c >= 0 && (c >= this.channelKept.length || this.channelKept[c] === 0)) {
      if (c >= this.channelKept.length) this.channelKept = grow(this.channelKept, c + 1);
      this.channelKept[c] = 1;
      this.channelText[c] = l.text[CHANNEL]!.slice(l.start[CHANNEL]!, l.end[CHANNEL]!);
    }
  }
}

/**
 * One orders line as the builder consumes it. Both decoders fill one of these
 * and reuse it: the row decoder from a `Row`, the fast path's OrdersReader
 * straight from the bytes of the file. Text field f (ID, CUSTOMER, CHANNEL,
 * STATUS) is the range `text[f][start[f], end[f])`, already trimmed;
 * `end[f] < 0` means blank.
 */
export class OrderLine {
  line = 0;
  /** Epoch ms UTC; NaN when empty. */
  time = NaN;
  /** Line revenue; NaN when empty (a continuation line). */
  amount = NaN;
  readonly text: string[] = ['', '', '', ''];
  readonly start = new Int32Array(TEXT_FIELDS);
  readonly end = new Int32Array(TEXT_FIELDS).fill(-1);
  /**
   * Hints the fast path adds (orders-reader.ts, line-batches.ts), so the
   * builder does less per line; none from the row decoder. `idOrder`: SAME_ID or
   * GREATER_ID when the id is known to equal or exceed (by code units) the
   * previous line's id, else 0.
   */
  idOrder = 0;
  /**
   * Codes of the status and channel values within the file (equal values,
   * equal codes — one value may have two; -1: none).
   */
  statusCode = -1;
  channelCode = -1;
  /**
   * The customer id's key in the batcher's customer interner, when the batch
   * carries keys instead of customer text (CustomerIndex); else -1.
   */
  customerKey = -1;
  /** Whether the reader set the hints above (the byte reader does; the batcher fills them in otherwise). */
  hinted = false;
  /** Byte reader only: when set, every text field is a range of these UTF-8 bytes, not of `text`. */
  bytes: Uint8Array | null = null;

  /** Sets text field f to `text[start, end)` (end < 0: blank). */
  set(f: number, text: string, start: number, end: number): void {
    this.text[f] = text;
    this.start[f] = start;
    this.end[f] = end;
  }

  /** Fills the line from a decoded row (the general reader). */
  fromRow(row: Row): this {
    this.hinted = false;
    this.bytes = null;
    this.idOrder = 0;
    this.statusCode = -1;
    this.channelCode = -1;
    this.customerKey = -1;
    this.line = row.line;
    this.time = row.time;
    this.amount = row.amount;
    this.whole(ID, row.orderId);
    this.whole(CUSTOMER, row.customerId);
    this.whole(CHANNEL, row.channel);
    this.whole(STATUS, row.status);
    return this;
  }

  private whole(f: number, value: string | null): void {
    this.set(f, value ?? '', 0, value === null ? -1 : value.length);
  }
}
