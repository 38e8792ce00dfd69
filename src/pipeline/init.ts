/**
 * `channelbench init`: a starter config for the files given — the detected
 * column mapping per role and a benchmarks skeleton with each metric's observed
 * total and `"target": null` for the user to fill in. Returns the document;
 * the CLI writes it.
 */
import { DEFAULT_CANCELLED_STATUSES } from '../ingest/dataset-builder.js';
import { METRIC_KEYS, type Field, type MetricKey, type Role } from '../model.js';
import { computeFigures } from '../metrics/index.js';
import { buildPeriods } from '../periods/index.js';
import { resolveRunWindow } from './run-window.js';
import { clean } from '../report/enrich.js';
import type { InputFlags } from './inputs.js';
import { loadRun } from './load-run.js';
import { resolveMetricSettings } from './report.js';

/** The file `init` writes (the CLI names it in help and messages). */
export { CONFIG_FILE } from '../config/parse.js';

export interface InitResult {
  config: Record<string, unknown>;
  /** Roles read, for the message. */
  roles: Role[];
}

export async function runInit(flags: InputFlags, cwd: string, stdin?: NodeJS.ReadableStream): Promise<InitResult> {
  const run = await loadRun(flags, { cwd, require: [], invalidRows: 'skip', ...(stdin ? { stdin } : {}) });
  const columns: Partial<Record<Role, Partial<Record<Field, string>>>> = {};
  for (const f of run.files) {
    const mapped: Partial<Record<Field, string>> = {};
    for (const m of Object.values(f.mapping.fields)) if (m.column !== null) mapped[m.field] = m.column;
    columns[f.role] = mapped;
  }
  const settings = resolveMetricSettings({ from: undefined, to: undefined, last: undefined, period: undefined, weekStart: undefined, margin: undefined, retentionDays: undefined, clvHorizonDays: undefined }, run.config);
  const observed: Partial<Record<MetricKey, number | null>> = {};
  const ds = run.dataset;
  if (ds.orders.length > 0) {
    const { window, dataEnd: end } = resolveRunWindow(ds.orders, {}, 'monday');
    const [pf] = computeFigures(ds, buildPeriods(window, end, undefined, 'monday'), settings);
    const total = pf?.rows.at(-1);
    if (total) for (const k of METRIC_KEYS) observed[k] = clean(total.metrics[k]);
  }
  const metrics: Record<string, { observed: number | null; target: null }> = {};
  for (const k of METRIC_KEYS) metrics[k] = { observed: observed[k] ?? null, target: null };
  return {
    roles: run.files.map((f) => f.role),
    config: {
      columns,
      channels: { aliases: run.config.channels?.aliases ?? {} },
      settings: {
        margin: settings.margin,
        retention_days: settings.retentionDays,
        clv_horizon_days: settings.clvHorizonDays,
        cancelled_statuses: run.config.settings?.cancelled_statuses ?? DEFAULT_CANCELLED_STATUSES,
        week_start: run.config.settings?.week_start ?? 'monday',
        locale: run.config.settings?.locale ?? 'en-US',
      },
      benchmarks: {
        name: 'My targets',
        tolerance: 0.05,
        metrics,
      },
    },
  };
}
