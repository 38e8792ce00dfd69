/**
 * How benchmark channel overrides are matched to report channels.
 */

/**
 * The comparison key of a channel name: trimmed and lower-cased, the same rule as
 * `channelKey` in ingest/channels.ts (SPEC §1 "Channels"), kept here so that the
 * benchmarks layer does not depend on ingest.
 *
 *     key(name) = lowercase(trim(name))
 *
 * @example channelKey('  Email ') // 'email'
 */
export function channelKey(name: string): string {
  return name.trim().toLowerCase();
}
