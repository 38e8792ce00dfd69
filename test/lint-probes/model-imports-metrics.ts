// lint as: src/model/probe.ts
// expect: no-restricted-imports (model imports no layer)
import { METRICS } from '../metrics/definitions.js';
export const probe = METRICS;
