/**
 * Runs the built program in this process: the `run(argv, io)` that
 * bin/channelbench.cjs calls (dist/cli/run.js), with the same scrubbed
 * environment as runCli and stdout/stderr captured. It gives what spawning
 * the binary gives (test/e2e/in-process.test.ts checks that on a sample of
 * runs, errors and help included) at a few milliseconds a run instead of a
 * Node start-up (~0.4 CPU-s), so the large tables of runs — the worker law,
 * the malformed corpus, every format, every bad input — stay in the fast
 * suite. Spawned runs (runCli) remain where the process itself is the
 * subject: its TZ/LANG (formats, html determinism), stack depth (safety),
 * module loading (startup), real datasets (datasets), xlsx files, the
 * README's own commands, and this differential test.
 */
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { Io } from '../../src/cli/io.js';
import { ROOT, scrubbedEnv, type CliResult, type RunOptions } from './run-cli.js';

type Run = (argv: string[], io: Io) => Promise<number>;

let loaded: Promise<Run> | undefined;
const program = (): Promise<Run> => (loaded ??= import(pathToFileURL(path.join(ROOT, 'dist/cli/run.js')).href).then((m: { run: Run }) => m.run));

let queue: Promise<unknown> = Promise.resolve();

/** Runs one at a time (the program is not written to run twice at once in one process). */
export function runInProcess(args: string[], opts: RunOptions = {}): Promise<CliResult> {
  const result = queue.then(() => runNow(args, opts));
  queue = result.catch(() => undefined);
  return result;
}

async function runNow(args: string[], opts: RunOptions): Promise<CliResult> {
  const run = await program();
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    stdin: Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]),
    env: scrubbedEnv(opts.env),
    cwd: opts.cwd ?? ROOT,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    columns: undefined,
  });
  return { stdout: out.join(''), stderr: err.join(''), code };
}
