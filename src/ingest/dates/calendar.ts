/**
 * Calendar arithmetic and character helpers shared by the date readers: days
 * from a civil date, leap years, month lengths, epoch ms and two-digit fields. Pure, no clock or local time zone.
 */
export const MS_PER_DAY = 86_400_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_MINUTE = 60_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12); exact for every year, including 0–99. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = (((153 * mp + 2) / 5) | 0) + day - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month (1–12). */
export function daysInMonth(y: number, month: number): number {
  if (month === 2) return isLeapYear(y) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Epoch ms UTC of a validated date and time. */
export function epoch(y: number, month: number, d: number, h: number, mi: number, s: number, ms: number): number {
  return daysFromCivil(y, month, d) * MS_PER_DAY + h * MS_PER_HOUR + mi * MS_PER_MINUTE + s * 1000 + ms;
}

/** Value of the two ASCII digits at p, or -1 (also past the end). */
export function two(raw: string, p: number): number {
  const a = raw.charCodeAt(p) - 48;
  const b = raw.charCodeAt(p + 1) - 48;
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return -1; // NaN past the end fails too
  return a * 10 + b;
}

export function isDigitAt(raw: string, p: number): boolean {
  const d = raw.charCodeAt(p) - 48; // NaN past the end → false
  return d >= 0 && d <= 9;
}
