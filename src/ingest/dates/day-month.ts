/**
 * Day/month-first slash dates (`d/M/y`, `M/d/y`), read both ways; the caller
 * decides the column's order.
 */
import { daysFromCivil, daysInMonth, isDigitAt, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, two } from './calendar.js';
import { trimEnd, trimStart } from '../blank.js';

// ---------------------------------------------------------------------------
// Day/month-first dates, read both ways
// ---------------------------------------------------------------------------

/** Which number comes first in a slash date: day (`dmy`) or month (`mdy`). */
export type DateOrder = 'dmy' | 'mdy';

/** A slash date read both ways: each NaN when invalid under that order; both NaN when not this shape. */
export interface DayMonthReading {
  dmy: number;
  mdy: number;
}

/**
 * Reads a day/month-first date into a caller-owned object (allocation-free hot
 * path of {@link readDayMonthDate}): `d/M/yyyy`, `dd/MM/yyyy`, `M/d/yy`, with
 * `/`, `-` or `.` as separator (the same twice), optionally followed by a
 * space and a time `H:mm` or `H:mm:ss`, optionally then `AM`/`PM` (12-hour
 * clock; with or without a space, any case). Two-digit years are 1950–2049.
 *
 * @example
 * const r = { dmy: NaN, mdy: NaN };
 * readDayMonthDateInto('9/8/18 15:29', r);
 * // r.dmy === Date.UTC(2018, 7, 9, 15, 29), r.mdy === Date.UTC(2018, 8, 8, 15, 29)
 */
export function readDayMonthDateInto(raw: string, out: DayMonthReading): void {
  out.dmy = NaN;
  out.mdy = NaN;
  const s = trimStart(raw);
  const e = trimEnd(raw, s);
  let p = s;

  // first number: 1–2 digits
  if (!isDigitAt(raw, p)) return;
  let a = raw.charCodeAt(p++) - 48;
  if (isDigitAt(raw, p)) a = a * 10 + raw.charCodeAt(p++) - 48;
  const sep = raw.charCodeAt(p);
  if (sep !== 47 && sep !== 45 && sep !== 46) return;
  p++;
  // second number: 1–2 digits
  if (!isDigitAt(raw, p)) return;
  let b = raw.charCodeAt(p++) - 48;
  if (isDigitAt(raw, p)) b = b * 10 + raw.charCodeAt(p++) - 48;
  if (raw.charCodeAt(p) !== sep) return;
  p++;
  // year: 2 or 4 digits
  const start = p;
  let year = 0;
  while (p < e && isDigitAt(raw, p)) {
    year = year * 10 + raw.charCodeAt(p) - 48;
    p++;
  }
  const yLen = p - start;
  if (yLen === 2) year += year < 50 ? 2000 : 1900;
  else if (yLen !== 4 || year === 0) return;

  // optional time
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (p < e) {
    if (raw.charCodeAt(p) !== 32) return;
    p++;
    if (!isDigitAt(raw, p)) return;
    hour = raw.charCodeAt(p++) - 48;
    if (isDigitAt(raw, p)) hour = hour * 10 + raw.charCodeAt(p++) - 48;
    if (raw.charCodeAt(p) !== 58) return;
    minute = two(raw, p + 1);
    if (minute < 0 || minute > 59 || p + 3 > e) return;
    p += 3;
    if (p < e && raw.charCodeAt(p) === 58) {
      second = two(raw, p + 1);
      if (second < 0 || second > 59 || p + 3 > e) return;
      p += 3;
    }
    if (p < e) {
      if (raw.charCodeAt(p) === 32) p++;
      if (e - p !== 2 || (raw.charCodeAt(p + 1) | 0x20) !== 109) return;
      const ap = raw.charCodeAt(p) | 0x20;
      if (ap !== 97 && ap !== 112) return;
      if (hour < 1 || hour > 12) return;
      if (hour === 12) hour = 0;
      if (ap === 112) hour += 12;
      p += 2;
    } else if (hour > 23) return;
  }

  const time = hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000;
  if (b >= 1 && b <= 12 && a >= 1 && a <= daysInMonth(year, b)) out.dmy = daysFromCivil(year, b, a) * MS_PER_DAY + time;
  if (a >= 1 && a <= 12 && b >= 1 && b <= daysInMonth(year, a)) out.mdy = daysFromCivil(year, a, b) * MS_PER_DAY + time;
}

/**
 * Reads a day/month-first date both ways (see {@link readDayMonthDateInto}
 * for the shapes). Returns a fresh object; the hot path uses the `Into` form.
 *
 * @example
 * readDayMonthDate('13/01/2024'); // { dmy: Date.UTC(2024, 0, 13), mdy: NaN }
 * readDayMonthDate('01/13/2024'); // { dmy: NaN, mdy: Date.UTC(2024, 0, 13) }
 * readDayMonthDate('1/2/2024 1:05 PM').mdy; // Date.UTC(2024, 0, 2, 13, 5)
 */
export function readDayMonthDate(raw: string): DayMonthReading {
  const out: DayMonthReading = { dmy: NaN, mdy: NaN };
  readDayMonthDateInto(raw, out);
  return out;
}
