/**
 * Customer ids → customer indices 0, 1, 2, … in order of first use by the
 * DatasetBuilder (an order's first line, or a merged line naming its order's
 * customer).
 *
 * Two ways in. By text: the id is interned here. By key: the orders fast
 * path's batcher (line-batches.ts) interns the customer ids of one orders
 * file itself — in the worker thread, so this thread does no hashing and
 * reads no key bytes — and each line carries its key; a key becomes a customer
 * index the first time the builder uses it, so indices come out in the same
 * order as by text (keys of lines the builder drops, such as cancelled ones,
 * never become customers). Only the first file with customer ids can be read
 * by key; the index holds its keys (KeyBytes) until a later lookup by text
 * needs them, then interns them in index order, and goes on by text.
 */
import { grow } from './hash-tables.js';
import { keyString, type KeyBytes } from './interned-keys.js';
import { Interner } from './interner.js';

export class CustomerIndex {
  private readonly byText = new Interner();
  /** Per key of the file read by key: 1 + its customer index, 0 while unused. Null when not reading by key. */
  private ofKey: Int32Array | null = null;
  private keyed = 0;
  /** Whether a file read by key has not finished (its keys are not yet known here). */
  private open = false;
  /** The keys of the file read by key, after it finished; null once interned by text. */
  private keys: KeyBytes | null = null;

  /** Number of distinct customers. */
  get size(): number {
    return this.ofKey === null ? this.byText.size : this.keyed;
  }

  /** The index of customer id `text[start, end)`. */
  ofText(text: string, start: number, end: number): number {
    if (this.ofKey !== null) this.internKeys();
    return this.byText.intern(text, start, end);
  }

  /** The index of the customer with key `key` of the file being read by key. */
  ofKeyed(key: number): number {
    let of = this.ofKey!;
    if (key >= of.length) of = this.ofKey = grow(of, key + 1);
    const c = of[key]! - 1;
    if (c >= 0) return c;
    of[key] = this.keyed + 1;
    return this.keyed++;
  }

  /**
   * Starts reading an orders file by key when it can be (no customer so far):
   * true when the file's lines may carry keys, false when they must carry text.
   */
  beginKeyed(): boolean {
    if (this.size > 0 || this.open) return false;
    this.ofKey = new Int32Array(1024);
    this.keyed = 0;
    this.open = true;
    return true;
  }

  /** The file read by key finished; `keys` are its batcher's keys (null when it read none). */
  endKeyed(keys: KeyBytes | null): void {
    this.open = false;
    if (this.keyed === 0) this.ofKey = null;
    else this.keys = keys;
  }

  /** Room for `n` customers in all (the builder's estimate from the share of the file read). */
  reserve(n: number): void {
    if (this.ofKey === null) this.byText.reserve(n);
    // Keys count every customer id of the file, used or not: a little more room.
    else if (n * 1.1 > this.ofKey.length) this.ofKey = grow(this.ofKey, Math.ceil(n * 1.1), true);
  }

  /** Interns the keyed file's customers by text, in index order; from now on lookups are by text. */
  private internKeys(): void {
    if (this.open) throw new Error('CustomerIndex: a customer id by text while a file is read by key');
    const of = this.ofKey!;
    const keys = this.keys;
    this.ofKey = null;
    this.keys = null;
    if (this.keyed === 0) return;
    const keyOf = new Int32Array(this.keyed);
    for (let k = 0; k < of.length; k++) if (of[k]! > 0) keyOf[of[k]! - 1] = k;
    for (let c = 0; c < this.keyed; c++) {
      const id = keyString(keys!, keyOf[c]!);
      this.byText.intern(id, 0, id.length);
    }
  }

  /** Drops what only further reading needs (the keys of a file read by key). */
  release(): void {
    this.keys = null;
  }
}
