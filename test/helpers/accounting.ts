/**
 * The accounting identity of the JSON input statistics (README "Safety"):
 * every row read went exactly one place.
 */
import type { InputStats } from '../../src/report/model.js';

/** The identity's two sides for one file: [rows_read, the sum of where they went]. */
export function accountingSides(s: InputStats): [number, number] {
  const common = s.rows_used + s.rows_skipped + s.rows_outside + s.rows_dropped;
  const sum = s.role === 'orders' ? common + s.rows_cancelled + s.rows_merged + s.continuation_lines : common;
  return [s.rows_read, sum];
}
