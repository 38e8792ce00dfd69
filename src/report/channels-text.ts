/**
 * `channels` output: rows per channel, and with --explain every raw source /
 * medium pair with its channel, the rule that fired and its rows, then the top
 * Unassigned pairs with a hint. Plain aligned text, or JSON.
 */
import type { ChannelsResult } from '../model/input-report.js';

const UNASSIGNED_SHOWN = 10;

function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n') + '\n';
}

const shown = (v: string): string => (v === '' ? '(blank)' : v);

export function renderChannelsText(r: ChannelsResult, explain: boolean): string {
  let out = `channel grouping: ${r.grouping.name} (rules version ${r.grouping.version}; config channels.rules first)\n\n`;
  out += columns([['channel', 'rows'], ...r.channels.map((c) => [c.channel, String(c.rows)])]);
  if (!explain) return out;
  out += '\n' + columns([['source', 'medium', 'channel', 'rule', 'rows'], ...r.pairs.map((p) => [shown(p.source), shown(p.medium), p.channel, p.rule, String(p.rows)])]);
  const unassigned = r.pairs.filter((p) => p.rule === 'unassigned');
  if (unassigned.length > 0) {
    const top = unassigned.slice(0, UNASSIGNED_SHOWN);
    const total = unassigned.reduce((n, p) => n + p.rows, 0);
    out += `\nUnassigned: ${total} rows in ${unassigned.length} source / medium pairs; top ${top.length}:\n`;
    out += columns([['source', 'medium', 'rows'], ...top.map((p) => [shown(p.source), shown(p.medium), String(p.rows)])]);
    const first = top[0]!;
    const example = JSON.stringify({ source: first.source || undefined, medium: first.medium || undefined, channel: 'Paid Social' });
    out += `hint: no rule matched these. Tag them with a medium the rules know (cpc, paid…, organic, social, email, referral, affiliate, display, video, audio, sms, push), or add a rule to the config's channels.rules, e.g. ${example}\n`;
  }
  return out;
}

export function renderChannelsJson(r: ChannelsResult): string {
  return JSON.stringify({ schema: 'channelbench.channels/v1', grouping: r.grouping, channels: r.channels, pairs: r.pairs }, null, 2) + '\n';
}
