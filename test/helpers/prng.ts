/**
 * mulberry32: a tiny deterministic PRNG for tests that need many reproducible
 * pseudo-random values (the demo generator uses the same algorithm). The one
 * implementation is the clv bootstrap's seeded generator.
 * @example const rand = mulberry32(1); rand() // a number in [0, 1)
 */
export { uniform as mulberry32 } from '../../src/models/clv/random.js';
