/**
 * Dates as exports write them, read to epoch milliseconds UTC. One module per
 * rule in src/ingest/dates/; this file is their public face.
 *
 * - {@link parseIsoDate}: ISO 8601 and the other year-first shapes.
 * - {@link readDayMonthDate} / {@link readDayMonthDateInto}: `d/M/y` and `M/d/y`
 *   read both ways; the caller decides the column's order.
 * - {@link compileDateFormat}: a `--date-format` in date-fns tokens, hand
 *   compiled for the common tokens, date-fns `parse` in UTC for the rest.
 *
 * Times without an offset are UTC. Pure: no clock, no local time zone (only
 * calendar arithmetic), no I/O; hot paths are char-code scans without regex,
 * allocation or try/catch.
 */
export { lastIsoHadOffset, parseIsoDate, readIsoBytes } from './dates/iso.js';
export { readDayMonthDate, readDayMonthDateInto, type DateOrder, type DayMonthReading } from './dates/day-month.js';
export { compileDateFormat, dateFormatProblem, isHandCompiledDateFormat, isValidDateFormat } from './dates/date-format.js';
