#!/usr/bin/env node
// The bin was this file until it became bin/channelbench.cjs (CommonJS: Node then
// starts no ES module loader). An npx cache made before keeps its link to this
// name, so it stays, and starts the same program the same way.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./channelbench.cjs');
