/**
 * `cohorts --format xlsx` and `crosschannel --format xlsx`: the long tables of
 * their csv output as typed sheets (dates as dates, shares as percentages,
 * money and counts with number formats), one definition with the csv.
 */
import type { CsvCell } from '../csv.js';
import { LONG_COLUMNS, longRows } from '../crosschannel/long-rows.js';
import type { CrossChannelDoc } from '../crosschannel/model.js';
import { NUMBER_FORMATS, writeWorkbook, type ColumnKind } from './xlsx-book.js';

const COHORT_KINDS: ColumnKind[] = ['date', 'text', { number: NUMBER_FORMATS.count }, { number: NUMBER_FORMATS.count }, { number: NUMBER_FORMATS.rate }, { number: NUMBER_FORMATS.money }];

/** `header`/`rows`: the cohorts csv table (COHORT_COLUMNS, cohortLongRows), passed in by the cohorts registry. */
export function renderCohortsXlsx(header: readonly string[], rows: CsvCell[][]): Promise<Uint8Array> {
  return writeWorkbook([{ name: 'Cohorts', header, rows, kind: (c) => COHORT_KINDS[c]!, frozenColumns: 3 }]);
}

/** The number format of a crosschannel figure, by its name. */
function figureKind(figure: string): ColumnKind {
  if (figure === 'omnichannel_lift' || figure === 'mean_purchases') return { number: NUMBER_FORMATS.ratio };
  if (figure.endsWith('share') || figure === 'overlap' || figure === 'migration') return { number: NUMBER_FORMATS.rate };
  if (figure.startsWith('mean_net_value') || figure === 'aov') return { number: NUMBER_FORMATS.money };
  return { number: NUMBER_FORMATS.count };
}

export function renderCrossChannelXlsx(doc: CrossChannelDoc): Promise<Uint8Array> {
  const rows = longRows(doc);
  return writeWorkbook([
    {
      name: 'Crosschannel',
      header: LONG_COLUMNS,
      rows: rows.map((r) => LONG_COLUMNS.map((k) => r[k])),
      kind: (c, r) => (c === 5 ? figureKind(rows[r]!.figure) : c === 1 ? 'date' : 'text'),
      frozenColumns: 1,
    },
  ]);
}
