import { describe, expect, it } from 'vitest';
import { CustomerIndex } from './customer-index.js';
import { Interner } from './interner.js';

/** A batcher's interner holding `ids` as keys 0, 1, 2, … */
function keysOf(ids: string[]): Interner {
  const it = new Interner();
  for (const id of ids) it.intern(id, 0, id.length);
  return it;
}

describe('CustomerIndex', () => {
  it('numbers keyed customers in order of first use, and goes on by text with the same indices', () => {
    const batcher = keysOf(['a', 'b', 'c', 'd', 'e', 'fé']);
    const ix = new CustomerIndex();
    expect(ix.beginKeyed()).toBe(true);
    // Keys 1 and 3 (b, d) are never used: lines the builder dropped. They never become customers.
    expect([ix.ofKeyed(5), ix.ofKeyed(2), ix.ofKeyed(5), ix.ofKeyed(0)]).toEqual([0, 1, 0, 2]);
    expect(ix.size).toBe(3);
    ix.endKeyed(batcher.keyBytes());
    expect(ix.size).toBe(3);
    // By text afterwards (an NPS file, a second orders file): fé = 0, c = 1, a = 2, then new ones.
    expect(ix.ofText('xfé', 1, 3)).toBe(0);
    expect(ix.ofText('c', 0, 1)).toBe(1);
    expect(ix.ofText('a', 0, 1)).toBe(2);
    expect(ix.ofText('b', 0, 1)).toBe(3);
    expect(ix.size).toBe(4);
    // Only the first file with customers is read by key.
    expect(ix.beginKeyed()).toBe(false);
  });

  it('keys that cross as packed UUIDs (key-arena.ts) read back as their text, in their case', () => {
    const u = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    const batcher = keysOf([u, u.toUpperCase(), `${u.slice(0, 35)}X`]);
    const ix = new CustomerIndex();
    expect(ix.beginKeyed()).toBe(true);
    expect([ix.ofKeyed(1), ix.ofKeyed(0), ix.ofKeyed(2)]).toEqual([0, 1, 2]);
    ix.endKeyed(structuredClone(batcher.keyBytes()));
    expect(ix.ofText(u.toUpperCase(), 0, 36)).toBe(0);
    expect(ix.ofText(u, 0, 36)).toBe(1);
    expect(ix.ofText(`${u.slice(0, 35)}X`, 0, 36)).toBe(2);
    expect(ix.ofText(u.replace('6', '7'), 0, 36)).toBe(3);
  });

  it('reads a file by key only while no customer is known, and not by text while one is open', () => {
    const ix = new CustomerIndex();
    expect(ix.ofText('z', 0, 1)).toBe(0);
    expect(ix.beginKeyed()).toBe(false);
    const fresh = new CustomerIndex();
    expect(fresh.beginKeyed()).toBe(true);
    expect(() => fresh.ofText('z', 0, 1)).toThrow(/by key/);
  });

  it('a file read by key that names no customer leaves the index empty and by text', () => {
    const ix = new CustomerIndex();
    expect(ix.beginKeyed()).toBe(true);
    ix.endKeyed(keysOf(['a']).keyBytes());
    expect(ix.size).toBe(0);
    expect(ix.beginKeyed()).toBe(true);
    expect(ix.ofKeyed(0)).toBe(0);
  });
});
