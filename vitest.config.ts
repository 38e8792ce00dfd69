import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// `npm test` (this config) is the fast suite: every golden, e2e, property and
// differential test at a small size (target: under 2 minutes on 2 cores, issue 14;
// docs/testing.md has the measurements).
// Files named *.slow.test.ts (large random runs, real-dataset sweeps, 50 MB
// field cases) run in `npm run test:slow` (vitest.slow.config.ts); CI runs both.
export const SLOW = ['src/**/*.slow.test.ts', 'test/**/*.slow.test.ts'];

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', ...SLOW],
    // Most e2e time is spent waiting on the spawned binary, so more test files than
    // cores keep both cores busy: on 2 cores 4 workers ran the suite in 203 s
    // against 249 s with the default 2 (same machine, back to back).
    maxWorkers: Math.max(4, availableParallelism()),
    // Test files share their worker's modules instead of each starting a fresh
    // one: no test file mocks modules, stubs globals or changes process.env or the
    // cwd, and this takes the suite from ~195 to ~133 CPU-seconds (same run, same
    // machine). The slow config keeps vitest's default isolation.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
