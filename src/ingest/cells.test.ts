/**
 * decodeBytes (the orders fast path's in-place decode) against decode of the
 * cell as a string: same status and value whenever it does not hand the cell
 * back (FALLBACK), and the same column state afterwards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateColumn, FALLBACK, NumberColumn, newCellResult, type ColumnDecoder } from './cells.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);

/** Decodes `cell` both ways on two fresh decoders made by `make`, after the same `warmup` cells. */
function both(make: () => ColumnDecoder, warmup: string[], cell: string): void {
  const a = make();
  const b = make();
  const out = newCellResult();
  for (const w of warmup) {
    a.decode(w, out);
    b.decode(w, out);
  }
  // The cell sits inside a line, between delimiters.
  const bytes = Buffer.from(`x,${cell},y`);
  const ra = newCellResult();
  const rb = newCellResult();
  const st = a.decodeBytes(bytes, 2, bytes.length - 2, ra);
  if (st === FALLBACK) return;
  const sb = b.decode(cell, rb);
  expect(st).toBe(sb);
  if (st !== 0) expect(Object.is(ra.value, rb.value) || ra.value === rb.value).toBe(true);
  expect(a.describe()).toBe(b.describe());
  expect(a.undecided).toBe(b.undecided);
}

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
const plainNumber = fc.tuple(fc.constantFrom('', '-', '+'), digits(0, 19), fc.constantFrom('', '.', ','), digits(0, 6)).map(([s, a, p, b]) => `${s}${a}${p}${b}`);
const anyNumber = fc.oneof(plainNumber, fc.stringMatching(/^[-0-9.,$ e]{0,12}$/));

describe('NumberColumn.decodeBytes = decode', () => {
  for (const [name, warmup, fallback] of [
    ['undecided', [], undefined],
    ['decimal point', ['1,234.50'], undefined],
    ['decimal comma', ['1.234,50'], undefined],
    ['--decimal-comma fallback', [], 'comma'],
  ] as const) {
    it(`in a ${name} column`, () => {
      fc.assert(
        fc.property(anyNumber, (cell) => both(() => new NumberColumn('revenue', fallback), [...warmup], cell)),
        { numRuns: RUNS },
      );
    });
  }
  it('reads 15-digit values exactly and hands longer ones to decode', () => {
    const col = new NumberColumn('revenue', undefined);
    const out = newCellResult();
    col.decode('0.5', out);
    expect(col.decodeBytes(Buffer.from('123456789012.345'), 0, 16, out)).toBe(1);
    expect(out.value).toBe(123456789012.345);
    // 17 digits: summing digits into a double already rounds (525.15984192360636 would come out 1 ulp off).
    for (const s of ['1234567890123456.7', '9007199254740993', '0.30000000000000004441', '525.15984192360636', '19798893539.820811']) {
      // Decided column (decimal point): read as text, not as digits summed into a double.
      expect(col.decodeBytes(Buffer.from(s), 0, s.length, out)).toBe(1);
      expect(out.value).toBe(Number(s));
      expect(new NumberColumn('revenue', undefined).decodeBytes(Buffer.from(s), 0, s.length, out)).toBe(FALLBACK);
    }
  });
});

describe('DateColumn.decodeBytes = decode', () => {
  const date = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom('', ' 10:20:30', 'T23:59:59Z', ' 24:00:00', 'T10:20', ' 10:20:30.5 +0530')).map(
      ([y, m, d, t]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${t}`,
    ),
    fc.stringMatching(/^[0-9/ :TZ-]{0,20}$/),
  );
  for (const [name, warmup, format] of [
    ['new', [], undefined],
    ['day-first', ['31/01/2024'], undefined],
    ['--date-format', [], 'dd/MM/yyyy'],
  ] as const) {
    it(`in a ${name} column`, () => {
      fc.assert(
        fc.property(date, (cell) => both(() => new DateColumn('date', format), [...warmup], cell)),
        { numRuns: RUNS },
      );
    });
  }
});
