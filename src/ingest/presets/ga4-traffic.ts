import type { FieldValues, Preset } from './preset.js';

/**
 * Google Analytics 4 → Reports → Acquisition → Traffic acquisition, with the
 * `Date` dimension added, exported as CSV. The file starts with `#` comment
 * lines (skipped), dates are `yyyyMMdd`. A totals row without a date is dropped.
 */
export const ga4Traffic: Preset = {
  name: 'ga4-traffic',
  role: 'traffic',
  description: 'GA4 traffic acquisition export (# comment header, Session default channel group, Date yyyyMMdd, Sessions)',
  dateFormat: 'yyyyMMdd',
  columns: {
    channel: 'Session default channel group',
    date: 'Date',
    sessions: 'Sessions',
  },
  adjust: (values) => !isGa4TotalsRow(values, 'channel'),
};

const isBlank = (v: unknown): boolean => v === undefined || v === null || String(v).trim() === '';

/** A GA4 export's totals row: no date, and the dimension `field` blank or saying "total". */
export function isGa4TotalsRow(values: FieldValues, field: string): boolean {
  const label = values[field];
  return isBlank(values['date']) && (isBlank(label) || /total/i.test(String(label)));
}

/**
 * GA4 → Reports → Acquisition → Traffic acquisition with the primary dimension
 * `Session source / medium` and the `Date` dimension, as CSV: channels come from
 * --channel-grouping (the combined column is split on ` / `).
 */
export const ga4SourceMedium: Preset = {
  name: 'ga4-source-medium',
  role: 'traffic',
  description: 'GA4 traffic acquisition by Session source / medium (Date yyyyMMdd, Sessions); use with --channel-grouping ga4',
  dateFormat: 'yyyyMMdd',
  columns: { source_medium: 'Session source / medium', date: 'Date', sessions: 'Sessions' },
  adjust: (values) => !isGa4TotalsRow(values, 'source_medium'),
};

/**
 * GA4 → Explore (free form) with dimensions `Transaction ID`, `Date`, `Session
 * source / medium` and the metric `Purchase revenue`, exported as CSV: one row
 * per purchase; channels come from --channel-grouping.
 */
export const ga4Purchases: Preset = {
  name: 'ga4-purchases',
  role: 'orders',
  description: 'GA4 exploration of purchases (Transaction ID, Date yyyyMMdd, Session source / medium, Purchase revenue); use with --channel-grouping ga4',
  dateFormat: 'yyyyMMdd',
  columns: { order_id: 'Transaction ID', date: 'Date', source_medium: 'Session source / medium', revenue: 'Purchase revenue' },
  adjust: (values) => !isGa4TotalsRow(values, 'order_id'),
};
