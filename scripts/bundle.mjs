// Bundles the command-line program (dist/cli/main.js, compiled by tsc) and the
// orders worker into dist/bin/, one file per command plus shared chunks, so a
// run loads a handful of files instead of ~280 modules (docs/performance.md,
// "Start-up"). tsc stays the compiler and dist/ the library (`import
// 'channelbench'`); this only packs its output for bin/channelbench.js.
// The optional database drivers stay outside: they are loaded on demand, when
// installed. Each module keeps a `// dist/…` or `// node_modules/…` comment,
// which test/e2e/startup.test.ts reads to see what a run loaded.
import { rm } from 'node:fs/promises';
import { build } from 'rolldown';

await rm('dist/bin', { recursive: true, force: true });
await build({
  input: { main: 'dist/cli/main.js', worker: 'dist/ingest/fast-orders/worker.js' },
  platform: 'node',
  external: ['@duckdb/node-api', 'pg', /^node:/],
  logLevel: 'warn',
  // The worker is found as './worker.js' next to the chunk that starts it (thread-or-worker.ts).
  output: { dir: 'dist/bin', format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
});
