/**
 * ISO 8601 and the other year-first shapes, read to epoch ms UTC (NaN when not
 * one of these shapes or not a real date/time). One reader, over bytes: the
 * orders fast path calls it on the bytes of the file, every other reader on a
 * string through {@link parseIsoDate} (which copies the ASCII characters).
 */
import { daysFromCivil, daysInMonth, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from './calendar.js';
import { trimEnd, trimStart } from '../blank.js';

/** The last valid day read, and its epoch ms (exports run in date order: most lines repeat the previous line's day). */
let lastYear = -1;
let lastMonth = -1;
let lastDay = -1;
let lastDayMs = 0;
/** Whether the last value read carried its own offset (`Z`, ` UTC`, `±hh[:mm]`). */
let hadOffset = false;

/** Whether the last value {@link readIsoBytes} or {@link parseIsoDate} read (not NaN) ended in an offset; date-only values and times without one are wall times. */
export function lastIsoHadOffset(): boolean {
  return hadOffset;
}

/** Value of the two ASCII digits at p of `b`, or -1 (also past the end). */
function twoBytes(b: Uint8Array, p: number): number {
  const x = b[p]! - 48;
  const y = b[p + 1]! - 48;
  if (!(x >= 0 && x <= 9 && y >= 0 && y <= 9)) return -1; // undefined past the end fails too
  return x * 10 + y;
}

function isDigitByte(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}

/**
 * Reads the unambiguous, year-first shapes from ASCII bytes `b[s, e)` (no
 * surrounding blanks): ISO 8601 date or date-time (`T` or space, optional
 * seconds and fraction, offset `Z`, `+hh:mm`, `+hhmm`, `+hh`, optionally after
 * a space as in Shopify's `2024-01-15 10:23:45 -0500`, or ` UTC`),
 * `yyyy/MM/dd[ HH:mm[:ss]]`, and compact `yyyyMMdd`. Epoch ms UTC (offsets
 * converted, no offset = UTC), or NaN (`2023-02-29`, `24:00`, `19971301`).
 */
export function readIsoBytes(b: Uint8Array, s: number, e: number): number {
  hadOffset = false;
  const len = e - s;
  if (len < 8) return NaN;
  const y1 = twoBytes(b, s);
  const y2 = twoBytes(b, s + 2);
  if (y1 < 0 || y2 < 0) return NaN;
  const year = y1 * 100 + y2;
  let month: number;
  let day: number;
  let p: number;
  const sep = b[s + 4];
  if (sep === 45 || sep === 47) {
    // yyyy-MM-dd / yyyy/MM/dd
    if (len < 10 || b[s + 7] !== sep) return NaN;
    month = twoBytes(b, s + 5);
    day = twoBytes(b, s + 8);
    p = s + 10;
  } else {
    // yyyyMMdd, nothing else
    if (len !== 8) return NaN;
    month = twoBytes(b, s + 4);
    day = twoBytes(b, s + 6);
    p = e;
  }
  let dayMs: number;
  if (year === lastYear && month === lastMonth && day === lastDay) dayMs = lastDayMs;
  else {
    if (year === 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
    dayMs = daysFromCivil(year, month, day) * MS_PER_DAY;
    lastYear = year;
    lastMonth = month;
    lastDay = day;
    lastDayMs = dayMs;
  }
  if (p === e) return dayMs;

  // Time: [T ]HH:mm[:ss[.fff…]]
  const t = b[p];
  if (t !== 84 && t !== 32 && t !== 116) return NaN;
  p++;
  if (e - p < 5 || b[p + 2] !== 58) return NaN;
  const hour = twoBytes(b, p);
  const minute = twoBytes(b, p + 3);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  p += 5;
  let second = 0;
  let ms = 0;
  if (p < e && b[p] === 58) {
    second = twoBytes(b, p + 1);
    if (second < 0 || second > 59 || p + 3 > e) return NaN;
    p += 3;
    if (p < e && b[p] === 46) {
      p++;
      const start = p;
      while (p < e && isDigitByte(b[p])) {
        if (p - start < 3) ms = ms * 10 + (b[p]! - 48);
        p++;
      }
      const n = p - start;
      if (n === 0 || n > 9) return NaN;
      if (n === 1) ms *= 100;
      else if (n === 2) ms *= 10;
    }
  }
  const base = dayMs + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000 + ms;
  if (p === e) return base;

  // Offset: optional single space, then Z | UTC | ±hh[[:]mm]
  if (b[p] === 32) p++;
  if (p >= e) return NaN;
  const z = b[p]!;
  if (z === 90 || z === 122) return p + 1 === e ? offset(base) : NaN;
  if (z === 85) return e - p === 3 && b[p + 1] === 84 && b[p + 2] === 67 ? offset(base) : NaN;
  if (z !== 43 && z !== 45) return NaN;
  const oh = twoBytes(b, p + 1);
  if (oh < 0 || oh > 23 || p + 3 > e) return NaN;
  p += 3;
  let om = 0;
  if (p < e) {
    if (b[p] === 58) p++;
    if (e - p !== 2) return NaN;
    om = twoBytes(b, p);
    if (om < 0 || om > 59) return NaN;
  }
  const off = (oh * 60 + om) * MS_PER_MINUTE;
  return offset(z === 43 ? base - off : base + off);
}

function offset(v: number): number {
  hadOffset = true;
  return v;
}

/** Scratch bytes for {@link parseIsoDate} (ISO values are short). */
const scratch = new Uint8Array(64);

/**
 * {@link readIsoBytes} of a string: surrounding blanks are ignored; any other
 * character outside ASCII makes it NaN.
 *
 * @example
 * parseIsoDate('2024-01-15');                // Date.UTC(2024, 0, 15)
 * parseIsoDate('2024-01-15 10:23:45 -0500'); // Date.UTC(2024, 0, 15, 15, 23, 45)
 * parseIsoDate('2024-01-15T10:00:00+05:30'); // Date.UTC(2024, 0, 15, 4, 30)
 * parseIsoDate('19970101');                  // Date.UTC(1997, 0, 1)
 * parseIsoDate('15/01/2024');                // NaN (not year-first)
 */
export function parseIsoDate(raw: string): number {
  hadOffset = false;
  const s = trimStart(raw);
  const e = trimEnd(raw, s);
  const n = e - s;
  if (n > scratch.length) return NaN;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(s + i);
    if (c > 127) return NaN;
    scratch[i] = c;
  }
  return readIsoBytes(scratch, 0, n);
}
