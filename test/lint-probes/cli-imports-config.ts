// lint as: src/cli/probe.ts
// expect: no-restricted-imports (cli goes through pipeline)
import { CONFIG_FILE } from '../config/parse.js';
export const probe = CONFIG_FILE;
