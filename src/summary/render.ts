/**
 * `report --format summary`: the figure inputs as channelbench.figure-inputs/v1 CSV,
 * the same table `channelbench sql` returns in a warehouse.
 */
import { CSV, toCsv } from '../report/csv.js';
import { FIGURE_INPUT_COLUMNS, type FigureInputRow } from './schema.js';

export function renderFigureInputsCsv(rows: readonly FigureInputRow[]): string {
  return toCsv(
    FIGURE_INPUT_COLUMNS,
    rows.map((r) => FIGURE_INPUT_COLUMNS.map((c) => r[c])),
    CSV,
  );
}
