/**
 * Channel names across files: compared trimmed and case-insensitively, folded
 * by `channels.aliases`; the first spelling seen (after aliasing) is displayed.
 */
import { channelKey, UNKNOWN_CHANNEL } from '../model.js';
import { grow } from './hash-tables.js';
import { Interner } from './interner.js';

export class ChannelTable {
  readonly names: string[] = [];
  private readonly byKey = new Map<string, number>();
  /** Raw values seen → channel index (a cache: most files spell a few channels many times). */
  private readonly raw = new Interner();
  private rawIndex = new Int32Array(16);
  private readonly aliases = new Map<string, string>();

  constructor(aliases: Record<string, string> = {}) {
    for (const [from, to] of Object.entries(aliases)) this.aliases.set(channelKey(from), to.trim());
  }

  /** Index of a raw channel value; blank or null is `(unknown)`. */
  resolve(raw: string | null): number {
    if (raw === null) return this.resolve(UNKNOWN_CHANNEL);
    return this.resolveRange(raw, 0, raw.length);
  }

  /** Index of the raw channel value `text[start, end)` (the reader's zero-copy form of `resolve`). */
  resolveRange(text: string, start: number, end: number): number {
    const before = this.raw.size;
    const k = this.raw.intern(text, start, end);
    if (k < before) return this.rawIndex[k]!;
    if (k >= this.rawIndex.length) this.rawIndex = grow(this.rawIndex, k + 1);
    const idx = this.lookup(text.slice(start, end));
    this.rawIndex[k] = idx;
    return idx;
  }

  private lookup(raw: string): number {
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
    return idx;
  }

  /** Index of a channel if it was seen, else -1. */
  find(name: string): number {
    return this.byKey.get(channelKey(name)) ?? -1;
  }
}
