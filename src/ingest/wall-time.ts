/**
 * The reporting-time-zone seam of date reading (SPEC §2: input times without
 * an offset are the reporting zone's wall time). The date parsers read every
 * value as if it were UTC; `DateColumn` then moves values that carried no
 * offset of their own to the zone with `wallTimeToInstant` — in one place, so
 * the parsers stay zone-free.
 */

/** ISO shapes put the offset after `yyyy-MM-ddTHH:mm` (16 characters); only digits, `:` and `.` may follow otherwise. */
const OFFSET_FROM = 16;

const isOffsetChar = (c: number): boolean => c === 43 || c === 45 || c === 90 || c === 122 || c === 85; // + - Z z U(TC)

/**
 * Whether an ISO-shaped date-time `text[start, end)` (as accepted by
 * parseIsoDateRange) ends in an offset: `Z`, ` UTC`, `+hh[:mm]`, `-hhmm`.
 * Date-only values and times without an offset are wall times.
 * @example isoTextHasOffset('2024-01-15 10:23:45 -0500') // true
 * @example isoTextHasOffset('2024-01-15') // false (no time, so no offset)
 */
export function isoTextHasOffset(text: string, start = 0, end = text.length): boolean {
  let s = start;
  while (s < end && text.charCodeAt(s) <= 32) s++;
  for (let p = s + OFFSET_FROM; p < end; p++) if (isOffsetChar(text.charCodeAt(p))) return true;
  return false;
}

/** {@link isoTextHasOffset} of ASCII bytes `b[s, e)`. */
export function isoBytesHaveOffset(b: Uint8Array, s: number, e: number): boolean {
  for (let p = s + OFFSET_FROM; p < e; p++) if (isOffsetChar(b[p]!)) return true;
  return false;
}

/**
 * Whether a `--date-format` (date-fns tokens) reads an offset (`X`, `x`;
 * quoted literal text aside), so its values are instants, not wall times.
 * @example formatHasOffset("yyyy-MM-dd'T'HH:mmXXX") // true
 */
export function formatHasOffset(format: string): boolean {
  return /[Xx]/.test(format.replace(/'[^']*'/g, ''));
}
