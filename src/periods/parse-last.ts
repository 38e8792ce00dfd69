/**
 * `--last N{d|w|m|q|y}` values.
 */

export type LastUnit = 'd' | 'w' | 'm' | 'q' | 'y';

export interface LastSpan {
  n: number;
  unit: LastUnit;
}

/**
 * Parses `90d`, `12w`, `6m`, `2q`, `1y` (unit letter case-insensitive, surrounding
 * spaces ignored). N must be a whole number from 1 to 100000.
 * @returns null when the text is not such a value.
 * @example parseLast('12w') // { n: 12, unit: 'w' }
 */
export function parseLast(text: string): LastSpan | null {
  const m = /^\s*(\d{1,6})\s*([dwmqy])\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  if (n < 1 || n > 100_000) return null;
  return { n, unit: m[2]!.toLowerCase() as LastUnit };
}
