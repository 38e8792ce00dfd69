// lint as: src/ingest/presets/probe.ts
// expect: no-restricted-imports (ingest imports only model and errors)
import { buildReport } from '../../report/model.js';
export const probe = buildReport;
