/**
 * The accounting identity of the JSON input statistics (README "Safety"):
 * every row read went exactly one place.
 */
import type { InputStats } from '../../src/report/model.js';

/** The identity's two sides for one file: [rows_read, the sum of where they went]. */
export function accountingSides(s: InputStats): [number, number] {
  // The newer fields are optional in the schema (reports of earlier versions lack them); this version writes them all.
  const common = (s.rows_used ?? 0) + s.rows_skipped + (s.rows_outside ?? 0) + (s.rows_dropped ?? 0);
  const sum = s.role === 'orders' ? common + s.rows_cancelled + (s.rows_merged ?? 0) + s.continuation_lines : common;
  return [s.rows_read, sum];
}
