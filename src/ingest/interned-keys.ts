/**
 * The keys of an Interner as plain data (its byte arena and per-key offsets),
 * so they can cross to another thread (structured clone, buffers transferred)
 * and be read back as strings there.
 */

/**
 * Per key k: meta[2k] its offset in `arena`, meta[2k + 1] its code-unit length
 * times 2, plus 1 when stored two bytes per unit (little-endian).
 */
export interface KeyBytes {
  arena: Uint8Array;
  meta: Int32Array;
}

/** Key k of `keys` as a string. */
export function keyString({ arena, meta }: KeyBytes, k: number): string {
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
