#!/usr/bin/env node
// The bundled program (npm run build: tsc, then scripts/bundle.mjs).
import '../dist/bin/main.js';
