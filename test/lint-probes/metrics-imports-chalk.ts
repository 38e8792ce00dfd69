// lint as: src/metrics/probe.ts
// expect: no-restricted-imports (no terminal formatting below report)
import chalk from 'chalk';
export const probe = chalk;
