/**
 * The crosschannel document in long form — one row per figure — for csv, tsv and
 * ndjson. Columns: figure, period, bucket, from, to, value.
 *
 * - headline figures (as of T): `period` empty;
 *   `customers`, `multichannel_customers`, `multichannel_share`, `omnichannel_lift`
 *   with `bucket` empty; `customers`, `mean_net_value`, `mean_purchases`, `aov`
 *   with `bucket` 1, 2 or 3+; `customers` and `mean_net_value` with `bucket` 2+
 *   (all multichannel customers: lift = mean_net_value[2+] / mean_net_value[1]);
 * - matrices: `overlap` (share) and `overlap_customers` (count) with `from`/`to`;
 *   `migration` (share) and `migration_purchases` (count) with `from`/`to`;
 *   per row channel, `acquired_customers` and `migration_excluded` with `from` only;
 * - with --period: `customers`, `multichannel_customers`, `multichannel_share`,
 *   `omnichannel_lift`, and `mean_net_value` for `bucket` 1 and 2+, with `period`
 *   = the period label.
 */
import type { CrossChannelDoc, SummaryFigures } from './model.js';

export const LONG_COLUMNS = ['figure', 'period', 'bucket', 'from', 'to', 'value'] as const;

export interface LongRow {
  figure: string;
  period: string | null;
  bucket: string | null;
  from: string | null;
  to: string | null;
  value: number | null;
}

const row = (figure: string, value: number | null, at: Partial<Omit<LongRow, 'figure' | 'value'>> = {}): LongRow => ({
  figure,
  period: at.period ?? null,
  bucket: at.bucket ?? null,
  from: at.from ?? null,
  to: at.to ?? null,
  value,
});

function headline(s: Omit<SummaryFigures, 'reasons'>, period: string | null): LongRow[] {
  return [
    row('customers', s.customers, { period }),
    row('multichannel_customers', s.multichannel_customers, { period }),
    row('multichannel_share', s.multichannel_share, { period }),
    row('omnichannel_lift', s.omnichannel_lift, { period }),
  ];
}

export function longRows(doc: CrossChannelDoc): LongRow[] {
  const rows: LongRow[] = headline(doc.summary, null);
  for (const b of doc.buckets) {
    rows.push(row('customers', b.customers, { bucket: b.bucket }));
    rows.push(row('mean_net_value', b.mean_net_value, { bucket: b.bucket }));
    rows.push(row('mean_purchases', b.mean_purchases, { bucket: b.bucket }));
    rows.push(row('aov', b.aov, { bucket: b.bucket }));
  }
  rows.push(row('customers', doc.summary.multichannel_customers, { bucket: '2+' }));
  rows.push(row('mean_net_value', doc.summary.mean_net_value_multichannel, { bucket: '2+' }));
  for (const r of doc.overlap) for (const c of r.cells) rows.push(row('overlap', c.value, { from: r.from, to: c.to }));
  for (const r of doc.overlap) for (const c of r.cells) rows.push(row('overlap_customers', c.customers, { from: r.from, to: c.to }));
  for (const r of doc.migration) for (const c of r.cells) rows.push(row('migration', c.value, { from: r.from, to: c.to }));
  for (const r of doc.migration) for (const c of r.cells) rows.push(row('migration_purchases', c.purchases, { from: r.from, to: c.to }));
  for (const r of doc.migration) {
    rows.push(row('acquired_customers', r.acquired, { from: r.from }));
    rows.push(row('migration_excluded', r.excluded, { from: r.from }));
  }
  for (const p of doc.periods) {
    rows.push(...headline(p, p.period.label));
    rows.push(row('mean_net_value', p.mean_net_value_single, { period: p.period.label, bucket: '1' }));
    rows.push(row('mean_net_value', p.mean_net_value_multichannel, { period: p.period.label, bucket: '2+' }));
  }
  return rows;
}
