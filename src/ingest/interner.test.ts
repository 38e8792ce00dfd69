/**
 * The interner against a Map<string, number>: same indices, in order of first
 * sight, in either mode and across the sorted → hashed switch; keys read back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Interner } from './interner.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);

/** Short keys over a small alphabet (many repeats), with Latin-1 and wider characters. */
const key = fc.array(fc.constantFrom('a', 'b', '1', '2', '-', ' ', 'é', 'ÿ', '€', '日', '\u00a0'), { maxLength: 4 }).map((cs) => cs.join(''));

function check(keys: string[], sorted: boolean): void {
  const it = new Interner({ sorted });
  const ref = new Map<string, number>();
  for (const k of keys) {
    // Intern from the middle of a longer text, as the reader does.
    const text = `«${k}»`;
    if (!ref.has(k)) {
      expect(it.find(text, 1, 1 + k.length)).toBe(-1);
      ref.set(k, ref.size);
    }
    expect(it.intern(text, 1, 1 + k.length)).toBe(ref.get(k));
  }
  expect(it.size).toBe(ref.size);
  const keyOf = it.keys();
  for (const [k, i] of ref) {
    expect(it.key(i)).toBe(k);
    expect(keyOf(i)).toBe(k);
    expect(it.find(k)).toBe(i);
  }
}

describe('Interner', () => {
  it('= Map in hashed mode', () => {
    fc.assert(fc.property(fc.array(key, { maxLength: 300 }), (keys) => check(keys, false)), { numRuns: RUNS });
  });
  it('= Map in sorted mode, whatever the order', () => {
    fc.assert(fc.property(fc.array(key, { maxLength: 300 }), (keys) => check(keys, true)), { numRuns: RUNS });
  });
  it('= Map for increasing keys with repeats and late lookups (stays sorted), then one out of order', () => {
    const keys: string[] = [];
    for (let i = 0; i < 5000; i++) keys.push(`ORD-${String(i).padStart(5, '0')}`, `ORD-${String(i).padStart(5, '0')}`);
    for (let i = 0; i < 5000; i += 13) keys.push(`ORD-${String(i).padStart(5, '0')}`);
    keys.push('ORD-0000', 'A', 'ORD-00007');
    check(keys, true);
  });
  it('grows past its first table, arena and index sizes', () => {
    check(Array.from({ length: 20_000 }, (_, i) => `customer-${(i * 7919) % 12_345}`), false);
  });
  it('tells keys apart by code units: "é" (one unit) ≠ "e\\u0301"; "a" ≠ "a "', () => {
    const it = new Interner();
    expect(it.intern('é', 0, 1)).toBe(0);
    expect(it.intern('e\u0301', 0, 2)).toBe(1);
    expect(it.intern('a', 0, 1)).toBe(2);
    expect(it.intern('a ', 0, 2)).toBe(3);
    expect(it.intern('', 0, 0)).toBe(4);
    expect(it.key(1)).toBe('e\u0301');
  });
});
