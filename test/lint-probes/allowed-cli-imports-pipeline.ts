// lint as: src/cli/probe.ts
// expect: ok (cli calls pipeline and renders with report)
import { runValidate } from '../pipeline/validate.js';
import { renderValidate } from '../report/validate-text.js';
export const probe = [runValidate, renderValidate];
