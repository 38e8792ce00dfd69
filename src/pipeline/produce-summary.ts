/**
 * `report --summary FILE`: the figure inputs from a file instead of an engine
 * (pipeline/produce.ts). Apart, and loaded only with --summary, because reading
 * the table builds its zod schema (docs/performance.md, "Start-up").
 */
import { InputError, UsageError } from '../errors.js';
import { UTC_ZONE } from '../periods/index.js';
import { fromFigureInputRows, parseFigureInputRows, summaryFormatOf, SummaryTableError } from '../summary/index.js';
import { loadConfig } from './load-config.js';
import type { Produced, RunFlags } from './produce.js';
import { readNamedFile } from './read-named-file.js';

/** The figure inputs of a summary file: a warehouse's result, or what `--format summary` wrote. */
export async function produceFromSummary(file: string, flags: RunFlags, configFile: string | undefined, cwd: string): Promise<Produced> {
  const fixed = (['from', 'to', 'last', 'period', 'weekStart', 'margin', 'retentionDays', 'clvHorizonDays'] as const).filter((k) => flags[k] !== undefined);
  if (fixed.length > 0) {
    const names = fixed.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    throw new UsageError('SUMMARY_FIXES_SETTINGS', `--summary ${file}: the file fixes the window, periods and settings, so ${names.join(', ')} cannot apply`, {
      hint: 'set them where the summary is produced (channelbench sql … or report --format summary …)',
    });
  }
  if (flags.comparePrevious) {
    throw new UsageError('SUMMARY_NO_PREVIOUS', '--compare previous cannot apply to --summary: the file holds only the report\'s periods', {
      hint: 'compare with an earlier report instead: --baseline FILE',
    });
  }
  const { config, file: cfgFile } = await loadConfig(configFile, undefined, cwd);
  const text = await readNamedFile('--summary', file, cwd, 'SUMMARY_UNREADABLE');
  const format = summaryFormatOf(file);
  try {
    const { run, inputs } = fromFigureInputRows(parseFigureInputRows(text, format));
    return { run, inputs, withPrevious: false, files: [], config, configFile: cfgFile, timeZone: UTC_ZONE, currency: null };
  } catch (err) {
    throw summaryError(file, format, err);
  }
}

/** A located InputError for a bad figure-inputs table. */
export function summaryError(file: string, format: string, err: unknown): Error {
  if (err instanceof SummaryTableError) {
    const where = err.row === null ? '' : format === 'csv' ? ` row ${err.row} (line ${err.row + 1})` : ` row ${err.row}`;
    const col = err.column === null ? '' : `, column "${err.column}"`;
    return new InputError('SUMMARY_INVALID', `${file}:${where}${col}: ${err.message}`, { hint: 'a figure-inputs table is what `channelbench sql` returns, or `report --format summary` writes (docs/warehouse.md)' });
  }
  if (err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('CSV_')) {
    return new InputError('SUMMARY_INVALID', `${file}: not valid CSV (${err.message})`);
  }
  return err instanceof Error ? err : new Error(String(err));
}
