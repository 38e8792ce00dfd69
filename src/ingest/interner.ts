/**
 * Interns text keys (order ids, customer ids, raw channel and status values)
 * to dense integers 0, 1, 2, … in order of first sight, without a JS string or
 * a `Map` entry per key: keys are copied into one byte arena and found through
 * an open-addressing table of (hash, key) pairs in an Int32Array.
 *
 * Keys are given as a range of a string (`text[start, end)`), so the reader can
 * intern a field straight out of the decoded chunk without slicing it. Two
 * ranges are the same key exactly when their UTF-16 code units are equal.
 * The keys themselves are kept by a KeyArena (key-arena.ts: one byte a unit,
 * two, or 16 bytes for a UUID).
 *
 * Memory per key: its bytes + 8 (offset, form) + 21–43 (table slots of 16
 * bytes at a load factor between ⅜ and ¾; none in sorted mode).
 * `Map<string, number>` costs ~80 bytes plus the string.
 */

import { CounterKeys } from './counter-keys.js';
import { finishHash, FNV_OFFSET, fnvStep, slotOf } from './hash-tables.js';
import { keyString, type KeyBytes } from './interned-keys.js';
import { KeyArena } from './key-arena.js';

export class Interner {
  /**
   * Sorted mode: while keys arrive in increasing order (order ids of most
   * exports), a new key is appended after one comparison with the last, and
   * there is no hash table at all; an earlier key is found by binary search.
   * The first key out of order builds the table and the interner stays hashed.
   */
  private sorted: boolean;
  /**
   * Counter mode (before sorted mode): while every key is one prefix plus an
   * increasing integer (see CounterKeys), only the integers are kept. Tried on
   * the first key of an interner made with `sorted`; the first key that is not
   * such a counter moves the keys into the arena and the hash table.
   */
  private counter: CounterKeys | null = null;
  private tryCounter: boolean;
  /**
   * The last range looked up in hashed mode and its key: lines of one order
   * are usually adjacent. Compared against the range itself, not the arena, so
   * a repeat costs no cache miss.
   */
  private lastText = '';
  private lastStart = 0;
  private lastEnd = -1;
  private lastKey = -1;
  private readonly arena = new KeyArena();
  /** Slots of four: [tag, k + 1, first 4 units, next 4 units]; k + 1 === 0 marks an empty slot. */
  private table = new Int32Array(0);
  private mask = -1;
  /** 32 − log2(slots), for slotOf. */
  private shift = 32;
  private count = 0;

  /** @param opts.sorted start in sorted mode (for keys that usually arrive in increasing order). */
  constructor(opts: { sorted?: boolean } = {}) {
    this.sorted = opts.sorted === true;
    this.tryCounter = this.sorted;
    if (!this.sorted) this.allocateTable(512);
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.count;
  }

  /** The index of `text[start, end)`, adding the key when it is new. */
  intern(text: string, start: number, end: number): number {
    if (this.counter !== null) {
      const c = this.counter;
      const n = c.parse(text, start, end);
      if (n > c.last) {
        c.push(this.count, n);
        return this.count++;
      }
      if (n >= 0) {
        if (n === c.last) return this.count - 1;
        const k = c.indexOf(n, this.count);
        if (k >= 0) return k;
      }
      this.leaveCounter();
    } else if (this.tryCounter) {
      this.tryCounter = false;
      this.counter = CounterKeys.of(text, start, end);
      if (this.counter !== null) return this.intern(text, start, end);
    }
    if (this.sorted) {
      const last = this.count - 1;
      const c = last < 0 ? 1 : this.compare(text, start, end, last);
      if (c > 0) return this.add(text, start, end);
      if (c === 0) return last;
      const k = this.search(text, start, end);
      if (k >= 0) return k;
      this.leaveSorted();
    }
    if (this.isLast(text, start, end)) return this.lastKey;
    const slot = this.probe(text, start, end);
    const table = this.table;
    const found = table[slot * 4 + 1]! - 1;
    if (found >= 0) return this.remember(text, start, end, found);
    const k = this.add(text, start, end);
    table[slot * 4] = qTag;
    table[slot * 4 + 1] = k + 1;
    table[slot * 4 + 2] = qP0;
    table[slot * 4 + 3] = qP1;
    // At most ¾ full: slots of 16 bytes hold four to a cache line, so probes stay short.
    if (this.count * 4 > (this.mask + 1) * 3) this.rehash();
    return this.remember(text, start, end, k);
  }

  /**
   * `intern` of a range the caller knows to be greater, by code units, than
   * key `than`: when that is the largest key of a sorted interner, the range
   * is appended without a comparison.
   */
  internAbove(text: string, start: number, end: number, than: number): number {
    if (this.sorted && this.counter === null && !this.tryCounter && than === this.count - 1) return this.add(text, start, end);
    return this.intern(text, start, end);
  }

  /** Whether `text[start, end)` equals the last range looked up (compared in the caller's text, which is in cache). */
  private isLast(text: string, start: number, end: number): boolean {
    const len = end - start;
    if (len !== this.lastEnd - this.lastStart) return false;
    const last = this.lastText;
    const d = this.lastStart - start;
    for (let i = start; i < end; i++) if (text.charCodeAt(i) !== last.charCodeAt(i + d)) return false;
    return true;
  }

  private remember(text: string, start: number, end: number, k: number): number {
    this.lastText = text;
    this.lastStart = start;
    this.lastEnd = end;
    this.lastKey = k;
    return k;
  }

  /**
   * The slot of `text[start, end)`: the slot holding it, or the empty slot
   * where it would go. Leaves the range's tag and inline words in qTag/qP0/qP1.
   * A key of at most 8 code units below 256 is compared within the slot, so a
   * lookup of such a key touches one cache line of the table and nothing else.
   */
  private probe(text: string, start: number, end: number): number {
    hashKey(text, start, end);
    const table = this.table;
    const mask = this.mask;
    const tag = qTag;
    let slot = slotOf(tag, this.shift);
    for (;;) {
      const base = slot * 4;
      if (table[base + 1] === 0) return slot;
      if (table[base] === tag) {
        if (qInline) {
          if (table[base + 2] === qP0 && table[base + 3] === qP1) return slot;
        } else if (this.arena.equals(table[base + 1]! - 1, text, start, end)) return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Makes room for `keys` keys in all, without a table rehash or index copy
   * on the way there (the reader's estimate from the share of the file read).
   */
  reserve(keys: number): void {
    if (keys <= this.count) return;
    if (this.counter !== null) return this.counter.reserve(keys);
    this.arena.reserve(keys);
    if (!this.sorted) {
      let slots = this.mask + 1;
      while (slots * 3 < keys * 4 + 4) slots *= 2;
      if (slots > this.mask + 1) this.rehashTo(slots);
    }
  }

  /** The index of `text[start, end)`, or -1 when it was never interned. */
  find(text: string, start = 0, end = text.length): number {
    if (this.counter !== null) {
      const n = this.counter.parse(text, start, end);
      return n < 0 ? -1 : this.counter.indexOf(n, this.count);
    }
    if (this.sorted) return this.search(text, start, end);
    return this.table[this.probe(text, start, end) * 4 + 1]! - 1;
  }

  /** Key k as a string. */
  key(k: number): string {
    if (this.counter !== null) return this.counter.key(k);
    return keyString(this.arena, k);
  }

  /**
   * The keys alone, for after the last `intern`: a lookup from index to string
   * that keeps the arena but lets the hash table be collected.
   */
  keys(): (k: number) => string {
    if (this.counter !== null) return this.counter.keys(this.count);
    const keys = this.keyBytes();
    return (k) => keyString(keys, k);
  }

  /** The keys as plain data (KeyBytes, for another thread); not in counter mode. */
  keyBytes(): KeyBytes {
    if (this.counter !== null) throw new Error('Interner.keyBytes: counter mode keeps no key bytes');
    return this.arena.keyBytes();
  }

  /** Sign of `text[start, end)` compared with key k, by code units (as `<` on strings). */
  private compare(text: string, start: number, end: number, k: number): number {
    return this.arena.compare(text, start, end, k);
  }

  /** Binary search of the sorted keys; -1 when absent. */
  private search(text: string, start: number, end: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compare(text, start, end, mid);
      if (c === 0) return mid;
      if (c > 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * Leaves counter mode: every key so far is written into the arena (in key
   * order), and the hash table is built; from now on the interner is hashed.
   */
  private leaveCounter(): void {
    const counter = this.counter!;
    this.counter = null;
    const n = this.count;
    this.count = 0;
    for (let k = 0; k < n; k++) {
      const key = counter.key(k);
      this.add(key, 0, key.length);
    }
    this.leaveSorted();
  }

  /** Builds the hash table of every key so far; from now on the interner is hashed. */
  private leaveSorted(): void {
    this.sorted = false;
    let slots = 512;
    while (slots * 3 < this.count * 4 + 4) slots *= 2;
    this.allocateTable(slots);
    for (let k = 0; k < this.count; k++) {
      const key = this.key(k);
      hashKey(key, 0, key.length);
      this.place(this.table, this.mask, qTag, k + 1, qP0, qP1);
    }
  }

  private allocateTable(slots: number): void {
    this.table = new Int32Array(slots * 4);
    this.mask = slots - 1;
    this.shift = 32 - Math.log2(slots);
  }

  /** Puts an entry in the first empty slot from its home slot. */
  private place(table: Int32Array, mask: number, tag: number, k1: number, p0: number, p1: number): void {
    let slot = slotOf(tag, this.shift);
    while (table[slot * 4 + 1] !== 0) slot = (slot + 1) & mask;
    table[slot * 4] = tag;
    table[slot * 4 + 1] = k1;
    table[slot * 4 + 2] = p0;
    table[slot * 4 + 3] = p1;
  }

  private add(text: string, start: number, end: number): number {
    this.count++;
    return this.arena.add(text, start, end);
  }

  private rehash(): void {
    this.rehashTo((this.mask + 1) * 2);
  }

  private rehashTo(slots: number): void {
    const old = this.table;
    this.allocateTable(slots);
    const table = this.table;
    const mask = this.mask;
    for (let i = 0; i < old.length; i += 4) {
      const k1 = old[i + 1]!;
      if (k1 !== 0) this.place(table, mask, old[i]!, k1, old[i + 2]!, old[i + 3]!);
    }
  }
}

// The last hashed range (set by hashKey; module scratch keeps lookups allocation-free).
let qTag = 0;
let qP0 = 0;
let qP1 = 0;
let qInline = false;

/**
 * Hashes `text[start, end)` (FNV-1a over code units, murmur3 finish) into qTag
 * = 24 hash bits and, in the low byte, the length when the key fits inline
 * (≤ 8 units, all < 256) or 255 when not; qP0/qP1 = the first 8 units, a byte each.
 */
function hashKey(text: string, start: number, end: number): void {
  let h = FNV_OFFSET;
  let p0 = 0;
  let p1 = 0;
  let narrow = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h = fnvStep(h, c);
    if (c > 255) narrow = false;
    const j = i - start;
    if (j < 4) p0 |= (c & 255) << (8 * j);
    else if (j < 8) p1 |= (c & 255) << (8 * (j - 4));
  }
  h = finishHash(h);
  const len = end - start;
  qInline = narrow && len <= 8;
  qTag = (h & ~0xff) | (qInline ? len : 255);
  qP0 = p0;
  qP1 = p1;
}
