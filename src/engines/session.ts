/**
 * What the SQL engines have in common: a session that runs one query and returns its rows.
 */
export interface SqlSession {
  /** Runs one statement, with the values of its $1 … placeholders; rows as column → value (BIGINT may come back as bigint or text). */
  query(sql: string, params?: readonly (string | number | null)[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** The first line of a driver's error message (no stack, no SQL echo). */
export function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0]!.trim();
}
