/**
 * The packed characters of a batch (one byte a character, latin1) as strings
 * of at most ~64 KB each, made as the reader moves forward through them.
 *
 * Why pieces and not one string a batch: a string over 128 KB is a V8 "large
 * object", which gets freshly mapped memory of its own, and first touches of
 * memory are what this kind of machine is slowest at (~3 ms a MB, seen in
 * docs/performance.md). 37 MB of UUID order ids in 600 KB batch strings cost
 * ~150 ms on the main thread; the same characters in 60 KB pieces, which live
 * in the young generation and reuse its pages, ~3 ms.
 */
import { Buffer } from 'node:buffer';

/** The length a piece is cut to (below V8's 128 KB large-object size, with room for a field that runs past it). */
const PIECE = 60 * 1024;

export class Latin1Pieces {
  private readonly buf: Buffer;
  /** The current piece: `text` holds the characters of [from, to). */
  text = '';
  from = 0;
  private to = 0;

  constructor(chars: Uint8Array) {
    this.buf = Buffer.from(chars.buffer, chars.byteOffset, chars.length);
  }

  /**
   * Makes the current piece cover the characters [start, end) (ranges asked
   * for in increasing order cost one string per ~60 KB); afterwards the range
   * is `text[start - from, end - from)`.
   */
  cover(start: number, end: number): void {
    if (start >= this.from && end <= this.to) return;
    const to = Math.min(this.buf.length, Math.max(end, start + PIECE));
    this.text = this.buf.toString('latin1', start, to);
    this.from = start;
    this.to = to;
  }
}
