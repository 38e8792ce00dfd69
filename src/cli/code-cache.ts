/**
 * Start-up with V8's code cache (docs/performance.md, "Start-up").
 *
 * The bundle in dist/bin/ is CommonJS (scripts/bundle.mjs writes a
 * `{"type": "commonjs"}` package.json there), because Node 20 can give a
 * compiled script its cached bytecode only through `vm.Script`, not for ES
 * modules (`module.enableCompileCache` is Node 22). So bin/channelbench.cjs (through
 * dist/bin/start.js, this module bundled as CommonJS)
 * calls `startBundle`, which compiles each chunk of that folder with the
 * bytecode the build left in dist/bin/code-cache/: the functions a demo run
 * compiled are then read, not parsed and compiled again (~60 ms of the demo
 * report's ~0.6 s on a 2-core machine).
 *
 * The build writes the cache (`CHANNELBENCH_WRITE_CODE_CACHE=1`, a few
 * training runs after bundling); a run never writes. V8 rejects a cache made by
 * another V8 version or other V8 flags, but of the source it checks only the
 * length: so a cache is found by its chunk's name, which rolldown makes from the
 * chunk's content (the program's entry too: program-<hash>.js), and by its
 * length. main.js, the one file named by hand, only requires the entry and is
 * compiled without a cache. A stale or foreign cache costs only the compile it
 * would have saved.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { tuneForStartUp } from '../pipeline/v8-tuning.js';

/** The CommonJS hook this replaces for the bundle's chunks (not in @types/node). */
interface CompilingModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

type ModuleWrapper = (exports: unknown, require: NodeJS.Require, module: CompilingModule, filename: string, dirname: string) => unknown;

export const CODE_CACHE_DIR = 'code-cache';

/**
 * The cache file of a chunk: its name (which holds a hash of its content), its
 * length, and `.plain` for runs with V8's default flags (printsOnly).
 */
export function codeCacheFile(bundleDir: string, chunk: string, text: string, tuned = true): string {
  return path.join(bundleDir, CODE_CACHE_DIR, `${chunk}.${text.length}${tuned ? '' : '.plain'}.v8`);
}

/**
 * Whether a command line only prints (the version, help): such a run keeps V8's
 * default flags, since tuning them loads node:v8 (~4 ms of a 0.14 s
 * `--version`) and the run compiles nothing hot.
 */
export function printsOnly(args: readonly string[]): boolean {
  return args.length === 0 || args[0] === 'help' || args.some((a) => a === '--version' || a === '-V' || a === '--help' || a === '-h');
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The program's start: dist/bin/main.js, beside this file's dist/cli/; it requires the entry chunk. */
const PROGRAM = fileURLToPath(new URL('../bin/main.js', import.meta.url));

/**
 * Runs `entry` (a CommonJS file; by default the program's main.js, as
 * bin/channelbench.cjs runs it), compiling every other chunk of its folder with
 * its code cache, and V8 tuned for start-up unless the command line only
 * prints (pipeline/v8-tuning.ts; V8 takes a cache only under the flags that
 * wrote it, so each tuning has its own). With `writeCache`, also writes each
 * chunk's cache at exit (the build's training runs, none of which runs long
 * enough to leave the start-up tuning); with `log`, tells on stderr whether V8
 * took each chunk's cache (CHANNELBENCH_CODE_CACHE_LOG=1).
 */
export function startBundle(
  entry = PROGRAM,
  writeCache = process.env.CHANNELBENCH_WRITE_CODE_CACHE === '1',
  log = process.env.CHANNELBENCH_CODE_CACHE_LOG === '1',
  args: readonly string[] = process.argv.slice(2),
): void {
  // CHANNELBENCH_V8_DEFAULTS=1: no tuning, should a Node version not take it (V8 warns
  // that flags changed while running may misbehave; these two are read afresh at
  // each compile and each growth of the young generation).
  const tuned = !printsOnly(args) && process.env.CHANNELBENCH_V8_DEFAULTS !== '1';
  if (tuned) tuneForStartUp();
  const bundleDir = path.dirname(entry);
  const compiled: { file: string; script: vm.Script }[] = [];
  const proto = Module.prototype as unknown as CompilingModule;
  const plainCompile = proto._compile;
  proto._compile = function compileWithCache(this: CompilingModule, content: string, filename: string): unknown {
    if (path.dirname(filename) !== bundleDir || filename === entry) return plainCompile.call(this, content, filename);
    const file = codeCacheFile(bundleDir, path.basename(filename), content, tuned);
    const cachedData = readCache(file);
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (log) process.stderr.write(`code cache ${path.basename(filename)}: ${cachedData === undefined ? 'none' : script.cachedDataRejected === true ? 'rejected' : 'taken'}\n`);
    if (writeCache) compiled.push({ file, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as ModuleWrapper;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, bundleDir);
  };
  if (writeCache) {
    // At exit the scripts hold every function the run compiled, and a cache
    // read at the start stays compiled: training runs add up.
    process.on('exit', () => {
      mkdirSync(path.join(bundleDir, CODE_CACHE_DIR), { recursive: true });
      for (const { file, script } of compiled) writeFileSync(file, script.createCachedData());
    });
  }
  createRequire(entry)(entry);
}
