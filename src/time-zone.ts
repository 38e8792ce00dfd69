/**
 * The reporting time zone (SPEC §2): instants ↔ the zone's wall-clock time.
 *
 * A *wall time* is the zone's local date and time written as if it were UTC
 * epoch ms, so UTC calendar arithmetic on it is calendar arithmetic in the
 * zone. Zone rules come from @date-fns/tz (the runtime's IANA database), never
 * from a table of our own. With zone `UTC` both directions are the identity,
 * so the default costs nothing. Shared by ingest (input times without an
 * offset are the zone's wall time) and periods (calendar periods of the zone).
 */
import { tzOffset } from '@date-fns/tz';
import { DAY_MS } from './model.js';

/** The default reporting zone. */
export const UTC_ZONE = 'UTC';

/** Offsets only change on quarter-hour boundaries of wall time (also 30-minute DST of Lord Howe), so a cache per slot is exact. */
const SLOT_MS = 15 * 60_000;
const MAX_CACHE = 200_000;
const wallCaches = new Map<string, Map<number, number>>();

/** True when `zone` is an IANA zone name (or offset) the runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall time of instant `ms` in `zone`: ms + the zone's UTC offset at ms.
 * @example toWallTime(Date.UTC(2024, 6, 1, 7), 'America/Los_Angeles') // Date.UTC(2024, 6, 1, 0) (PDT = UTC−7)
 */
export function toWallTime(ms: number, zone: string): number {
  if (zone === UTC_ZONE || !Number.isFinite(ms)) return ms;
  return ms + tzOffset(zone, new Date(ms)) * 60_000;
}

/**
 * The instant at which `zone`'s clocks show wall time `wall`, by the rule of
 * Temporal's `disambiguation: 'compatible'`: a wall time in the hour skipped
 * when clocks go forward is read with the offset before the change (02:30 on
 * the spring-forward day in Los Angeles = 03:30 PDT); a wall time in the hour
 * repeated when clocks go back is its first occurrence. Offsets come from
 * @date-fns/tz `tzOffset`.
 * @example wallTimeToInstant(Date.UTC(2024, 0, 15, 9), 'Europe/Berlin') // Date.UTC(2024, 0, 15, 8) (CET = UTC+1)
 */
export function wallTimeToInstant(wall: number, zone: string): number {
  if (zone === UTC_ZONE || !Number.isFinite(wall)) return wall;
  const slot = Math.floor(wall / SLOT_MS);
  let cache = wallCaches.get(zone);
  if (cache === undefined) wallCaches.set(zone, (cache = new Map()));
  let shift = cache.get(slot);
  if (shift === undefined) {
    shift = -offsetForWall(slot * SLOT_MS, zone);
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(slot, shift);
  }
  return wall + shift;
}

/** Offset in ms of `zone` at instant `ms`. */
function offsetAt(ms: number, zone: string): number {
  return tzOffset(zone, new Date(ms)) * 60_000;
}

/** The offset that wall time `wall` is read with (see wallTimeToInstant). */
function offsetForWall(wall: number, zone: string): number {
  const before = offsetAt(wall - DAY_MS, zone);
  const after = offsetAt(wall + DAY_MS, zone);
  const beforeFits = offsetAt(wall - before, zone) === before;
  const afterFits = offsetAt(wall - after, zone) === after;
  if (beforeFits && afterFits) return Math.max(before, after); // repeated hour: the earlier instant
  if (afterFits) return after;
  return before; // valid before the change, or skipped: as if the clocks had not moved yet
}

/**
 * `f` applied in wall time: the instant whose wall time is f(wall time of ms).
 * The bridge that lets the UTC calendar functions work in any zone.
 */
export function inZone(ms: number, zone: string, f: (wall: number) => number): number {
  if (zone === UTC_ZONE) return f(ms);
  return wallTimeToInstant(f(toWallTime(ms, zone)), zone);
}

