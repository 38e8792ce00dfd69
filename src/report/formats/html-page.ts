/**
 * The shell of every HTML output: one self-contained page (inline CSS, inline
 * SVG, no scripts, no external requests, a Content-Security-Policy that forbids
 * them), light and dark colours, print rules, and the shared pieces (header
 * facts, footnotes, heat-map shading classes).
 */
import type { InputStats } from '../model.js';
import { esc } from '../svg/svg.js';

/** Nothing may load or run: only the inline stylesheet and data: images are allowed. */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa;--accent:#0969da;--good:#1a7f37;--bad:#cf222e;--band:#1a7f37;--partial:#8c959f;--heat:#0969da;--heat-fg:#fff}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--soft:#151b23;--accent:#4493f8;--good:#3fb950;--bad:#f85149;--band:#3fb950;--partial:#9198a1;--heat:#4493f8;--heat-fg:#0d1117}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1280px;padding:24px;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
p,li{max-width:80ch}code{white-space:nowrap}.muted,figcaption,.note{color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:8px 0 0}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
.scroll{overflow-x:auto;max-width:100%;position:relative}
table{border-collapse:collapse;font-variant-numeric:tabular-nums;margin:6px 0}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid var(--line);padding:4px 8px;vertical-align:top}
thead th{background:var(--soft);position:sticky;top:0}
th[scope=row]{text-align:left;font-weight:600;background:var(--soft);white-space:nowrap}
td.num{text-align:right;white-space:nowrap}
td .sub{display:block;font-size:12px;color:var(--muted)}
.mark{font-weight:700;margin-left:4px}
.better .mark,.st-better{color:var(--good)}.worse .mark,.st-worse{color:var(--bad)}.noise .mark{color:var(--muted)}
tr.total th,tr.total td{border-top:2px solid var(--fg)}
.legend{font-size:13px;color:var(--muted)}
.grid{display:flex;flex-wrap:wrap;gap:10px}
figure{margin:0;break-inside:avoid;page-break-inside:avoid}
figure.metric{margin:12px 0 20px}
.multiple{border:1px solid var(--line);border-radius:6px;padding:4px;background:var(--bg)}
.multiple figcaption{font-size:12px;padding:0 4px}
svg.chart{display:block;overflow:visible}
svg .frame{fill:none;stroke:var(--line)}
svg .band{fill:var(--band);fill-opacity:.14}
svg .target{stroke:var(--band);stroke-width:1.5;stroke-dasharray:4 3}
svg .partial{fill:var(--partial);fill-opacity:.18}
svg .line{fill:none;stroke:var(--accent);stroke-width:1.8}
svg .dot{fill:var(--accent)}svg .dot.open{fill:var(--bg);stroke:var(--accent);stroke-width:1.5}
svg .bar{fill:var(--accent)}
svg text{fill:var(--fg);font-size:11px}svg text.tick{fill:var(--muted);font-size:10px}svg text.value{font-weight:600}
table.heat td{text-align:right;min-width:4.5em}
table.heat td.q0{background:color-mix(in srgb,var(--heat) 4%,var(--bg))}
table.heat td.q1{background:color-mix(in srgb,var(--heat) 14%,var(--bg))}
table.heat td.q2{background:color-mix(in srgb,var(--heat) 24%,var(--bg))}
table.heat td.q3{background:color-mix(in srgb,var(--heat) 34%,var(--bg))}
table.heat td.q4{background:color-mix(in srgb,var(--heat) 44%,var(--bg))}
table.heat td.q5{background:color-mix(in srgb,var(--heat) 56%,var(--bg));color:var(--heat-fg)}
table.heat td.q6{background:color-mix(in srgb,var(--heat) 68%,var(--bg));color:var(--heat-fg)}
table.heat td.q7{background:color-mix(in srgb,var(--heat) 80%,var(--bg));color:var(--heat-fg)}
table.heat td.q8{background:color-mix(in srgb,var(--heat) 90%,var(--bg));color:var(--heat-fg)}
table.heat td.q9{background:var(--heat);color:var(--heat-fg)}
table.heat td.empty{color:var(--muted)}

.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
ol.footnotes{font-size:13px;color:var(--muted)}
footer{margin-top:32px;font-size:12px;color:var(--muted)}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#999;--soft:#eee}body{max-width:none;padding:0;font-size:11px}.scroll{overflow:visible}thead th{position:static}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}table.heat td{-webkit-print-color-adjust:exact;print-color-adjust:exact}th,td{padding:2px 4px}td.num{white-space:normal}td .sub{font-size:9px}table.kpi{font-size:10px}}
`.trim();

export interface PageParts {
  /** The `<title>` and the `<h1>`. */
  title: string;
  /** One line under the heading. */
  subtitle: string;
  /** Header facts: label → already-escaped HTML. */
  facts: readonly [string, string][];
  body: string;
}

export function htmlPage(p: PageParts): string {
  const facts = p.facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${esc(p.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${esc(p.title)}</h1>`,
    `<p class="muted">${esc(p.subtitle)}</p>`,
    `<dl class="facts">${facts}</dl>`,
    '</header>',
    '<main>',
    p.body,
    '</main>',
    '<footer>Made by channelbench. Self-contained: no scripts, no external requests.</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The input files, one line each: `role: file (format, rows read …)`. */
export function inputsFact(inputs: readonly InputStats[]): string {
  return inputs
    .map((i) => `${esc(i.role)}: <code>${esc(i.file)}</code> (${esc(i.format)}, ${i.rows_read} rows read${i.rows_skipped ? `, ${i.rows_skipped} skipped` : ''}${i.rows_cancelled ? `, ${i.rows_cancelled} cancelled` : ''})`)
    .join('<br>');
}

/** Footnote numbers for null figures' reasons, in order of first use. */
export interface HtmlNotes {
  /** `n/a` with a linked footnote mark. */
  na(reason: string): string;
  /** The `<ol>` of reasons (empty string when none). */
  list(): string;
}

export function htmlNotes(prefix: string): HtmlNotes {
  const notes = new Map<string, number>();
  return {
    na(reason) {
      let n = notes.get(reason);
      if (n === undefined) notes.set(reason, (n = notes.size + 1));
      return `n/a<sup><a href="#${prefix}-${n}" aria-label="note ${n}">${n}</a></sup>`;
    },
    list() {
      if (notes.size === 0) return '';
      const items = [...notes].map(([reason, n]) => `<li id="${prefix}-${n}">n/a: ${esc(reason)}</li>`).join('');
      return `<ol class="footnotes">${items}</ol>`;
    },
  };
}

/**
 * The shading class of a heat-map cell: q0…q9 by the value's place in
 * [min, max]; the number is always written in the cell too, so the colour is
 * never the only carrier.
 */
export function heatClass(v: number, min: number, max: number): string {
  if (max <= min) return 'q5';
  const t = (v - min) / (max - min);
  return `q${Math.min(9, Math.max(0, Math.floor(t * 10)))}`;
}
