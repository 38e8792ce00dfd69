/**
 * Loading one file (orders by default) with given LoadOptions into a comparable summary:
 * the differential tests of the orders readers (orders-fast-path, orders-fast-path-chunks)
 * compare these across readers.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CANCELLED_STATUSES } from '../../src/ingest/dataset-builder.js';
import { loadInputs, type InputSpec, type LoadOptions, type LoadResult } from '../../src/ingest/load.js';
import type { DecimalStyle } from '../../src/ingest/parse-amount.js';
import { orderList, type Role } from '../../src/model.js';
import { readDelimited, type RawRow } from '../../src/ingest/readers.js';
import { DATASETS, ROOT } from './run-cli.js';

export function ordersSpec(file: string, decimalStyle: DecimalStyle | undefined, role: Role = 'orders'): InputSpec {
  return {
    role,
    path: file,
    file,
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
    spend: ds.spend,
    traffic: ds.traffic,
    nps: ds.nps,
    channels: ds.channels,
    customerCount: ds.customerCount,
    hasCustomerIds: ds.hasCustomerIds,
    files: r.files.map((f) => ({ ...f, counts: { ...f.counts, channels: [...f.counts.channels].sort() } })),
  };
}

/** The summary of loading `file` as orders (or `role`; or the error it raised), with these reader options. */
export async function loadFileSummary(file: string, decimalStyle: DecimalStyle | undefined, opts: Partial<LoadOptions>, role: Role = 'orders'): Promise<unknown> {
  try {
    return loadSummary(
      await loadInputs([ordersSpec(file, decimalStyle, role)], {
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

/** The header and rows one CSV parser reads from `source` (or the error class it raised): the CSV differential tests compare parsers. */
export async function readTable(source: () => Promise<AsyncIterable<Buffer>>, parser: 'fast' | 'csv-parse'): Promise<{ header: string[]; rows: RawRow[] } | { error: string }> {
  try {
    const table = await readDelimited(await source(), { name: 'x', parser });
    const rows: RawRow[] = [];
    for await (const batch of table.rows) rows.push(...batch);
    return { header: table.header, rows };
  } catch (err) {
    return { error: (err as Error).constructor.name };
  }
}

/** CDNOW's files are space-aligned columns, not delimited text: the CSV parsers are not compared on them. */
export const isDelimitedText = (rel: string): boolean => !/cdnow/i.test(path.basename(rel));

/** Loads `file` once per reader configuration in `readers`; the differential tests compare the summaries. */
export async function loadEach<K extends string>(file: string, decimalStyle: DecimalStyle | undefined, readers: Record<K, Partial<LoadOptions>>): Promise<Record<K, unknown>> {
  const out = {} as Record<K, unknown>;
  for (const key of Object.keys(readers) as K[]) out[key] = await loadFileSummary(file, decimalStyle, readers[key]);
  return out;
}

/**
 * Every delimited file (csv, tsv, txt, optionally .gz; under 60 MB) in
 * fixtures/ (`where: 'fixtures'`, the fast suite) or ../shared/datasets/
 * (`where: 'datasets'`, the *.slow.test.ts sweeps), as paths relative to the
 * project root. Warns (naming `suite`) when the datasets are absent.
 */
export function delimitedTestFiles(suite: string, where: 'fixtures' | 'datasets'): string[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(csv|tsv|txt)(\.gz)?$/.test(name) && statSync(p).size < 60_000_000) files.push(path.relative(ROOT, p));
    }
  };
  if (where === 'fixtures') walk(path.join(ROOT, 'fixtures'));
  else if (existsSync(DATASETS)) walk(DATASETS);
  else console.warn(`${suite}: ${DATASETS} is absent; the real-dataset sweep is skipped`);
  return files;
}
