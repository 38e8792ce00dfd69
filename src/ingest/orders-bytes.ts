/**
 * The orders worker's reader: chunks that are all ASCII and hold no quote (most
 * chunks of most exports) are read as bytes by `OrdersLane.linesOfBytes` —
 * no UTF-8 decoding, no per-line string; any other chunk goes through the
 * text scanner (fast-csv.ts) exactly as on one thread, and the reader returns
 * to bytes at the first chunk that starts on a plain line again. Either way
 * the lane sees the same lines with the same numbers
 * (test/e2e/parallel-orders.test.ts compares worker and one-thread output).
 */
import { isAscii } from 'node:buffer';
import { TextScanner } from './fast-csv.js';
import type { OrdersLane } from './orders-lane.js';

const QUOTE = 34;
const LF = 10;

export interface ByteScanOptions {
  delimiter: string;
  /** File name for messages. */
  name: string;
  /** Line number of the first line of `chunks`. */
  firstLine: number;
  /** Largest record in bytes (a longer line is an InputError). */
  maxRecord: number;
}

/** Whether lines split on this delimiter can be read as bytes (one ASCII character, not a quote or line break). */
function byteDelimiter(delimiter: string): boolean {
  const c = delimiter.charCodeAt(0);
  return delimiter.length === 1 && c < 128 && c !== QUOTE && c !== LF && c !== 13;
}

/** Reads `chunks` (the body of an orders file) into `lane`, calling `afterChunk` after each chunk. */
export async function scanOrderBytes(
  chunks: AsyncIterable<Buffer>,
  lane: OrdersLane,
  o: ByteScanOptions,
  afterChunk: () => void,
): Promise<void> {
  const scanner = new TextScanner(o.delimiter, o.name, o.firstLine, o.maxRecord, { sink: lane });
  const bytesOk = byteDelimiter(o.delimiter);
  let line = o.firstLine;
  let textMode = !bytesOk;
  /** In byte mode: the start of a line not yet ended (ASCII, no quote). */
  let carry: Buffer | null = null;
  for await (const chunk of chunks) {
    const buf: Buffer = carry === null ? chunk : Buffer.concat([carry, chunk]);
    carry = null;
    if (!textMode && buf.indexOf(QUOTE) < 0 && isAscii(buf)) {
      const to = buf.lastIndexOf(LF) + 1;
      if (to > 0) line = lane.linesOfBytes(buf, 0, to, line);
      if (to < buf.length) carry = buf.subarray(to);
      // A line longer than a record may be: the text scanner reports it, as on one thread.
      if (carry !== null && carry.length > o.maxRecord) {
        scanner.line = line;
        scanner.append(carry);
        scanner.checkSize();
      }
    } else {
      if (!textMode) {
        scanner.line = line;
        textMode = true;
      }
      scanner.append(buf);
      scanner.drain(false);
      scanner.checkSize();
      const rest = bytesOk ? scanner.takePlainRest() : null;
      if (rest !== null) {
        textMode = false;
        line = scanner.line;
        carry = rest.length > 0 ? Buffer.from(rest, 'latin1') : null;
      }
    }
    afterChunk();
  }
  if (!textMode) {
    scanner.line = line;
    if (carry !== null) scanner.append(carry);
  }
  scanner.finish();
  scanner.drain(true);
}
