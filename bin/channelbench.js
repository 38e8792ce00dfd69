#!/usr/bin/env node
// The bundled program (npm run build: tsc, then scripts/bundle.mjs), started
// with the code cache the build wrote (src/cli/code-cache.ts).
import { startBundle } from '../dist/cli/code-cache.js';

startBundle();
