#!/usr/bin/env node
// The bundled program (npm run build: tsc, then scripts/bundle.mjs), started
// with the code cache the build wrote (src/cli/code-cache.ts). CommonJS, as is
// the start it requires (dist/bin/start.js), so that Node does not start its ES
// module loader for a run (docs/performance.md, "Start-up").
/* global require */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bin, on purpose
require('../dist/bin/start.js').startBundle();
