// lint as: src/metrics/probe.ts
// expect: no-restricted-imports (nothing imports cli)
import { main } from '../cli/main.js';
export const probe = main;
