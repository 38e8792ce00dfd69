// lint as: src/report/formats/probe.ts
// expect: no-restricted-imports (report does not import ingest)
import type { Row } from '../../ingest/decode.js';
export type Probe = Row;
