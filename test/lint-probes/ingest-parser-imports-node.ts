// lint as: src/ingest/parse-amount.ts
// expect: no-restricted-imports (the ingest parsers are pure)
import { readFileSync } from 'node:fs';
export const probe = readFileSync;
