/**
 * Windows, periods and "as of" (SPEC §2). Pure: calendar arithmetic in UTC or,
 * through zone.ts, in the reporting time zone.
 */
export { addUtcMonths } from './add-months.js';
export { buildPeriods, countPeriods } from './build-periods.js';
export { nextCalendarPeriod, startOfCalendarPeriod } from './calendar-period.js';
export { dataEnd } from './data-end.js';
export { parseLast, type LastSpan, type LastUnit } from './parse-last.js';
export { formatDay, parseDay, startOfUtcDay } from './utc-day.js';
export { formatLastDay, formatZonedDay, inZone, isKnownTimeZone, nextZonedDay, parseZonedDay, startOfZonedDay, toWallTime, UTC_ZONE, wallTimeToInstant, zonedDayNumber } from './zone.js';
export { lastCalendarPeriods, resolveWindow, subtractSpan, wholePeriods, type Window, type WindowOptions } from './window.js';
