/**
 * The `clv` use case: read the orders, build the per-customer summary as of the
 * calibration end, fit BG/NBD + Gamma-Gamma pooled and per acquisition channel,
 * and return the channelbench.clv/v1 document. Never prints, never exits.
 */
import { tuneForThroughput } from './v8-tuning.js';
import { benchmarkFor } from '../benchmarks/resolve.js';
import type { Benchmarks } from '../benchmarks/schema.js';
import { DEFAULT_MIN_SAMPLE } from '../model/comparison.js';
import type { Config } from '../config/schema.js';
import { InputError, UsageError } from '../errors.js';
import type { FileReport } from '../ingest/load.js';
import { findAcquisitions } from '../metrics/acquisition.js';
import { computeFigures } from '../metrics/index.js';
import { buildCustomerSummary } from '../metrics/predictive/customer-summary.js';
import { customerBootstrapInterval } from '../models/clv/customer-bootstrap.js';
import { groupSummary } from '../models/clv/rfm-groups.js';
import { perUnitRate, valueSummary, type BootstrapInterval, type ValueSettings } from '../models/clv/value.js';
import { PREDICTIVE_METRIC_KEYS, TOTAL_CHANNEL, type OrderTable } from '../model.js';
import { formatLastDay, formatZonedDay, parseLast, parseZonedDay, subtractSpan, toWallTime, UTC_ZONE, wallTimeToInstant, zonedDayNumber } from '../periods/index.js';
import { buildRunHeader } from '../report/crosschannel/run-header.js';
import { clean } from '../report/model.js';
import { benchmarkResult } from '../report/enrich.js';
import { CLV_SCHEMA, type ClvDoc, type ClvRow, type ClvUnit } from '../report/clv/model.js';
import { CORRELATION_WARNING, correlationWarning, DEFAULT_FLOOR, fitBoth, fitRow, parametricRowIntervals, type Floor, type RowFit } from './clv-fits.js';
import { loadCustomerRun, type WindowFlagValues } from './crosschannel.js';
import type { InputFlags } from './inputs.js';
import { loadBenchmarks, resolveMetricSettings } from './report.js';

export const DEFAULT_HORIZON = '52w';
export const DEFAULT_DRAWS = 200;
export const DEFAULT_SEED = 17;
const UNIT_DAYS: Record<ClvUnit, number> = { day: 1, week: 7 };
/** Days of a horizon unit: months and years are average calendar lengths, not 30/360 days. */
const SPAN_DAYS = { d: 1, w: 7, m: 365.25 / 12, q: 365.25 / 4, y: 365.25 } as const;

export interface ClvFlags extends WindowFlagValues {
  unit: ClvUnit;
  horizon: string;
  holdout: string | undefined;
  margin: number | undefined;
  discount: number;
  confidence: number;
  /** Customer bootstrap resamples (0: parametric bootstrap). */
  bootstrap: number;
  seed: number;
  floor: Floor;
  clvHorizonDays: number | undefined;
  benchmarksFile: string | undefined;
  /** Count zero-value orders as purchase days (the CDNOW / lifetimes convention); SPEC §3 does not. */
  zeroValuePurchases: boolean;
}

export interface ClvResult {
  doc: ClvDoc;
  files: FileReport[];
  config: Config;
}

/** `52w`, `12m`, `365d`, `1y` → model units. */
export function horizonUnits(text: string, unit: ClvUnit): number {
  const span = parseLast(text);
  if (!span) throw new UsageError('BAD_HORIZON', `--horizon: expected N followed by d, w, m, q or y, e.g. 52w or 12m, got "${text}"`);
  return (span.n * SPAN_DAYS[span.unit]) / UNIT_DAYS[unit];
}

/** --holdout 39w (a span before T) or yyyy-MM-dd (the holdout's first day) → the calibration end (exclusive), a day start in `zone`. */
export function calibrationEnd(holdout: string, asOf: number, windowStart: number, zone: string = UTC_ZONE): number {
  let calEnd: number;
  if (/^\d{4}-\d{2}-\d{2}$/.test(holdout)) calEnd = parseZonedDay(holdout, zone);
  else {
    const span = parseLast(holdout);
    if (!span) throw new UsageError('BAD_HOLDOUT', `--holdout: expected a span such as 39w or a first day yyyy-MM-dd, got "${holdout}"`);
    // Calendar arithmetic on the zone's wall clock, as --last does.
    calEnd = wallTimeToInstant(subtractSpan(toWallTime(asOf, zone), span), zone);
  }
  if (!(calEnd > windowStart && calEnd < asOf)) {
    throw new UsageError('BAD_HOLDOUT', `--holdout ${holdout}: the holdout must start after the window start (${formatZonedDay(windowStart, zone)}) and before T (${formatZonedDay(asOf, zone)})`);
  }
  return calEnd;
}

export async function runClv(input: InputFlags, flags: ClvFlags, cwd: string, stdin?: NodeJS.ReadableStream): Promise<ClvResult> {
  const run = await loadCustomerRun('clv', input, flags, cwd, stdin);
  const ds = run.dataset;
  const unitDays = UNIT_DAYS[flags.unit];
  const horizon = horizonUnits(flags.horizon, flags.unit);
  // Read (and validate) the benchmarks before the fits, so a bad file fails fast.
  const benchmarks = await loadBenchmarks(flags.benchmarksFile, run.config, run.configFile, cwd);
  const calEnd = flags.holdout === undefined ? run.asOf : calibrationEnd(flags.holdout, run.asOf, run.window.start, run.timeZone);
  const orders = flags.zeroValuePurchases ? zeroAsPurchase(ds.orders) : ds.orders;
  const acq = findAcquisitions(orders, ds.customerCount);
  const holdoutEnd = flags.holdout === undefined ? null : run.asOf;
  // Same-day merging, t_x and T count calendar days of the reporting time zone (SPEC §2).
  const dayOf = zonedDayNumber(run.window.start, holdoutEnd ?? calEnd, run.timeZone);
  const summary = buildCustomerSummary(orders, acq, { from: run.window.start, calEnd, holdoutEnd, unitDays, dayOf });
  if (summary.length === 0) throw new InputError('NO_CUSTOMERS', `clv: no customer acquired between ${formatZonedDay(run.window.start, run.timeZone)} and ${formatLastDay(calEnd, run.timeZone)}`);

  const all = Int32Array.from({ length: summary.length }, (_, i) => i);
  const allGroups = groupSummary(summary, all);
  tuneForThroughput('CLV model fits');
  const pooledFit = fitBoth(summary, all, allGroups);
  if ('reason' in pooledFit) {
    throw new InputError('CLV_FIT_FAILED', `clv: the pooled fit failed (${pooledFit.reason})`, { hint: 'the data may be too short or too regular for the model; try a longer window or --unit day' });
  }
  const byChannel = new Map<number, number[]>();
  for (let i = 0; i < summary.length; i++) {
    const c = summary.channel[i]!;
    let list = byChannel.get(c);
    if (!list) byChannel.set(c, (list = []));
    list.push(i);
  }
  const channels = [...byChannel.entries()].sort((a, b) => b[1].length - a[1].length || (ds.channels[a[0]]! < ds.channels[b[0]]! ? -1 : 1));
  const fits: { name: string; row: RowFit }[] = channels.map(([id, list]) => ({ name: ds.channels[id]!, row: fitRow(summary, Int32Array.from(list), pooledFit, flags.floor, false) }));
  fits.push({ name: TOTAL_CHANNEL, row: fitRow(summary, all, pooledFit, flags.floor, true, allGroups) });

  const settings = resolveMetricSettings({ ...flags, margin: flags.margin, retentionDays: undefined, clvHorizonDays: flags.clvHorizonDays }, run.config);
  const discountPerUnit = perUnitRate(flags.discount, unitDays);
  const value: ValueSettings = { horizon, discountPerUnit, margin: settings.margin };
  const period = { label: formatZonedDay(run.window.start, run.timeZone), start: run.window.start, end: calEnd, partial: false, asOf: calEnd };
  const [figures] = computeFigures(ds, [period], settings);
  const figureRows = new Map(figures!.rows.map((r) => [r.channel, r]));
  const holdoutUnits = (dayOf(run.asOf) - dayOf(calEnd)) / unitDays;
  const warnings: string[] = [];

  // One seed for every row: rows with the same fit and customers get the same interval.
  const seed = flags.seed;
  const parametric = flags.bootstrap > 0 ? null : parametricRowIntervals(fits.map((f) => f.row), pooledFit, allGroups, value, flags.confidence, DEFAULT_DRAWS, seed);
  const rows: ClvRow[] = fits.map(({ name, row }, rowIndex) => {
    const v = valueSummary(row.groups, { bg: row.fits.bg.params, gg: row.fits.gg.params }, value)!;
    let interval: BootstrapInterval | null;
    if (parametric) interval = parametric[rowIndex] ?? null;
    else interval = customerBootstrapInterval(summary, row.model === 'own' ? row.idx : all, row.model === 'own' ? null : row.idx, value, flags.confidence, flags.bootstrap, seed);
    const fig = figureRows.get(name);
    const cac = fig?.metrics.cac ?? null;
    const reasons: ClvRow['reasons'] = {};
    if (fig?.metrics.clv === null && fig.reasons.clv) reasons.clv = fig.reasons.clv;
    if (cac === null) reasons.cac = fig?.reasons.cac ?? 'no spend input';
    const pcc = cac === null || cac === 0 ? null : v.predictedClv / cac;
    if (pcc === null) reasons.predicted_clv_cac = cac === 0 ? 'cac is 0' : `cac is null: ${reasons.cac}`;
    const ci: ClvRow['ci'] = {};
    if (interval) {
      ci.predicted_clv = [clean(interval.low)!, clean(interval.high)!];
      if (pcc !== null) ci.predicted_clv_cac = [clean(interval.low / cac!)!, clean(interval.high / cac!)!];
    } else reasons.predicted_clv_ci = 'too few usable bootstrap draws';
    const warning = correlationWarning(name, row.correlation);
    if (warning) warnings.push(warning);
    const { bg, gg } = row.fits;
    const out: ClvRow = {
      channel: name,
      model: row.model,
      model_note: row.note,
      customers: row.customers,
      repeat_customers: row.repeatCustomers,
      parameters: {
        bgnbd: {
          r: est(bg.params.r, bg.se.r),
          alpha: est(bg.params.alpha, bg.se.alpha),
          a: est(bg.params.a, bg.se.a),
          b: est(bg.params.b, bg.se.b),
          log_likelihood: clean(bg.logLikelihood)!,
        },
        gamma_gamma: { p: est(gg.params.p, gg.se.p), q: est(gg.params.q, gg.se.q), gamma: est(gg.params.gamma, gg.se.gamma), log_likelihood: clean(gg.logLikelihood)! },
      },
      frequency_spend_correlation: clean(row.correlation),
      metrics: {
        p_alive: clean(v.pAlive)!,
        expected_purchases: clean(v.expectedPurchases)!,
        expected_spend: clean(v.expectedSpend)!,
        predicted_clv: clean(v.predictedClv)!,
        clv: clean(fig?.metrics.clv ?? null),
        spend: clean(fig?.metrics.spend ?? null),
        cac: clean(cac),
        predicted_clv_cac: clean(pcc),
      },
      ci,
      reasons,
      benchmarks: {},
      holdout: flags.holdout === undefined ? null : holdoutCheck(summary, row, holdoutUnits),
    };
    if (benchmarks) out.benchmarks = compareRow(out, benchmarks, run.config.settings?.min_sample ?? DEFAULT_MIN_SAMPLE);
    return out;
  });

  return {
    doc: {
      schema: CLV_SCHEMA,
      ...buildRunHeader({ ...run.context, asOf: calEnd }),
      unit: flags.unit,
      horizon: { text: flags.horizon, units: clean(horizon)! },
      calibration_end: formatLastDay(calEnd, run.timeZone),
      holdout: flags.holdout === undefined ? null : { start: formatZonedDay(calEnd, run.timeZone), end: formatLastDay(run.asOf, run.timeZone), units: clean(holdoutUnits)! },
      model_settings: {
        margin: settings.margin,
        discount_annual: flags.discount,
        discount_per_unit: clean(discountPerUnit)!,
        confidence: flags.confidence,
        interval: flags.bootstrap > 0 ? 'customer' : 'parametric',
        draws: flags.bootstrap > 0 ? flags.bootstrap : DEFAULT_DRAWS,
        seed: flags.seed,
        floor: { customers: flags.floor.customers, repeat_customers: flags.floor.repeatCustomers },
        clv_horizon_days: settings.clvHorizonDays,
        correlation_warning: CORRELATION_WARNING,
      },
      warnings,
      rows,
    },
    files: run.files,
    config: run.config,
  };
}

/** The orders with every zero value replaced by the smallest positive double: a purchase worth nothing. */
export function zeroAsPurchase(t: OrderTable): OrderTable {
  return { length: t.length, time: t.time, value: t.value.map((v) => (v === 0 ? Number.MIN_VALUE : v)), channel: t.channel, customer: t.customer, orderId: (i) => t.orderId(i) };
}

const est = (value: number, se: number): { value: number; se: number } => ({ value: clean(value)!, se: clean(se)! });

/** Predicted vs actual repeat purchase days in the holdout, summed over the row's customers (the prediction from its cells). */
function holdoutCheck(s: ReturnType<typeof buildCustomerSummary>, row: RowFit, units: number): ClvRow['holdout'] {
  const v = valueSummary(row.groups, { bg: row.fits.bg.params, gg: row.fits.gg.params }, { horizon: units, discountPerUnit: 0, margin: 1 })!;
  const predicted = v.expectedPurchases * v.customers;
  let actual = 0;
  for (const i of row.idx) actual += s.holdout[i]!;
  const error = predicted - actual;
  return { predicted: clean(predicted)!, actual, error: clean(error)!, error_pct: actual === 0 ? null : clean(error / actual) };
}

/** Both predictive figures have sampling error (their interval): n = the row's customers, min_sample as in `report`. */
function compareRow(row: ClvRow, b: Benchmarks, minSample: number): ClvRow['benchmarks'] {
  const out: ClvRow['benchmarks'] = {};
  for (const k of PREDICTIVE_METRIC_KEYS) {
    const bench = benchmarkFor(b, k, row.channel);
    if (!bench) continue;
    const evidence = { n: row.customers, minSample: bench.minSample ?? minSample };
    out[k] = benchmarkResult(row.metrics[k], row.ci[k] ?? null, bench, k === 'predicted_clv_cac' ? row.reasons.predicted_clv_cac : undefined, evidence);
  }
  return out;
}

export { DEFAULT_FLOOR };
