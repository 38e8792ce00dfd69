// lint as: src/stats/probe.ts
// expect: no-restricted-imports (pure: no node:*)
import { readFileSync } from 'node:fs';
export const probe = readFileSync;
