/**
 * Per-column value decoders. A column learns its style (decimal point or
 * comma; day- or month-first dates) from the first value that decides it.
 * Values that could be read both ways before that are kept as two candidates
 * ("pending") and settled when the column decides; a column still undecided at
 * the end of the file is an error that names the flag to pass.
 */
import { decimalEvidence, parseAmount, readPlainNumber, type DecimalStyle } from './parse-amount.js';
import { UTC_ZONE, wallTimeToInstant } from '../time-zone.js';
import { formatHasOffset } from './wall-time.js';
import { compileDateFormat, lastIsoHadOffset, parseIsoDate, readDayMonthDateInto, readIsoBytes, type DateOrder, type DayMonthReading } from './parse-date.js';
import type { RawCell } from './readers.js';
import { isBlankChar } from './blank.js';

/** Outcome of decoding one cell. */
export const EMPTY = 0;
export const OK = 1;
export const PENDING = 2;
export const INVALID = 3;
export type CellStatus = typeof EMPTY | typeof OK | typeof PENDING | typeof INVALID;
/**
 * From `decodeBytes` only: the cell needs the general path (its row goes
 * through RowDecoder, which decodes it again); nothing was changed.
 */
export const FALLBACK = 4;
export type RangeStatus = typeof EMPTY | typeof OK | typeof FALLBACK;

/** Shared scratch results, to keep the hot path allocation-free. */
export interface CellResult {
  value: number;
  /** Second candidate when PENDING (first = point / day-first, second = comma / month-first). */
  alt: number;
  /** Why the cell is invalid, and what fixes it. */
  problem: string;
  hint: string;
}

const utf8 = new TextDecoder();

/**
 * `decodeBytes` of a cell whose shape the byte readers do not know, once its
 * column has decided: `decode` of its text; FALLBACK when that is invalid
 * (the row decoder then reads the row and reports it).
 */
function decodeCellText(col: ColumnDecoder, bytes: Uint8Array, start: number, end: number, out: CellResult): RangeStatus {
  const st = col.decode(utf8.decode(bytes.subarray(start, end)), out);
  return st === OK || st === EMPTY ? st : FALLBACK;
}

export function newCellResult(): CellResult {
  return { value: NaN, alt: NaN, problem: '', hint: '' };
}

export function isBlank(cell: RawCell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'string') {
    for (let i = 0; i < cell.length; i++) {
      if (!isBlankChar(cell.charCodeAt(i))) return false;
    }
    return true;
  }
  return false;
}

export interface ColumnDecoder {
  readonly column: string;
  decode(cell: RawCell, out: CellResult): CellStatus;
  /**
   * The orders fast path: the commonest shapes of `decode` read from the
   * bytes `bytes[start, end)` of a cell, with the same value and effect on the
   * column; FALLBACK (and no effect) for any other cell, whose row then goes
   * through `decode`.
   */
  decodeBytes(bytes: Uint8Array, start: number, end: number, out: CellResult): RangeStatus;
  /** True while the column has pending cells and has not decided. */
  readonly undecided: boolean;
  /** Picks the candidate of a pending cell once decided. */
  settle(value: number, alt: number): number;
  /** The style learnt, for `validate` (e.g. 'decimal point', 'dd/MM/yyyy'). */
  describe(): string;
  /** The error text when the file ends undecided. */
  ambiguity(): { problem: string; hint: string; example: string };
}

/** Numbers (amounts, counts, scores). `fixed` comes from --decimal-comma / --no-decimal-comma. */
export class NumberColumn implements ColumnDecoder {
  style: DecimalStyle | null = null;
  private pendingExample = '';
  private pendingCount = 0;
  private sawAny = false;

  /**
   * @param fallback from --decimal-comma / --no-decimal-comma: the style of a
   *   column whose values do not decide it. Values that do decide win (a
   *   `1,234.50` column is point-style whatever the flag), so the flag never
   *   breaks an export whose numbers say what they are.
   */
  constructor(
    readonly column: string,
    private readonly fallback: DecimalStyle | undefined,
  ) {}

  get undecided(): boolean {
    return this.style === null && this.pendingCount > 0;
  }

  decode(cell: RawCell, out: CellResult): CellStatus {
    if (typeof cell === 'number') {
      if (!Number.isFinite(cell)) return this.invalid(out, String(cell));
      out.value = cell;
      return OK;
    }
    if (typeof cell === 'boolean') return this.invalid(out, String(cell));
    if (isBlank(cell)) return EMPTY;
    const raw = cell as string;
    this.sawAny = true;
    if (this.style !== null) {
      const v = parseAmount(raw, this.style);
      if (Number.isNaN(v)) return this.invalid(out, raw);
      out.value = v;
      return OK;
    }
    const ev = decimalEvidence(raw);
    switch (ev) {
      case 'point':
      case 'comma':
        this.style = ev;
        out.value = parseAmount(raw, ev);
        return OK;
      case 'none':
        out.value = parseAmount(raw, 'point');
        return Number.isNaN(out.value) ? this.invalid(out, raw) : OK;
      case 'ambiguous':
        if (this.fallback !== undefined) {
          this.style = this.fallback;
          out.value = parseAmount(raw, this.fallback);
          return OK;
        }
        out.value = parseAmount(raw, 'point');
        out.alt = parseAmount(raw, 'comma');
        if (this.pendingCount++ === 0) this.pendingExample = raw;
        return PENDING;
      default:
        return this.invalid(out, raw);
    }
  }

  settle(value: number, alt: number): number {
    return this.style === 'comma' ? alt : value;
  }

  /**
   * `decode` from bytes: the plain shapes `-123` and (in a decimal-point
   * column) `-123.45`, at most 15 digits, in place (readPlainNumber: the same
   * double as `decode`); any other cell as text once the column has a style;
   * FALLBACK before that, or when the cell is invalid.
   */
  decodeBytes(bytes: Uint8Array, start: number, end: number, out: CellResult): RangeStatus {
    if (start === end) return EMPTY;
    const v = readPlainNumber(bytes, start, end, this.style === 'point');
    if (!Number.isNaN(v)) {
      this.sawAny = true;
      out.value = v;
      return OK;
    }
    if (this.style === null && this.fallback === undefined) return FALLBACK;
    return decodeCellText(this, bytes, start, end, out);
  }

  private invalid(out: CellResult, raw: string): CellStatus {
    out.problem = `cannot read "${raw}" as a number`;
    out.hint =
      this.style === 'comma'
        ? 'other values in this column use a decimal comma'
        : this.style === 'point'
          ? 'other values in this column use a decimal point'
          : '';
    return INVALID;
  }

  describe(): string {
    if (this.style === 'comma') return 'decimal comma';
    if (this.style === 'point') return 'decimal point';
    return this.sawAny ? 'whole numbers' : 'numbers';
  }

  ambiguity(): { problem: string; hint: string; example: string } {
    return {
      problem: `values like "${this.pendingExample}" could be thousands or decimals, and no value in the column decides (${this.pendingCount} such values)`,
      hint: 'pass --decimal-comma if "," is the decimal separator, or --no-decimal-comma if it separates thousands',
      example: this.pendingExample,
    };
  }
}

/** Dates: ISO/compact always; day/month-first slash dates learnt per column; or a fixed --date-format. */
export class DateColumn implements ColumnDecoder {
  order: DateOrder | null = null;
  private readonly parseFixed: ((raw: string) => number) | null;
  /** The reporting zone, or null for UTC (values then pass through unchanged). */
  private readonly zone: string | null;
  /** Whether --date-format values carry their own offset. */
  private readonly fixedHasOffset: boolean;
  private readonly reading: DayMonthReading = { dmy: NaN, mdy: NaN };
  private pendingExample = '';
  private pendingCount = 0;
  private sawIso = false;
  private sawCompact = false;

  constructor(
    readonly column: string,
    private readonly format: string | undefined,
    timeZone: string = UTC_ZONE,
  ) {
    this.parseFixed = format ? compileDateFormat(format) : null;
    this.zone = timeZone === UTC_ZONE ? null : timeZone;
    this.fixedHasOffset = format !== undefined && formatHasOffset(format);
  }

  /** The zone seam: a value read without an offset is the reporting zone's wall time. */
  private local(wall: number): number {
    return this.zone === null ? wall : wallTimeToInstant(wall, this.zone);
  }

  get undecided(): boolean {
    return this.order === null && this.pendingCount > 0;
  }

  decode(cell: RawCell, out: CellResult): CellStatus {
    if (isBlank(cell)) return EMPTY;
    const raw = typeof cell === 'string' ? cell.trim() : String(cell);
    if (this.parseFixed) {
      const t = this.parseFixed(raw);
      if (Number.isNaN(t)) {
        out.problem = `cannot read "${raw}" as a date in the format ${this.format}`;
        out.hint = 'check --date-format';
        return INVALID;
      }
      out.value = this.fixedHasOffset ? t : this.local(t);
      return OK;
    }
    const iso = parseIsoDate(raw);
    if (!Number.isNaN(iso)) {
      if (raw.length === 8) this.sawCompact = true;
      else this.sawIso = true;
      out.value = this.zone === null || lastIsoHadOffset() ? iso : this.local(iso);
      return OK;
    }
    const r = this.reading;
    readDayMonthDateInto(raw, r);
    const dmyOk = !Number.isNaN(r.dmy);
    const mdyOk = !Number.isNaN(r.mdy);
    if (!dmyOk && !mdyOk) return this.invalid(out, raw, '');
    if (this.order !== null) {
      const t = this.order === 'dmy' ? r.dmy : r.mdy;
      if (Number.isNaN(t)) {
        return this.invalid(out, raw, `other values in this column are ${this.order === 'dmy' ? 'day' : 'month'}-first`);
      }
      out.value = this.local(t);
      return OK;
    }
    if (dmyOk && mdyOk) {
      if (r.dmy === r.mdy) {
        out.value = this.local(r.dmy);
        return OK;
      }
      out.value = this.local(r.dmy);
      out.alt = this.local(r.mdy);
      if (this.pendingCount++ === 0) this.pendingExample = raw;
      return PENDING;
    }
    this.order = dmyOk ? 'dmy' : 'mdy';
    out.value = this.local(dmyOk ? r.dmy : r.mdy);
    return OK;
  }

  settle(value: number, alt: number): number {
    return this.order === 'mdy' ? alt : value;
  }

  /**
   * `decode` from bytes: ISO and compact dates in place (readIsoBytes, the
   * reader `decode` uses too); any other cell as text once the column has an
   * order or a --date-format; FALLBACK before that, or when the cell is invalid.
   */
  decodeBytes(bytes: Uint8Array, start: number, end: number, out: CellResult): RangeStatus {
    if (start === end) return EMPTY;
    if (this.parseFixed === null) {
      const v = readIsoBytes(bytes, start, end);
      if (!Number.isNaN(v)) {
        if (end - start === 8) this.sawCompact = true;
        else this.sawIso = true;
        out.value = this.zone === null || lastIsoHadOffset() ? v : this.local(v);
        return OK;
      }
      if (this.order === null) return FALLBACK;
    }
    return decodeCellText(this, bytes, start, end, out);
  }

  private invalid(out: CellResult, raw: string, why: string): CellStatus {
    out.problem = `cannot read "${raw}" as a date${why ? ` (${why})` : ''}`;
    out.hint = 'pass --date-format, e.g. --date-format dd/MM/yyyy';
    return INVALID;
  }

  describe(): string {
    if (this.format) return this.format;
    const kinds: string[] = [];
    if (this.sawIso) kinds.push('ISO 8601');
    if (this.sawCompact) kinds.push('yyyyMMdd');
    if (this.order === 'dmy') kinds.push('day first (d/M/y)');
    if (this.order === 'mdy') kinds.push('month first (M/d/y)');
    return kinds.join(' + ') || 'dates';
  }

  ambiguity(): { problem: string; hint: string; example: string } {
    const ex = this.pendingExample;
    return {
      problem: `dates like "${ex}" read both as day/month and month/day, and no value in the column decides (no day above 12)`,
      hint: 'pass --date-format dd/MM/yyyy or --date-format MM/dd/yyyy (date-fns tokens; add HH:mm for times)',
      example: ex,
    };
  }
}
