// lint as: src/report/probe.ts
// expect: ok (report may read metrics, and model types)
import { METRICS } from '../metrics/definitions.js';
import type { FileReport } from '../model/input-report.js';
export const probe = METRICS;
export type Probe = FileReport;
