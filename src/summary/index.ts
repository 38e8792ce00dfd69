/**
 * The figure-inputs table (channelbench.figure-inputs/v1): schema, conversion, reading, writing. Pure.
 */
export { COLUMN_KIND, FIGURE_INPUT_COLUMNS, FIGURE_INPUTS_SCHEMA, figureInputRowSchema, figureInputsJsonSchema, type FigureInputRow } from './schema.js';
export { fromFigureInputRows, SummaryTableError, toFigureInputRows, type SummaryRun } from './table.js';
export { figureInputRowsOf, parseFigureInputRows, summaryFormatOf, type SummaryFormat } from './parse.js';
export { renderFigureInputsCsv } from './render.js';
