/**
 * How V8 is tuned for a run (docs/performance.md, "Start-up").
 *
 * A short run spends more on two of V8's defaults than they save it:
 * - TurboFan's inlining: the optimized compiles of the hot functions take longer
 *   on the second core while the main thread runs them unoptimized, and the
 *   compiler's memory is memory touched for the first time. Without it the demo
 *   report took 463 ms against 495 ms, with 2,200 fewer page faults and 100 ms
 *   less CPU.
 * - a young generation that doubles as its survivors grow: each new page is
 *   touched for the first time (~15 µs a page on our machines). Kept at its
 *   first size (`--semi-space-growth-factor=1`, more but smaller scavenges): 467
 *   against 479 ms, 1,700 fewer page faults.
 * A long run loses up to a fifth without inlining (1M orders: 1.97 s against
 * 1.63 s; the demo's CLV fits: 1.77 s against 1.08 s).
 *
 * So the program starts tuned for start-up (startBundle, for bin/channelbench.cjs
 * only: the library keeps V8's defaults, and so does a command line that only
 * prints, such as --version), and a run returns to V8's defaults before work
 * that runs long: inputs of LONG_INPUT_BYTES or more once decompressed, or
 * standard input (its size is unknown), and CLV model fits. A flag changed while running applies to
 * the compiles and the growth that follow, so the switch comes before the
 * work's hot functions are first optimized. Both calls are idempotent and
 * stateless (the bundle and dist/cli/ each hold a copy of this module).
 *
 * CHANNELBENCH_CODE_CACHE_LOG=1 tells on stderr when a run returns to the defaults.
 */
import { createRequire } from 'node:module';

/** node:v8, loaded on the first switch: it costs ~4 ms (30 of Node's modules) that a `--version` does without. */
const requireBuiltin = createRequire(import.meta.url);
const v8 = (): typeof import('node:v8') => requireBuiltin('node:v8') as typeof import('node:v8');

/** Inputs of this many bytes in all (8 MB) run long enough for inlining to pay (5 MB: 506 against 516 ms without; 12 MB: 698 against 686). */
export const LONG_INPUT_BYTES = 8 * 1048576;

/** Start-up tuning: no TurboFan inlining, a young generation that does not grow. */
export function tuneForStartUp(): void {
  v8().setFlagsFromString('--no-turbo-inlining --semi-space-growth-factor=1');
}

/** V8's defaults again, for `why` (logged with CHANNELBENCH_CODE_CACHE_LOG=1). */
export function tuneForThroughput(why: string): void {
  v8().setFlagsFromString('--turbo-inlining --semi-space-growth-factor=2');
  if (process.env.CHANNELBENCH_CODE_CACHE_LOG === '1') process.stderr.write(`v8: tuned for throughput (${why})\n`);
}
