/**
 * The bundle's stand-ins (scripts/bundle.mjs) answer as the modules they
 * stand in for: cli-table3's string-width (scripts/bundle/string-width-ascii.cjs).
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const asciiWidth = require('../scripts/bundle/string-width-ascii.cjs') as (text: unknown) => number;

describe("cli-table3's string-width in the bundle", () => {
  it('law: equals string-width on any text (printable ASCII by its length, the rest by string-width)', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
      fc.string({ unit: 'binary-ascii' }),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('\u001b[1mchannel\u001b[22m', '#\ufe0f\u20e3', '1\u20e3', '€12', '日本', 'a\u0301', ''),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(asciiWidth(t)).toBe(stringWidth(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('non-strings as string-width takes them', () => {
    expect(asciiWidth(undefined)).toBe(stringWidth(undefined as unknown as string));
    expect(asciiWidth(12)).toBe(stringWidth(12 as unknown as string));
  });
});
