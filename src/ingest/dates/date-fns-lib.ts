/**
 * date-fns, loaded on first use (only a `--date-format` needs it), and the
 * pieces of its tokenizer the hand-compiled formats share with it.
 */
// Loading a library, not I/O: the one node:* import of the pure ingest parsers.
// eslint-disable-next-line no-restricted-imports
import { createRequire } from 'node:module';

/**
 * Loading it costs ~50 ms of every run's start-up, so it is required on first
 * use; its CommonJS build, synchronously (the parsers here are synchronous).
 */
export interface DateFns {
  parse: typeof import('date-fns/parse').parse;
  longFormatters: typeof import('date-fns/parse').longFormatters;
  parsers: typeof import('date-fns/parse').parsers;
  enUS: typeof import('date-fns/locale/en-US').enUS;
  utc: typeof import('@date-fns/utc').utc;
}
let dateFnsLib: DateFns | null = null;
export function dateFns(): DateFns {
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

/** A quoted literal in a format (date-fns `escapedStringRegExp`), and its doubled quote. */
export const escapedStringRegExp = /^'([^]*?)'?$/;
export const doubleQuoteRegExp = /''/g;
