/**
 * `channelbench channels`: read the inputs with a channel grouping (the flag,
 * the config's channels.grouping, else ga4) and return, per raw source /
 * medium pair, the channel it got, the rule that fired and its row count.
 */
import type { ChannelsResult } from '../model/input-report.js';
import type { InputFlags } from './inputs.js';
import { loadRun } from './load-run.js';

export type { ChannelsResult };

export async function runChannels(flags: InputFlags, cwd: string, stdin?: NodeJS.ReadableStream): Promise<ChannelsResult> {
  const run = await loadRun({ ...flags, channelGrouping: flags.channelGrouping ?? 'ga4' }, { cwd, require: [], invalidRows: flags.skipInvalid ? 'skip' : 'fail', ...(stdin ? { stdin } : {}) });
  const grouping = run.grouping!;
  const pairs = grouping.log.list();
  const byChannel = new Map<string, number>();
  for (const p of pairs) byChannel.set(p.channel, (byChannel.get(p.channel) ?? 0) + p.rows);
  const channels = [...byChannel].map(([channel, rows]) => ({ channel, rows })).sort((a, b) => b.rows - a.rows || (a.channel < b.channel ? -1 : 1));
  return { grouping: { name: grouping.name, version: grouping.version }, pairs, channels, files: run.files };
}
