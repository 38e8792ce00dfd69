/**
 * `cohorts --format html`: per acquisition channel, the retention and the
 * cumulative value triangles as heat-map tables.
 */
import type { CohortsDoc } from '../cohorts/model.js';
import { figureFormat } from '../crosschannel/display.js';
import type { DisplayOptions } from '../number-format.js';
import { esc } from '../svg/svg.js';
import { heatTable } from './html-heat.js';
import { htmlPage, inputsFact } from './html-page.js';

export function renderCohortsHtml(doc: CohortsDoc, display: DisplayOptions): string {
  const f = figureFormat(display);
  const unit = doc.period_unit ?? 'month';
  const ks = Array.from({ length: doc.horizon + 1 }, (_, k) => `k=${k}`);
  const body: string[] = [
    `<p class="legend">Rows: acquisition cohorts (customers whose first purchase fell in that ${esc(unit)}); columns: ${esc(unit)}s since acquisition, k = 0 being the acquisition ${esc(unit)} (retention 100% by construction, so it is not shaded). A blank cell is not complete as of ${esc(doc.as_of)}; * marks a partial cohort; – an empty one. Darker = higher, and every cell shows its figure.</p>`,
  ];
  doc.channels.forEach((channel, c) => {
    const rows = doc.cohorts.filter((r) => r.channel === channel);
    const table = (measure: 'retained_share' | 'cumulative_value', caption: string, format: (v: number) => string, scaleFrom: number): string =>
      heatTable({
        caption,
        lead: ['cohort', 'size'],
        columns: ks,
        scaleFrom,
        format,
        rows: rows.map((r) => ({
          head: `${r.cohort.label}${r.cohort.partial ? '*' : ''}`,
          lead: [f.count(r.size)],
          cells: r[measure].map((v, k) => ({ value: v, empty: r.size === 0 ? '–' : '', data: { channel, cohort: r.cohort.label, k, measure } })),
        })),
      });
    body.push(`<section aria-labelledby="ch-${c}"><h2 id="ch-${c}">${esc(channel)}</h2>`);
    body.push(table('retained_share', `${channel}: retained share, customers with a purchase in the ${unit}`, f.percent, 1));
    body.push(table('cumulative_value', `${channel}: cumulative net value per customer since acquisition`, f.money, 0));
    body.push('</section>');
  });
  return htmlPage({
    title: 'channelbench cohorts',
    subtitle: `by ${unit} · as of ${doc.as_of} · data end ${doc.window.data_end}`,
    facts: [
      ['Window', `${esc(doc.window.start)} … ${esc(doc.window.end)}`],
      ['As of', `${esc(doc.as_of)} (orders dated before it)`],
      ['Horizon', `k = 0 … ${doc.horizon}`],
      ['Inputs', inputsFact(doc.inputs)],
      ['Settings', esc(`weeks start ${doc.settings.week_start} · cancelled: ${doc.settings.cancelled_statuses.join(', ')}`)],
      ['Currency', esc(display.currency ?? "the data's own (no conversion)")],
    ],
    body: body.join('\n'),
  });
}
