/**
 * The keys of an Interner as plain data (its byte arena and per-key offsets),
 * so they can cross to another thread (structured clone, buffers transferred)
 * and be read back as strings there.
 */

/**
 * Per key k: meta[2k] its offset in `arena`; meta[2k + 1] its form:
 * - ≥ 0: its code-unit length times 2, plus 1 when stored two bytes per unit
 *   (little-endian), else one byte per unit;
 * - -1 / -3: a UUID in lower / upper case, stored as its 16 bytes (key-arena.ts).
 */
export interface KeyBytes {
  arena: Uint8Array;
  meta: Int32Array;
}

/** Code units of a UUID: 8-4-4-4-12 hex digits. */
export const UUID_LENGTH = 36;

/** Per unit of a UUID: the index (0–31) of its hex digit, or -1 for a dash. */
export const UUID_UNIT_NIBBLE = Int8Array.from({ length: UUID_LENGTH }, (_, i) => {
  if (i === 8 || i === 13 || i === 18 || i === 23) return -1;
  return i - (i > 23 ? 4 : i > 18 ? 3 : i > 13 ? 2 : i > 8 ? 1 : 0);
});

const LOWER_DIGITS = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const UPPER_DIGITS = Uint8Array.from('0123456789ABCDEF', (c) => c.charCodeAt(0));

/** Code unit i of the packed UUID at arena[p], of form -1 (lower case) or -3 (upper case). */
export function uuidUnit(arena: Uint8Array, p: number, form: number, i: number): number {
  const nibble = UUID_UNIT_NIBBLE[i]!;
  if (nibble < 0) return 45;
  const byte = arena[p + (nibble >>> 1)]!;
  return (form === -1 ? LOWER_DIGITS : UPPER_DIGITS)[(nibble & 1) === 0 ? byte >>> 4 : byte & 15]!;
}

/** Key k of `keys` as a string. */
export function keyString({ arena, meta }: KeyBytes, k: number): string {
  const start = meta[2 * k]!;
  const form = meta[2 * k + 1]!;
  let s = '';
  if (form < 0) {
    for (let i = 0; i < UUID_LENGTH; i++) s += String.fromCharCode(uuidUnit(arena, start, form, i));
    return s;
  }
  const len = form >>> 1;
  if ((form & 1) === 0) {
    for (let i = 0; i < len; i++) s += String.fromCharCode(arena[start + i]!);
  } else {
    for (let i = 0; i < len; i++) s += String.fromCharCode(arena[start + 2 * i]! | (arena[start + 2 * i + 1]! << 8));
  }
  return s;
}
