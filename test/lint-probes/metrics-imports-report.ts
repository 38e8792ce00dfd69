// lint as: src/metrics/cohorts/probe.ts
// expect: no-restricted-imports (metrics is below report)
import { renderCohorts } from '../../report/cohorts/index.js';
export const probe = renderCohorts;
