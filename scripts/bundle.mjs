// Bundles the command-line program (dist/cli/main.js, compiled by tsc) and the
// orders worker into dist/bin/, one file per command plus shared chunks, so a
// run loads a handful of files instead of ~280 modules (docs/performance.md,
// "Start-up"). tsc stays the compiler and dist/ the library (`import
// 'channelbench'`); this only packs its output for bin/channelbench.cjs.
// The optional database drivers stay outside: they are loaded on demand, when
// installed. Each module keeps a `// dist/…` or `// node_modules/…` comment,
// which test/e2e/startup.test.ts reads to see what a run loaded.
//
// The bundle is CommonJS so that bin/channelbench.cjs can compile it with V8's
// code cache (src/cli/code-cache.ts; Node 20 has no code cache for ES
// modules). Then a few training runs of the demo write that cache into
// dist/bin/code-cache/: the bytecode of every function they compiled.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { build } from 'rolldown';

/**
 * Stand-ins for a few imports of the bundled libraries (scripts/bundle/*.cjs,
 * each says why; test/bundle-shims.test.ts checks they answer as the module
 * they stand in for). Each start-up pays for what a library loads or does at
 * load, for a use channelbench has not or rarely has.
 */
const STAND_INS = [
  { source: 'node:child_process', importer: '/node_modules/commander/', file: 'child-process-on-demand.cjs' },
  { source: 'node:tty', importer: '/node_modules/chalk/', file: 'tty-from-stdio.cjs' },
  { source: 'string-width', importer: '/node_modules/cli-table3/', file: 'string-width-narrow.cjs' },
];

const standInFor = (source, importer) =>
  importer === undefined ? undefined : STAND_INS.find((s) => s.source === source && importer.includes(s.importer));

function standIns() {
  return {
    name: 'stand-ins',
    resolveId(source, importer) {
      const s = standInFor(source, importer);
      return s === undefined ? null : path.resolve('scripts/bundle', s.file);
    },
  };
}

// No JSDoc in the bundle (dist/ keeps it): 19% less source for every run to
// read and hold (the demo report: −5 ms, 180 fewer page faults).
const COMMENTS = { jsdoc: false, annotation: false, legal: true };

await rm('dist/bin', { recursive: true, force: true });
const bundle = await build({
  input: { main: 'dist/cli/main.js', worker: 'dist/ingest/fast-orders/worker.js' },
  platform: 'node',
  external: (id, importer) => id === '@duckdb/node-api' || id === 'pg' || (id.startsWith('node:') && standInFor(id, importer) === undefined),
  logLevel: 'warn',
  plugins: [standIns()],
  // Every chunk the program loads is named by its content (V8 checks only a
  // cached source's length: src/cli/code-cache.ts), the program's entry too;
  // main.js, which only requires it, is compiled without a cache. The worker
  // is found as './worker.js' next to the chunk that starts it (thread-or-worker.ts).
  output: {
    dir: 'dist/bin',
    format: 'cjs',
    entryFileNames: (chunk) => (chunk.name === 'main' ? 'program-[hash].js' : '[name].js'),
    chunkFileNames: '[name]-[hash].js',
    // The optional drivers and Node's own modules are CommonJS: require them. An import()
    // in a chunk compiled with a code cache has no loader ("A dynamic import callback
    // was not specified"), and vm's default-loader option warns that it is experimental.
    dynamicImportInCjs: false,
    comments: COMMENTS,
  },
});
// Every chunk in ASCII: one non-ASCII character (a '…' in a message) makes V8
// hold the whole chunk as a two-byte string, decoded from UTF-8 on the slow path
// and scanned as such for every function compiled later: ~40 ms and ~2,400 page
// faults of the demo report. A \uXXXX escape means the same character in a
// string, template, regular expression or identifier (the bundle has no
// String.raw), and in a comment it is only text.
for (const o of bundle.output) {
  if (o.type !== 'chunk') continue;
  const file = `dist/bin/${o.fileName}`;
  const text = await readFile(file, 'utf8');
  const ascii = text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) await writeFile(file, ascii);
}
// The start, which bin/channelbench.cjs requires: startBundle (dist/cli/code-cache.js)
// in CommonJS, so that the bin is CommonJS and Node does not start its ES module
// loader for it (~20 of Node's modules: `--version` −0.015 s, the demo report −0.008 s).
// Its own small copy of v8-tuning.js; it is loaded before the cache hook, so without a cache.
await build({
  input: 'dist/cli/code-cache.js',
  platform: 'node',
  external: [/^node:/],
  logLevel: 'warn',
  output: { file: 'dist/bin/start.js', format: 'cjs', comments: COMMENTS },
});
const program = bundle.output.find((o) => o.type === 'chunk' && o.isEntry && o.name === 'main');
if (program === undefined) throw new Error('the bundle has no program entry');
await writeFile('dist/bin/main.js', `// The program (scripts/bundle.mjs names it by its content).\nmodule.exports = require('./${program.fileName}');\n`);
await writeFile('dist/bin/package.json', '{ "type": "commonjs" }\n');

// Training runs: the commands a new user runs first. Without the demo (an
// installed package has no fixtures/), the bundle runs uncached, only slower to start.
const TRAINING = [
  ['--help'],
  ['report', '--data', 'fixtures/demo'],
  ['report', '--data', 'fixtures/demo', '--format', 'json'],
  ['cohorts', '--data', 'fixtures/demo'],
  ['crosschannel', '--data', 'fixtures/demo'],
];
if (existsSync('fixtures/demo/orders.csv')) {
  for (const args of TRAINING) {
    const run = spawnSync(process.execPath, ['bin/channelbench.cjs', ...args], {
      env: { ...process.env, CHANNELBENCH_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (run.status !== 0) throw new Error(`code-cache training run ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  }
}
