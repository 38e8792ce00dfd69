/**
 * Channel names across files: compared trimmed and case-insensitively, folded
 * by `channels.aliases`; the first spelling seen (after aliasing) is displayed.
 */
import { channelKey, UNKNOWN_CHANNEL } from '../model.js';

export class ChannelTable {
  readonly names: string[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byRaw = new Map<string, number>();
  private readonly aliases = new Map<string, string>();

  constructor(aliases: Record<string, string> = {}) {
    for (const [from, to] of Object.entries(aliases)) this.aliases.set(channelKey(from), to.trim());
  }

  /** Index of a raw channel value; blank or null is `(unknown)`. */
  resolve(raw: string | null): number {
    if (raw === null) return this.resolve(UNKNOWN_CHANNEL);
    const cached = this.byRaw.get(raw);
    if (cached !== undefined) return cached;
    let display = raw.trim();
    if (display === '') return this.resolve(UNKNOWN_CHANNEL);
    const alias = this.aliases.get(channelKey(display));
    if (alias !== undefined) display = alias;
    const key = channelKey(display);
    let idx = this.byKey.get(key);
    if (idx === undefined) {
      idx = this.names.length;
      this.names.push(display);
      this.byKey.set(key, idx);
    }
    if (this.byRaw.size < 100_000) this.byRaw.set(raw, idx);
    return idx;
  }

  /** Index of a channel if it was seen, else -1. */
  find(name: string): number {
    return this.byKey.get(channelKey(name)) ?? -1;
  }
}
