/**
 * Each customer's set of channels, as bits: `words` 32-bit words per customer,
 * all customers in one Uint32Array (memory: customers × ⌈channels / 32⌉ × 4 bytes).
 */

export interface ChannelSets {
  /** 32-bit words per customer: ⌈channelCount / 32⌉ (at least 1). */
  readonly words: number;
  readonly bits: Uint32Array;
}

/**
 * An empty set for each of `customerCount` customers.
 * @example createChannelSets(2, 40).words // 2
 */
export function createChannelSets(customerCount: number, channelCount: number): ChannelSets {
  const words = Math.max(1, Math.ceil(channelCount / 32));
  return { words, bits: new Uint32Array(customerCount * words) };
}

/** Adds `channel` to the set of `customer`. */
export function addChannel(sets: ChannelSets, customer: number, channel: number): void {
  const i = customer * sets.words + (channel >>> 5);
  sets.bits[i] = sets.bits[i]! | (1 << (channel & 31));
}

/**
 * Number of set bits of a 32-bit word (Hamming weight).
 * @example popcount32(0b1011) // 3
 */
export function popcount32(x: number): number {
  let v = x >>> 0;
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Number of channels in the set of `customer`.
 * @example after addChannel(s, 0, 3), addChannel(s, 0, 3), addChannel(s, 0, 7): channelCountOf(s, 0) // 2
 */
export function channelCountOf(sets: ChannelSets, customer: number): number {
  let n = 0;
  const base = customer * sets.words;
  for (let w = 0; w < sets.words; w++) n += popcount32(sets.bits[base + w]!);
  return n;
}

/**
 * The channels of `customer`, ascending, written into `out` (which must hold the
 * channel count); returns how many were written. Reusing `out` avoids an
 * allocation per customer.
 * @example channels {1, 4} → out = [1, 4, …], returns 2
 */
export function channelsOf(sets: ChannelSets, customer: number, out: Int32Array): number {
  let n = 0;
  const base = customer * sets.words;
  for (let w = 0; w < sets.words; w++) {
    let word = sets.bits[base + w]!;
    while (word !== 0) {
      const low = word & -word;
      out[n++] = w * 32 + (31 - Math.clz32(low));
      word ^= low;
    }
  }
  return n;
}
