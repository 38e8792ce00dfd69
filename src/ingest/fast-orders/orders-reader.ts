/**
 * The orders fast path's reader: takes the bytes of an orders file's body
 * line by line (ByteLinesReader) and hands each line on as an OrderLine,
 * whether the LineReader read it from the bytes or the general decoder
 * (`RowDecoder.push`) from its cells. Both end as an OrderLine for the
 * DatasetBuilder, so the Dataset is the same either way
 * (test/properties/orders-fast-path.test.ts).
 *
 * Besides the line, a byte-read line carries hints for the batches
 * (line-batches.ts): how its order id compares with the previous line's, and
 * codes for its status and channel values.
 */
import { CHANNEL, GREATER_ID, ID, OrderLine, SAME_ID, STATUS } from './order-line.js';
import { StatusChannelCodes } from './status-channel-codes.js';
import { lineRevenue, type Row, type RowDecoder } from '../decode.js';
import { ByteLinesReader } from './byte-lines-reader.js';

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

export class OrdersReader extends ByteLinesReader {
  private readonly fromRow = new OrderLine();
  private readonly ready: Row[] = [];
  private readonly fromLineItems: boolean;
  private readonly statusCodes = new StatusChannelCodes();
  private readonly channelCodes = new StatusChannelCodes();
  /** The previous line's id, when it was read from these bytes (buffer null: it was not). */
  private prevIdBuf: Uint8Array | null = null;
  private prevIdStart = 0;
  private prevIdEnd = -1;

  constructor(
    dec: RowDecoder,
    private readonly emit: OrderLineSink,
    delimiter: string,
    name: string,
  ) {
    super(dec, delimiter, name);
    this.fromLineItems = dec.mapping.revenueFromLineItems;
  }

  /** Hands on the line the LineReader just read, with its hints. */
  protected emitBytes(b: Uint8Array, lineNo: number): void {
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

  /** A line through the general decoder. */
  protected general(line: number, cells: string[]): void {
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
