/**
 * Reads the mapped columns of one orders line from its bytes: each field is
 * found by scanning for the delimiter, numbers and dates are read in place by
 * their column's `decodeBytes` (the readers `decode` uses too), text fields
 * become trimmed byte ranges. No string, array or object per line.
 *
 * A plain loop over the columns: code generated per file (`new Function`, as
 * an earlier version did) measured no faster on this machine — see
 * docs/performance.md.
 */
import { BYTES_AS_TEXT, BYTES_BLANK, trimBytes } from '../blank.js';
import { FALLBACK, newCellResult, OK, type ColumnDecoder } from '../cells.js';

/** What the reader does with a column: nothing, */
export const SKIP = 0;
/** a number or date: its column's `decodeBytes` into a value slot, */
export const VALUE = 1;
/** a text field of the OrderLine. */
export const TEXT = 2;

export interface LineColumns {
  /** Per column up to the last mapped one: SKIP, VALUE or TEXT. */
  kinds: Int8Array;
  /** Per VALUE column: its decoder. */
  decoders: (ColumnDecoder | null)[];
  /** Per VALUE column its value slot; per TEXT column its OrderLine text field. */
  targets: Int8Array;
  /** The delimiter's byte (ASCII). */
  delimiter: number;
}

const LF = 10;
const CR = 13;

export class LineReader {
  private readonly cell = newCellResult();
  private readonly range = new Int32Array(2);

  constructor(private readonly cols: LineColumns) {}

  /**
   * Reads the line at `b[p]` (it ends with LF and is not empty): text field
   * ranges into `fStart`/`fEnd` (by OrderLine field; blank: end -1), values
   * into `values` (by slot; NaN when empty).
   *
   * `quoteAt` is where the next quote at or after `p` is (or `b.length`): the
   * reader stops before decoding the field that holds it, since from there on
   * the split by delimiter is not the CSV's fields, and a column decoder must
   * not learn a style or a date order from a piece of a quoted cell.
   * @returns the start of the next line, or -1 when a cell needs the general decoder (or holds a quote)
   */
  read(b: Uint8Array, p: number, fStart: Int32Array, fEnd: Int32Array, values: Float64Array, quoteAt: number): number {
    const { kinds, decoders, targets, delimiter } = this.cols;
    const cell = this.cell;
    const range = this.range;
    fEnd.fill(-1);
    values.fill(NaN);
    const last = kinds.length - 1;
    for (let col = 0; ; col++) {
      let q = p;
      let c = b[q]!;
      while (c !== delimiter && c !== LF) c = b[++q]!;
      if (quoteAt < q) return -1;
      // The field is b[p, e): CR before LF is not part of it.
      const e = c === LF && q > p && b[q - 1] === CR ? q - 1 : q;
      const kind = kinds[col];
      if (kind === VALUE && e > p) {
        const st = decoders[col]!.decodeBytes(b, p, e, cell);
        if (st === FALLBACK) return -1;
        if (st === OK) values[targets[col]!] = cell.value;
      } else if (kind === TEXT && e > p) {
        const f = targets[col]!;
        const x = b[p]!;
        const y = b[e - 1]!;
        if (x > 32 && x < 127 && y > 32 && y < 127) {
          fStart[f] = p;
          fEnd[f] = e;
        } else {
          const t = trimBytes(b, p, e, range);
          if (t === BYTES_AS_TEXT) return -1;
          if (t !== BYTES_BLANK) {
            fStart[f] = range[0]!;
            fEnd[f] = range[1]!;
          }
        }
      }
      // Columns after the end of a short line are blank.
      if (c === LF) return q + 1;
      if (col === last) return b.indexOf(LF, q + 1) + 1;
      p = q + 1;
    }
  }
}
