// lint as: src/ingest/probe.ts
// expect: no-restricted-imports (pipeline calls ingest, not the reverse)
import { loadRun } from '../pipeline/load-run.js';
export const probe = loadRun;
