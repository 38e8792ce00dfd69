/**
 * The byte path for spend, traffic and NPS files: their lines read from the
 * bytes (ByteLinesReader, the loop and column readers the orders fast path
 * runs), each into the same `Row` the general decoder makes of its cells.
 * No line string, cell array or cell string per line: on a small file read
 * after the orders, the code is already compiled and warm. The builder takes
 * the rows as it takes the general decoder's, so the Dataset is the same
 * either way (test/properties/rows-fast-path.test.ts).
 */
import type { Buffer } from 'node:buffer';
import { CHANNEL, CUSTOMER } from './order-line.js';
import { StatusChannelCodes } from './status-channel-codes.js';
import { blankRow, type Row, type RowDecoder } from '../decode.js';
import { ByteLinesReader } from './byte-lines-reader.js';

/** Rows handed on at a time: a few at once, so that each is garbage before the next collection of the young generation (not copied by it). */
const BATCH_ROWS = 256;

export class RowsReader extends ByteLinesReader {
  /** Rows decoded and not yet handed on, in file order. */
  private ready: Row[] = [];
  /** Channel values by code: a file has few, read once each. */
  private readonly channelCodes = new StatusChannelCodes();
  private readonly channelText: string[] = [];

  constructor(
    dec: RowDecoder,
    delimiter: string,
    name: string,
    /** Where the rows go, in file order, a batch at a time. */
    private readonly sink: (rows: Row[]) => void,
  ) {
    super(dec, delimiter, name);
  }

  /** Hands on the rows decoded so far (none: nothing to do). */
  flush(): void {
    if (this.ready.length > 0) this.handOn();
  }

  private handOn(): void {
    const rows = this.ready;
    this.ready = [];
    this.sink(rows);
  }

  protected emitBytes(b: Buffer, lineNo: number): void {
    const { start, end } = this.line;
    const values = this.values;
    const row = blankRow(lineNo);
    row.time = values[0]!;
    row.amount = values[1]!;
    row.quantity = values[2]!;
    row.unitPrice = values[3]!;
    if (end[CUSTOMER]! >= 0) row.customerId = b.toString('utf8', start[CUSTOMER]!, end[CUSTOMER]!);
    if (end[CHANNEL]! >= 0) row.channel = this.channelOf(b, start[CHANNEL]!, end[CHANNEL]!);
    this.dec.stats.rowsRead++;
    if (this.ready.push(row) === BATCH_ROWS) this.flush();
  }

  private channelOf(b: Buffer, s: number, e: number): string {
    const code = this.channelCodes.code(b, s, e);
    if (code < 0) return b.toString('utf8', s, e);
    return (this.channelText[code] ??= b.toString('utf8', s, e));
  }

  protected general(line: number, cells: string[]): void {
    this.dec.push([{ line, cells }], this.ready);
    if (this.ready.length >= BATCH_ROWS) this.flush();
  }

  /** End of file: the rows held back and the last ones go on, even none (the builder then knows the role had an input). */
  finish(): void {
    this.dec.finish(this.ready);
    this.handOn();
  }
}
