/**
 * OrderLines packed in batches (for a trip between threads, thread-or-worker.ts): per line
 * its numbers and hints in typed arrays (transferred, not copied), and the
 * characters of the text fields the main thread will read, packed into bytes
 * (read back as strings of ~60 KB: latin1-pieces.ts). Text it will not read is left out: the id of a line
 * whose id equals the previous line's, a status or channel whose code it has
 * already been sent. A field with characters above U+00FF travels as a side
 * string; a field read from UTF-8 bytes is decoded here.
 */
import { Buffer } from 'node:buffer';
import { grow } from '../hash-tables.js';
import { Latin1Pieces } from './latin1-pieces.js';
import { Interner } from '../interner.js';
import { CHANNEL, CUSTOMER, GREATER_ID, ID, OrderLine, SAME_ID, STATUS, TEXT_FIELDS } from './order-line.js';
import { MAX_BYTE_CODES } from './status-channel-codes.js';

/**
 * Ints per line: line, then (source, start, end) for id, customer, channel,
 * status (source -1 = the batch text, k ≥ 0 = side string k; end -1 = blank;
 * start = end = 0 with source -1: present but not sent), then idOrder,
 * statusCode, channelCode, the number of bare continuation lines that follow
 * it (see `bare`), and the customer id's key (-1: none, or sent as text).
 */
const INTS = 18;
/** Distinct status or channel values given codes here; values past this many go uncoded. */
const MAX_CODES = 4096;
/** Codes given here start after the byte reader's (StatusChannelCodes). */
const CODE_BASE = MAX_BYTE_CODES;
/** Floats per line: time, amount. */
const FLOATS = 2;

export interface LineBatch {
  /** The packed characters, one byte each (latin1): decoded by the receiving thread (forEachOrderLine). */
  chars: Uint8Array;
  /** Entries (a line and the bare continuation lines it stands for). */
  count: number;
  /** Lines in all. */
  lines: number;
  ints: Int32Array;
  floats: Float64Array;
  strings: string[];
  /** Bytes of the input read when the batch was sent (for progress). */
  bytesRead: number;
}

/**
 * Arrays of consumed batches, for the next batches of this thread (a batch's
 * arrays are 1.5 MB: allocating them afresh for every batch cost more than
 * reading its lines into them). At most SPARE are kept.
 */
const spare: { ints: Int32Array; floats: Float64Array; chars: Uint8Array }[] = [];
const SPARE = 4;

/** Hands a consumed batch's arrays back for later batches of this thread (the batch is unusable afterwards). */
export function recycleBatch(b: Pick<LineBatch, 'ints' | 'floats' | 'chars'>): void {
  if (spare.length >= SPARE) return;
  spare.push({ ints: new Int32Array(b.ints.buffer as ArrayBuffer), floats: new Float64Array(b.floats.buffer as ArrayBuffer), chars: new Uint8Array(b.chars.buffer as ArrayBuffer) });
}

/**
 * The characters of a batch's text fields: one byte a character (latin1), and
 * side strings for fields with a character above U+00FF.
 */
class CharPack {
  private chars: Uint8Array = new Uint8Array(1 << 16);
  private used = 0;
  strings: string[] = [];

  /** Packs text field f of the line at ints[at …] as (source, start, end). */
  field(ints: Int32Array, at: number, l: OrderLine, f: number): void {
    const start = l.start[f]!;
    const end = l.end[f]!;
    const bytes = l.bytes;
    if (bytes === null) return this.chars8(ints, at, l.text[f]!, start, end);
    const len = end - start;
    const chars = this.room(len);
    const from = this.used;
    let high = 0;
    for (let i = 0; i < len; i++) high |= chars[from + i] = bytes[start + i]!;
    if (high < 128) return this.packed(ints, at, len);
    // UTF-8 beyond ASCII: its characters, as a line read from text would carry them.
    this.chars8(ints, at, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8', start, end));
  }

  /** Packs `text[start, end)` at ints[at …]: one byte a character, or a side string when a character is above U+00FF. */
  private chars8(ints: Int32Array, at: number, text: string, start = 0, end = text.length): void {
    const len = end - start;
    const chars = this.room(len);
    const from = this.used;
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(start + i);
      if (c > 255) {
        ints[at] = this.strings.push(text.slice(start, end)) - 1;
        ints[at + 1] = 0;
        ints[at + 2] = len;
        return;
      }
      chars[from + i] = c;
    }
    this.packed(ints, at, len);
  }

  /** The characters, with room for `len` more after `used`. */
  private room(len: number): Uint8Array {
    if (this.used + len > this.chars.length) this.chars = grow(this.chars, this.used + len);
    return this.chars;
  }

  /** Keeps the `len` characters just written after `used`, and points ints[at …] at them. */
  private packed(ints: Int32Array, at: number, len: number): void {
    const from = this.used;
    this.used = from + len;
    ints[at] = -1;
    ints[at + 1] = from;
    ints[at + 2] = from + len;
  }

  /** The packed characters, as strings of a piece at a time. */
  pieces(): Latin1Pieces {
    return new Latin1Pieces(this.chars.subarray(0, this.used));
  }

  reset(): void {
    this.used = 0;
    this.strings = [];
  }

  /** The packed characters, for sending (their buffer is transferred): packing goes on in `next`. */
  take(next: Uint8Array | undefined): Uint8Array {
    const out = this.chars.subarray(0, this.used);
    this.chars = next !== undefined && next.length >= this.chars.length ? next : new Uint8Array(this.chars.length);
    this.used = 0;
    return out;
  }
}

export class LineBatcher {
  private count = 0;
  private lines = 0;
  private ints: Int32Array;
  private floats: Float64Array;
  /** The batch text being packed. */
  private readonly pack = new CharPack();
  /** The customer ids of the batch, when they are interned here (not sent). */
  private readonly customerPack: CharPack | null;
  /** The previous line's id (for OrderLine.idOrder); end < 0 when blank or none. */
  private prevIdText = '';
  private prevIdBytes: Uint8Array | null = null;
  private prevIdStart = 0;
  private prevIdEnd = -1;
  private readonly statusCodes = new Interner();
  private readonly channelCodes = new Interner();
  /** Per status / channel code: 1 once its text was sent. */
  private readonly statusSent = new Uint8Array(CODE_BASE + MAX_CODES);
  private readonly channelSent = new Uint8Array(CODE_BASE + MAX_CODES);

  /**
   * @param customers when given, customer ids are interned here and lines carry
   *   their keys (OrderLine.customerKey) instead of their text
   */
  constructor(
    private readonly send: (batch: LineBatch) => void,
    private readonly customers: Interner | null = null,
    private readonly capacity = 16_384,
  ) {
    this.ints = new Int32Array(capacity * INTS);
    this.floats = new Float64Array(capacity * FLOATS);
    this.customerPack = customers === null ? null : new CharPack();
  }

  add(l: OrderLine, bytesRead: number): void {
    this.lines++;
    const order = l.hinted ? this.follow(l) : this.idOrder(l);
    const ints = this.ints;
    if (order === SAME_ID && this.count > 0 && bare(l)) {
      const at = (this.count - 1) * INTS;
      if (l.line === ints[at]! + ints[at + 16]! + 1) {
        ints[at + 16]!++;
        return;
      }
    }
    const status = l.hinted ? l.statusCode : code(this.statusCodes, l, STATUS);
    const channel = l.hinted ? l.channelCode : code(this.channelCodes, l, CHANNEL);
    const i = this.count++;
    const b = i * INTS;
    ints[b] = l.line;
    this.field(b + 1, l, ID, order !== SAME_ID);
    // Customer ids to intern here are packed apart (flush interns them); the others travel as text.
    if (this.customerPack !== null && l.end[CUSTOMER]! >= 0) this.customerPack.field(ints, b + 4, l, CUSTOMER);
    else this.field(b + 4, l, CUSTOMER, true);
    this.field(b + 7, l, CHANNEL, channel < 0 || firstSight(this.channelSent, channel));
    this.field(b + 10, l, STATUS, status < 0 || firstSight(this.statusSent, status));
    ints[b + 13] = order;
    ints[b + 14] = status;
    ints[b + 15] = channel;
    ints[b + 16] = 0;
    ints[b + 17] = -1;
    this.floats[i * FLOATS] = l.time;
    this.floats[i * FLOATS + 1] = l.amount;
    if (this.count === this.capacity) this.flush(bytesRead);
  }

  /** The line's own idOrder (a byte line); its id becomes the previous. */
  private follow(l: OrderLine): number {
    this.prevIdText = '';
    this.prevIdBytes = l.bytes;
    this.prevIdStart = l.start[ID]!;
    this.prevIdEnd = l.end[ID]!;
    return l.idOrder;
  }

  /** SAME_ID or GREATER_ID when the line's id equals or exceeds the previous line's, else 0. */
  private idOrder(l: OrderLine): number {
    const text = l.text[ID]!;
    const start = l.start[ID]!;
    const end = l.end[ID]!;
    const prev = this.prevIdText;
    const prevBytes = this.prevIdBytes;
    const pStart = this.prevIdStart;
    const pEnd = this.prevIdEnd;
    this.prevIdText = text;
    this.prevIdBytes = null;
    this.prevIdStart = start;
    this.prevIdEnd = end;
    if (end < 0 || pEnd < 0) return 0;
    const n = Math.min(end - start, pEnd - pStart);
    for (let i = 0; i < n; i++) {
      const a = text.charCodeAt(start + i);
      const b = prevBytes === null ? prev.charCodeAt(pStart + i) : prevBytes[pStart + i]!;
      // UTF-8 bytes past ASCII are not code units: no hint.
      if (prevBytes !== null && b > 127) return 0;
      if (a !== b) return a > b ? GREATER_ID : 0;
    }
    const d = end - start - (pEnd - pStart);
    return d === 0 ? SAME_ID : d > 0 ? GREATER_ID : 0;
  }

  /** Packs text field f of the line at ints[at …]: its characters when `send`, else only whether it is blank. */
  private field(at: number, l: OrderLine, f: number, send: boolean): void {
    const ints = this.ints;
    const end = l.end[f]!;
    if (end < 0 || !send) {
      ints[at] = -1;
      ints[at + 1] = 0;
      ints[at + 2] = end < 0 ? -1 : 0;
      return;
    }
    this.pack.field(ints, at, l, f);
  }

  /** Interns the customer ids packed apart; each such line then carries its key and "present, not sent". */
  private internCustomers(): void {
    const customers = this.customers!;
    const pack = this.customerPack!;
    const pieces = pack.pieces();
    const { ints, count } = this;
    for (let i = 0, at = 4; i < count; i++, at += INTS) {
      const source = ints[at]!;
      const start = ints[at + 1]!;
      const end = ints[at + 2]!;
      if (end < 0) continue; // blank
      if (source >= 0) ints[at + 13] = customers.intern(pack.strings[source]!, start, end);
      else {
        pieces.cover(start, end);
        ints[at + 13] = customers.intern(pieces.text, start - pieces.from, end - pieces.from);
      }
      ints[at] = -1;
      ints[at + 1] = 0;
      ints[at + 2] = 0;
    }
    pack.reset();
  }

  /** Sends what is batched (nothing when empty). */
  flush(bytesRead: number): void {
    if (this.count === 0) return;
    if (this.customers !== null) this.internCustomers();
    const before = spare.pop();
    this.send({
      chars: this.pack.take(before?.chars),
      count: this.count,
      lines: this.lines,
      ints: this.ints.subarray(0, this.count * INTS),
      floats: this.floats.subarray(0, this.count * FLOATS),
      strings: this.pack.strings,
      bytesRead,
    });
    // The arrays were transferred: start new ones, or reuse a consumed batch's
    // (in this thread, `send` consumed and recycled the batch just sent).
    const next = spare.pop() ?? before;
    const n = this.capacity;
    this.ints = next !== undefined && next.ints.length === n * INTS ? next.ints : new Int32Array(n * INTS);
    this.floats = next !== undefined && next.floats.length === n * FLOATS ? next.floats : new Float64Array(n * FLOATS);
    this.pack.reset();
    this.count = 0;
    this.lines = 0;
  }
}

/** Whether code c is seen for the first time (and marks it seen). */
function firstSight(sent: Uint8Array, c: number): boolean {
  if (sent[c] === 1) return false;
  sent[c] = 1;
  return true;
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
  const k = codes.size < MAX_CODES ? codes.intern(l.text[f]!, l.start[f]!, end) : codes.find(l.text[f]!, l.start[f]!, end);
  return k < 0 ? -1 : CODE_BASE + k;
}

/**
 * Calls `fn` with each line of a batch, in order, reusing one OrderLine; after
 * a line followed by bare continuation lines, `bare(n, line)` for the n of
 * them, at lines line … line + n − 1 (each has the same id as the line before).
 */
export function forEachOrderLine(b: LineBatch, fn: (l: OrderLine) => void, bare: (n: number, line: number) => void): void {
  const l = new OrderLine();
  const { ints, floats, chars, strings } = b;
  const pieces = new Latin1Pieces(chars);
  const { text: lineText, start: lineStart, end: lineEnd } = l;
  for (let i = 0; i < b.count; i++) {
    const at = i * INTS;
    l.line = ints[at]!;
    for (let f = 0, p = at + 1; f < TEXT_FIELDS; f++, p += 3) {
      const k = ints[p]!;
      const start = ints[p + 1]!;
      const end = ints[p + 2]!;
      if (k >= 0) {
        lineText[f] = strings[k]!;
        lineStart[f] = start;
        lineEnd[f] = end;
      } else if (end > start) {
        pieces.cover(start, end);
        lineText[f] = pieces.text;
        lineStart[f] = start - pieces.from;
        lineEnd[f] = end - pieces.from;
      } else {
        // Blank (end -1) or present but not sent (0, 0): no characters to read.
        lineText[f] = '';
        lineStart[f] = start;
        lineEnd[f] = end;
      }
    }
    l.idOrder = ints[at + 13]!;
    l.statusCode = ints[at + 14]!;
    l.channelCode = ints[at + 15]!;
    l.customerKey = ints[at + 17]!;
    l.time = floats[i * FLOATS]!;
    l.amount = floats[i * FLOATS + 1]!;
    fn(l);
    const n = ints[at + 16]!;
    if (n > 0) bare(n, l.line + 1);
  }
}
