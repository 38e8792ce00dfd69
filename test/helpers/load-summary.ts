/**
 * Loading one orders file with given LoadOptions into a comparable summary:
 * the differential tests of the orders readers (orders-lane, orders-bytes)
 * compare these across readers.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CANCELLED_STATUSES } from '../../src/ingest/dataset-builder.js';
import { loadInputs, type InputSpec, type LoadOptions, type LoadResult } from '../../src/ingest/load.js';
import type { DecimalStyle } from '../../src/ingest/parse-amount.js';
import { orderList } from '../../src/model.js';
import { DATASETS, ROOT } from './run-cli.js';

export function ordersSpec(file: string, decimalStyle: DecimalStyle | undefined): InputSpec {
  return {
    role: 'orders',
    path: file,
    formatIn: undefined,
    delimiter: undefined,
    preset: undefined,
    flags: {},
    config: {},
    constants: {},
    dateFormat: undefined,
    decimalStyle,
  };
}

/** Everything a load produces that later stages read, in comparable form. */
export function loadSummary(r: LoadResult): unknown {
  const ds = r.dataset;
  return {
    orders: orderList(ds.orders),
    channels: ds.channels,
    customerCount: ds.customerCount,
    hasCustomerIds: ds.hasCustomerIds,
    files: r.files.map((f) => ({ ...f, counts: { ...f.counts, channels: [...f.counts.channels].sort() } })),
  };
}

/** The summary of loading `file` as orders (or the error it raised), with these reader options. */
export async function loadOrdersSummary(file: string, decimalStyle: DecimalStyle | undefined, opts: Partial<LoadOptions>): Promise<unknown> {
  try {
    return loadSummary(
      await loadInputs([ordersSpec(file, decimalStyle)], {
        invalidRows: 'collect',
        aliases: { shop: 'store' },
        cancelledStatuses: DEFAULT_CANCELLED_STATUSES,
        ...opts,
      }),
    );
  } catch (err) {
    return { error: `${(err as Error).name}: ${(err as Error).message}` };
  }
}

/**
 * Every delimited file (csv, tsv, txt, optionally .gz; under 60 MB) in
 * fixtures/ and ../shared/datasets/, as paths relative to the project root.
 * Warns (naming `suite`) when the datasets are absent: fixtures/ alone are used.
 */
export function delimitedTestFiles(suite: string): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(csv|tsv|txt)(\.gz)?$/.test(name) && statSync(p).size < 60_000_000) files.push(path.relative(ROOT, p));
    }
  };
  walk(path.join(ROOT, 'fixtures'));
  if (existsSync(DATASETS)) walk(DATASETS);
  else console.warn(`${suite}: ${DATASETS} is absent; only fixtures/ are compared`);
  return files;
}
