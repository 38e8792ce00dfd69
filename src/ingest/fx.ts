/**
 * Exchange rates (SPEC §3, `--fx rates.csv`) and the conversion of each amount
 * into the report currency, once, at the ingest boundary.
 *
 * Rate tables come in two shapes:
 * - long: columns `date, from, to, rate` — 1 unit of `from` = `rate` units of `to`;
 * - wide, as the ECB publishes them (eurofxref-hist.csv): `Date, USD, JPY, …`,
 *   each cell the units of that currency per 1 EUR (`N/A` or empty = no rate).
 * The inverse direction of every rate is derived (1 / rate) unless the table
 * gives it. A rate is used from its day until a newer one, for at most
 * `maxAgeDays` days (weekends and holidays carry the last rate forward); a
 * pair the table lacks is crossed through a common currency (`from → C → to`,
 * the first C in code order that has both legs). Pure: no I/O.
 */
import { InputError } from '../errors.js';
import { DAY_MS } from '../model.js';
import { toWallTime } from '../time-zone.js';
import { lastAtOrBefore } from '../model/sorted-search.js';

/** Default maximum age of a rate, in days (a rate from Friday still serves the next Friday, not the one after). */
export const DEFAULT_FX_MAX_AGE_DAYS = 7;

const CODE = /^[A-Z]{3}$/;

interface Series {
  /** Day numbers (days since 1970-01-01), ascending. */
  days: number[];
  rates: number[];
  /** `days` as sealed, for the lookup. */
  sorted: Float64Array;
}

/** A parsed rate table. */
export class FxTable {
  private readonly series = new Map<string, Series>();
  private readonly explicit = new Set<string>();
  readonly currencies = new Set<string>();

  constructor(readonly name: string) {}

  /** Adds `1 from = rate to` on `day` (and the derived inverse unless given explicitly). */
  add(day: number, from: string, to: string, rate: number, explicit = true): void {
    const key = `${from}/${to}`;
    if (!explicit && this.explicit.has(`${key}@${day}`)) return;
    if (explicit) this.explicit.add(`${key}@${day}`);
    this.currencies.add(from);
    this.currencies.add(to);
    let s = this.series.get(key);
    if (s === undefined) this.series.set(key, (s = { days: [], rates: [], sorted: new Float64Array(0) }));
    s.days.push(day);
    s.rates.push(rate);
    if (explicit) this.add(day, to, from, 1 / rate, false);
  }

  /** Sorts every series by day (the last entry of a day wins). Call once after adding. */
  seal(): this {
    for (const s of this.series.values()) {
      const idx = s.days.map((_, i) => i).sort((a, b) => s.days[a]! - s.days[b]! || a - b);
      const days: number[] = [];
      const rates: number[] = [];
      for (const i of idx) {
        if (days.length > 0 && days[days.length - 1] === s.days[i]) rates[rates.length - 1] = s.rates[i]!;
        else {
          days.push(s.days[i]!);
          rates.push(s.rates[i]!);
        }
      }
      s.days = days;
      s.rates = rates;
      s.sorted = Float64Array.from(days);
    }
    return this;
  }

  /** The latest rate of a direct pair on or before `day`: { rate, day } or null. */
  latest(from: string, to: string, day: number): { rate: number; day: number } | null {
    const s = this.series.get(`${from}/${to}`);
    if (s === undefined) return null;
    const i = lastAtOrBefore(s.sorted, day);
    return i < 0 ? null : { rate: s.rates[i]!, day: s.days[i]! };
  }
}

/** Why no rate could be used, for the error message. */
export interface FxMiss {
  /** The newest rate that exists but is too old, if any. */
  staleDay: number | null;
}

/**
 * The rate converting `from` into `to` on `day`, or a miss: direct (or
 * derived inverse) first, else crossed through a common currency; each leg at
 * most `maxAgeDays` old.
 * @example rateOn(table, 'USD', 'EUR', day, 7) // 0.92 when the table says 1 EUR = 1.087 USD that week
 */
export function rateOn(table: FxTable, from: string, to: string, day: number, maxAgeDays: number): number | FxMiss {
  if (from === to) return 1;
  let staleDay: number | null = null;
  const leg = (a: string, b: string): number | null => {
    const r = table.latest(a, b, day);
    if (r === null) return null;
    if (day - r.day > maxAgeDays) {
      if (staleDay === null || r.day > staleDay) staleDay = r.day;
      return null;
    }
    return r.rate;
  };
  const direct = leg(from, to);
  if (direct !== null) return direct;
  for (const via of [...table.currencies].sort()) {
    if (via === from || via === to) continue;
    const a = leg(from, via);
    if (a === null) continue;
    const b = leg(via, to);
    if (b !== null) return a * b;
  }
  return { staleDay };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** `yyyy-MM-dd` of a day number. */
export function dayText(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The day number of an instant in the reporting zone (rates are per calendar day of that zone). */
export function dayOf(time: number, zone: string): number {
  return Math.floor(toWallTime(time, zone) / DAY_MS);
}

function parseDayNumber(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (!m) return NaN;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dayText(t / DAY_MS) === `${m[1]}-${m[2]}-${m[3]}` ? t / DAY_MS : NaN;
}

/**
 * Parses a rate table from its rows (header first), long or ECB-wide.
 * @throws InputError (exit 3) naming the file, line and value of the first bad row.
 */
export function parseFxTable(name: string, rows: readonly (readonly string[])[]): FxTable {
  const table = new FxTable(name);
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const bad = (line: number, what: string): never => {
    throw new InputError('FX_TABLE_INVALID', `--fx ${name}: line ${line}: ${what}`, { hint: 'a rate table has columns date, from, to, rate (1 from = rate to), or is an ECB-style table: Date, USD, JPY, … (units per 1 EUR)' });
  };
  const col = (n: string) => header.indexOf(n);
  const [iDate, iFrom, iTo, iRate] = [col('date'), col('from'), col('to'), col('rate')];
  const long = iDate >= 0 && iFrom >= 0 && iTo >= 0 && iRate >= 0;
  const wideCodes = header.map((h, i) => (i !== iDate && CODE.test(h.toUpperCase()) ? h.toUpperCase() : null));
  if (!long && (iDate < 0 || !wideCodes.some((c) => c !== null))) bad(1, `expected the columns date, from, to, rate (found: ${rows[0]?.join(', ') ?? 'nothing'})`);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = r + 1;
    if (row.every((c) => c.trim() === '')) continue;
    const day = parseDayNumber(row[iDate] ?? '');
    if (Number.isNaN(day)) bad(line, `"${row[iDate] ?? ''}" is not a day (yyyy-MM-dd)`);
    if (long) {
      const from = (row[iFrom] ?? '').trim().toUpperCase();
      const to = (row[iTo] ?? '').trim().toUpperCase();
      const rate = Number((row[iRate] ?? '').trim());
      if (!CODE.test(from) || !CODE.test(to)) bad(line, `"${row[iFrom] ?? ''}" → "${row[iTo] ?? ''}" are not ISO 4217 currency codes`);
      if (!(rate > 0) || !Number.isFinite(rate)) bad(line, `rate "${row[iRate] ?? ''}" is not a positive number`);
      table.add(day, from, to, rate);
    } else {
      wideCodes.forEach((code, i) => {
        if (code === null) return;
        const cell = (row[i] ?? '').trim();
        if (cell === '' || cell.toUpperCase() === 'N/A') return;
        const rate = Number(cell);
        if (!(rate > 0) || !Number.isFinite(rate)) bad(line, `${code} rate "${cell}" is not a positive number`);
        table.add(day, 'EUR', code, rate);
      });
    }
  }
  return table.seal();
}
