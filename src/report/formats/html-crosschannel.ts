/**
 * `crosschannel --format html`: the headline figures, the channels-used
 * table, the overlap and migration matrices as heat-map tables, and, with
 * --period, the multichannel share over time as a chart and a table.
 */
import type { CrossChannelDoc } from '../crosschannel/model.js';
import { figureFormat } from '../crosschannel/display.js';
import type { DisplayOptions } from '../number-format.js';
import { esc } from '../svg/svg.js';
import { trendChart } from '../svg/trend.js';
import { heatTable } from './html-heat.js';
import { htmlNotes, htmlPage, inputsFact } from './html-page.js';

export function renderCrossChannelHtml(doc: CrossChannelDoc, display: DisplayOptions): string {
  const f = figureFormat(display);
  const notes = htmlNotes('note');
  const show = (v: number | null, reason: string | undefined, as: (v: number) => string): string => (v === null ? notes.na(reason ?? 'not available') : esc(as(v)));
  const td = (key: string, v: number | null, html: string): string => `<td class="num" data-figure="${esc(key)}" data-value="${v === null ? '' : String(v)}">${html}</td>`;
  const s = doc.summary;
  const body: string[] = [];
  body.push('<section aria-labelledby="buckets"><h2 id="buckets">By channels used</h2>');
  body.push('<p class="legend">Net value (purchases − returns) and purchases are means per customer; 2+ = every multichannel customer.</p>');
  const head = '<tr><th scope="col">channels used</th><th scope="col">customers</th><th scope="col">net value</th><th scope="col">purchases</th><th scope="col">AOV</th></tr>';
  const rows = doc.buckets.map(
    (b) =>
      `<tr><th scope="row">${esc(b.bucket)}</th>${td(`${b.bucket}.customers`, b.customers, esc(f.count(b.customers)))}${td(`${b.bucket}.mean_net_value`, b.mean_net_value, show(b.mean_net_value, b.reasons['mean_net_value'], f.money))}${td(`${b.bucket}.mean_purchases`, b.mean_purchases, show(b.mean_purchases, b.reasons['mean_purchases'], f.decimal))}${td(`${b.bucket}.aov`, b.aov, show(b.aov, b.reasons['aov'], f.money))}</tr>`,
  );
  rows.push(
    `<tr class="total"><th scope="row">2+</th>${td('multichannel_customers', s.multichannel_customers, esc(f.count(s.multichannel_customers)))}${td('mean_net_value_multichannel', s.mean_net_value_multichannel, show(s.mean_net_value_multichannel, s.reasons['mean_net_value_multichannel'], f.money))}<td></td><td></td></tr>`,
  );
  body.push(`<div class="scroll"><table><caption>Customers by number of channels used</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div></section>`);
  if (doc.overlap.length) {
    body.push('<section aria-labelledby="overlap"><h2 id="overlap">Overlap</h2>');
    body.push(
      heatTable({
        caption: 'Of the row channel’s customers, the share who also bought in the column’s channel',
        lead: ['customers of', 'customers'],
        columns: doc.channels,
        format: f.percent,
        rows: doc.overlap.map((r) => ({ head: r.from, lead: [f.count(r.customers)], cells: r.cells.map((c) => ({ value: r.from === c.to ? null : c.value, empty: r.from === c.to ? '—' : '', data: { matrix: 'overlap', from: r.from, to: c.to, raw: c.value === null ? '' : c.value } })) })),
      }),
    );
    body.push('<p class="legend">The diagonal (a channel with itself, always 100%) is left out of the shading.</p></section>');
    body.push('<section aria-labelledby="migration"><h2 id="migration">Migration</h2>');
    body.push(
      heatTable({
        caption: 'Of the later purchases of customers acquired via the row channel, the share made in each channel',
        lead: ['acquired via', 'acquired', 'excluded', 'later'],
        columns: doc.channels,
        format: f.percent,
        rows: doc.migration.map((r) => ({
          head: r.from,
          lead: [f.count(r.acquired), f.count(r.excluded), f.count(r.later_purchases)],
          cells: r.cells.map((c) => ({ value: c.value, empty: c.value === null ? notes.na(r.reason ?? 'not available') : '', data: { matrix: 'migration', from: r.from, to: c.to } })),
        })),
      }),
    );
    body.push('<p class="legend">acquired: customers acquired via the channel; excluded: of those, customers with no later purchase (not in the shares); later: their later purchases.</p></section>');
  }
  if (doc.periods.length) {
    body.push(`<section aria-labelledby="periods"><h2 id="periods">Per ${esc(doc.period_unit ?? 'period')}</h2>`);
    const labels = doc.periods.map((p) => p.period.label);
    const partial = doc.periods.map((p) => p.period.partial);
    body.push('<div class="grid">');
    body.push(`<figure class="multiple"><figcaption>multichannel share</figcaption>${trendChart({ id: 'p-share', title: 'Multichannel share', labels, partial, values: doc.periods.map((p) => p.multichannel_share), band: null, format: f.percent })}</figure>`);
    body.push(`<figure class="multiple"><figcaption>omnichannel lift</figcaption>${trendChart({ id: 'p-lift', title: 'Omnichannel lift', labels, partial, values: doc.periods.map((p) => p.omnichannel_lift), band: null, format: f.times })}</figure>`);
    body.push('</div>');
    const ph = '<tr><th scope="col">period</th><th scope="col">as of</th><th scope="col">customers</th><th scope="col">multichannel</th><th scope="col">share</th><th scope="col">lift</th></tr>';
    const pr = doc.periods.map(
      (p) =>
        `<tr><th scope="row">${esc(p.period.label)}${p.period.partial ? '*' : ''}</th><td>${esc(p.as_of)}</td>${td(`${p.period.label}.customers`, p.customers, esc(f.count(p.customers)))}${td(`${p.period.label}.multichannel_customers`, p.multichannel_customers, esc(f.count(p.multichannel_customers)))}${td(`${p.period.label}.multichannel_share`, p.multichannel_share, show(p.multichannel_share, p.reasons['multichannel_share'], f.percent))}${td(`${p.period.label}.omnichannel_lift`, p.omnichannel_lift, show(p.omnichannel_lift, p.reasons['omnichannel_lift'], f.times))}</tr>`,
    );
    body.push(`<div class="scroll"><table><caption>Each as of the end of its period (or the data end); * partial period</caption><thead>${ph}</thead><tbody>${pr.join('')}</tbody></table></div></section>`);
  }
  const list = notes.list();
  if (list) body.push(`<section aria-labelledby="notes"><h2 id="notes">Notes</h2>${list}</section>`);
  const headline = `${f.count(s.customers)} customers · ${f.count(s.multichannel_customers)} multichannel (${s.multichannel_share === null ? 'n/a' : f.percent(s.multichannel_share)}) · omnichannel lift ${s.omnichannel_lift === null ? 'n/a' : f.times(s.omnichannel_lift)}`;
  return htmlPage({
    title: 'channelbench crosschannel',
    subtitle: `as of ${doc.as_of} · data end ${doc.window.data_end}`,
    facts: [
      ['Headline', esc(headline)],
      ['Window', `${esc(doc.window.start)} … ${esc(doc.window.end)}`],
      ['As of', `${esc(doc.as_of)} (customers with a purchase before it)`],
      ['Inputs', inputsFact(doc.inputs)],
      ['Settings', esc(`weeks start ${doc.settings.week_start} · cancelled: ${doc.settings.cancelled_statuses.join(', ')}`)],
      ['Currency', esc(display.currency ?? "the data's own (no conversion)")],
    ],
    body: body.join('\n'),
  });
}

