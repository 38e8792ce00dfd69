/**
 * The progress line: one updating line on stderr (bytes of total, rows/s, ETA)
 * while reading an input over 50 MB — only when stderr is a terminal, never in
 * pipes, CI logs or with --quiet.
 */
import type { ReadProgress } from '../model/input-report.js';
import type { Io } from './io.js';

export const PROGRESS_MIN_BYTES = 50 * 1024 * 1024;

export function progressReporter(io: Io, quiet: boolean, now: () => number = Date.now): ((p: ReadProgress) => void) | undefined {
  if (quiet || !io.stderrIsTTY || io.env['CI'] !== undefined) return undefined;
  let started = 0;
  let last = 0;
  /** Rows and bytes when the clock started: rates count only what was read since. */
  let rows0 = 0;
  let bytes0 = 0;
  let shown = false;
  const mb = (b: number): string => `${(b / 1048576).toFixed(0)} MB`;
  return (p) => {
    if (p.totalBytes === undefined || p.totalBytes < PROGRESS_MIN_BYTES) return;
    const t = now();
    if (p.done) {
      if (shown) io.stderr('\r\u001b[K');
      shown = false;
      started = 0;
      return;
    }
    // The first update only starts the clock: a rate and ETA need some time and some bytes behind them.
    if (started === 0) {
      started = last = t;
      rows0 = p.rows;
      bytes0 = p.bytesRead;
      return;
    }
    if (t - last < 250 || p.bytesRead <= bytes0) return;
    last = t;
    const seconds = (t - started) / 1000;
    const rate = (p.rows - rows0) / seconds;
    const fraction = p.bytesRead / p.totalBytes;
    const eta = Math.max(0, ((p.totalBytes - p.bytesRead) * seconds) / (p.bytesRead - bytes0));
    io.stderr(`\r\u001b[K${p.file}: ${mb(p.bytesRead)} of ${mb(p.totalBytes)} (${Math.round(fraction * 100)}%) · ${Math.round(rate).toLocaleString('en-US')} rows/s · ETA ${Math.ceil(eta)} s`);
    shown = true;
  };
}
