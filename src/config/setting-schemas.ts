/**
 * The numeric and currency settings that the config file and the flags share
 * (one definition each). Apart from src/config/schema.ts so that a run's flags
 * are checked without building the config file's schema (docs/performance.md,
 * "Start-up": that is built only when a config file is read).
 */
import { z } from 'zod';

/** Ranges of the numeric settings (README "Safety"): one definition for the config and the flags. */
export const SETTING_RANGES = {
  margin: { min: 0, max: 1000 },
  days: { min: 1, max: 36_500 },
} as const;

/** `label: ` before a message (flags name themselves; config paths are added by formatZodIssues). */
const prefix = (label: string): string => (label ? `${label}: ` : '');

/** A margin: a number > 0 and ≤ 1000. `label` names it in messages (flag or config key). */
export function marginSchema(label: string) {
  const { max } = SETTING_RANGES.margin;
  const msg = `${prefix(label)}expected a positive number up to ${max}, e.g. 0.4`;
  return z.number({ error: msg }).positive(msg).max(max, msg);
}

/** A number of days: a whole number from 1 to 36,500 (100 years). */
export function daysSchema(label: string) {
  const { min, max } = SETTING_RANGES.days;
  const msg = `${prefix(label)}expected a whole number of days from ${min} to ${max}`;
  return z.number({ error: msg }).int(msg).min(min, msg).max(max, msg);
}

/** An ISO 4217 currency code (three letters), as the --currency flag takes it. */
export function currencySchema(label: string) {
  return z.string().regex(/^[A-Za-z]{3}$/, `${prefix(label)}expected an ISO 4217 code such as EUR`);
}
