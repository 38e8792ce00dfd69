/**
 * The metrics engine (SPEC §3). Pure: no I/O, no clock, no time zone.
 */
export { computeFigureInputs, computeFigures } from './compute-figures.js';
export { emptyCell, finishFigures, type Availability, type CellTotals, type FigureInputs, type PeriodInputs } from './figure-inputs.js';
export { METRICS, NULL_REASONS, type Better, type MetricDefinition, type MetricUnit } from './definitions.js';
export type { ChannelFigures, Figures, MeanSample, PeriodFigures, RateSample, Samples } from './figures.js';
