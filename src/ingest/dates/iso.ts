/**
 * ISO 8601 and the other year-first shapes, from strings and (the orders
 * worker's byte reader) from bytes: epoch ms UTC, NaN when not one of these
 * shapes or not a real date/time.
 */
import { daysFromCivil, daysInMonth, epoch, isDigitAt, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, two } from './calendar.js';
import { trimEnd, trimStart } from '../blank.js';

// ---------------------------------------------------------------------------
// ISO 8601 and other year-first shapes
// ---------------------------------------------------------------------------

/**
 * Reads the unambiguous, year-first shapes: ISO 8601 date or date-time (`T` or
 * space, optional seconds and fraction, offset `Z`, `+hh:mm`, `+hhmm`, `+hh`,
 * optionally after a space as in Shopify's `2024-01-15 10:23:45 -0500`, or
 * ` UTC`), `yyyy/MM/dd[ HH:mm[:ss]]`, and compact `yyyyMMdd`. Returns epoch
 * ms UTC (offsets converted, no offset = UTC), or NaN when the value is not one
 * of these shapes or not a real date/time (`2023-02-29`, `24:00`, `19971301`).
 * Surrounding spaces are ignored.
 *
 * @example
 * parseIsoDate('2024-01-15');                // Date.UTC(2024, 0, 15)
 * parseIsoDate('2024-01-15 10:23:45 -0500'); // Date.UTC(2024, 0, 15, 15, 23, 45)
 * parseIsoDate('2024-01-15T10:00:00+05:30'); // Date.UTC(2024, 0, 15, 4, 30)
 * parseIsoDate('19970101');                  // Date.UTC(1997, 0, 1)
 * parseIsoDate('15/01/2024');                // NaN (not year-first)
 */
export function parseIsoDate(raw: string): number {
  return parseIsoDateRange(raw, 0, raw.length);
}

/** {@link parseIsoDate} of `raw[start, end)`, without slicing (the orders lane reads fields in place). */
export function parseIsoDateRange(raw: string, start: number, end: number): number {
  const s = trimStart(raw, start, end);
  const e = trimEnd(raw, s, end);
  const len = e - s;
  if (len < 8) return NaN;
  const y1 = two(raw, s);
  const y2 = two(raw, s + 2);
  if (y1 < 0 || y2 < 0) return NaN;
  const year = y1 * 100 + y2;
  if (year === 0) return NaN;
  let month: number;
  let day: number;
  let p: number;
  const sep = raw.charCodeAt(s + 4);
  if (sep === 45 || sep === 47) {
    // yyyy-MM-dd / yyyy/MM/dd
    if (len < 10 || raw.charCodeAt(s + 7) !== sep) return NaN;
    month = two(raw, s + 5);
    day = two(raw, s + 8);
    p = s + 10;
  } else {
    // yyyyMMdd, nothing else
    if (len !== 8) return NaN;
    month = two(raw, s + 4);
    day = two(raw, s + 6);
    p = e;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (p === e) return epoch(year, month, day, 0, 0, 0, 0);

  // Time: [T ]HH:mm[:ss[.fff…]]
  const t = raw.charCodeAt(p);
  if (t !== 84 && t !== 32 && t !== 116) return NaN;
  p++;
  if (e - p < 5 || raw.charCodeAt(p + 2) !== 58) return NaN;
  const hour = two(raw, p);
  const minute = two(raw, p + 3);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  p += 5;
  let second = 0;
  let ms = 0;
  if (p < e && raw.charCodeAt(p) === 58) {
    second = two(raw, p + 1);
    if (second < 0 || second > 59 || p + 3 > e) return NaN;
    p += 3;
    if (p < e && raw.charCodeAt(p) === 46) {
      p++;
      const start = p;
      while (p < e && isDigitAt(raw, p)) {
        const n = p - start;
        if (n < 3) ms = ms * 10 + (raw.charCodeAt(p) - 48);
        p++;
      }
      const n = p - start;
      if (n === 0 || n > 9) return NaN;
      if (n === 1) ms *= 100;
      else if (n === 2) ms *= 10;
    }
  }
  const base = epoch(year, month, day, hour, minute, second, ms);
  if (p === e) return base;

  // Offset: optional single space, then Z | UTC | ±hh[[:]mm]
  if (raw.charCodeAt(p) === 32) p++;
  if (p >= e) return NaN;
  const z = raw.charCodeAt(p);
  if (z === 90 || z === 122) return p + 1 === e ? base : NaN;
  if (z === 85) {
    return e - p === 3 && raw.charCodeAt(p + 1) === 84 && raw.charCodeAt(p + 2) === 67 ? base : NaN;
  }
  if (z !== 43 && z !== 45) return NaN;
  const oh = two(raw, p + 1);
  if (oh < 0 || oh > 23 || p + 3 > e) return NaN;
  p += 3;
  let om = 0;
  if (p < e) {
    if (raw.charCodeAt(p) === 58) p++;
    if (e - p !== 2) return NaN;
    om = two(raw, p);
    if (om < 0 || om > 59) return NaN;
  }
  const off = (oh * 60 + om) * MS_PER_MINUTE;
  return z === 43 ? base - off : base + off;
}

/** The last valid day parseIsoDateBytes read, and its epoch ms. */
let lastYear = -1;
let lastMonth = -1;
let lastDay = -1;
let lastDayMs = 0;

/** Value of the two ASCII digits at p of `b`, or -1 (also past the end). */
function twoBytes(b: Uint8Array, p: number): number {
  const x = b[p]! - 48;
  const y = b[p + 1]! - 48;
  if (!(x >= 0 && x <= 9 && y >= 0 && y <= 9)) return -1; // undefined past the end fails too
  return x * 10 + y;
}

/**
 * The commonest shapes of {@link parseIsoDateRange}, read from ASCII bytes
 * `b[s, e)` (the orders worker reads lines as bytes): `yyyy-MM-dd`, then
 * optionally `T` or a space and `HH:mm` or `HH:mm:ss`, then optionally `Z`.
 * No surrounding spaces. Returns the same epoch ms as parseIsoDateRange on the
 * same text, or NaN for anything else, valid or not (the caller then reads the
 * cell as text).
 */
export function parseIsoDateBytes(b: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len < 10 || b[s + 4] !== 45 || b[s + 7] !== 45) return NaN;
  const y1 = twoBytes(b, s);
  const y2 = twoBytes(b, s + 2);
  const month = twoBytes(b, s + 5);
  const day = twoBytes(b, s + 8);
  if (y1 < 0 || y2 < 0) return NaN;
  const year = y1 * 100 + y2;
  let dayMs: number;
  // Exports run in date order: most lines repeat the previous line's day.
  if (year === lastYear && month === lastMonth && day === lastDay) dayMs = lastDayMs;
  else {
    if (year === 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
    dayMs = daysFromCivil(year, month, day) * MS_PER_DAY;
    lastYear = year;
    lastMonth = month;
    lastDay = day;
    lastDayMs = dayMs;
  }
  if (len === 10) return dayMs;
  let p = s + 10;
  const t = b[p];
  if ((t !== 84 && t !== 32 && t !== 116) || e - p < 6 || b[p + 3] !== 58) return NaN;
  const hour = twoBytes(b, p + 1);
  const minute = twoBytes(b, p + 4);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  p += 6;
  let second = 0;
  if (p < e && b[p] === 58) {
    if (p + 3 > e) return NaN;
    second = twoBytes(b, p + 1);
    if (second < 0 || second > 59) return NaN;
    p += 3;
  }
  if (p < e && (b[p] === 90 || b[p] === 122)) p++;
  return p === e ? dayMs + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000 : NaN;
}
