/**
 * Acquisition cohorts (SPEC §3, command `cohorts`). Pure: no I/O, no clock.
 */
export { calendarBoundaries, periodIndex } from './calendar-boundaries.js';
export { computeCohortGrid, type CohortGrid, type CohortGridOptions } from './cohort-grid.js';
export { cellComplete, COHORT_REASONS, cumulativeValue, retainedShare } from './cohort-cells.js';
