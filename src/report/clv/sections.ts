/**
 * What the table and markdown views of a clv document show, as text cells:
 * the header lines, the value table, the parameter table, the holdout check
 * and the notes. Both views render these, so they cannot disagree.
 */
import { figureFormat } from '../crosschannel/display.js';
import type { DisplayOptions } from '../number-format.js';
import type { ClvDoc, ClvRow } from './model.js';

export interface Section {
  title: string;
  header: string[];
  rows: string[][];
  /** Per row: the benchmark status of predicted CLV:CAC (or CLV) for colour, if any. */
  status?: (string | null)[];
}

export interface ClvSections {
  title: string;
  lines: string[];
  sections: Section[];
  notes: string[];
}

const MARK = { better: '▲', on_target: '●', worse: '▼' } as const;

export function clvSections(doc: ClvDoc, display: DisplayOptions): ClvSections {
  const f = figureFormat(display);
  const na = 'n/a';
  const num = (v: number | null, fmt: (x: number) => string): string => (v === null ? na : fmt(v));
  const dec = (digits: number) => (v: number): string => v.toLocaleString(display.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const s = doc.model_settings;
  const unitName = doc.unit === 'week' ? 'weeks' : 'days';
  const lines = [
    `unit ${doc.unit} · horizon ${doc.horizon.text} = ${dec(2)(doc.horizon.units)} ${unitName} · calibration ${doc.window.start} … ${doc.calibration_end}` +
      (doc.holdout ? ` · holdout ${doc.holdout.start} … ${doc.holdout.end} (${dec(2)(doc.holdout.units)} ${unitName})` : ''),
    `margin ${s.margin} · discount ${s.discount_annual} a year (${dec(6)(s.discount_per_unit)} per ${doc.unit}) · ${Math.round(s.confidence * 100)}% interval: ${s.interval} bootstrap, ${s.draws} draws, seed ${s.seed} · own fit from ${s.floor.customers} customers and ${s.floor.repeat_customers} repeat customers`,
  ];
  const benchKeys = (['predicted_clv', 'predicted_clv_cac'] as const).filter((k) => doc.rows.some((r) => r.benchmarks[k]));
  const benchCell = (r: ClvRow, k: (typeof benchKeys)[number]): string => {
    const b = r.benchmarks[k];
    if (!b || b.status === null) return b ? na : '';
    const ref = b.target ?? b.min ?? b.max;
    return `${MARK[b.status]} ${b.status.replace('_', ' ')}${b.significant === false ? ' ~' : ''} (${ref === undefined ? '' : k === 'predicted_clv' ? f.money(ref) : f.decimal(ref)})`;
  };
  const value: Section = {
    title: `Predicted CLV per customer over ${doc.horizon.text}`,
    header: ['channel', 'model', 'customers', 'repeat', 'P(alive)', 'E[purchases]', 'E[spend/purchase]', 'predicted CLV', `${Math.round(s.confidence * 100)}% interval`, 'clv (hist.)', 'CAC', 'pCLV:CAC', ...benchKeys.map((k) => `${k} vs benchmark`)],
    rows: doc.rows.map((r) => [
      r.channel,
      r.model === 'own' ? 'own' : 'pooled*',
      f.count(r.customers),
      f.count(r.repeat_customers),
      f.percent(r.metrics.p_alive),
      dec(2)(r.metrics.expected_purchases),
      f.money(r.metrics.expected_spend),
      f.money(r.metrics.predicted_clv),
      r.ci.predicted_clv ? `${f.money(r.ci.predicted_clv[0])} – ${f.money(r.ci.predicted_clv[1])}` : na,
      num(r.metrics.clv, f.money),
      num(r.metrics.cac, f.money),
      num(r.metrics.predicted_clv_cac, f.decimal),
      ...benchKeys.map((k) => benchCell(r, k)),
    ]),
    status: doc.rows.map((r) => r.benchmarks.predicted_clv_cac?.status ?? r.benchmarks.predicted_clv?.status ?? null),
  };
  const est = (e: { value: number; se: number }): string => `${dec(4)(e.value)} (${dec(4)(e.se)})`;
  const params: Section = {
    title: 'Fitted parameters (standard error)',
    header: ['channel', 'r', 'α', 'a', 'b', 'BG/NBD ln L', 'p', 'q', 'γ', 'Gamma-Gamma ln L', 'corr(x, zbar)'],
    rows: doc.rows.map((r) => {
      const { bgnbd: b, gamma_gamma: g } = r.parameters;
      return [r.channel + (r.model === 'own' ? '' : '*'), est(b.r), est(b.alpha), est(b.a), est(b.b), dec(2)(b.log_likelihood), est(g.p), est(g.q), est(g.gamma), dec(2)(g.log_likelihood), num(r.frequency_spend_correlation, dec(2))];
    }),
  };
  const sections = [value, params];
  if (doc.holdout) {
    sections.push({
      title: `Holdout check: repeat purchase days ${doc.holdout.start} … ${doc.holdout.end}`,
      header: ['channel', 'predicted', 'actual', 'error', 'error %'],
      rows: doc.rows.map((r) => {
        const h = r.holdout!;
        return [r.channel, dec(1)(h.predicted), f.count(h.actual), dec(1)(h.error), num(h.error_pct, f.percent)];
      }),
    });
  }
  const notes: string[] = [];
  for (const r of doc.rows) if (r.model === 'pooled') notes.push(`* ${r.channel}: uses the pooled (all) fit — ${r.model_note}.`);
  const reasons = new Set<string>();
  for (const r of doc.rows) for (const [k, why] of Object.entries(r.reasons)) reasons.add(`n/a ${k}: ${why}`);
  notes.push(...reasons);
  notes.push(...doc.warnings.map((w) => `warning: ${w}`));
  return { title: `channelbench clv · BG/NBD + Gamma-Gamma · as of ${doc.as_of} (data end ${doc.window.data_end})`, lines, sections, notes };
}
