// lint as: src/cli/commands/probe.ts
// expect: no-restricted-imports (cli goes through pipeline)
import { sniffFormat } from '../../ingest/sniff.js';
export const probe = sniffFormat;
