/**
 * Interns text keys (order ids, customer ids, raw channel and status values)
 * to dense integers 0, 1, 2, … in order of first sight, without a JS string or
 * a `Map` entry per key: keys are copied into one byte arena and found through
 * an open-addressing table of (hash, key) pairs in an Int32Array.
 *
 * Keys are given as a range of a string (`text[start, end)`), so the reader can
 * intern a field straight out of the decoded chunk without slicing it. Two
 * ranges are the same key exactly when their UTF-16 code units are equal.
 * A key whose code units are all < 256 is stored as one byte per unit; any
 * other key as two bytes per unit.
 *
 * Memory per key: its bytes + 8 (offset, length) + 16 (table slot pair at a
 * load factor ≤ ½). `Map<string, number>` costs ~80 bytes plus the string.
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

export class Interner {
  /**
   * Sorted mode: while keys arrive in increasing order (order ids of most
   * exports), a new key is appended after one comparison with the last, and
   * there is no hash table at all; an earlier key is found by binary search.
   * The first key out of order builds the table and the interner stays hashed.
   */
  private sorted: boolean;
  /** The last key found or added (hashed mode): lines of one order are usually adjacent. */
  private lastHit = -1;
  private arena = new Uint8Array(1 << 12);
  private arenaUsed = 0;
  /**
   * Per key k, side by side (one cache line on a lookup): meta[2k] its arena
   * offset, meta[2k + 1] its code-unit length times 2, plus 1 when stored two
   * bytes per unit.
   */
  private meta = new Int32Array(512);
  /** Slot pairs: [hash, k + 1]; k + 1 === 0 marks an empty slot. */
  private table = new Int32Array(0);
  private mask = -1;
  private count = 0;

  /** @param opts.sorted start in sorted mode (for keys that usually arrive in increasing order). */
  constructor(opts: { sorted?: boolean } = {}) {
    this.sorted = opts.sorted === true;
    if (!this.sorted) this.allocateTable(512);
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.count;
  }

  /** The index of `text[start, end)`, adding the key when it is new. */
  intern(text: string, start: number, end: number): number {
    if (this.sorted) {
      const last = this.count - 1;
      const c = last < 0 ? 1 : this.compare(text, start, end, last);
      if (c > 0) return this.add(text, start, end);
      if (c === 0) return last;
      const k = this.search(text, start, end);
      if (k >= 0) return k;
      this.leaveSorted();
    }
    const hit = this.lastHit;
    if (hit >= 0 && this.equals(hit, text, start, end)) return hit;
    const h = hashRange(text, start, end);
    const table = this.table;
    let slot = h & this.mask;
    for (;;) {
      const k1 = table[slot * 2 + 1]!;
      if (k1 === 0) break;
      if (table[slot * 2] === h && this.equals(k1 - 1, text, start, end)) return (this.lastHit = k1 - 1);
      slot = (slot + 1) & this.mask;
    }
    const k = this.add(text, start, end);
    table[slot * 2] = h;
    table[slot * 2 + 1] = k + 1;
    if (this.count * 2 > this.mask + 1) this.rehash();
    return (this.lastHit = k);
  }

  /** Whether key k is `text[start, end)` (k may be -1: never). */
  is(k: number, text: string, start: number, end: number): boolean {
    return k >= 0 && this.equals(k, text, start, end);
  }

  /** The index of `text[start, end)`, or -1 when it was never interned. */
  find(text: string, start = 0, end = text.length): number {
    if (this.sorted) return this.search(text, start, end);
    const h = hashRange(text, start, end);
    const table = this.table;
    let slot = h & this.mask;
    for (;;) {
      const k1 = table[slot * 2 + 1]!;
      if (k1 === 0) return -1;
      if (table[slot * 2] === h && this.equals(k1 - 1, text, start, end)) return k1 - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Key k as a string. */
  key(k: number): string {
    return keyString(this.arena, this.meta, k);
  }

  /**
   * The keys alone, for after the last `intern`: a lookup from index to string
   * that keeps the arena but lets the hash table be collected (16 bytes a key).
   */
  keys(): (k: number) => string {
    const arena = this.arena.subarray(0, this.arenaUsed);
    const meta = this.meta.subarray(0, 2 * this.count);
    return (k) => keyString(arena, meta, k);
  }


  /** Sign of `text[start, end)` compared with key k, by code units (as `<` on strings). */
  private compare(text: string, start: number, end: number, k: number): number {
    const packed = this.meta[2 * k + 1]!;
    const klen = packed >>> 1;
    const wide = (packed & 1) === 1;
    const arena = this.arena;
    const p0 = this.meta[2 * k]!;
    const n = Math.min(klen, end - start);
    for (let i = 0; i < n; i++) {
      const a = text.charCodeAt(start + i);
      const b = wide ? arena[p0 + 2 * i]! | (arena[p0 + 2 * i + 1]! << 8) : arena[p0 + i]!;
      if (a !== b) return a - b;
    }
    return end - start - klen;
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

  /** Builds the hash table of every key so far; from now on the interner is hashed. */
  private leaveSorted(): void {
    this.sorted = false;
    let slots = 512;
    while (slots < this.count * 2 + 2) slots *= 2;
    this.allocateTable(slots);
    const table = this.table;
    const mask = this.mask;
    for (let k = 0; k < this.count; k++) {
      const h = hashRange(this.key(k), 0, this.meta[2 * k + 1]! >>> 1);
      let slot = h & mask;
      while (table[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
      table[slot * 2] = h;
      table[slot * 2 + 1] = k + 1;
    }
  }

  private allocateTable(slots: number): void {
    this.table = new Int32Array(slots * 2);
    this.mask = slots - 1;
  }

  private equals(k: number, text: string, start: number, end: number): boolean {
    const packed = this.meta[2 * k + 1]!;
    const len = end - start;
    if (packed >>> 1 !== len) return false;
    const arena = this.arena;
    let p = this.meta[2 * k]!;
    if ((packed & 1) === 0) {
      for (let i = start; i < end; i++, p++) if (text.charCodeAt(i) !== arena[p]) return false;
    } else {
      for (let i = start; i < end; i++, p += 2) if (text.charCodeAt(i) !== (arena[p]! | (arena[p + 1]! << 8))) return false;
    }
    return true;
  }

  private add(text: string, start: number, end: number): number {
    const k = this.count++;
    if (2 * k + 1 >= this.meta.length) this.meta = grow(this.meta, 2 * k + 2);
    const len = end - start;
    let wide = false;
    for (let i = start; i < end; i++) {
      if (text.charCodeAt(i) > 255) {
        wide = true;
        break;
      }
    }
    const bytes = wide ? len * 2 : len;
    if (this.arenaUsed + bytes > this.arena.length) this.arena = grow(this.arena, this.arenaUsed + bytes);
    const arena = this.arena;
    let p = this.arenaUsed;
    this.meta[2 * k] = p;
    this.meta[2 * k + 1] = len * 2 + (wide ? 1 : 0);
    if (wide) {
      for (let i = start; i < end; i++, p += 2) {
        const c = text.charCodeAt(i);
        arena[p] = c & 255;
        arena[p + 1] = c >>> 8;
      }
    } else {
      for (let i = start; i < end; i++, p++) arena[p] = text.charCodeAt(i);
    }
    this.arenaUsed = p;
    return k;
  }

  private rehash(): void {
    const old = this.table;
    const slots = (this.mask + 1) * 2;
    const table = new Int32Array(slots * 2);
    const mask = slots - 1;
    for (let i = 0; i < old.length; i += 2) {
      const k1 = old[i + 1]!;
      if (k1 === 0) continue;
      const h = old[i]!;
      let slot = h & mask;
      while (table[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
      table[slot * 2] = h;
      table[slot * 2 + 1] = k1;
    }
    this.table = table;
    this.mask = mask;
  }
}

function keyString(arena: Uint8Array, meta: Int32Array, k: number): string {
  const start = meta[2 * k]!;
  const packed = meta[2 * k + 1]!;
  const len = packed >>> 1;
  let s = '';
  if ((packed & 1) === 0) {
    for (let i = 0; i < len; i++) s += String.fromCharCode(arena[start + i]!);
  } else {
    for (let i = 0; i < len; i++) s += String.fromCharCode(arena[start + 2 * i]! | (arena[start + 2 * i + 1]! << 8));
  }
  return s;
}

/** FNV-1a over the code units of `text[start, end)`, finished with a murmur3 mix so the low bits spread. */
function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}

/** A typed array of the same kind, at least `min` long: grows by half, so a 10M-entry column copies ~80 MB, not 160. */
export function grow<T extends Int32Array | Uint8Array | Float64Array>(a: T, min: number): T {
  let n = Math.max(16, a.length + (a.length >>> 1));
  while (n < min) n += n >>> 1;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
