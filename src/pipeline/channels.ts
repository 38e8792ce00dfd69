/**
 * `channelbench channels`: read the inputs with a channel grouping (the flag,
 * the config's channels.grouping, else ga4) and return, per raw source /
 * medium pair, the channel it got, the rule that fired and its row count.
 */
import type { PairCount } from '../ingest/channel-grouping.js';
import type { FileReport } from '../ingest/load.js';
import type { InputFlags } from './inputs.js';
import { loadRun } from './load-run.js';

export interface ChannelsResult {
  grouping: { name: string; version: string };
  /** Every pair, most rows first. */
  pairs: PairCount[];
  /** Rows per channel, most rows first. */
  channels: { channel: string; rows: number }[];
  files: FileReport[];
}

export async function runChannels(flags: InputFlags, cwd: string, stdin?: NodeJS.ReadableStream): Promise<ChannelsResult> {
  const run = await loadRun({ ...flags, channelGrouping: flags.channelGrouping ?? 'ga4' }, { cwd, require: [], invalidRows: flags.skipInvalid ? 'skip' : 'fail', ...(stdin ? { stdin } : {}) });
  const grouping = run.grouping!;
  const pairs = grouping.log.list();
  const byChannel = new Map<string, number>();
  for (const p of pairs) byChannel.set(p.channel, (byChannel.get(p.channel) ?? 0) + p.rows);
  const channels = [...byChannel].map(([channel, rows]) => ({ channel, rows })).sort((a, b) => b.rows - a.rows || (a.channel < b.channel ? -1 : 1));
  return { grouping: { name: grouping.name, version: grouping.version }, pairs, channels, files: run.files };
}
