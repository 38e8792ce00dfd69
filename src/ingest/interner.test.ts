/**
 * The interner against a Map<string, number>: same indices, in order of first
 * sight, in either mode and across the sorted → hashed switch; keys read back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Interner } from './interner.js';
import { KeyArena } from './key-arena.js';

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

/**
 * Order ids in the shapes exports have, switching shape mid-file: runs of a
 * prefix plus an integer (plain, zero-padded, increasing by steps, repeated,
 * decreasing), integers beyond 2^53 and 15/16-digit ones as text, leading
 * zeros on plain integers, UUID-like and free text.
 */
const idRun = fc.oneof(
  fc.record({ prefix: fc.constantFrom('', '#', 'ORD-', 'A9-', 'é', '日'), width: fc.constantFrom(0, 0, 3, 6), from: fc.nat(2000), step: fc.integer({ min: -3, max: 40 }), length: fc.integer({ min: 1, max: 60 }), repeat: fc.boolean() }).map(({ prefix, width, from, step, length, repeat }) =>
    Array.from({ length }, (_, i) => prefix + String(Math.max(0, from + i * step)).padStart(width, '0')).flatMap((k) => (repeat ? [k, k] : [k])),
  ),
  fc.array(fc.constantFrom('9007199254740993', '9007199254740992', '999999999999999', '1000000000000000', '0', '00', '007', '7', '10', '9'), { minLength: 1, maxLength: 6 }),
  fc.array(fc.uuid(), { minLength: 1, maxLength: 5 }),
  fc.array(key, { minLength: 1, maxLength: 5 }),
);
const ids = fc.array(idRun, { maxLength: 8 }).map((runs) => runs.flat());

/**
 * UUIDs, which the arena packs into 16 bytes when they are in one case
 * (key-arena.ts), and 36-unit near misses it must store as text: mixed case,
 * a dash moved or replaced, a non-hex letter, a wide character, digits only.
 */
function uuidVariant(u: string, how: string, at: number): string {
  const put = (c: string) => u.slice(0, at) + c + u.slice(at + 1);
  switch (how) {
    case 'upper':
      return u.toUpperCase();
    case 'mixed':
      return u.replace(/[a-f]/, (c) => c.toUpperCase());
    case 'dash':
      return put(u[at] === '-' ? '0' : '-');
    case 'letter':
      return put('g');
    case 'wide':
      return put('日');
    case 'digits':
      return u.replace(/[a-f]/g, '7');
    case 'short':
      return u.slice(0, 35);
    default:
      return u;
  }
}
/** Several variants of one UUID (so the same digits arrive in both cases, and near misses of a stored key). */
const uuidFamily = fc
  .tuple(fc.uuid(), fc.array(fc.constantFrom('lower', 'upper', 'mixed', 'dash', 'letter', 'wide', 'digits', 'short'), { minLength: 1, maxLength: 5 }), fc.nat(35))
  .map(([u, hows, at]) => hows.map((how) => uuidVariant(u, how, at)));

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
  it('= Map and = the hashed interner on order ids of random shapes (counter mode and its exits)', () => {
    fc.assert(
      fc.property(ids, (keys) => {
        check(keys, true);
        const fast = new Interner({ sorted: true });
        const general = new Interner();
        for (const k of keys) expect(fast.intern(k, 0, k.length)).toBe(general.intern(k, 0, k.length));
      }),
      { numRuns: RUNS },
    );
  });
  it('= Map on UUIDs and their near misses, hashed and sorted (packed keys compare as their text)', () => {
    fc.assert(
      fc.property(fc.array(uuidFamily, { maxLength: 20 }).map((families) => families.flat()), (keys) => {
        check(keys, false);
        check([...keys].sort(), true);
        check(keys, true);
      }),
      { numRuns: RUNS },
    );
  });
  it('KeyArena: equals and compare of every stored key against every variant = the same on strings', () => {
    fc.assert(
      fc.property(fc.array(uuidFamily, { minLength: 1, maxLength: 6 }).map((families) => families.flat()), (keys) => {
        const arena = new KeyArena();
        for (const k of keys) arena.add(`«${k}»`, 1, 1 + k.length);
        keys.forEach((stored, k) => {
          for (const v of keys) {
            const text = `«${v}»`;
            expect(arena.equals(k, text, 1, 1 + v.length)).toBe(stored === v);
            expect(Math.sign(arena.compare(text, 1, 1 + v.length, k))).toBe(v < stored ? -1 : v > stored ? 1 : 0);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });
  it('keeps a UUID in 16 bytes, and its case', () => {
    const it = new Interner();
    const lower = '0f8fad5b-d9cb-469f-a165-70867728950e';
    for (const k of [lower, lower.toUpperCase(), '0F8fad5b-d9cb-469f-a165-70867728950e']) it.intern(k, 0, k.length);
    const { arena } = it.keyBytes();
    // 16 + 16 + 36: the mixed-case one is stored as text.
    expect(arena.length).toBe(68);
    expect([0, 1, 2].map((k) => it.key(k))).toEqual([lower, lower.toUpperCase(), '0F8fad5b-d9cb-469f-a165-70867728950e']);
  });
  it('counter mode: auto-increment integers, Shopify #-counters and zero-padded ids stay counters; 10 ≠ 010, 9 < 10 as numbers', () => {
    const it = new Interner({ sorted: true });
    const keys = Array.from({ length: 3000 }, (_, i) => String(i + 1));
    for (const [i, k] of keys.entries()) expect(it.intern(k, 0, k.length)).toBe(i);
    expect(it.intern('9', 0, 1)).toBe(8);
    expect(it.find('010')).toBe(-1);
    expect(it.find('+10')).toBe(-1);
    expect(it.key(9)).toBe('10');
    // A padded 10 is a new key, not key 9: the interner leaves counter mode and still tells them apart.
    expect(it.intern('010', 0, 3)).toBe(3000);
    expect(it.intern('10', 0, 2)).toBe(9);
    expect(it.keys()(3000)).toBe('010');
    const hash = new Interner({ sorted: true });
    expect(['#1001', '#1002', '#1002', '#999', '#1003'].map((k) => hash.intern(k, 0, k.length))).toEqual([0, 1, 1, 2, 3]);
    expect(hash.key(2)).toBe('#999');
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
