/**
 * The progress line: one updating line on stderr (bytes of total, rows/s, ETA)
 * while reading an input over 50 MB — only when stderr is a terminal, never in
 * pipes, CI logs or with --quiet.
 */
import type { ReadProgress } from '../ingest/load.js';
import type { Io } from './io.js';

export const PROGRESS_MIN_BYTES = 50 * 1024 * 1024;

export function progressReporter(io: Io, quiet: boolean, now: () => number = Date.now): ((p: ReadProgress) => void) | undefined {
  if (quiet || !io.stderrIsTTY || io.env['CI'] !== undefined) return undefined;
  let started = 0;
  let last = 0;
  let shown = false;
  const mb = (b: number): string => `${(b / 1048576).toFixed(0)} MB`;
  return (p) => {
    if (p.totalBytes === undefined || p.totalBytes < PROGRESS_MIN_BYTES) return;
    const t = now();
    if (started === 0) started = t;
    if (p.done) {
      if (shown) io.stderr('\r\u001b[K');
      shown = false;
      started = 0;
      return;
    }
    if (t - last < 250) return;
    last = t;
    const seconds = Math.max((t - started) / 1000, 0.001);
    const rate = p.rows / seconds;
    const fraction = p.bytesRead / p.totalBytes;
    const eta = fraction > 0 ? Math.max(0, seconds / fraction - seconds) : 0;
    io.stderr(`\r\u001b[K${p.file}: ${mb(p.bytesRead)} of ${mb(p.totalBytes)} (${Math.round(fraction * 100)}%) · ${Math.round(rate).toLocaleString('en-US')} rows/s · ETA ${Math.ceil(eta)} s`);
    shown = true;
  };
}
