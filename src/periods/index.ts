/**
 * Windows, periods and "as of" (SPEC §2). Pure: UTC arithmetic only.
 */
export { addUtcMonths } from './add-months.js';
export { buildPeriods } from './build-periods.js';
export { nextCalendarPeriod, startOfCalendarPeriod } from './calendar-period.js';
export { dataEnd } from './data-end.js';
export { parseLast, type LastSpan, type LastUnit } from './parse-last.js';
export { formatDay, parseDay, startOfUtcDay } from './utc-day.js';
export { lastCalendarPeriods, resolveWindow, subtractSpan, wholePeriods, type Window, type WindowOptions } from './window.js';
