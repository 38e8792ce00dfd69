/**
 * Amounts as spreadsheets and shop exports write them: `1234.5`, `1,234.50`,
 * `$1,234.50`, `1 234,50`, `€ 12,50`, `(12.50)`, `12.50-`, `1'234.50`, `1.5e3`.
 *
 * Hot path: one char-code scan per call, no regex, no intermediate strings
 * (except for numbers too long for an exact double fast path), no try/catch.
 * Pure: no I/O, no locale, no clock.
 */

/** Which character separates the decimals: `.` (`'point'`) or `,` (`'comma'`). */
export type DecimalStyle = 'point' | 'comma';

/** What one raw value says about its column's decimal separator. */
export type DecimalEvidence = 'point' | 'comma' | 'ambiguous' | 'none' | 'invalid';

// Separator classes inside the number.
const SEP_DOT = 1;
const SEP_COMMA = 2;
const SEP_SPACE = 3;
const SEP_APOS = 4;

/** Powers of ten that are exact doubles (10^0 … 10^22): every number reader scales by these (`scale`). */
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];
/**
 * An order value (a line's quantity × unit price, or the running sum of an
 * order's lines) rounded to 1e-9: `6 × 2.55` is 15.3, not 15.299999999999999;
 * `0.01 + 0.05` is 0.06; lines that cancel out make a zero-value order, not a
 * 5e-17 "purchase". The one definition of that rounding.
 */
export function roundOrderValue(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

/** Below this, `m * 10 + 9` stays a safe integer. */
const MANTISSA_LIMIT = 900719925474099;

// ---------------------------------------------------------------------------
// Scan state: one module-level scratch object (fixed shape) so a call allocates nothing.
// ---------------------------------------------------------------------------
const st = {
  neg: false,
  /** All mantissa digits as one integer (exact while !big). */
  m: 0,
  big: false,
  numStart: 0,
  numEnd: 0,
  dot: 0,
  comma: 0,
  space: 0,
  apos: 0,
  seps: 0,
  lastSep: 0,
  run0Len: 0,
  run0Zero: false,
  /** Every run between two separators has exactly 3 digits. */
  midOk: true,
  lastRunLen: 0,
  hasExp: false,
  exp: 0,
};

/** Whitespace around the value and between currency and number. */
function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 160 || c === 0x202f || c === 0x2009 || c === 0x2007 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xfeff;
}

/** ASCII letter, or a letter of Latin-1/Latin Extended, Greek or Cyrillic (may take an abbreviation dot: `Rs.`, `kr.`). */
function isLetter(c: number): boolean {
  const l = c | 0x20;
  if (l >= 97 && l <= 122) return true;
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x4ff);
}

/** A character of a currency symbol or code: letters, `$`, `¢£¤¥`, the currency block and other non-punctuation non-ASCII. */
function isCurrencyChar(c: number): boolean {
  if (c < 0x80) {
    const l = c | 0x20;
    return (l >= 97 && l <= 122) || c === 36;
  }
  if (c < 0xa2) return false; // C1 controls, NBSP, ¡
  if (c <= 0xa5) return true; // ¢ £ ¤ ¥
  if (c <= 0xbf) return false; // Latin-1 punctuation (° § « » …)
  if (c === 0xd7 || c === 0xf7) return false; // × ÷
  if (c >= 0x2000 && c <= 0x209f) return false; // spaces, dashes, quotes, ‰, super/subscripts
  if (c >= 0x20a0 && c <= 0x20cf) return true; // ₠ … ₹ ₺ ₽ € …
  if (c >= 0x20d0 && c <= 0x2bff) return false; // arrows, maths, boxes, symbols
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c === 0xfeff) return false;
  return true;
}

function sepClass(c: number): number {
  if (c === 46) return SEP_DOT;
  if (c === 44) return SEP_COMMA;
  if (c === 32 || c === 160 || c === 0x202f || c === 0x2009 || c === 0x2007) return SEP_SPACE;
  if (c === 39 || c === 0x2019) return SEP_APOS;
  return 0;
}

/**
 * Strips whitespace, sign, parentheses and currency, then scans the number.
 * Leaves the facts in the module scratch; false when the text is unreadable
 * under any style.
 */
function scan(raw: string): boolean {
  let i = 0;
  let j = raw.length;
  let neg = false;
  let sign = false;
  let paren = false;
  let closed = false;
  let currency = false;

  // Front: whitespace, `(`, one sign, one currency run — in any order.
  for (;;) {
    while (i < j && isWs(raw.charCodeAt(i))) i++;
    if (i >= j) return false;
    const c = raw.charCodeAt(i);
    if (c === 40 && !paren && !sign) {
      paren = true;
      i++;
    } else if ((c === 45 || c === 43 || c === 0x2212) && !sign && !paren) {
      sign = true;
      neg = c !== 43;
      i++;
    } else if (!currency && isCurrencyChar(c)) {
      currency = true;
      let prevLetter = false;
      while (i < j) {
        const d = raw.charCodeAt(i);
        if (isCurrencyChar(d)) {
          prevLetter = isLetter(d);
          i++;
        } else if (d === 46 && prevLetter) {
          i++; // abbreviation dot: `Rs.`, `kr.`, `Fr.`
          break;
        } else break;
      }
    } else break;
  }

  // Back: whitespace, `)`, a trailing minus, one currency run.
  for (;;) {
    while (j > i && isWs(raw.charCodeAt(j - 1))) j--;
    if (j <= i) return false;
    const c = raw.charCodeAt(j - 1);
    if (c === 41 && paren && !closed) {
      closed = true;
      j--;
    } else if ((c === 45 || c === 0x2212) && !sign && !paren) {
      sign = true;
      neg = true;
      j--;
    } else if (!currency && (isCurrencyChar(c) || (c === 46 && j - 2 >= i && isLetter(raw.charCodeAt(j - 2))))) {
      currency = true;
      if (c === 46) j--;
      while (j > i && isCurrencyChar(raw.charCodeAt(j - 1))) j--;
    } else break;
  }
  if (paren !== closed) return false;

  // The number itself: digit runs, separators, an optional exponent.
  st.neg = neg || paren;
  st.numStart = i;
  st.numEnd = j;
  let m = 0;
  let big = false;
  let dot = 0;
  let comma = 0;
  let space = 0;
  let apos = 0;
  let seps = 0;
  let lastSep = 0;
  let run0Len = 0;
  let run0Zero = false;
  let midOk = true;
  let runLen = 0;
  let hasExp = false;
  let exp = 0;
  let k = i;
  while (k < j) {
    const c = raw.charCodeAt(k);
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      if (seps === 0 && runLen === 0 && d === 0) run0Zero = true;
      if (m < MANTISSA_LIMIT) m = m * 10 + d;
      else big = true;
      runLen++;
      k++;
      continue;
    }
    const cls = sepClass(c);
    if (cls !== 0) {
      if (seps === 0) run0Len = runLen;
      else if (runLen !== 3) midOk = false;
      if (cls === SEP_DOT) dot++;
      else if (cls === SEP_COMMA) comma++;
      else if (cls === SEP_SPACE) space++;
      else apos++;
      seps++;
      lastSep = cls;
      runLen = 0;
      k++;
      continue;
    }
    if ((c === 101 || c === 69) && runLen > 0) {
      // Exponent: e[+-]digits up to the end.
      k++;
      let eNeg = false;
      if (k < j) {
        const s = raw.charCodeAt(k);
        if (s === 45 || s === 43) {
          eNeg = s === 45;
          k++;
        }
      }
      if (k >= j) return false;
      while (k < j) {
        const e = raw.charCodeAt(k) - 48;
        if (e < 0 || e > 9) return false;
        if (exp < 100000) exp = exp * 10 + e;
        k++;
      }
      if (eNeg) exp = -exp;
      hasExp = true;
      break;
    }
    return false;
  }
  if (seps === 0) {
    run0Len = runLen;
    if (runLen === 0) return false;
  } else if (runLen === 0) return false; // trailing separator
  st.m = m;
  st.big = big;
  st.dot = dot;
  st.comma = comma;
  st.space = space;
  st.apos = apos;
  st.seps = seps;
  st.lastSep = lastSep;
  st.run0Len = run0Len;
  st.run0Zero = run0Zero;
  st.midOk = midOk;
  st.lastRunLen = runLen;
  st.hasExp = hasExp;
  st.exp = exp;
  return true;
}

/** Whether the last scan reads as a number when `dec` is the decimal separator (SEP_DOT or SEP_COMMA). */
function validFor(dec: number): boolean {
  const nDec = dec === SEP_DOT ? st.dot : st.comma;
  if (nDec > 1) return false;
  if (nDec === 1 && st.lastSep !== dec) return false;
  if (st.hasExp && dec === SEP_COMMA && st.seps > 0) return false;
  const thousands = st.seps - nDec;
  if (thousands > 0) {
    // One kind of thousands separator; groups of 3 after a first group of 1–3 not starting with 0.
    const other = dec === SEP_DOT ? st.comma : st.dot;
    const kinds = (other > 0 ? 1 : 0) + (st.space > 0 ? 1 : 0) + (st.apos > 0 ? 1 : 0);
    if (kinds !== 1) return false;
    if (st.run0Len < 1 || st.run0Len > 3 || st.run0Zero) return false;
    if (!st.midOk) return false;
    if (nDec === 0 && st.lastRunLen !== 3) return false;
  }
  return true;
}

/** Digits after the decimal separator `dec` in the last scan. */
function fracDigits(dec: number): number {
  return st.seps > 0 && st.lastSep === dec ? st.lastRunLen : 0;
}

/** The value of the last scan with `fracDigits` digits after the decimal separator. */
function valueOf(raw: string, fracDigits: number): number {
  const e = st.exp - fracDigits;
  let v: number;
  if (!st.big && e >= -22 && e <= 22) {
    v = scale(st.m, e);
  } else {
    let digits = '';
    for (let k = st.numStart; k < st.numEnd; k++) {
      const c = raw.charCodeAt(k);
      if (c >= 48 && c <= 57) digits += raw[k];
      else if (c === 101 || c === 69) break;
    }
    v = Number(`${digits}e${e}`);
  }
  if (!Number.isFinite(v)) return NaN;
  return signed(v, st.neg);
}

/**
 * `m × 10^e` for an integer mantissa m below 2^53 and |e| ≤ 22: exact
 * operands, one correctly rounded operation — the same double as
 * `Number(text)`. Every number reader ends here.
 */
function scale(m: number, e: number): number {
  return e < 0 ? m / POW10[-e]! : m * POW10[e]!;
}

/** `-v` when negative, never `-0`. */
function signed(v: number, neg: boolean): number {
  if (v === 0) return 0;
  return neg ? -v : v;
}

/**
 * The plain shapes `-123` and (when `point`) `-123.45`, at most 15 digits,
 * read from ASCII bytes `b[s, e)` — the orders fast path's number reader. The
 * same double {@link parseAmount} gives; NaN for any other text (the caller
 * then reads the cell with parseAmount).
 */
export function readPlainNumber(b: Uint8Array, s: number, e: number, point: boolean): number {
  let i = s;
  const neg = b[i] === 45;
  if (neg) i++;
  let m = 0;
  let digits = 0;
  let fracFrom = -1;
  for (; i < e; i++) {
    const c = b[i]!;
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === 46 && fracFrom < 0 && digits > 0 && point) fracFrom = digits;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || fracFrom === digits) return NaN;
  return signed(scale(m, fracFrom < 0 ? 0 : fracFrom - digits), neg);
}

/**
 * Says what a raw value reveals about its column's decimal separator:
 * `'point'` or `'comma'` when only that reading is valid, `'ambiguous'` when
 * both are (`1,234`: thousands or decimals), `'none'` when the value has no
 * `.` or `,` and reads the same either way, `'invalid'` when it is not a number.
 *
 * @example
 * decimalEvidence('$1,234.50'); // 'point'
 * decimalEvidence('€ 12,50');   // 'comma'
 * decimalEvidence('1,234');     // 'ambiguous'
 * decimalEvidence('1 234');     // 'none'
 * decimalEvidence('12..5');     // 'invalid'
 */
export function decimalEvidence(raw: string): DecimalEvidence {
  if (!scan(raw)) return 'invalid';
  let p = validFor(SEP_DOT);
  let c = validFor(SEP_COMMA);
  if (st.hasExp || st.big) {
    // Out of double range (`1e999`, hundreds of digits) is unreadable in that style.
    if (p && Number.isNaN(valueOf(raw, fracDigits(SEP_DOT)))) p = false;
    if (c && Number.isNaN(valueOf(raw, fracDigits(SEP_COMMA)))) c = false;
  }
  if (p && c) return st.dot + st.comma > 0 ? 'ambiguous' : 'none';
  if (p) return 'point';
  if (c) return 'comma';
  return 'invalid';
}

/**
 * Parses an amount under a known decimal style; NaN when unreadable or when
 * its separators contradict the style (`12,50` under `'point'`). Blank → NaN.
 * Parentheses, a leading or trailing minus make it negative; currency symbols
 * and codes at either end are ignored. The result is the double `Number()`
 * gives for the normalized text (never `-0`; NaN instead of ±Infinity).
 *
 * @example
 * parseAmount('($1,234.50)', 'point'); // -1234.5
 * parseAmount('1 234,50 €', 'comma');  // 1234.5
 * parseAmount('1,234', 'comma');       // 1.234
 * parseAmount('12,50', 'point');       // NaN
 */
export function parseAmount(raw: string, style: DecimalStyle): number {
  if (!scan(raw)) return NaN;
  const dec = style === 'point' ? SEP_DOT : SEP_COMMA;
  if (!validFor(dec)) return NaN;
  return valueOf(raw, fracDigits(dec));
}
