/**
 * `--date-format` in date-fns tokens: checks a format as date-fns `parse`
 * would, and compiles it — by hand for the common tokens
 * (date-format-program.ts), with date-fns `parse` in UTC for the rest.
 */
import { type DateFns, dateFns } from './date-fns-lib.js';
import { compileOps } from './date-format-program.js';
import { runOps } from './date-format-run.js';

// Tokenizers, as date-fns `parse` splits a format (date-fns 4).
const longFormattingTokensRegExp = /P+p+|P+|p+|''|'(''|[^'])+('|$)|./g;
const formattingTokensRegExp = /[yYQqMLwIdDecihHKkms]o|(\w)\1*|''|'(''|[^'])+('|$)|./g;
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
