import type { Preset } from './preset.js';

const MASTER = ['customer_id', 'date', 'number_of_cds', 'dollar_value'];
const SAMPLE = ['customer_id', 'sample_id', 'date', 'number_of_cds', 'dollar_value'];

/**
 * The CDNOW transaction log (Fader, Hardie & Lee 2005): whitespace-separated,
 * `customer_id date(yyyyMMdd) number_of_cds dollar_value`. The master file has
 * a header; the 1/10 sample has none and an extra sample-id column — both are
 * recognised. Each row is one order; there is no channel.
 */
export const cdnow: Preset = {
  name: 'cdnow',
  role: 'orders',
  description: 'CDNOW transaction log (whitespace-separated customer_id, yyyyMMdd date, CD count, dollar value)',
  delimiter: 'whitespace',
  dateFormat: 'yyyyMMdd',
  columns: {
    customer_id: 'customer_id',
    date: 'date',
    quantity: 'number_of_cds',
    revenue: 'dollar_value',
  },
  headerless(firstRow) {
    if (!/^\d+$/.test(firstRow[0] ?? '')) return null;
    if (firstRow.length === 4) return MASTER;
    if (firstRow.length === 5) return SAMPLE;
    return null;
  },
};
