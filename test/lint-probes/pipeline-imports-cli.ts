// lint as: src/pipeline/probe.ts
// expect: no-restricted-imports (nothing imports cli)
import { createProgram } from '../cli/program.js';
export const probe = createProgram;
