/** The progress line appears only on a terminal, for large inputs, outside CI and --quiet. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../src/cli/io.js';
import { PROGRESS_MIN_BYTES, progressReporter } from '../src/cli/progress.js';

function io(over: Partial<Io> = {}): Io & { err: string[] } {
  const err: string[] = [];
  return { stdout: () => {}, stderr: (t) => err.push(t), stdin: Readable.from([]), env: {}, cwd: '/', stdoutIsTTY: false, stderrIsTTY: true, columns: 80, err, ...over };
}
const big = { file: 'orders.csv', totalBytes: PROGRESS_MIN_BYTES * 2, rows: 500_000, done: false };

describe('progress line', () => {
  it('is off in pipes, in CI and with --quiet', () => {
    expect(progressReporter(io({ stderrIsTTY: false }), false)).toBeUndefined();
    expect(progressReporter(io({ env: { CI: 'true' } }), false)).toBeUndefined();
    expect(progressReporter(io(), true)).toBeUndefined();
  });
  it('shows bytes of total, rows/s and ETA on one updating line, then clears it', () => {
    const t = io();
    let clock = 1000;
    const report = progressReporter(t, false, () => clock)!;
    report({ ...big, bytesRead: 0, rows: 0 });
    clock = 3000; // 2 s later, half read
    report({ ...big, bytesRead: PROGRESS_MIN_BYTES });
    expect(t.err.at(-1)).toBe('\r\u001b[Korders.csv: 50 MB of 100 MB (50%) · 250,000 rows/s · ETA 2 s');
    report({ ...big, bytesRead: PROGRESS_MIN_BYTES * 2, done: true });
    expect(t.err.at(-1)).toBe('\r\u001b[K');
  });
  it('starts the clock on the first update (rates count what is read after it) and shows nothing until a rate means something', () => {
    const t = io();
    let clock = 1000;
    const report = progressReporter(t, false, () => clock)!;
    report({ ...big, bytesRead: 1000, rows: 1 });
    clock = 1100; // under 250 ms
    report({ ...big, bytesRead: 2000, rows: 2 });
    clock = 1300; // nothing read yet as far as the reader knows
    report({ ...big, bytesRead: 0, rows: 0 });
    expect(t.err).toEqual([]);
    clock = 2000;
    report({ ...big, bytesRead: PROGRESS_MIN_BYTES / 2, rows: 100_001 });
    // Since the clock started (1000 bytes, 1 row): 100,000 rows and ~25 MB in 1 s; 75 MB to go.
    expect(t.err.at(-1)).toBe('\r\u001b[Korders.csv: 25 MB of 100 MB (25%) · 100,000 rows/s · ETA 4 s');
  });
  it('stays silent for small inputs', () => {
    const t = io();
    const report = progressReporter(t, false, () => 0)!;
    report({ file: 'small.csv', totalBytes: 1000, bytesRead: 500, rows: 10, done: false });
    expect(t.err).toEqual([]);
  });
});
