import { defineConfig } from 'vitest/config';

// `npm test` (this config) is the fast suite: every golden, e2e, property and
// differential test at a size that keeps the whole run near a minute on 2 cores.
// Files named *.slow.test.ts (large random runs, real-dataset sweeps, 50 MB
// field cases) run in `npm run test:slow` (vitest.slow.config.ts); CI runs both.
export const SLOW = ['src/**/*.slow.test.ts', 'test/**/*.slow.test.ts'];

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**', ...SLOW],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
