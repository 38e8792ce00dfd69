/**
 * Output flags shared by every command that renders a result: format, file,
 * locale, currency, colour, width.
 */
import { Option, type Command } from 'commander';
import type { ChalkInstance } from 'chalk';
import { z } from 'zod';
import { currencySchema, type Config } from '../pipeline/load-run.js';
import { UsageError } from '../errors.js';
import { BINARY_FORMATS } from '../report/formats/index.js';
import type { DisplayOptions } from '../report/number-format.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../report/renderers.js';
import { colourLevel, createChalk, terminalWidth } from './colour.js';
import type { Io } from './io.js';

export function addOutputOptions(cmd: Command, formats: readonly string[]): Command {
  return cmd
    .addOption(new Option('--format <format>', 'output format').choices(formats).default('table'))
    .option('--output <file>', 'write to a file instead of stdout (atomically: a failed run leaves no file)')
    .option('--locale <bcp47>', 'number formatting on screen, in markdown and html (default: settings.locale, else en-US)')
    .option('--currency <code>', 'the report currency, e.g. EUR: with --fx every amount is converted into it; its symbol on screen, in markdown and html (default: settings.currency, else the one currency the data names)')
    .option('--no-color', 'no colours in the table')
    .option('--raw-text', "csv/tsv: write text cells as they are (default: a leading ' on text starting with = + - @ tab CR, so spreadsheets do not run it)");
}

const outputSchema = z.object({
  // `summary` (report only: the figure inputs as CSV); commander's choices limit each command's formats.
  format: z.enum([...OUTPUT_FORMATS, 'summary']),
  output: z.string().optional(),
  locale: z.string().optional(),
  currency: currencySchema('--currency').optional(),
  color: z.boolean().default(true),
  rawText: z.boolean().default(false),
});

export interface OutputSettings {
  format: OutputFormat | 'summary';
  output: string | undefined;
  display: DisplayOptions;
  chalk: ChalkInstance;
  width: number;
  /** --decimal-comma (or config decimal_comma): `;`-delimited CSV with decimal commas. */
  decimalComma: boolean;
  /** --raw-text: csv/tsv text cells as they are, not spreadsheet-safe. */
  rawText: boolean;
}

export function parseOutputOptions(opts: Record<string, unknown>, config: Config, io: Io, decimalComma: boolean | undefined): OutputSettings {
  const parsed = outputSchema.safeParse(opts);
  if (!parsed.success) throw new UsageError('BAD_FLAGS', parsed.error.issues.map((i) => i.message).join('; '));
  const o = parsed.data;
  const locale = o.locale ?? config.settings?.locale ?? 'en-US';
  try {
    // The tag's syntax only, as Intl.NumberFormat would check it: building a
    // formatter here would load ICU's locale data (~0.02 s) for formats that
    // print no formatted numbers (json, csv, …).
    Intl.getCanonicalLocales(locale);
  } catch {
    throw new UsageError('BAD_LOCALE', `--locale: "${locale}" is not a locale`, { hint: 'use a BCP 47 tag such as en-US, de-DE, fr-FR' });
  }
  const currency = o.currency?.toUpperCase() ?? config.settings?.currency;
  return {
    format: o.format,
    output: o.output,
    display: { locale, currency },
    chalk: createChalk(o.output ? 0 : colourLevel(o.color, io.env, io.stdoutIsTTY)),
    width: terminalWidth(io.env, io.columns),
    decimalComma: decimalComma ?? config.settings?.decimal_comma ?? false,
    rawText: o.rawText,
  };
}

/** Binary formats (xlsx) are written to a file only; checked before any input is read. */
export function requireOutputForBinary(opts: Record<string, unknown>): void {
  const format = String(opts['format']);
  const output = opts['output'];
  if (BINARY_FORMATS.includes(format) && (output === undefined || output === '-')) {
    throw new UsageError('OUTPUT_REQUIRED', `--format ${format} writes a binary file: pass --output FILE`, { hint: `e.g. --format ${format} --output kpi.${format}` });
  }
}
