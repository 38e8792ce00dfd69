/**
 * Counter keys: the order ids of most exports are a fixed prefix plus an
 * increasing integer — `1, 2, …, 10000000` (auto-increment), `#1001`
 * (Shopify), `ORD-000042` (zero-padded to a fixed width). While every key has
 * that shape, the Interner keeps just the integers, in increasing order: a new
 * id costs parsing its digits and one comparison with the last, a repeat or an
 * earlier id a binary search — no hash, no key bytes.
 *
 * A shape is a prefix (everything before the key's last run of digits) and a
 * width: 0 for plain integers (no leading zero, as `String(n)` writes them),
 * or the digit count of zero-padded ones. A range "has the shape" only when it
 * is exactly `prefix + digits` written that way, so shape and integer give
 * back the key's code units one to one: two ranges with the same integer are
 * the same key. At most 15 digits (below 2^53, exact in a double); longer
 * ids, other prefixes, other paddings and decreasing integers are not
 * counters, and the Interner moves its keys to its general (hashed) form.
 *
 * Only the order in which ids are *interned* uses the integers; order ids are
 * still compared as code-point strings where the spec compares them (the
 * acquisition tie-break reads them back with `key`).
 */

const MAX_DIGITS = 15;
const ZERO = 48;
const NINE = 57;

export class CounterKeys {
  private values = new Float64Array(1024);
  /** The largest integer so far (that of the last key). */
  last = -1;

  private constructor(
    private readonly prefix: string,
    private readonly width: number,
  ) {}

  /** The shape of `text[start, end)`, or null when the key does not end in 1–15 digits. */
  static of(text: string, start: number, end: number): CounterKeys | null {
    let d = end;
    while (d > start && isDigit(text.charCodeAt(d - 1))) d--;
    const digits = end - d;
    if (digits === 0 || digits > MAX_DIGITS) return null;
    const padded = digits > 1 && text.charCodeAt(d) === ZERO;
    return new CounterKeys(text.slice(start, d), padded ? digits : 0);
  }

  /** The integer of `text[start, end)` when it has this shape, else -1. */
  parse(text: string, start: number, end: number): number {
    const prefix = this.prefix;
    const p = prefix.length;
    const digits = end - start - p;
    if (digits <= 0 || digits > MAX_DIGITS) return -1;
    if (this.width > 0 ? digits !== this.width : digits > 1 && text.charCodeAt(start + p) === ZERO) return -1;
    for (let i = 0; i < p; i++) if (text.charCodeAt(start + i) !== prefix.charCodeAt(i)) return -1;
    let n = 0;
    for (let i = start + p; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c < ZERO || c > NINE) return -1;
      n = n * 10 + (c - ZERO);
    }
    return n;
  }

  /** Records key k's integer (k = the number of keys so far; n > last). */
  push(k: number, n: number): void {
    if (k >= this.values.length) {
      const next = new Float64Array(Math.max(k + 1, this.values.length + (this.values.length >>> 1)));
      next.set(this.values);
      this.values = next;
    }
    this.values[k] = n;
    this.last = n;
  }

  /** Room for `keys` keys without further growth steps. */
  reserve(keys: number): void {
    if (keys <= this.values.length) return;
    const next = new Float64Array(keys);
    next.set(this.values);
    this.values = next;
  }

  /** The key (of the first `count`) whose integer is n, or -1: a binary search (the integers increase). */
  indexOf(n: number, count: number): number {
    const values = this.values;
    let lo = 0;
    let hi = count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = values[mid]!;
      if (v === n) return mid;
      if (v < n) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Key k as a string. */
  key(k: number): string {
    return this.format(this.values[k]!);
  }

  /** Key lookup for after the last intern (keeps only the integers of the first `count` keys). */
  keys(count: number): (k: number) => string {
    const values = this.values.subarray(0, count);
    return (k) => this.format(values[k]!);
  }

  private format(n: number): string {
    const digits = String(n);
    return this.prefix + (this.width > 0 ? digits.padStart(this.width, '0') : digits);
  }
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}
