/**
 * One chalk instance per run, from --no-color, NO_COLOR, FORCE_COLOR and
 * whether stdout is a terminal. Nothing else decides colour.
 */
import { Chalk, type ChalkInstance } from 'chalk';

export function colourLevel(flagColor: boolean, env: Record<string, string | undefined>, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (!flagColor) return 0;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  return isTTY ? 1 : 0;
}

export function createChalk(level: 0 | 1 | 2 | 3): ChalkInstance {
  return new Chalk({ level });
}

/** Terminal width: $COLUMNS, else the TTY's columns, else 80. */
export function terminalWidth(env: Record<string, string | undefined>, columns: number | undefined): number {
  const fromEnv = Number(env['COLUMNS']);
  if (Number.isInteger(fromEnv) && fromEnv >= 20) return fromEnv;
  return columns && columns >= 20 ? columns : 80;
}
