/**
 * Channel grouping (SPEC §1 "Channels"): a channel derived from a row's
 * source, medium and campaign — the config's own `channels.rules` first, then
 * a built-in rule set shipped as data (data/channel-grouping/<name>/rules.json,
 * with its source-category list and PROVENANCE.md). First match wins; every
 * comparison is case-insensitive. Pure: the data is passed in.
 */
import { z } from 'zod';
import type { PairCount } from '../model/input-report.js';

const SOURCE_CATEGORIES = ['SEARCH', 'SHOPPING', 'SOCIAL', 'VIDEO'] as const;
type SourceCategory = (typeof SOURCE_CATEGORIES)[number];
const FIELDS = ['source', 'medium', 'campaign'] as const;
type UtmField = (typeof FIELDS)[number];

type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { field: UtmField; equals?: string[] | undefined; regex?: string | undefined; blank?: boolean | undefined; category?: SourceCategory | undefined };

const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z
      .object({
        field: z.enum(FIELDS),
        equals: z.array(z.string()).min(1).optional(),
        regex: z.string().optional(),
        blank: z.literal(true).optional(),
        category: z.enum(SOURCE_CATEGORIES).optional(),
      })
      .strict(),
  ]),
);

/** The shape of a rules.json file. */
export const ruleSetSchema = z
  .object({
    name: z.string(),
    title: z.string(),
    version: z.string(),
    source: z.string(),
    note: z.string().optional(),
    rules: z.array(z.object({ id: z.string(), channel: z.string(), text: z.string(), when: conditionSchema }).strict()).min(1),
    unassigned: z.string(),
  })
  .strict();
export type RuleSet = z.infer<typeof ruleSetSchema>;

/** A user rule of the config's `channels.rules`: each given field must match (exact, or `/regex/`). */
export interface UserRule {
  source?: string | undefined;
  medium?: string | undefined;
  campaign?: string | undefined;
  channel: string;
}

/** The campaign fields of one row (null or '' = absent). */
export interface Utm {
  source: string | null;
  medium: string | null;
  campaign: string | null;
}

export interface Classification {
  channel: string;
  /** `config rule N` (1-based), a built-in rule id such as `paid-search`, or `unassigned`. */
  rule: string;
}

type Test = (u: { source: string; medium: string; campaign: string }) => boolean;

/** `/…/` → case-insensitive regex; anything else → exact, case-insensitive. */
function userMatcher(pattern: string): (value: string) => boolean {
  const m = /^\/(.*)\/$/s.exec(pattern);
  if (m) {
    const re = new RegExp(m[1]!, 'i');
    return (v) => re.test(v);
  }
  const want = pattern.trim().toLowerCase();
  return (v) => v === want;
}

/**
 * Splits a combined `source / medium` value (GA4) on ` / `.
 * @example splitSourceMedium('google / cpc') // { source: 'google', medium: 'cpc' }
 */
export function splitSourceMedium(value: string): { source: string; medium: string | null } {
  const i = value.indexOf(' / ');
  return i < 0 ? { source: value.trim(), medium: null } : { source: value.slice(0, i).trim(), medium: value.slice(i + 3).trim() };
}

export class ChannelGrouper {
  private readonly tests: { test: Test; channel: string; rule: string }[] = [];
  private readonly cache = new Map<string, Classification>();

  /**
   * @param categories source (lower-case) → category, from source-categories.csv
   * @throws SyntaxError for a user rule whose `/regex/` does not compile (the caller reports it).
   */
  constructor(
    readonly ruleSet: RuleSet,
    categories: ReadonlyMap<string, SourceCategory>,
    userRules: readonly UserRule[],
  ) {
    userRules.forEach((r, i) => {
      const checks = FIELDS.filter((f) => r[f] !== undefined).map((f) => ({ f, match: userMatcher(r[f]!) }));
      this.tests.push({ test: (u) => checks.every((c) => c.match(u[c.f])), channel: r.channel, rule: `config rule ${i + 1}` });
    });
    const compile = (c: Condition): Test => {
      if ('all' in c) {
        const parts = c.all.map(compile);
        return (u) => parts.every((p) => p(u));
      }
      if ('any' in c) {
        const parts = c.any.map(compile);
        return (u) => parts.some((p) => p(u));
      }
      const f = c.field;
      if (c.blank) return (u) => u[f] === '';
      if (c.equals) {
        const set = new Set(c.equals.map((v) => v.toLowerCase()));
        return (u) => set.has(u[f]);
      }
      if (c.regex !== undefined) {
        const re = new RegExp(c.regex, 'i');
        return (u) => re.test(u[f]);
      }
      if (c.category) {
        const want = c.category;
        return (u) => categories.get(u[f]) === want;
      }
      throw new RangeError(`rule set ${ruleSet.name}: a condition on ${f} tests nothing`);
    };
    for (const r of ruleSet.rules) this.tests.push({ test: compile(r.when), channel: r.channel, rule: r.id });
  }

  /**
   * The channel of a row's source, medium and campaign.
   * @example grouper.classify({ source: 'google', medium: 'cpc', campaign: null }) // { channel: 'Paid Search', rule: 'paid-search' }
   */
  classify(utm: Utm): Classification {
    const u = { source: norm(utm.source), medium: norm(utm.medium), campaign: norm(utm.campaign) };
    const key = `${u.source}\u0000${u.medium}\u0000${u.campaign}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    let out: Classification = { channel: this.ruleSet.unassigned, rule: 'unassigned' };
    for (const t of this.tests) {
      if (t.test(u)) {
        out = { channel: t.channel, rule: t.rule };
        break;
      }
    }
    if (this.cache.size < 100_000) this.cache.set(key, out);
    return out;
  }
}

const norm = (v: string | null): string => (v ?? '').trim().toLowerCase();

/**
 * Parses a source-categories.csv (`source,source_category`, values like
 * `SOURCE_CATEGORY_SOCIAL`) into source → category.
 */
export function parseSourceCategories(csv: string): Map<string, SourceCategory> {
  const out = new Map<string, SourceCategory>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const comma = line.lastIndexOf(',');
    if (comma < 0) continue;
    const category = line.slice(comma + 1).trim().replace(/^SOURCE_CATEGORY_/, '') as SourceCategory;
    if ((SOURCE_CATEGORIES as readonly string[]).includes(category)) out.set(line.slice(0, comma).trim().toLowerCase(), category);
  }
  return out;
}

/** One line of `channels --explain`: a raw source / medium pair and what it became. */
export type { PairCount };

/** Counts rows per raw (source, medium, channel, rule), for `channels --explain`. */
export class GroupingLog {
  private readonly pairs = new Map<string, PairCount>();

  add(source: string | null, medium: string | null, c: Classification): void {
    const s = (source ?? '').trim();
    const m = (medium ?? '').trim();
    const key = `${s.toLowerCase()}\u0000${m.toLowerCase()}\u0000${c.channel}\u0000${c.rule}`;
    const p = this.pairs.get(key);
    if (p) p.rows++;
    else this.pairs.set(key, { source: s, medium: m, channel: c.channel, rule: c.rule, rows: 1 });
  }

  /** Every pair, most rows first (ties: source, then medium, by code points). */
  list(): PairCount[] {
    return [...this.pairs.values()].sort((a, b) => b.rows - a.rows || cmp(a.source, b.source) || cmp(a.medium, b.medium) || cmp(a.channel, b.channel));
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
