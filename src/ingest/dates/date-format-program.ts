/**
 * `--date-format`: the hand-compiled program for the common date-fns tokens
 * (op codes and the compiler from a token list); run by date-format-run.ts.
 */
import { dateFns, doubleQuoteRegExp, escapedStringRegExp } from './date-fns-lib.js';

// Op codes of the hand-compiled parser.
export const OP_LIT = 0;
export const OP_YEAR = 1; // n digits max; f = 1 for two-digit years
export const OP_MONTH_PAT = 2; // M
export const OP_MONTH_N = 3; // MM
export const OP_MONTH_TXT = 4; // MMM
export const OP_DAY_PAT = 5; // d
export const OP_DAY_N = 6; // dd
export const OP_H23_PAT = 7; // H
export const OP_H23_N = 8; // HH
export const OP_H12_PAT = 9; // h
export const OP_H12_N = 10; // hh
export const OP_AMPM = 11; // a, aa, aaa
export const OP_MIN_PAT = 12; // m
export const OP_MIN_N = 13; // mm
export const OP_SEC_PAT = 14; // s
export const OP_SEC_N = 15; // ss
export const OP_FRAC = 16; // S…; n digits, f = scale
export const OP_TZ = 17; // X… / x…; n = variant

// Offset variants (date-fns timezonePatterns).
export const TZ_BASIC_OPT_MIN = 1; // X, x
export const TZ_BASIC = 2; // XX, xx
export const TZ_EXTENDED = 3; // XXX, xxx
export const TZ_BASIC_OPT_SEC = 4; // XXXX, xxxx
export const TZ_EXTENDED_OPT_SEC = 5; // XXXXX, xxxxx

export interface Op {
  k: number;
  n: number;
  f: number;
  lit: string;
}

function op(k: number, n = 0, f = 0, lit = ''): Op {
  return { k, n, f, lit };
}

/** The fast-path program for a token list, or null when a token needs date-fns. */
export function compileOps(tokens: string[]): Op[] | null {
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
