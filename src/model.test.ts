/**
 * codePointLess: the order of Unicode code points (UTF-8 bytes), checked
 * against the code point arrays of random strings, astral characters included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLess } from './model.js';

/** The reference: compare the code point sequences. */
function byCodePoints(a: string, b: string): boolean {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]!;
  return x.length < y.length;
}

describe('codePointLess', () => {
  it('orders Ａ1 (U+FF21) before 😀1 (U+1F600), as DuckDB and PostgreSQL (C) do', () => {
    expect(codePointLess('Ａ1', '😀1')).toBe(true);
    expect(codePointLess('😀1', 'Ａ1')).toBe(false);
    expect(codePointLess('o10', 'o9')).toBe(true);
    expect(codePointLess('a', 'a')).toBe(false);
    expect(codePointLess('a', 'ab')).toBe(true);
  });
  it('agrees with the order of code points and of UTF-8 bytes on random strings', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'z', 'Ａ', '\uffff', '\ue000', '😀', '𝔸', '\u00e9'), maxLength: 5 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(codePointLess(a, b)).toBe(byCodePoints(a, b));
        expect(codePointLess(a, b)).toBe(Buffer.compare(Buffer.from(a), Buffer.from(b)) < 0);
      }),
    );
  });
});
