// Layer rules (ARCHITECTURE.md, docs/design.md):
//   cli → pipeline → {ingest, periods, metrics, stats, benchmarks, report} → model
// enforced as import bans per folder (no-restricted-imports), plus purity: pure
// folders import no node:*, chalk or process; only src/cli touches argv, env,
// TTY and exit codes. test/lint-probes/ holds one probe import per rule and
// test/lint-layers.test.ts checks that each one fails lint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const LAYERS = ['cli', 'pipeline', 'config', 'ingest', 'periods', 'stats', 'metrics', 'models', 'benchmarks', 'report', 'summary', 'sql', 'engines'];

/**
 * The layers each folder may import (besides itself, src/model.ts, src/model/,
 * src/errors.ts and src/version.ts). Between the middle layers the order is
 * periods, stats → metrics → benchmarks → report; ingest and config stand alone.
 */
const MAY_IMPORT = {
  cli: ['pipeline', 'report'],
  pipeline: ['config', 'ingest', 'periods', 'stats', 'metrics', 'models', 'benchmarks', 'report', 'summary', 'sql', 'engines'],
  config: [],
  ingest: [],
  periods: [],
  stats: [],
  metrics: ['periods', 'stats'],
  benchmarks: ['periods', 'stats', 'metrics'],
  report: ['periods', 'stats', 'metrics', 'benchmarks'],
  // Predictive models (clv): pure functions of arrays.
  models: ['stats'],
  // The figure-inputs table (the seam between engines and finishing), the SQL that produces it, the engines that run it.
  summary: ['periods', 'metrics', 'report'],
  sql: ['summary'],
  engines: ['config', 'ingest', 'sql'],
  model: [],
};

/** Files that do I/O or use Node's byte APIs; every other file under src/ is pure. */
const IMPURE = [
  'src/cli/**',
  'src/pipeline/**',
  'src/engines/**',
  'src/benchmarks/load.ts',
  'src/ingest/source.ts',
  'src/ingest/load.ts',
  'src/ingest/readers.ts',
  'src/ingest/line-readers.ts',
  'src/ingest/channel-grouping-data.ts',
  'src/ingest/fast-csv.ts',
  'src/ingest/fast-orders/thread-or-worker.ts',
  'src/ingest/fast-orders/worker.ts',
  'src/ingest/fast-orders/read-orders.ts',
  'src/ingest/fast-orders/line-batches.ts',
  'src/ingest/fast-orders/latin1-pieces.ts',
  'src/ingest/fast-orders/byte-lines-reader.ts',
  'src/ingest/fast-orders/rows-reader.ts',
];
/** Pure layers that must not format for a terminal either (report/ may: colours in its table renderers). */
const NO_TERMINAL = ['config', 'periods', 'stats', 'metrics', 'benchmarks', 'model'];

const layerBans = (layer) =>
  LAYERS.filter((l) => l !== layer && !MAY_IMPORT[layer].includes(l)).map((l) => ({
    group: [`**/${l}/**`],
    message: `Layer rule: ${layer} does not import ${l} (cli → pipeline → {ingest, periods, metrics, stats, benchmarks, report} → model; see docs/design.md).`,
  }));
const NODE_BAN = { group: ['node:*'], message: 'Pure layer: no I/O (pass what you need in).' };

/** One no-restricted-imports entry per file group: ESLint does not merge rule options across config objects. */
const importRules = (layer, pure) => ({
  'no-restricted-imports': ['error', { patterns: [...layerBans(layer), ...(pure ? [NODE_BAN] : [])], paths: pure && NO_TERMINAL.includes(layer) ? ['chalk', 'cli-table3'] : [] }],
});

const layerFiles = (layer) => (layer === 'model' ? ['src/model.ts', 'src/model/**/*.ts', 'src/errors.ts', 'src/version.ts', 'src/time-zone.ts'] : [`src/${layer}/**/*.ts`]);
const TESTS = ['**/*.test.ts'];

const layerConfigs = Object.keys(MAY_IMPORT).flatMap((layer) => [
  // Every file of the layer: the layer bans.
  { files: layerFiles(layer), ignores: TESTS, rules: importRules(layer, false) },
  // Its pure files: also no node:*, no process.
  {
    files: layerFiles(layer),
    ignores: [...TESTS, ...IMPURE],
    rules: { ...importRules(layer, true), 'no-restricted-globals': ['error', { name: 'process', message: 'Pure layer: pass what you need in.' }] },
  },
]);

export default tseslint.config(
  // test/lint-probes/ break the rules on purpose (test/lint-layers.test.ts lints them as src/ files).
  { ignores: ['dist/**', 'dist-typecheck/**', 'node_modules/**', 'coverage/**', 'bench/data/**', 'test/lint-probes/**'] },
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
  ...layerConfigs,
  {
    files: ['scripts/**/*.mjs', 'test/**/*.ts', 'src/**/*.test.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
);
