/**
 * The bundle's stand-ins (scripts/bundle.mjs) answer as the modules they
 * stand in for: cli-table3's string-width (scripts/bundle/string-width-narrow.cjs),
 * chalk's node:tty (tty-from-stdio.cjs) and commander's node:child_process
 * (child-process-on-demand.cjs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const asciiWidth = require('../scripts/bundle/string-width-narrow.cjs') as (text: unknown) => number;
const TTY_FROM_STDIO = path.resolve(import.meta.dirname, '../scripts/bundle/tty-from-stdio.cjs');

describe("cli-table3's string-width in the bundle", () => {
  it('law: equals string-width on any text (narrow characters by its length, the rest by string-width)', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
      fc.string({ unit: 'binary-ascii' }),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('\u001b[1mchannel\u001b[22m', '#\ufe0f\u20e3', '1\u20e3', '€12', '日本', 'a\u0301', '', '©\ufe0f', '│ n/a² │', '↔', '\u2028'),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(asciiWidth(t)).toBe(stringWidth(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('each narrow character it answers for itself is one column wide to string-width', () => {
    const ranges = [
      [0x20, 0x7e],
      [0xa0, 0xff],
      [0x2010, 0x2027],
      [0x2070, 0x20bf],
      [0x2500, 0x259f],
    ];
    for (const [from, to] of ranges) {
      for (let c = from!; c <= to!; c++) expect([c.toString(16), stringWidth(String.fromCharCode(c))]).toEqual([c.toString(16), 1]);
    }
    const narrow = fc.string({ unit: fc.constantFrom(...'a ·…²€—│─┼┌┐└┘├┤╴é©'), maxLength: 40 });
    fc.assert(
      fc.property(narrow, (t) => {
        expect(asciiWidth(t)).toBe(stringWidth(t));
      }),
      { numRuns: 1000 },
    );
  });

  it('non-strings as string-width takes them', () => {
    expect(asciiWidth(undefined)).toBe(stringWidth(undefined as unknown as string));
    expect(asciiWidth(12)).toBe(stringWidth(12 as unknown as string));
  });
});

describe("chalk's node:tty in the bundle", () => {
  // Each child prints isatty(1) and isatty(2) as node:tty and as the stand-in answer them.
  const probe = `const tty = require('node:tty'); const s = require(${JSON.stringify(TTY_FROM_STDIO)});
    process.stderr.write(JSON.stringify([tty.isatty(1), tty.isatty(2), s.isatty(1), s.isatty(2), tty.isatty(0) === s.isatty(0)]) + '\\n');`;

  it('answers as node:tty for files and pipes', () => {
    const piped = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(JSON.parse(piped.stderr)).toEqual([false, false, false, false, true]);
  });

  it('answers as node:tty for a terminal (script(1) gives the child one)', (ctx) => {
    let out: string;
    try {
      out = execFileSync('script', ['-qc', `${process.execPath} -e "${probe.replace(/"/g, '\\"')}" 2>&1`, '/dev/null'], { encoding: 'utf8' });
    } catch {
      ctx.skip();
      return;
    }
    expect(JSON.parse(out.trim())).toEqual([true, true, true, true, true]);
  });
});

describe("commander's node:child_process in the bundle", () => {
  it('is node:child_process, loaded on first use', () => {
    const lazy = require('../scripts/bundle/child-process-on-demand.cjs') as typeof import('node:child_process');
    expect(lazy.spawnSync).toBe(spawnSync);
  });
});
