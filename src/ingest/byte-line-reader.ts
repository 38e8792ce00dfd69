/**
 * The byte lane's line reader, compiled for one file's columns. A loop over
 * the columns that asks at each one what kind it is runs about 1.5× slower in
 * V8 than the same steps written out column by column (measured on the bench
 * file: 2.15 s → 1.40 s for 8.9M lines), so the reader is generated as
 * straight-line code from the column kinds — only small integers and fixed
 * templates go into the source, never file content.
 *
 * What it reads is exactly what `OrdersLane.plain` reads from the same line as
 * text, for the lines it takes; any other line returns -1 and goes to `plain`
 * (test/properties/orders-bytes.test.ts compares the two on random files).
 */
import { FALLBACK, OK, POW10, type CellResult, type ColumnDecoder } from './cells.js';

/** What the reader does with a column: */
export const SKIP = 0;
/**
 * a NumberColumn, read as its digits go by: `-123` and, in a decimal-point
 * column, `-123.45`, at most 15 digits (the same double `Number()` gives, as in
 * NumberColumn.decodeRange); the generated code reads the column's `style` and
 * calls its `noteFastNumber()`;
 */
export const NUMBER = 1;
/** another numeric column (dates): its range through `decodeBytes`; */
export const GENERIC = 2;
/** TEXT + f: text field f of the OrderLine, trimmed as `plain` trims it. */
export const TEXT = 4;

/**
 * Reads the (non-empty) line at `b[p]`: text field ranges into `fStart`/`fEnd`
 * (by OrderLine field; blank: start 0, end -1), numeric values into
 * `values[slot]` (NaN when empty).
 * @returns the start of the next line, or -1 when the line is not for the byte lane
 */
export type ByteLineReader = (b: Uint8Array, p: number, fStart: Int32Array, fEnd: Int32Array, values: Float64Array) => number;

export interface ByteColumns {
  /** Per column up to the last mapped one: SKIP, NUMBER, GENERIC or TEXT + field. */
  kinds: Int8Array;
  /** Per NUMBER/GENERIC column: its decoder and value slot. */
  decoders: (ColumnDecoder | null)[];
  slots: Int8Array;
  /** The delimiter's byte (ASCII). */
  delimiter: number;
  /** Number of OrderLine text fields (all reset per line). */
  textFields: number;
  /** Scratch result for GENERIC columns. */
  cell: CellResult;
}

/** Whitespace that String#trim removes, among ASCII bytes. */
function isSpaceByte(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Trims `b[s, e)` (ends not plain ASCII) as `plain` does: blank (end -1) when
 * only spaces and tabs, else without the whitespace String#trim removes.
 * Writes field f; false when nothing is left (a line `plain` should read).
 */
function trimmedField(b: Uint8Array, s: number, e: number, f: number, fStart: Int32Array, fEnd: Int32Array): boolean {
  let blank = true;
  for (let i = s; i < e && blank; i++) blank = b[i] === 32 || b[i] === 9;
  if (blank) {
    fStart[f] = s;
    fEnd[f] = -1;
    return true;
  }
  while (s < e && isSpaceByte(b[s]!)) s++;
  while (e > s && isSpaceByte(b[e - 1]!)) e--;
  fStart[f] = s;
  fEnd[f] = e;
  return s < e;
}

/** The reader for these columns. */
export function compileByteLineReader(cols: ByteColumns): ByteLineReader {
  const D = cols.delimiter;
  const last = cols.kinds.length - 1;
  const src: string[] = [];
  src.push('return function readByteLine(b, p, fStart, fEnd, values) {');
  for (let f = 0; f < cols.textFields; f++) src.push(`fStart[${f}] = 0; fEnd[${f}] = -1;`);
  for (let s = 0; s < 4; s++) src.push(`values[${s}] = NaN;`);
  src.push('let q = 0, c = 0, e = 0;', 'cols: {');
  for (let col = 0; col <= last; col++) {
    const kind = cols.kinds[col]!;
    src.push(`q = p;`);
    if (kind === NUMBER) {
      src.push(
        '{',
        'let m = 0, digits = 0, fracFrom = -1;',
        'const neg = b[q] === 45;',
        'if (neg) q++;',
        `const point = dec${col}.style === 'point';`,
        'for (;; q++) {',
        '  const ch = b[q];',
        '  if (ch >= 48 && ch <= 57) { m = m * 10 + (ch - 48); digits++; }',
        '  else if (ch === 46 && fracFrom < 0 && digits > 0 && point) fracFrom = digits;',
        '  else break;',
        '}',
        'if (q > p) {',
        '  if (digits === 0 || digits > 15 || fracFrom === digits) return -1;',
        '  const x = fracFrom < 0 ? m : m / POW10[digits - fracFrom];',
        `  values[${cols.slots[col]!}] = x === 0 ? 0 : neg ? -x : x;`,
        `  dec${col}.noteFastNumber();`,
        '}',
        '}',
      );
    } else {
      src.push(`while (b[q] !== ${D} && b[q] !== 10) q++;`);
    }
    // The field is b[p, e); b[q] ends it: the delimiter, LF, or CR before LF.
    src.push(
      'c = b[q]; e = q;',
      `let ended${col} = false;`,
      `if (c === 10) { ended${col} = true; if (e > p && b[e - 1] === 13) e--; }`,
      `else if (c !== ${D}) { if (c !== 13 || b[q + 1] !== 10) return -1; ended${col} = true; q++; }`,
    );
    if (kind === GENERIC) {
      src.push(
        'if (e > p) {',
        `  const st = dec${col}.decodeBytes(b, p, e, cell);`,
        '  if (st === FALLBACK) return -1;',
        `  if (st === OK) values[${cols.slots[col]!}] = cell.value;`,
        '}',
      );
    } else if (kind >= TEXT) {
      const f = kind - TEXT;
      src.push(
        'if (e > p) {',
        '  const x = b[p], y = b[e - 1];',
        `  if (x > 32 && x < 127 && y > 32 && y < 127) { fStart[${f}] = p; fEnd[${f}] = e; }`,
        `  else if (!trimmedField(b, p, e, ${f}, fStart, fEnd)) return -1;`,
        '}',
      );
    }
    src.push('p = q + 1;');
    if (col < last) src.push(`if (ended${col}) break cols;`);
    else src.push(`if (!ended${col}) p = b.indexOf(10, p) + 1;`);
  }
  src.push('}', 'return p;', '};');
  const names = ['POW10', 'FALLBACK', 'OK', 'cell', 'trimmedField'];
  const args: unknown[] = [POW10, FALLBACK, OK, cols.cell, trimmedField];
  cols.decoders.forEach((d, col) => {
    if (d !== null) {
      names.push(`dec${col}`);
      args.push(d);
    }
  });
  // Source from column kinds and fixed templates only (see the module comment).
  const factory = new Function(...names, src.join('\n')) as (...a: unknown[]) => ByteLineReader;
  return factory(...args);
}

