/**
 * How V8's optimizing compiler is tuned for a run (docs/performance.md, "Start-up").
 *
 * A short run spends more on TurboFan's inlining than inlining saves it: the
 * optimized compiles of its hot functions take longer, and their compiler
 * memory is memory touched for the first time. Without inlining the demo
 * report took 463 ms against 495 ms, with 2,200 fewer page faults and 100 ms
 * less CPU. A long run loses up to a fifth without it (1M orders: 1.97 s
 * against 1.63 s; the demo's CLV fits: 1.77 s against 1.08 s).
 *
 * So the program starts without inlining (startBundle, for bin/channelbench.js
 * only: the library keeps V8's defaults, and so does a command line that only
 * prints, such as --version), and a run turns it back on before
 * work that runs long: inputs of LONG_INPUT_BYTES or more, or standard input
 * (its size is unknown), and CLV model fits. A flag changed while running
 * applies to the compiles that follow, so the switch comes before the work's
 * hot functions are first optimized. Both calls are idempotent and stateless
 * (the bundle and dist/cli/ each hold a copy of this module).
 *
 * CHANNELBENCH_CODE_CACHE_LOG=1 tells on stderr when a run turns inlining back on.
 */
import { createRequire } from 'node:module';

/** node:v8, loaded on the first switch: it costs ~4 ms (30 of Node's modules) that a `--version` does without. */
const requireBuiltin = createRequire(import.meta.url);
const v8 = (): typeof import('node:v8') => requireBuiltin('node:v8') as typeof import('node:v8');

/** Inputs of this many bytes in all (8 MB) run long enough for inlining to pay (5 MB: 506 against 516 ms without; 12 MB: 698 against 686). */
export const LONG_INPUT_BYTES = 8 * 1048576;

/** Start-up tuning: no TurboFan inlining. */
export function compileForStartUp(): void {
  v8().setFlagsFromString('--no-turbo-inlining');
}

/** Throughput tuning (V8's default): inlining on, for `why` (logged with CHANNELBENCH_CODE_CACHE_LOG=1). */
export function compileForThroughput(why: string): void {
  v8().setFlagsFromString('--turbo-inlining');
  if (process.env.CHANNELBENCH_CODE_CACHE_LOG === '1') process.stderr.write(`compiler: inlining on (${why})\n`);
}
