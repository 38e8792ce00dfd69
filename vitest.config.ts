import { configDefaults, defineConfig } from 'vitest/config';

// `*.slow.test.ts` files (large corpora) run only with SLOW=1 (npm run test:slow), so the default suite stays fast.
const slow = process.env['SLOW'] === '1';

export default defineConfig({
  test: {
    include: slow ? ['src/**/*.slow.test.ts', 'test/**/*.slow.test.ts'] : ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: slow ? [...configDefaults.exclude] : [...configDefaults.exclude, '**/*.slow.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
