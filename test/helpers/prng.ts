/**
 * mulberry32: a tiny deterministic PRNG for tests that need many reproducible
 * pseudo-random values (the demo generator uses the same algorithm).
 * @example const rand = mulberry32(1); rand() // a number in [0, 1)
 */
export function mulberry32(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
