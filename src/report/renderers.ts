/**
 * The one shape of an output-format registry: every command (report,
 * crosschannel, cohorts) renders its document in the same six formats, and its
 * registry is typed `satisfies Registry<ItsDoc, ItsOptions>`, so a missing or
 * extra format fails the build. The keys feed commander's --format choices.
 */
import type { ChalkInstance } from 'chalk';
import type { DisplayOptions } from './number-format.js';

export const OUTPUT_FORMATS = ['table', 'csv', 'tsv', 'json', 'ndjson', 'markdown', 'html', 'xlsx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What every renderer may read: number display, terminal width and colour, decimal commas in CSV. */
export interface BaseRenderOptions {
  display: DisplayOptions;
  width: number;
  chalk: ChalkInstance;
  decimalComma: boolean;
  /** --raw-text: csv/tsv text cells as they are, without the formula guard (report/csv.ts). */
  rawText?: boolean;
}

/** Text formats return a string; binary ones (xlsx) the bytes, asynchronously. */
export type Rendered = string | Uint8Array;

/** Formats whose output is bytes, not text: they need --output FILE. */
export const BINARY_FORMATS: readonly string[] = ['xlsx'];

/**
 * A command's renderers: one per output format, each (document, options) →
 * text. `Formats` is the shared formats unless a command adds its own.
 */
export type Registry<Doc, Opts extends BaseRenderOptions = BaseRenderOptions, Formats extends string = OutputFormat> = Record<Formats, (doc: Doc, opts: Opts) => Rendered | Promise<Rendered>>;
