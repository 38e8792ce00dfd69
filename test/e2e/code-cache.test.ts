/**
 * The bundle starts with V8's code cache (src/cli/code-cache.ts,
 * scripts/bundle.mjs): the build's training runs leave one cache file per
 * chunk they loaded, V8 accepts them in this Node, and a cache that does not
 * fit (another build, garbage) changes nothing but the start-up time.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { codeCacheFile, printsOnly } from '../../src/cli/code-cache.js';
import { ROOT, runCli, scrubbedEnv } from '../helpers/run-cli.js';

const BUNDLE = path.join(ROOT, 'dist/bin');
const CACHE = path.join(BUNDLE, 'code-cache');
const START = pathToFileURL(path.join(ROOT, 'dist/cli/code-cache.js')).href;
const TUNING = pathToFileURL(path.join(ROOT, 'dist/pipeline/v8-tuning.js')).href;

/** Runs the bundle in `dir` (a copy of dist/bin) through startBundle, as bin/channelbench.cjs does. */
function runBundle(dir: string, args: string[], env: Record<string, string> = {}): { stdout: string; stderr: string; code: number | null } {
  const start = path.join(dir, 'start.mjs');
  writeFileSync(start, `import { startBundle } from ${JSON.stringify(START)};\nstartBundle(${JSON.stringify(path.join(dir, 'main.js'))});\n`);
  const r = spawnSync(process.execPath, [start, ...args], { cwd: ROOT, env: scrubbedEnv(env), encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

/** Whether V8 takes `chunk`'s cache file, compiled the way startBundle compiles it (`tuned`: for a run that does more than print). */
function accepted(dir: string, chunk: string, tuned = true): boolean {
  const file = path.join(dir, chunk);
  const text = readFileSync(file, 'utf8');
  // Under the compiler tuning the program starts with (V8 takes a cache only under the flags that wrote it).
  const script = `
    import { tuneForStartUp } from ${JSON.stringify(TUNING)};
    import { Script } from 'node:vm'; import Module from 'node:module'; import fs from 'node:fs';
    if (${tuned}) tuneForStartUp();
    const s = new Script(Module.wrap(fs.readFileSync(${JSON.stringify(file)}, 'utf8')), { filename: ${JSON.stringify(file)}, cachedData: fs.readFileSync(${JSON.stringify(codeCacheFile(dir, chunk, text, tuned))}) });
    process.stdout.write(String(!s.cachedDataRejected));`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout === 'true';
}

/** The program's entry chunk in `dir`: program-<hash>.js, which main.js requires. */
function programChunk(dir: string): string {
  return /require\('\.\/([^']+)'\)/.exec(readFileSync(path.join(dir, 'main.js'), 'utf8'))![1]!;
}

const copies: string[] = [];
function copyOfBundle(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'channelbench-bundle-'));
  copies.push(dir);
  cpSync(BUNDLE, dir, { recursive: true });
  return dir;
}
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe('the code cache', () => {
  it('the build leaves a cache for every chunk the demo report loads, and V8 takes it', () => {
    const files = readdirSync(CACHE);
    for (const chunk of [programChunk(BUNDLE), ...readdirSync(BUNDLE).filter((f) => /^(load-run|read-orders|output-options|report)-/.test(f))]) {
      const text = readFileSync(path.join(BUNDLE, chunk), 'utf8');
      expect(files, chunk).toContain(path.basename(codeCacheFile(BUNDLE, chunk, text)));
      expect(accepted(BUNDLE, chunk), chunk).toBe(true);
    }
  });

  it('the program takes the cache of every chunk a demo report loads', async () => {
    const r = await runCli(['report', '--data', 'fixtures/demo', '--format', 'json'], { env: { CHANNELBENCH_CODE_CACHE_LOG: '1' } });
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('code cache '));
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.filter((l) => !l.endsWith(': taken'))).toEqual([]);
  });

  it('every file of the bundle is ASCII (V8 holds a file with one other character as two-byte text)', () => {
    for (const f of readdirSync(BUNDLE).filter((x) => x.endsWith('.js'))) expect(readFileSync(path.join(BUNDLE, f), 'utf8'), f).not.toMatch(/[\u0080-\uffff]/);
  });

  it('names a cache by its chunk, the chunk length (V8 checks only the length) and the compiler tuning', () => {
    expect(codeCacheFile('/b', 'load-run-Bw4M8nZW.js', 'x'.repeat(1234))).toBe(path.join('/b', 'code-cache', 'load-run-Bw4M8nZW.js.1234.v8'));
    expect(codeCacheFile('/b', 'program-Bw4M8nZW.js', 'x'.repeat(99), false)).toBe(path.join('/b', 'code-cache', 'program-Bw4M8nZW.js.99.plain.v8'));
  });

  it("a command line that only prints keeps V8's default flags; any other is tuned for start-up", () => {
    for (const args of [[], ['--version'], ['-V'], ['--help'], ['help', 'report'], ['report', '--help'], ['report', '--data', 'x', '-h']]) expect(printsOnly(args), args.join(' ')).toBe(true);
    for (const args of [['report'], ['report', '--data', 'fixtures/demo'], ['clv', '--data', 'x'], ['init']]) expect(printsOnly(args), args.join(' ')).toBe(false);
  });

  it('every chunk the program compiles with a cache is named by its content; main.js and start.js, named by hand, have none', () => {
    for (const f of readdirSync(BUNDLE).filter((x) => x.endsWith('.js') && !['main.js', 'worker.js', 'start.js'].includes(x))) expect(f).toMatch(/^[a-z0-9-]+-[A-Za-z0-9_-]{8}\.js$/);
    expect(readFileSync(path.join(BUNDLE, 'main.js'), 'utf8')).toMatch(/^\/\/ [^\n]*\nmodule\.exports = require\('\.\/program-[A-Za-z0-9_-]{8}\.js'\);\n$/);
    expect(readdirSync(CACHE).filter((f) => f.startsWith('main.js') || f.startsWith('start.js'))).toEqual([]);
  });

  it('bin/channelbench.js, the name npx caches made before still link to, runs the same program', () => {
    const run = (bin: string) => spawnSync(process.execPath, [path.join(ROOT, bin), 'report', '--data', 'fixtures/demo', '--format', 'json'], { cwd: ROOT, env: scrubbedEnv({}), encoding: 'utf8' });
    const cjs = run('bin/channelbench.cjs');
    const old = run('bin/channelbench.js');
    expect([old.status, old.stderr]).toEqual([0, '']);
    expect(old.stdout).toBe(cjs.stdout);
    expect(JSON.parse(old.stdout).schema).toBe('channelbench.report/v1');
  });

  it('the bin is CommonJS and starts the bundle through start.js, so Node starts no ES module loader', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'channelbench-modules-'));
    copies.push(dir);
    const log = path.join(dir, 'log.cjs');
    writeFileSync(log, "const before = new Set(process.moduleLoadList); process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m)))));\n");
    const r = spawnSync(process.execPath, ['-r', log, path.join(ROOT, 'bin/channelbench.cjs'), '--version'], { cwd: ROOT, env: scrubbedEnv({}), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const loaded = JSON.parse(r.stderr) as string[];
    expect(loaded.some((m) => m.includes('vm'))).toBe(true); // the log works: startBundle compiles with vm
    // Node always sets up esm/loader; the rest of the ES module loader comes with the first ES module.
    expect(loaded.filter((m) => /modules\/esm\/(translators|resolve|load|module_job)$/.test(m))).toEqual([]);
  });

  it('a program chunk edited to the same length runs as edited once the build renames it, not as its cached bytecode', () => {
    const dir = copyOfBundle();
    rmSync(path.join(dir, 'code-cache'), { recursive: true });
    expect(runBundle(dir, ['--version'], { CHANNELBENCH_WRITE_CODE_CACHE: '1' }).code).toBe(0);
    const program = path.join(dir, programChunk(dir));
    const text = readFileSync(program, 'utf8');
    const version = /const VERSION = "([^"]+)"/.exec(text)![1]!;
    const other = version.replace(/\d/g, (d) => String((Number(d) + 1) % 10));
    const edited = text.replace(`const VERSION = "${version}"`, `const VERSION = "${other}"`);
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    // What a rebuild does: the edited program under a new content name, which main.js requires.
    const renamed = path.join(dir, 'program-Edited00.js');
    writeFileSync(renamed, edited);
    rmSync(program);
    writeFileSync(path.join(dir, 'main.js'), readFileSync(path.join(dir, 'main.js'), 'utf8').replace(path.basename(program), path.basename(renamed)));
    expect(runBundle(dir, ['--version']).stdout.trim()).toBe(other);
    // main.js itself is compiled without a cache: an edit to it takes effect as written.
    writeFileSync(path.join(dir, 'main.js'), `process.stdout.write('edited main');\n`);
    expect(runBundle(dir, ['--version']).stdout).toBe('edited main');
  });

  it('a run with garbage for every cache prints what a cached run prints', async () => {
    const dir = copyOfBundle();
    for (const f of readdirSync(path.join(dir, 'code-cache'))) writeFileSync(path.join(dir, 'code-cache', f), Buffer.alloc(4096, 7));
    const cached = await runCli(['report', '--data', 'fixtures/demo']);
    const garbage = runBundle(dir, ['report', '--data', 'fixtures/demo']);
    expect(cached.code).toBe(0);
    expect(garbage).toEqual({ stdout: cached.stdout, stderr: cached.stderr, code: 0 });
  });

  it('a run without a cache prints the same, and writes none (only the build writes)', async () => {
    const dir = copyOfBundle();
    rmSync(path.join(dir, 'code-cache'), { recursive: true });
    const cached = await runCli(['report', '--data', 'fixtures/demo', '--format', 'json']);
    const plain = runBundle(dir, ['report', '--data', 'fixtures/demo', '--format', 'json']);
    expect(plain).toEqual({ stdout: cached.stdout, stderr: cached.stderr, code: 0 });
    expect(readdirSync(dir)).not.toContain('code-cache');
  });

  it('CHANNELBENCH_WRITE_CODE_CACHE=1 writes one cache file per chunk the run loaded', () => {
    const dir = copyOfBundle();
    rmSync(path.join(dir, 'code-cache'), { recursive: true });
    expect(runBundle(dir, ['--version'], { CHANNELBENCH_WRITE_CODE_CACHE: '1' }).code).toBe(0);
    const written = readdirSync(path.join(dir, 'code-cache'));
    expect(written.some((f) => /^program-.*\.plain\.v8$/.test(f))).toBe(true); // --version keeps V8's default flags
    expect(written.some((f) => f.startsWith('load-run-'))).toBe(false); // --version loads no command
    expect(accepted(dir, programChunk(dir), false)).toBe(true);
    expect(accepted(dir, programChunk(dir), true)).toBe(false); // cannot: no file for the tuned flags
  });

  // What the bundle loads on demand is required, not import()ed: an import() in a
  // function compiled from a code cache fails ("A dynamic import callback was not
  // specified"), and the default-loader option of vm warned on stderr.
  it('loads zlib for a gzip file, the worker for a file read on two threads, each as in the sources', async () => {
    const dir = copyOfBundle();
    const gz = path.join(dir, 'orders.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(path.join(ROOT, 'fixtures/demo/orders.csv'))));
    const plain = await runCli(['report', '--orders', 'fixtures/demo/orders.csv', '--format', 'json']);
    const gzipped = await runCli(['report', '--orders', gz, '--format', 'json']);
    expect(gzipped.stderr).toBe('');
    expect(gzipped.code).toBe(0);
    expect(JSON.parse(gzipped.stdout).totals).toEqual(JSON.parse(plain.stdout).totals);
    const worker = await runCli(['report', '--orders', 'fixtures/demo/orders.csv', '--format', 'json'], { env: { CHANNELBENCH_WORKER_MIN_BYTES: '0' } });
    expect(worker).toEqual(plain);
  });

  const duckdb = (() => {
    try {
      createRequire(import.meta.url).resolve('@duckdb/node-api');
      return true;
    } catch {
      return false;
    }
  })();
  if (!duckdb) console.warn('skipping the DuckDB driver through the bundle: @duckdb/node-api is not installed');
  it.skipIf(!duckdb)('loads the optional DuckDB driver and prints no warning', async () => {
    const r = await runCli(['report', '--data', 'fixtures/demo', '--engine', 'duckdb', '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
