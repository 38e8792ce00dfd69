/** The real public datasets in ../shared/datasets, for the e2e tests that read them (skipped when absent). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DATASETS } from './run-cli.js';

/** Whether ../shared/datasets is there; warns once per test file when it is not. */
export function haveDatasets(): boolean {
  const have = existsSync(DATASETS);
  if (!have) console.warn(`skipping real-dataset tests: ${DATASETS} not found (clone next to shared/ to run them)`);
  return have;
}

/** A path under ../shared/datasets. */
export const dataset = (...p: string[]): string => path.join(DATASETS, ...p);

interface Row {
  channel: string;
  metrics: Record<string, number | null>;
}
/** The total row of a `report --format json` document. */
export const totalRow = (json: string): Row => (JSON.parse(json) as { rows: Row[] }).rows.find((r) => r.channel === '(all)')!;
