// lint as: src/stats/probe.ts
// expect: no-restricted-imports (stats is below metrics; shared types are in src/model/)
import type { Samples } from '../metrics/figures.js';
export type Probe = Samples;
