/**
 * The reporting-time-zone seam of date reading (SPEC §2: input times without
 * an offset are the reporting zone's wall time). The date parsers read every
 * value as if it were UTC; `DateColumn` then moves values that carried no
 * offset of their own to the zone with `wallTimeToInstant` — in one place, so
 * the parsers stay zone-free.
 */

/**
 * Whether a `--date-format` (date-fns tokens) reads an offset (`X`, `x`;
 * quoted literal text aside), so its values are instants, not wall times.
 * @example formatHasOffset("yyyy-MM-dd'T'HH:mmXXX") // true
 */
export function formatHasOffset(format: string): boolean {
  return /[Xx]/.test(format.replace(/'[^']*'/g, ''));
}
