// Layer rules (ARCHITECTURE.md): pure layers import no node:*, chalk or process;
// only src/cli touches argv, env, TTY and exit codes.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const pureLayers = ['src/metrics/**/*.ts', 'src/models/**/*.ts', 'src/periods/**/*.ts', 'src/benchmarks/compare.ts', 'src/report/**/*.ts', 'src/model.ts', 'src/time-zone.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-typecheck/**', 'node_modules/**', 'coverage/**', 'bench/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'exit', message: 'Throw a typed error; only src/cli sets the exit code.' }],
    },
  },
  {
    files: pureLayers,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'Pure layer: no I/O.' }] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'Pure layer: pass what you need in.' }],
    },
  },
  {
    files: ['src/metrics/**/*.ts', 'src/periods/**/*.ts', 'src/benchmarks/compare.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['chalk', 'cli-table3'], patterns: [{ group: ['node:*'], message: 'Pure layer: no I/O.' }] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.ts', 'src/**/*.test.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
);
