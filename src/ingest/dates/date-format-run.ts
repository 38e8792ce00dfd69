/**
 * `--date-format`: runs a hand-compiled program (date-format-program.ts) on a
 * value, with date-fns's field readers (digits, month names, day periods,
 * offsets); results identical to date-fns `parse`, tested on every token.
 */
import { daysInMonth, epoch, MS_PER_HOUR, MS_PER_MINUTE, two } from './calendar.js';
import { type Op, OP_AMPM, OP_DAY_N, OP_DAY_PAT, OP_FRAC, OP_H12_N, OP_H12_PAT, OP_H23_N, OP_H23_PAT, OP_LIT, OP_MIN_N, OP_MIN_PAT, OP_MONTH_N, OP_MONTH_PAT, OP_MONTH_TXT, OP_SEC_N, OP_SEC_PAT, OP_TZ, OP_YEAR, TZ_BASIC_OPT_MIN, TZ_BASIC_OPT_SEC, TZ_EXTENDED, TZ_EXTENDED_OPT_SEC } from './date-format-program.js';

// Scratch results of the readers below (allocation-free).
let gVal = 0;

/** Up to n digits, greedy (date-fns `\d{1,n}`); the new position, or -1. */
function readN(raw: string, p: number, n: number): number {
  let v = 0;
  let q = p;
  const end = Math.min(raw.length, p + n);
  while (q < end) {
    const d = raw.charCodeAt(q) - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
    q++;
  }
  if (q === p) return -1;
  gVal = v;
  return q;
}

/**
 * date-fns numeric patterns of the form `X[lo-hi]|[a-b]?\d` (X = -1: none):
 * month/hour12 `1[0-2]|0?\d`, date `3[0-1]|[0-2]?\d`, hour23 `2[0-3]|[0-1]?\d`,
 * minute/second `[0-5]?\d`. The new position, or -1.
 */
function readPat(raw: string, p: number, x: number, lo: number, hi: number, a: number, b: number): number {
  const c0 = raw.charCodeAt(p) - 48;
  if (!(c0 >= 0 && c0 <= 9)) return -1;
  const c1 = raw.charCodeAt(p + 1) - 48;
  if (c1 >= 0 && c1 <= 9 && ((c0 === x && c1 >= lo && c1 <= hi) || (c0 >= a && c0 <= b))) {
    gVal = c0 * 10 + c1;
    return p + 2;
  }
  gVal = c0;
  return p + 1;
}

/** JavaScript `\s`. */
function isJsSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** ASCII case-insensitive `raw.startsWith(lower, p)`; `lower` is lower-case letters and spaces. */
function startsWithCI(raw: string, p: number, lower: string): boolean {
  if (p + lower.length > raw.length) return false;
  for (let i = 0; i < lower.length; i++) {
    const c = raw.charCodeAt(p + i);
    const l = lower.charCodeAt(i);
    if (c !== l && (l < 97 || l > 122 || (c | 0x20) !== l || c < 65)) return false;
  }
  return true;
}

const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** date-fns en-US `MMM`: an abbreviation, else a narrow initial. Sets gVal to 0–11; the new position or -1. */
function readMonthText(raw: string, p: number): number {
  for (let i = 0; i < 12; i++) {
    if (startsWithCI(raw, p, MONTH_ABBR[i] as string)) {
      gVal = i;
      return p + 3;
    }
  }
  switch (raw.charCodeAt(p) | 0x20) {
    case 106: gVal = 0; break; // j
    case 102: gVal = 1; break; // f
    case 109: gVal = 2; break; // m
    case 97: gVal = 3; break; // a
    case 115: gVal = 8; break; // s
    case 111: gVal = 9; break; // o
    case 110: gVal = 10; break; // n
    case 100: gVal = 11; break; // d
    default: return -1;
  }
  return raw.charCodeAt(p) < 65 ? -1 : p + 1;
}

const PERIOD_WORDS = ['morning', 'afternoon', 'evening', 'night'];
const PERIOD_HOURS = [4, 12, 17, 0];

/** date-fns en-US day period (`a`): sets gVal to the hours it implies; the new position or -1. */
function readDayPeriod(raw: string, p: number): number {
  const c = raw.charCodeAt(p) | 0x20;
  const upper = raw.charCodeAt(p) >= 65;
  // [ap]\.?\s?m\.?
  if (upper && (c === 97 || c === 112)) {
    let q = p + 1;
    if (raw.charCodeAt(q) === 46) q++;
    if (isJsSpace(raw.charCodeAt(q))) q++;
    if ((raw.charCodeAt(q) | 0x20) === 109 && raw.charCodeAt(q) >= 65) {
      q++;
      if (raw.charCodeAt(q) === 46) q++;
      gVal = c === 97 ? 0 : 12;
      return q;
    }
  }
  if (startsWithCI(raw, p, 'midnight')) {
    gVal = 0;
    return p + 8;
  }
  if (startsWithCI(raw, p, 'noon')) {
    gVal = 12;
    return p + 4;
  }
  // (in the|at) (morning|afternoon|evening|night); "at …" parses as am.
  const lead = startsWithCI(raw, p, 'in the ') ? 7 : startsWithCI(raw, p, 'at ') ? 3 : 0;
  if (lead > 0) {
    for (let i = 0; i < 4; i++) {
      const w = PERIOD_WORDS[i] as string;
      if (startsWithCI(raw, p + lead, w)) {
        gVal = lead === 3 ? 0 : (PERIOD_HOURS[i] as number);
        return p + lead + w.length;
      }
    }
  }
  // narrow: a | p | mi | n
  if (!upper) return -1;
  if (c === 97) {
    gVal = 0;
    return p + 1;
  }
  if (c === 112) {
    gVal = 12;
    return p + 1;
  }
  if (c === 109 && (raw.charCodeAt(p + 1) | 0x20) === 105 && raw.charCodeAt(p + 1) >= 65) {
    gVal = 0;
    return p + 2;
  }
  if (c === 110) {
    gVal = 0;
    return p + 1;
  }
  return -1;
}

/** date-fns ISO offset patterns; sets gVal to the offset in ms; the new position or -1. */
function readOffset(raw: string, p: number, variant: number): number {
  const s = raw.charCodeAt(p);
  if (s === 43 || s === 45) {
    const h = two(raw, p + 1);
    if (h >= 0) {
      let q = p + 3;
      let m = -1;
      let sec = 0;
      const extended = variant === TZ_EXTENDED || variant === TZ_EXTENDED_OPT_SEC;
      if (extended) {
        if (raw.charCodeAt(q) === 58) {
          m = two(raw, q + 1);
          if (m >= 0) q += 3;
        }
      } else {
        m = two(raw, q);
        if (m >= 0) q += 2;
      }
      const needMinutes = variant !== TZ_BASIC_OPT_MIN;
      if (m >= 0 || !needMinutes) {
        if (m < 0) m = 0;
        else if (variant === TZ_BASIC_OPT_SEC) {
          const v = two(raw, q);
          if (v >= 0) {
            sec = v;
            q += 2;
          }
        } else if (variant === TZ_EXTENDED_OPT_SEC && raw.charCodeAt(q) === 58) {
          const v = two(raw, q + 1);
          if (v >= 0) {
            sec = v;
            q += 3;
          }
        }
        const ms = h * MS_PER_HOUR + m * MS_PER_MINUTE + sec * 1000;
        gVal = s === 43 ? ms : -ms;
        return q;
      }
    }
  }
  // date-fns' `|Z` alternative is unanchored: a `Z` anywhere counts, and one character is consumed.
  if (raw.indexOf('Z', p) !== -1) {
    gVal = 0;
    return p + 1;
  }
  return -1;
}

/** Runs a compiled program: epoch ms UTC, or NaN — exactly what date-fns `parse` in UTC gives. */
export function runOps(ops: readonly Op[], raw: string): number {
  let p = 0;
  let year = 2000;
  let yearSet = false;
  let twoDigit = false;
  let month = 0;
  let day = 1;
  let h24 = -1;
  let h12 = -1;
  let period = -1;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let offset = 0;
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i] as Op;
    switch (o.k) {
      case OP_LIT:
        if (!raw.startsWith(o.lit, p)) return NaN;
        p += o.lit.length;
        continue;
      case OP_YEAR:
        p = readN(raw, p, o.n);
        year = gVal;
        yearSet = true;
        twoDigit = o.f === 1;
        break;
      case OP_MONTH_PAT:
        p = readPat(raw, p, 1, 0, 2, 0, 0);
        month = gVal - 1;
        break;
      case OP_MONTH_N:
        p = readN(raw, p, 2);
        month = gVal - 1;
        break;
      case OP_MONTH_TXT:
        p = readMonthText(raw, p);
        month = gVal;
        break;
      case OP_DAY_PAT:
        p = readPat(raw, p, 3, 0, 1, 0, 2);
        day = gVal;
        break;
      case OP_DAY_N:
        p = readN(raw, p, 2);
        day = gVal;
        break;
      case OP_H23_PAT:
        p = readPat(raw, p, 2, 0, 3, 0, 1);
        h24 = gVal;
        break;
      case OP_H23_N:
        p = readN(raw, p, 2);
        h24 = gVal;
        break;
      case OP_H12_PAT:
        p = readPat(raw, p, 1, 0, 2, 0, 0);
        h12 = gVal;
        break;
      case OP_H12_N:
        p = readN(raw, p, 2);
        h12 = gVal;
        break;
      case OP_AMPM:
        p = readDayPeriod(raw, p);
        period = gVal;
        break;
      case OP_MIN_PAT:
        p = readPat(raw, p, -1, 0, 0, 0, 5);
        minute = gVal;
        break;
      case OP_MIN_N:
        p = readN(raw, p, 2);
        minute = gVal;
        break;
      case OP_SEC_PAT:
        p = readPat(raw, p, -1, 0, 0, 0, 5);
        second = gVal;
        break;
      case OP_SEC_N:
        p = readN(raw, p, 2);
        second = gVal;
        break;
      case OP_FRAC:
        p = readN(raw, p, o.n);
        ms = Math.trunc(gVal * o.f);
        break;
      case OP_TZ:
        p = readOffset(raw, p, o.n);
        offset = gVal;
        break;
    }
    if (p < 0) return NaN;
  }
  // Only whitespace may follow.
  for (let q = p; q < raw.length; q++) if (!isJsSpace(raw.charCodeAt(q))) return NaN;

  if (yearSet) {
    if (twoDigit) year += year >= 50 ? 1900 : 2000;
    else if (year <= 0) return NaN;
  }
  if (month < 0 || month > 11) return NaN;
  if (day < 1 || day > daysInMonth(year, month + 1)) return NaN;
  let hour = 0;
  if (period >= 0) hour = period;
  if (h12 >= 0) {
    if (h12 < 1 || h12 > 12) return NaN;
    const pm = hour >= 12;
    hour = pm && h12 < 12 ? h12 + 12 : !pm && h12 === 12 ? 0 : h12;
  } else if (h24 >= 0) {
    if (h24 > 23) return NaN;
    hour = h24;
  }
  if (minute > 59 || second > 59) return NaN;
  return epoch(year, month + 1, day, hour, minute, second, ms) - offset;
}

/**
 * The date-fns `parse` fallback, in UTC with a fixed reference date
 * (2000-01-01T00:00Z) for the fields the format does not give.
 */
