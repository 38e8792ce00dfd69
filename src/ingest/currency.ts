/**
 * Each amount converted once, at the ingest boundary, into the report
 * currency (SPEC §3): everything after ingest is currency-free.
 *
 * - No rate table: every amount must be in one currency (the report currency
 *   when given, else the first one seen); a second currency is an input error
 *   naming it, its date and `--fx`.
 * - With `--fx`: an amount in another currency is multiplied by the rate of
 *   its own day (in the reporting time zone); no usable rate is an input error.
 * - A blank currency cell means the report currency (or, without one, the
 *   data's single currency).
 */
import { InputError } from '../errors.js';
import { dayOf, dayText, rateOn, type FxTable } from './fx.js';
import { roundOrderValue } from './parse-amount.js';

export interface CurrencySettings {
  /** --currency / settings.currency, upper-case; null = the data's own currency. */
  reportCurrency: string | null;
  fx: FxTable | null;
  /** The --fx file as the user named it (messages). */
  fxName: string | null;
  maxAgeDays: number;
  timeZone: string;
}

export class CurrencyConverter {
  /** The report currency: given, or the data's single currency once seen; null while unknown. */
  currency: string | null;

  constructor(private readonly s: CurrencySettings) {
    this.currency = s.reportCurrency;
  }

  /**
   * `amount` (in `from`, or the report currency when null) in the report
   * currency, rounded to 1e-9 like line revenue. Counts conversions per source
   * currency in `converted`.
   * @throws InputError (exit 3) naming file, line, currency, date and the flag to pass.
   */
  convert(amount: number, from: string | null, time: number, file: string, line: number, converted: Record<string, number>): number {
    if (from === null || Number.isNaN(amount)) return amount;
    if (this.currency === null) {
      if (this.s.fx === null) {
        this.currency = from;
        return amount;
      }
      throw new InputError('NO_REPORT_CURRENCY', `--fx ${this.s.fxName}: no report currency to convert into`, { hint: 'pass --currency XXX (or settings.currency in the config)' });
    }
    if (from === this.currency) return amount;
    const day = dayOf(time, this.s.timeZone);
    const where = `${file} line ${line}`;
    if (this.s.fx === null) {
      throw new InputError(
        'MIXED_CURRENCIES',
        `${where}: an amount in ${from} (dated ${dayText(day)}), but the other amounts are in ${this.currency}; amounts in different currencies cannot be summed without rates`,
        { hint: `pass --fx rates.csv (columns date, from, to, rate) and --currency ${this.currency} to convert them` },
      );
    }
    const rate = rateOn(this.s.fx, from, this.currency, day, this.s.maxAgeDays);
    if (typeof rate !== 'number') {
      const stale =
        rate.staleDay === null
          ? `it has no ${from}→${this.currency} rate (nor a cross rate) on or before that day`
          : `its latest ${from}→${this.currency} rate is from ${dayText(rate.staleDay)}, ${day - rate.staleDay} days earlier, and rates are used for at most ${this.s.maxAgeDays} days`;
      throw new InputError('NO_FX_RATE', `${where}: no usable ${from}→${this.currency} rate for ${dayText(day)} in --fx ${this.s.fxName}: ${stale}`, {
        hint: rate.staleDay === null ? `add ${from} rates to ${this.s.fxName}` : `add newer rates to ${this.s.fxName}, or allow older ones with --fx-max-age DAYS`,
      });
    }
    converted[from] = (converted[from] ?? 0) + 1;
    return roundOrderValue(amount * rate);
  }
}
