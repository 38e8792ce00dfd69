/**
 * The keys of an Interner, k = 0, 1, 2, …: their code units in one byte arena,
 * found through `meta` (see interned-keys.ts for the layout, which crosses
 * threads as KeyBytes). A key whose code units are all < 256 is stored one
 * byte a unit, any other two bytes a unit; a UUID (8-4-4-4-12 hex digits, all
 * lower case or all upper case) as its 16 bytes — 36 characters in 16 bytes.
 *
 * Why UUIDs get their own form: exports with random order ids are common, and
 * at 10M orders 36 bytes a key is 360 MB of arena. On these machines a first
 * touch of memory costs ~3 ms a MB (docs/performance.md), so 200 MB less is
 * time as well as memory.
 */
import { grow } from './hash-tables.js';
import { UUID_LENGTH, UUID_UNIT_NIBBLE, uuidUnit, type KeyBytes } from './interned-keys.js';

const DASH = 45;

export class KeyArena {
  arena = new Uint8Array(1 << 12);
  used = 0;
  /**
   * Per key k, side by side (one cache line on a lookup): meta[2k] its arena
   * offset, meta[2k + 1] its form (interned-keys.ts).
   */
  meta = new Int32Array(512);
  count = 0;

  /** Makes room for `keys` keys in all, at the bytes a key so far took on average. */
  reserve(keys: number): void {
    if (2 * keys > this.meta.length) this.meta = grow(this.meta, 2 * keys, true);
    const bytes = Math.ceil((this.used / Math.max(1, this.count)) * keys * 1.05);
    if (bytes > this.arena.length) this.arena = grow(this.arena, bytes, true);
  }

  keyBytes(): KeyBytes {
    return { arena: this.arena.subarray(0, this.used), meta: this.meta.subarray(0, 2 * this.count) };
  }

  /** Appends `text[start, end)` as key `count`; returns it. */
  add(text: string, start: number, end: number): number {
    const k = this.count++;
    if (2 * k + 1 >= this.meta.length) this.meta = grow(this.meta, 2 * k + 2);
    const len = end - start;
    // Room for two bytes a unit, so one pass copies and finds out whether the key is narrow.
    if (this.used + 2 * len > this.arena.length) this.arena = grow(this.arena, this.used + 2 * len);
    const arena = this.arena;
    const from = this.used;
    this.meta[2 * k] = from;
    if (len === UUID_LENGTH) {
      const form = packUuid(text, start, arena, from);
      if (form !== 0) {
        this.meta[2 * k + 1] = form;
        this.used = from + 16;
        return k;
      }
    }
    let p = from;
    let wide = false;
    for (let i = start; i < end; i++, p++) {
      const c = text.charCodeAt(i);
      if (c > 255) {
        wide = true;
        break;
      }
      arena[p] = c;
    }
    if (wide) {
      p = from;
      for (let i = start; i < end; i++, p += 2) {
        const c = text.charCodeAt(i);
        arena[p] = c & 255;
        arena[p + 1] = c >>> 8;
      }
    }
    this.meta[2 * k + 1] = len * 2 + (wide ? 1 : 0);
    this.used = p;
    return k;
  }

  /** Whether key k is `text[start, end)`, code unit for code unit. */
  equals(k: number, text: string, start: number, end: number): boolean {
    const form = this.meta[2 * k + 1]!;
    const len = end - start;
    const arena = this.arena;
    let p = this.meta[2 * k]!;
    if (form < 0) return len === UUID_LENGTH && uuidEquals(arena, p, form, text, start);
    if (form >>> 1 !== len) return false;
    if ((form & 1) === 0) {
      for (let i = start; i < end; i++, p++) if (text.charCodeAt(i) !== arena[p]) return false;
    } else {
      for (let i = start; i < end; i++, p += 2) if (text.charCodeAt(i) !== (arena[p]! | (arena[p + 1]! << 8))) return false;
    }
    return true;
  }

  /** Sign of `text[start, end)` compared with key k, by code units (as `<` on strings). */
  compare(text: string, start: number, end: number, k: number): number {
    const form = this.meta[2 * k + 1]!;
    const arena = this.arena;
    const p0 = this.meta[2 * k]!;
    if (form < 0) return compareUuid(text, start, end, arena, p0, form);
    const klen = form >>> 1;
    const wide = (form & 1) === 1;
    const n = Math.min(klen, end - start);
    for (let i = 0; i < n; i++) {
      const a = text.charCodeAt(start + i);
      const b = wide ? arena[p0 + 2 * i]! | (arena[p0 + 2 * i + 1]! << 8) : arena[p0 + i]!;
      if (a !== b) return a - b;
    }
    return end - start - klen;
  }
}

/** Per code unit < 128: its hex digit value in either case / in lower case / in upper case, else -1. */
const HEX_ANY = hexTable('0123456789abcdefABCDEF');
const HEX_LOWER = hexTable('0123456789abcdef');
const HEX_UPPER = hexTable('0123456789ABCDEF');
/** Per code unit < 128: 1 for a-f, 2 for A-F, else 0. */
const LETTER_CASE = Uint8Array.from({ length: 128 }, (_, c) => (c >= 97 && c <= 102 ? 1 : c >= 65 && c <= 70 ? 2 : 0));
/** The units of a UUID that hold its 32 hex digits, in order. */
const DIGIT_UNITS = Uint8Array.from({ length: UUID_LENGTH }, (_, i) => i).filter((i) => UUID_UNIT_NIBBLE[i]! >= 0);

function hexTable(digits: string): Int8Array {
  const t = new Int8Array(128).fill(-1);
  for (const c of digits) t[c.charCodeAt(0)] = parseInt(c, 16);
  return t;
}

function hasUuidDashes(text: string, start: number): boolean {
  return text.charCodeAt(start + 8) === DASH && text.charCodeAt(start + 13) === DASH && text.charCodeAt(start + 18) === DASH && text.charCodeAt(start + 23) === DASH;
}

/** The hex value of unit c in `table`, or -1 (also for units ≥ 128). */
function hexOf(table: Int8Array, c: number): number {
  return c < 128 ? table[c]! : -1;
}

/**
 * Packs the 36 units at `text[start]` into arena[at, at + 16) when they are a
 * UUID in one case; returns its form (-1 lower, -3 upper case:
 * interned-keys.ts), or 0 when they are not (the bytes written are then junk
 * the caller overwrites).
 */
function packUuid(text: string, start: number, arena: Uint8Array, at: number): number {
  if (!hasUuidDashes(text, start)) return 0;
  let cases = 0;
  for (let j = 0; j < 16; j++) {
    const a = text.charCodeAt(start + DIGIT_UNITS[2 * j]!);
    const b = text.charCodeAt(start + DIGIT_UNITS[2 * j + 1]!);
    const hi = hexOf(HEX_ANY, a);
    const lo = hexOf(HEX_ANY, b);
    if ((hi | lo) < 0) return 0;
    cases |= LETTER_CASE[a]! | LETTER_CASE[b]!;
    arena[at + j] = (hi << 4) | lo;
  }
  return cases === 3 ? 0 : cases === 2 ? -3 : -1;
}

/** Whether `text[start, start + 36)` is the packed UUID at arena[p] of this form, unit for unit (so in its case). */
function uuidEquals(arena: Uint8Array, p: number, form: number, text: string, start: number): boolean {
  if (!hasUuidDashes(text, start)) return false;
  const table = form === -1 ? HEX_LOWER : HEX_UPPER;
  for (let j = 0; j < 16; j++) {
    const hi = hexOf(table, text.charCodeAt(start + DIGIT_UNITS[2 * j]!));
    const lo = hexOf(table, text.charCodeAt(start + DIGIT_UNITS[2 * j + 1]!));
    // A unit that is no digit of this case gives -1, and so a negative value no byte equals.
    if (((hi << 4) | lo) !== arena[p + j]) return false;
  }
  return true;
}

/** Sign of `text[start, end)` compared with the packed UUID at arena[p] (form -1 or -3). */
function compareUuid(text: string, start: number, end: number, arena: Uint8Array, p: number, form: number): number {
  const n = Math.min(UUID_LENGTH, end - start);
  for (let i = 0; i < n; i++) {
    const unit = uuidUnit(arena, p, form, i);
    const a = text.charCodeAt(start + i);
    if (a !== unit) return a - unit;
  }
  return end - start - UUID_LENGTH;
}
