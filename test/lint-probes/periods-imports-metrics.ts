// lint as: src/periods/probe.ts
// expect: no-restricted-imports (periods is below metrics)
import { METRICS } from '../metrics/definitions.js';
export const probe = METRICS;
