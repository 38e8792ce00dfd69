import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeColumnName } from './synonyms.js';

/** The rule as written for any text: NFKC, lower case, letters and digits only. */
const unicodeRule = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

describe('normalizeColumnName', () => {
  it('keeps letters and digits, lower-cased', () => {
    expect(normalizeColumnName(' Order-ID ')).toBe('orderid');
    expect(normalizeColumnName('Amount spent (USD)')).toBe('amountspentusd');
    expect(normalizeColumnName('Ｏｒｄｅｒ ＩＤ')).toBe('orderid');
    expect(normalizeColumnName('Datum Änderung')).toBe('datumänderung');
  });

  it('law: on ASCII names its shortcut equals the Unicode rule', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 30 }), (name) => {
        expect(normalizeColumnName(name)).toBe(unicodeRule(name));
      }),
      { numRuns: 2000 },
    );
  });

  it('law: on any text it equals the Unicode rule', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), (name) => {
        expect(normalizeColumnName(name)).toBe(unicodeRule(name));
      }),
      { numRuns: 500 },
    );
  });
});
