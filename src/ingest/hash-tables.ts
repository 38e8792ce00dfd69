/**
 * What every hash table of the ingest shares (Interner, the fast path's
 * status/channel codes): the FNV-1a hash step and its finish, and growing a
 * typed array.
 */

/** FNV-1a: start with FNV_OFFSET, then `h = fnvStep(h, unit)` per byte or code unit. */
export const FNV_OFFSET = 0x811c9dc5 | 0;

export function fnvStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

/** Mixes the high bits of an FNV-1a hash into the low ones (murmur3's finish, first half). */
export function finishHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** Home slot of a tag in a table of 2^(32 - shift) slots (Fibonacci hashing: uses every bit). */
export function slotOf(tag: number, shift: number): number {
  return Math.imul(tag, 0x9e3779b1) >>> shift;
}

/** A typed array of the same kind, at least `min` long (grown by half, or to `exact` when given). */
export function grow<T extends Int32Array | Uint8Array | Float64Array>(a: T, min: number, exact = false): T {
  let n = exact ? min : Math.max(16, a.length + (a.length >>> 1));
  while (n < min) n += n >>> 1;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
