/**
 * Output format registry: its keys feed the --format choices.
 */
import type { ChalkInstance } from 'chalk';
import type { MetricKey } from '../../model.js';
import type { Report } from '../model.js';
import type { DisplayOptions } from '../number-format.js';
import { renderJson, renderNdjson } from './json.js';
import { renderTable } from './table.js';

export interface RenderOptions {
  display: DisplayOptions;
  width: number;
  chalk: ChalkInstance;
  allPeriods: boolean;
  metrics: readonly MetricKey[];
}

export type Renderer = (report: Report, opts: RenderOptions) => string;

export const RENDERERS = {
  table: renderTable,
  json: (r) => renderJson(r),
  ndjson: (r) => renderNdjson(r),
} satisfies Record<string, Renderer>;

export type OutputFormat = keyof typeof RENDERERS;
export const OUTPUT_FORMATS = Object.keys(RENDERERS) as OutputFormat[];
