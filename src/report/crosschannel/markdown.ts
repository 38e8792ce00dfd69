/**
 * The crosschannel document as GitHub-flavoured Markdown: the headline, the
 * channels-used table, the two matrices (percentages), and the per-period series.
 */
import { markdownTable } from '../markdown.js';
import type { DisplayOptions } from '../number-format.js';
import { figureFormat } from './display.js';
import { createFootnotes } from './footnotes.js';
import type { CrossChannelDoc } from './model.js';

export function renderCrossChannelMarkdown(doc: CrossChannelDoc, display: DisplayOptions): string {
  const f = figureFormat(display);
  const notes = createFootnotes('markdown');
  const show = (v: number | null, reason: string | undefined, as: (v: number) => string): string => (v === null ? notes.na(reason ?? 'not available') : as(v));
  const s = doc.summary;
  const right = (n: number): ('left' | 'right')[] => ['left', ...Array.from({ length: n }, () => 'right' as const)];
  const out: string[] = [`## channelbench crosschannel: as of ${doc.as_of}`, ''];
  out.push(`Window ${doc.window.start} … ${doc.window.end} (data end ${doc.window.data_end}); orders dated before ${doc.as_of}.`, '');
  out.push(
    `- **Customers:** ${f.count(s.customers)}`,
    `- **Multichannel share:** ${show(s.multichannel_share, s.reasons['multichannel_share'], f.percent)} (${f.count(s.multichannel_customers)} customers bought in 2 or more channels)`,
    `- **Omnichannel lift:** ${show(s.omnichannel_lift, s.reasons['omnichannel_lift'], f.times)} (mean net value ${show(s.mean_net_value_multichannel, s.reasons['mean_net_value_multichannel'], f.money)} multichannel vs ${show(s.mean_net_value_single, s.reasons['mean_net_value_single'], f.money)} single-channel)`,
    '',
  );
  out.push('### By channels used', '');
  const bucketRows = doc.buckets.map((b) => [
    b.bucket,
    f.count(b.customers),
    show(b.mean_net_value, b.reasons['mean_net_value'], f.money),
    show(b.mean_purchases, b.reasons['mean_purchases'], f.decimal),
    show(b.aov, b.reasons['aov'], f.money),
  ]);
  bucketRows.push(['2+ (multichannel)', f.count(s.multichannel_customers), show(s.mean_net_value_multichannel, s.reasons['mean_net_value_multichannel'], f.money), '', '']);
  out.push(markdownTable(['channels used', 'customers', 'mean net value', 'mean purchases', 'AOV'], bucketRows, right(4)));
  if (doc.overlap.length) {
    out.push('### Overlap', '', 'Of the row channel’s customers, the share who also bought in the column’s channel.', '');
    const rows = doc.overlap.map((r) => [r.from, f.count(r.customers), ...r.cells.map((x) => (x.value === null ? '' : f.percent(x.value)))]);
    out.push(markdownTable(['customers of', 'customers', ...doc.channels], rows, right(doc.channels.length + 1)));
    out.push('### Migration', '', 'Of the later purchases of customers acquired via the row channel, the share made in each channel; customers with no later purchase are excluded.', '');
    const mig = doc.migration.map((r) => [
      r.from,
      f.count(r.acquired),
      f.count(r.excluded),
      f.count(r.later_purchases),
      ...r.cells.map((x) => (x.value === null ? notes.na(r.reason ?? 'not available') : f.percent(x.value))),
    ]);
    out.push(markdownTable(['acquired via', 'acquired', 'excluded', 'later purchases', ...doc.channels], mig, right(doc.channels.length + 3)));
  }
  if (doc.periods.length) {
    out.push(`### Per ${doc.period_unit}`, '', 'Each as of the end of its period (or the data end).', '');
    const rows = doc.periods.map((p) => [
      `${p.period.label}${p.period.partial ? ' (partial)' : ''}`,
      f.count(p.customers),
      f.count(p.multichannel_customers),
      show(p.multichannel_share, p.reasons['multichannel_share'], f.percent),
      show(p.omnichannel_lift, p.reasons['omnichannel_lift'], f.times),
    ]);
    out.push(markdownTable(['period', 'customers', 'multichannel', 'share', 'lift'], rows, right(4)));
  }
  out.push(...notes.lines());
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
