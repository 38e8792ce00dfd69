// Checks that a peer of scripts/bench.mjs (DuckDB, Polars) computed the same
// figures as channelbench's JSON, before either is timed. Returns a list of
// differences (empty when equal). Numbers agree when they differ by at most
// 1e-9 relative (channelbench writes 12 significant digits; sums in another
// order differ in the last bits).

export const REPORT_KEYS = Object.freeze(['orders', 'revenue', 'refunds', 'net_revenue', 'aov', 'customers', 'new_customers', 'returning_rate', 'retention_rate', 'clv']);

const close = (a, b) => (a == null || b == null ? a == b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

function differ(out, what, ours, theirs) {
  if (!close(ours, theirs)) out.push(`${what}: channelbench ${ours}, peer ${theirs}`);
}

/** `report` (one window): every orders figure of every channel and the total row. */
function checkReport(cb, peer) {
  const out = [];
  const byChannel = new Map(peer.map((r) => [r.channel, r]));
  if (peer.length !== cb.rows.length) out.push(`rows: channelbench ${cb.rows.length}, peer ${peer.length}`);
  for (const row of cb.rows) {
    const p = byChannel.get(row.channel);
    if (!p) out.push(`${row.channel}: missing in peer`);
    else for (const k of REPORT_KEYS) differ(out, `${row.channel} ${k}`, row.metrics[k], p[k]);
  }
  return { values: cb.rows.length * REPORT_KEYS.length, differences: out };
}

/** `crosschannel`: the summary and the by-channels-used buckets. */
function checkCrosschannel(cb, peer) {
  const out = [];
  const s = peer.find((r) => r.kind === 'summary');
  let values = 0;
  for (const k of ['customers', 'multichannel_customers', 'mean_net_value_single', 'mean_net_value_multichannel']) {
    differ(out, `summary ${k}`, cb.summary[k], s?.[k]);
    values++;
  }
  for (const b of cb.buckets) {
    const p = peer.find((r) => r.kind === 'bucket' && r.bucket === b.bucket);
    differ(out, `bucket ${b.bucket} customers`, b.customers, p?.customers);
    differ(out, `bucket ${b.bucket} mean_net_value`, b.mean_net_value, p?.mean_net_value_single);
    differ(out, `bucket ${b.bucket} mean_purchases`, b.mean_purchases, p?.mean_purchases);
    differ(out, `bucket ${b.bucket} aov`, b.aov, p?.aov);
    values += 4;
  }
  return { values, differences: out };
}

/** `cohorts`: every cohort's size, retained share and cumulative value per customer, per period since acquisition. */
function checkCohorts(cb, peer) {
  const out = [];
  const cells = new Map(peer.map((r) => [`${r.cohort}|${r.channel}|${r.k}`, r]));
  let values = 0;
  for (const c of cb.cohorts) {
    const key = (k) => `${c.cohort.label}|${c.channel}|${k}`;
    differ(out, `${key(0)} size`, c.size, cells.get(key(0))?.active ?? 0);
    // Cells of periods that end after T, and of empty cohorts, are null.
    const through = c.size === 0 ? -1 : (cells.get(key(0))?.complete_through ?? -1);
    let cum = 0;
    c.retained_share.forEach((share, k) => {
      const cell = cells.get(key(k));
      cum += cell?.value ?? 0;
      differ(out, `${key(k)} retained_share`, share, k <= through ? (cell?.active ?? 0) / c.size : null);
      differ(out, `${key(k)} cumulative_value`, c.cumulative_value[k], k <= through ? cum / c.size : null);
      values += 2;
    });
    values++;
  }
  return { values, differences: out };
}

const CHECKS = { report: checkReport, crosschannel: checkCrosschannel, cohorts: checkCohorts };

/** { values compared, differences } of channelbench's JSON against a peer's rows. */
export function checkPeer(command, channelbenchJson, peerRows) {
  return CHECKS[command](JSON.parse(channelbenchJson), JSON.parse(peerRows));
}
