/**
 * Plain-text rendering of `validate`'s findings.
 */
import { formatRowProblem } from '../errors.js';
import type { ValidateResult } from '../model/input-report.js';

const n = (x: number): string => x.toLocaleString('en-US');

function day(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '—';
}

export function renderValidate(r: ValidateResult): string {
  const out: string[] = [];
  const orders = r.files.find((f) => f.role === 'orders')?.counts;
  out.push(`config: ${r.configFile ?? '(none)'}`);
  for (const f of r.files) {
    out.push('');
    out.push(`${f.role}: ${f.file}`);
    const fmt = [f.format + (f.gzip ? ' (gzip)' : '')];
    if (f.delimiter) fmt.push(`delimiter ${f.delimiter === 'tab' || f.delimiter === 'whitespace' ? f.delimiter : `"${f.delimiter}"`}`);
    fmt.push(f.bom ? 'UTF-8 with BOM' : 'UTF-8');
    if (f.commentLines) fmt.push(`${f.commentLines} comment/blank line${f.commentLines === 1 ? '' : 's'} skipped before the header`);
    if (f.preset) fmt.push(`preset ${f.preset}`);
    out.push(`  format     ${fmt.join(', ')}`);
    const fields = Object.values(f.mapping.fields);
    const width = Math.max(...fields.map((m) => (m.column ?? '').length + 2), 8);
    let first = true;
    for (const m of fields) {
      const src = m.source === 'constant' ? `= ${JSON.stringify(m.constant)}` : JSON.stringify(m.column);
      out.push(`  ${first ? 'mapping   ' : '          '} ${src.padEnd(width)} → ${m.field} (${m.source})`);
      first = false;
    }
    if (f.mapping.revenueFromLineItems) out.push('             revenue = quantity × unit_price');
    out.push(`  values     ${f.styles.map((s) => `${s.column}: ${s.style}`).join('; ')}`);
    const c = f.counts;
    const rows = [`${n(c.rowsRead)} read`];
    if (f.role === 'orders') {
      rows.push(`${n(c.orders)} orders after line-item merge`, `${n(c.mergedRows)} lines merged into them`, `${n(c.continuationLines)} continuation lines`, `${n(c.cancelledRows)} cancelled`);
      if (c.zeroValueOrders) rows.push(`${n(c.zeroValueOrders)} zero-value orders`);
    }
    rows.push(`${n(c.invalidRows)} invalid`);
    if (c.outside.rows) rows.push(`${n(c.outside.rows)} outside every period`);
    if (c.droppedRows) rows.push(`${n(c.droppedRows)} totals rows dropped`);
    if (c.lineConflicts) {
      const by = Object.entries({ date: c.conflicts.date, customer_id: c.conflicts.customer, channel: c.conflicts.channel }).filter(([, v]) => v > 0);
      rows.push(`${n(c.lineConflicts)} lines disagreeing with their order's first line (${by.map(([k, v]) => `${k} ${n(v)}`).join(', ')})`);
    }
    out.push(`  rows       ${rows.join(' · ')}`);
    const next = f.role !== 'orders' && orders ? `   (orders: ${day(orders.firstTime)} … ${day(orders.lastTime)})` : '';
    out.push(`  dates      ${day(c.firstTime)} … ${day(c.lastTime)}${next}`);
    if (c.outside.rows) out.push(`  outside    ${n(c.outside.rows)} dated ${c.outside.dates}: ${c.outside.why}`);
    const names = [...c.channels].sort((a, b) => a - b).map((i) => r.channels[i]!);
    out.push(`  channels   ${names.length ? names.join(', ') : '(none)'}`);
    for (const p of f.problems) out.push(`  invalid    ${formatRowProblem(p)}`);
    if (c.invalidRows > f.problems.length) out.push(`             … and ${n(c.invalidRows - f.problems.length)} more`);
  }
  out.push('');
  out.push(`channels (${r.channels.length}): ${r.channels.join(', ')}`);
  out.push(`customers: ${n(r.customers)}`);
  const invalid = `${n(r.invalidRows)} invalid row${r.invalidRows === 1 ? '' : 's'}`;
  out.push(r.invalidRows === 0 ? 'ok: every row was read' : r.skipInvalid ? `ok: ${invalid} will be skipped (--skip-invalid)` : `${invalid} (exit 3; --skip-invalid skips them)`);
  return out.join('\n') + '\n';
}
