/**
 * Dates as exports write them, read to epoch milliseconds UTC.
 *
 * - {@link parseIsoDate}: ISO 8601 and the other year-first shapes.
 * - {@link readDayMonthDate} / {@link readDayMonthDateInto}: `d/M/y` and `M/d/y`
 *   read both ways; the caller decides the column's order.
 * - {@link compileDateFormat}: a `--date-format` in date-fns tokens, hand
 *   compiled for the common tokens, date-fns `parse` in UTC for the rest.
 *
 * Times without an offset are UTC. Pure: no clock, no local time zone (only
 * calendar arithmetic), no I/O; hot paths are char-code scans without regex,
 * allocation or try/catch.
 */
// Loading a library, not I/O: the one node:* import a pure ingest parser has (date-fns on demand, below).
// eslint-disable-next-line no-restricted-imports
import { createRequire } from 'node:module';

/**
 * date-fns, loaded on first use: only a `--date-format` needs it, and loading
 * it costs ~50 ms of every run's start-up. Its CommonJS build is required
 * synchronously (the parsers here are synchronous).
 */
interface DateFns {
  parse: typeof import('date-fns/parse').parse;
  longFormatters: typeof import('date-fns/parse').longFormatters;
  parsers: typeof import('date-fns/parse').parsers;
  enUS: typeof import('date-fns/locale/en-US').enUS;
  utc: typeof import('@date-fns/utc').utc;
}
let dateFnsLib: DateFns | null = null;
function dateFns(): DateFns {
  if (dateFnsLib === null) {
    const require = createRequire(import.meta.url);
    const parse = require('date-fns/parse') as typeof import('date-fns/parse');
    dateFnsLib = {
      parse: parse.parse,
      longFormatters: parse.longFormatters,
      parsers: parse.parsers,
      enUS: (require('date-fns/locale/en-US') as typeof import('date-fns/locale/en-US')).enUS,
      utc: (require('@date-fns/utc') as typeof import('@date-fns/utc')).utc,
    };
  }
  return dateFnsLib;
}

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12); exact for every year, including 0–99. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = (((153 * mp + 2) / 5) | 0) + day - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month (1–12). */
function daysInMonth(y: number, month: number): number {
  if (month === 2) return isLeapYear(y) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Epoch ms UTC of a validated date and time. */
function epoch(y: number, month: number, d: number, h: number, mi: number, s: number, ms: number): number {
  return daysFromCivil(y, month, d) * MS_PER_DAY + h * MS_PER_HOUR + mi * MS_PER_MINUTE + s * 1000 + ms;
}

/** Value of the two ASCII digits at p, or -1 (also past the end). */
function two(raw: string, p: number): number {
  const a = raw.charCodeAt(p) - 48;
  const b = raw.charCodeAt(p + 1) - 48;
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return -1; // NaN past the end fails too
  return a * 10 + b;
}

function isDigitAt(raw: string, p: number): boolean {
  const d = raw.charCodeAt(p) - 48; // NaN past the end → false
  return d >= 0 && d <= 9;
}

/** Start of the value after leading spaces/tabs. */
function trimStart(raw: string, from = 0, to = raw.length): number {
  let s = from;
  const n = to;
  while (s < n) {
    const c = raw.charCodeAt(s);
    if (c !== 32 && c !== 9 && c !== 160) break;
    s++;
  }
  return s;
}

/** End (exclusive) of the value before trailing spaces/tabs. */
function trimEnd(raw: string, s: number, to = raw.length): number {
  let e = to;
  while (e > s) {
    const c = raw.charCodeAt(e - 1);
    if (c !== 32 && c !== 9 && c !== 160) break;
    e--;
  }
  return e;
}

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

// ---------------------------------------------------------------------------
// date-fns format strings
// ---------------------------------------------------------------------------

// Tokenizers, as date-fns `parse` splits a format (date-fns 4).
const longFormattingTokensRegExp = /P+p+|P+|p+|''|'(''|[^'])+('|$)|./g;
const formattingTokensRegExp = /[yYQqMLwIdDecihHKkms]o|(\w)\1*|''|'(''|[^'])+('|$)|./g;
const escapedStringRegExp = /^'([^]*?)'?$/;
const doubleQuoteRegExp = /''/g;
const unescapedLatinCharacterRegExp = /[a-zA-Z]/;
/** Tokens date-fns refuses by default (`YYYY`, `DD` are nearly always a typo for `yyyy`, `dd`). */
const PROTECTED_TOKENS = new Set(['D', 'DD', 'YY', 'YYYY']);
/** Tokens that pin the year (or the instant): a format needs one to be usable. */
const YEAR_TOKENS = new Set(['y', 'Y', 'R', 'u', 't', 'T']);

/** Fixed reference date for fields a format does not give (never the wall clock). */
const REFERENCE_DATE = Date.UTC(2000, 0, 1);
let fallbackOptionsMemo: Parameters<DateFns['parse']>[3] | null = null;
const fallbackOptions = (): Parameters<DateFns['parse']>[3] =>
  (fallbackOptionsMemo ??= {
    in: dateFns().utc,
    locale: dateFns().enUS,
    // Protected tokens that throw are refused up front; these only silence console warnings.
    useAdditionalWeekYearTokens: true,
    useAdditionalDayOfYearTokens: true,
  });

interface FormatAnalysis {
  /** Empty when the format is valid. */
  error: string;
  tokens: string[];
  hasYear: boolean;
}

/** Tokenizes a format and applies every check date-fns `parse` would throw on. */
function analyzeFormat(format: string): FormatAnalysis {
  const fail = (error: string): FormatAnalysis => ({ error, tokens: [], hasYear: false });
  if (format.length === 0) return fail('the date format is empty');
  const { longFormatters, parsers, enUS } = dateFns();
  const expanded = (format.match(longFormattingTokensRegExp) ?? [])
    .map((sub) => {
      const f = longFormatters[sub[0] as string];
      return f ? f(sub, enUS.formatLong as NonNullable<typeof enUS.formatLong>) : sub;
    })
    .join('');
  const tokens = expanded.match(formattingTokensRegExp);
  if (!tokens || tokens.length === 0) return fail('the date format has no tokens');
  const used: { token: string; fullToken: string }[] = [];
  let hasYear = false;
  for (const token of tokens) {
    const first = token[0] as string;
    if (PROTECTED_TOKENS.has(token)) {
      const subject = first === 'Y' ? 'years' : 'days of the month';
      return fail(`use \`${token.toLowerCase()}\` instead of \`${token}\` for ${subject}`);
    }
    const parser = parsers[first];
    if (parser) {
      const incompatible = parser.incompatibleTokens;
      if (Array.isArray(incompatible)) {
        const clash = used.find((u) => incompatible.includes(u.token) || u.token === first);
        if (clash) return fail(`the format must not contain \`${clash.fullToken}\` and \`${token}\` at the same time`);
      } else if (incompatible === '*' && used.length > 0) {
        return fail(`the format must not contain \`${token}\` and any other token at the same time`);
      }
      used.push({ token: first, fullToken: token });
      if (YEAR_TOKENS.has(first)) hasYear = true;
    } else if (unescapedLatinCharacterRegExp.test(first)) {
      return fail(`unknown token \`${token}\` (quote literal letters, e.g. 'T')`);
    }
  }
  return { error: '', tokens, hasYear };
}

/**
 * Whether a `--date-format` is usable: non-empty, accepted by date-fns `parse`
 * (known tokens, no incompatible pairs, not the `YYYY`/`DD` traps), and
 * containing a year token (`y`, or week-year / timestamp tokens) — a format
 * without a year would silently put every date in the reference year.
 *
 * @example
 * isValidDateFormat('dd/MM/yyyy HH:mm'); // true
 * isValidDateFormat('DD/MM/YYYY');       // false
 * isValidDateFormat('HH:mm');            // false (no date)
 * isValidDateFormat('');                 // false
 */
export function isValidDateFormat(format: string): boolean {
  const a = analyzeFormat(format);
  return a.error === '' && a.hasYear;
}

/**
 * Why a `--date-format` is not usable, or `null` when it is (the message for a
 * usage error; same rules as {@link isValidDateFormat}).
 *
 * @example
 * dateFormatProblem('yyyy-MM-dd');  // null
 * dateFormatProblem('YYYY-MM-dd');  // 'use `yyyy` instead of `YYYY` for years'
 */
export function dateFormatProblem(format: string): string | null {
  const a = analyzeFormat(format);
  if (a.error !== '') return a.error;
  if (!a.hasYear) return 'the date format has no year token (y)';
  return null;
}

// Op codes of the hand-compiled parser.
const OP_LIT = 0;
const OP_YEAR = 1; // n digits max; f = 1 for two-digit years
const OP_MONTH_PAT = 2; // M
const OP_MONTH_N = 3; // MM
const OP_MONTH_TXT = 4; // MMM
const OP_DAY_PAT = 5; // d
const OP_DAY_N = 6; // dd
const OP_H23_PAT = 7; // H
const OP_H23_N = 8; // HH
const OP_H12_PAT = 9; // h
const OP_H12_N = 10; // hh
const OP_AMPM = 11; // a, aa, aaa
const OP_MIN_PAT = 12; // m
const OP_MIN_N = 13; // mm
const OP_SEC_PAT = 14; // s
const OP_SEC_N = 15; // ss
const OP_FRAC = 16; // S…; n digits, f = scale
const OP_TZ = 17; // X… / x…; n = variant

// Offset variants (date-fns timezonePatterns).
const TZ_BASIC_OPT_MIN = 1; // X, x
const TZ_BASIC = 2; // XX, xx
const TZ_EXTENDED = 3; // XXX, xxx
const TZ_BASIC_OPT_SEC = 4; // XXXX, xxxx
const TZ_EXTENDED_OPT_SEC = 5; // XXXXX, xxxxx

interface Op {
  k: number;
  n: number;
  f: number;
  lit: string;
}

function op(k: number, n = 0, f = 0, lit = ''): Op {
  return { k, n, f, lit };
}

/** The fast-path program for a token list, or null when a token needs date-fns. */
function compileOps(tokens: string[]): Op[] | null {
  const { parsers } = dateFns();
  const ops: Op[] = [];
  const literal = (text: string): void => {
    const last = ops[ops.length - 1];
    if (last && last.k === OP_LIT) last.lit += text;
    else ops.push(op(OP_LIT, 0, 0, text));
  };
  for (const token of tokens) {
    const first = token[0] as string;
    const len = token.length;
    if (!parsers[first]) {
      // Literal text (the analysis refused unquoted letters).
      if (token === "''") literal("'");
      else if (first === "'") literal((token.match(escapedStringRegExp)?.[1] ?? '').replace(doubleQuoteRegExp, "'"));
      else literal(token);
      continue;
    }
    if (len > 1 && token[1] === 'o') return null; // ordinals: yo, Mo, do, …
    switch (first) {
      case 'y':
        if (len > 4) return null;
        ops.push(op(OP_YEAR, len === 1 ? 4 : len, len === 2 ? 1 : 0));
        break;
      case 'M':
        if (len === 1) ops.push(op(OP_MONTH_PAT));
        else if (len === 2) ops.push(op(OP_MONTH_N, 2));
        else if (len === 3) ops.push(op(OP_MONTH_TXT));
        else return null;
        break;
      case 'd':
        if (len === 1) ops.push(op(OP_DAY_PAT));
        else if (len === 2) ops.push(op(OP_DAY_N, 2));
        else return null;
        break;
      case 'H':
        if (len === 1) ops.push(op(OP_H23_PAT));
        else if (len === 2) ops.push(op(OP_H23_N, 2));
        else return null;
        break;
      case 'h':
        if (len === 1) ops.push(op(OP_H12_PAT));
        else if (len === 2) ops.push(op(OP_H12_N, 2));
        else return null;
        break;
      case 'a':
        if (len > 3) return null;
        ops.push(op(OP_AMPM));
        break;
      case 'm':
        if (len === 1) ops.push(op(OP_MIN_PAT));
        else if (len === 2) ops.push(op(OP_MIN_N, 2));
        else return null;
        break;
      case 's':
        if (len === 1) ops.push(op(OP_SEC_PAT));
        else if (len === 2) ops.push(op(OP_SEC_N, 2));
        else return null;
        break;
      case 'S':
        if (len > 15) return null;
        ops.push(op(OP_FRAC, len, Math.pow(10, -len + 3)));
        break;
      case 'X':
      case 'x':
        if (len > 5) return null;
        ops.push(op(OP_TZ, len === 1 ? TZ_BASIC_OPT_MIN : len === 2 ? TZ_BASIC : len === 3 ? TZ_EXTENDED : len === 4 ? TZ_BASIC_OPT_SEC : TZ_EXTENDED_OPT_SEC));
        break;
      default:
        return null;
    }
  }
  return ops;
}

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
function runOps(ops: readonly Op[], raw: string): number {
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
function dateFnsUtc(raw: string, format: string): number {
  return dateFns().parse(raw, format, REFERENCE_DATE, fallbackOptions()).getTime();
}

/**
 * Whether {@link compileDateFormat} hand-compiles this format (true) or runs
 * date-fns `parse` for it (false). False for an invalid format.
 *
 * @example
 * isHandCompiledDateFormat('dd/MM/yyyy HH:mm'); // true
 * isHandCompiledDateFormat('EEEE, MMMM do yyyy'); // false
 */
export function isHandCompiledDateFormat(format: string): boolean {
  const a = analyzeFormat(format);
  return a.error === '' && compileOps(a.tokens) !== null;
}

/**
 * Compiles a date-fns format string (https://date-fns.org/docs/parse tokens)
 * into a parser returning epoch ms UTC, or NaN when a value does not match or
 * is not a real date. Formats made of `y yy yyyy M MM MMM d dd H HH h hh a m mm
 * s ss S… X… x…` and literals are hand-compiled (results identical to date-fns);
 * anything else runs date-fns `parse` in UTC. Fields the format lacks come
 * from 2000-01-01T00:00Z; `yy` is 1950–2049. Leading spaces are not skipped,
 * trailing ones are (as date-fns).
 *
 * @throws RangeError when date-fns would reject the format (check with
 *   {@link isValidDateFormat} first for a usage error).
 * @example
 * const read = compileDateFormat('M/d/yyyy H:mm');
 * read('1/5/2024 9:05');  // Date.UTC(2024, 0, 5, 9, 5)
 * read('2/30/2024 9:05'); // NaN
 */
export function compileDateFormat(format: string): (raw: string) => number {
  const a = analyzeFormat(format);
  if (a.error !== '') throw new RangeError(`invalid date format "${format}": ${a.error}`);
  const ops = compileOps(a.tokens);
  if (ops) return (raw: string) => runOps(ops, raw);
  return (raw: string) => dateFnsUtc(raw, format);
}

