import { defineConfig } from 'vitest/config';
import { SLOW } from './vitest.config.js';

// `npm run test:slow`: only the *.slow.test.ts files (see vitest.config.ts).
// fast-check runs there use FC_RUNS (default set per file) and their long timeouts.
export default defineConfig({
  test: {
    include: SLOW,
    exclude: ['**/node_modules/**', 'dist/**'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
