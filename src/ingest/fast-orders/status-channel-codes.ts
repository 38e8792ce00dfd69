/**
 * Small-set codes for byte ranges (the status and channel values of the
 * orders fast path): equal bytes, equal code, 0, 1, 2, … in order of first
 * sight, from a tiny open-addressing table that stays in cache.
 */
import { finishHash, FNV_OFFSET, fnvStep, grow } from '../hash-tables.js';

/** Codes given; a value after this many distinct ones gets none (-1). */
export const MAX_BYTE_CODES = 1024;
const SLOTS = 4096;

export class StatusChannelCodes {
  /** A guess by (length, first byte, last byte), checked before hashing: a column's few values mostly differ there. */
  private readonly quick = new Int32Array(256).fill(-1);
  private readonly table = new Int32Array(SLOTS).fill(-1);
  private readonly start = new Int32Array(MAX_BYTE_CODES);
  private readonly length = new Int32Array(MAX_BYTE_CODES);
  private bytes = new Uint8Array(4096);
  private used = 0;
  private count = 0;

  /** The code of `b[s, e)` (e > s), or -1 when MAX_BYTE_CODES values have codes and this is a new one. */
  code(b: Uint8Array, s: number, e: number): number {
    const q = ((e - s) * 37 + b[s]! * 11 + b[e - 1]!) & 255;
    const guess = this.quick[q]!;
    if (guess >= 0 && this.equals(guess, b, s, e)) return guess;
    const c = this.lookup(b, s, e);
    this.quick[q] = c;
    return c;
  }

  private lookup(b: Uint8Array, s: number, e: number): number {
    let h = FNV_OFFSET;
    for (let i = s; i < e; i++) h = fnvStep(h, b[i]!);
    let slot = finishHash(h) & (SLOTS - 1);
    for (;;) {
      const c = this.table[slot]!;
      if (c < 0) return this.add(slot, b, s, e);
      if (this.equals(c, b, s, e)) return c;
      slot = (slot + 1) & (SLOTS - 1);
    }
  }

  private equals(c: number, b: Uint8Array, s: number, e: number): boolean {
    const len = e - s;
    if (this.length[c] !== len) return false;
    const bytes = this.bytes;
    const p = this.start[c]! - s;
    for (let i = s; i < e; i++) if (bytes[p + i] !== b[i]) return false;
    return true;
  }

  private add(slot: number, b: Uint8Array, s: number, e: number): number {
    if (this.count === MAX_BYTE_CODES) return -1;
    const len = e - s;
    if (this.used + len > this.bytes.length) this.bytes = grow(this.bytes, this.used + len);
    this.bytes.set(b.subarray(s, e), this.used);
    const c = this.count++;
    this.start[c] = this.used;
    this.length[c] = len;
    this.used += len;
    this.table[slot] = c;
    return c;
  }
}
