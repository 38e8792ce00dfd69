// lint as: src/report/probe.ts
// expect: no-restricted-imports (report does not import pipeline)
import { runValidate } from '../pipeline/validate.js';
export const probe = runValidate;
