/**
 * The real PostgreSQL server of the tests: CHANNELBENCH_TEST_PG_URL (see
 * scripts/start-postgres.sh). Without it the tests skip with a message, except
 * under CI=true, where a missing server fails them.
 */
export const PG_URL = process.env['CHANNELBENCH_TEST_PG_URL'];

export function requirePostgres(): boolean {
  if (PG_URL) return true;
  if (process.env['CI'] === 'true') throw new Error('CI=true but CHANNELBENCH_TEST_PG_URL is not set: start a server with eval "$(scripts/start-postgres.sh)"');
  console.warn('skipping PostgreSQL tests: set CHANNELBENCH_TEST_PG_URL (eval "$(scripts/start-postgres.sh)")');
  return false;
}
