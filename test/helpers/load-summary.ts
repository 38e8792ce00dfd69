/**
 * Loading one orders file with given LoadOptions into a comparable summary:
 * the differential tests of the orders readers (orders-lane, orders-bytes)
 * compare these across readers.
 */
import { DEFAULT_CANCELLED_STATUSES } from '../../src/ingest/dataset-builder.js';
import { loadInputs, type InputSpec, type LoadOptions, type LoadResult } from '../../src/ingest/load.js';
import type { DecimalStyle } from '../../src/ingest/parse-amount.js';
import { orderList } from '../../src/model.js';

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
