/**
 * The metrics engine (SPEC §3). Pure: no I/O, no clock, no time zone.
 */
export { computeFigures } from './compute-figures.js';
export { METRICS, NULL_REASONS, type Better, type MetricDefinition, type MetricUnit } from './definitions.js';
export type { ChannelFigures, Figures, MeanSample, PeriodFigures, RateSample, Samples } from './figures.js';
