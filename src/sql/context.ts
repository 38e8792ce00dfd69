/**
 * The generator's working state, shared by the parts of the figure-inputs SQL
 * (inputs-sql.ts: rows and orders; cells-sql.ts: the figures; stats-sql.ts:
 * the input statistics): the dialect, the value rendering, column helpers and
 * the list of CTEs being written.
 */
import { channelKey, UNKNOWN_CHANNEL, type Field } from '../model.js';
import { DIALECT_TABLE, type Dialect } from './dialects.js';
import { boundValues, literalValues, type Rendering, type SqlPlan, type SqlSource, type Values } from './plan.js';

export const NL = '\n';
export const indent = (lines: string[], by = '  '): string => lines.map((l) => by + l).join(NL);

export interface Gen {
  plan: SqlPlan;
  d: Dialect;
  v: Values;
  params: (string | number)[];
  ctes: [string, string[]][];
  cte(name: string, body: string[]): void;
  /** A source column as `s."col"`, or null when the source has none. */
  col(src: SqlSource, f: Field | 'line'): string | null;
  /** Trimmed text, '' → NULL. */
  textOf(e: string | null): string;
  numOf(e: string | null): string;
  tsOf(src: SqlSource): string;
  lineOf(src: SqlSource): string;
  /** Raw channel text → display name after aliasing (SPEC §1 Channels). */
  display(raw: string): string;
  /** The key and the spelling of "(unknown)". */
  unknownKey(): string;
  unknownRaw(): string;
}

export function newGen(plan: SqlPlan, rendering: Rendering): Gen {
  const d = DIALECT_TABLE[plan.dialect];
  const params: (string | number)[] = [];
  const v = rendering === 'bound' ? boundValues(d, params) : literalValues(d);
  const ctes: [string, string[]][] = [];
  const col = (src: SqlSource, f: Field | 'line'): string | null => (src.columns[f] ? `s.${d.ident(src.columns[f])}` : null);
  const aliasCases = Object.entries(plan.aliases)
    .map(([from, to]) => [channelKey(from), to.trim()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    plan,
    d,
    v,
    params,
    ctes,
    cte: (name, body) => void ctes.push([name, body]),
    col,
    textOf: (e) => (e === null ? `CAST(NULL AS ${d.text})` : `NULLIF(TRIM(CAST(${e} AS ${d.text})), '')`),
    numOf: (e) => (e === null ? `CAST(NULL AS ${d.float})` : `CAST(${e} AS ${d.float})`),
    tsOf: (src) => d.toTimestamp(col(src, 'date')!),
    lineOf: (src) => col(src, 'line') ?? '0',
    display: (raw) =>
      aliasCases.length === 0 ? raw : `CASE LOWER(${raw})${aliasCases.map(([k, to]) => ` WHEN ${v.text(k)} THEN ${v.text(to)}`).join('')} ELSE ${raw} END`,
    unknownKey: () => v.text(channelKey(UNKNOWN_CHANNEL)),
    unknownRaw: () => v.text(UNKNOWN_CHANNEL),
  };
}

/** `-- header` lines, `WITH` and the CTEs (but the prebuilt ones), then the final SELECT lines. */
export function assemble(g: Gen, select: string[]): string {
  const prebuilt = new Set(g.plan.prebuilt ?? []);
  return [...g.plan.header.map((h) => `-- ${h}`), ...withCtes(g.ctes.filter(([name]) => !prebuilt.has(name))), ...select].join(NL) + NL;
}

function withCtes(ctes: readonly [string, string[]][]): string[] {
  if (ctes.length === 0) return [];
  const out = ['WITH'];
  ctes.forEach(([name, body], i) => out.push(`${name} AS (`, indent(body.join(NL).split(NL)), `)${i < ctes.length - 1 ? ',' : ''}`));
  return out;
}

/**
 * Statements that store the named CTEs of a generator as temporary tables, in
 * dependency order (each reads the ones stored before it): an engine runs them
 * once, then every query of the run is generated with `prebuilt` = `names` and
 * reads the tables instead of recomputing them from the source.
 */
export function prepareStatements(g: Gen, names: readonly string[]): string[] {
  const out: string[] = [];
  const stored = new Set(g.plan.prebuilt ?? []);
  for (const [i, [name]] of g.ctes.entries()) {
    if (!names.includes(name) || stored.has(name)) continue;
    const deps = g.ctes.slice(0, i + 1).filter(([n]) => !stored.has(n));
    out.push([`CREATE TEMP TABLE ${name} AS`, ...withCtes(deps), `SELECT * FROM ${name};`].join(NL));
    stored.add(name);
  }
  return out;
}
