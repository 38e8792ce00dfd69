import { expect } from 'vitest';

/** Expects epoch ms `actual` to be `expected` (NaN: to be NaN). */
export function same(actual: number, expected: number, label?: string): void {
  if (Number.isNaN(expected)) expect(actual, label).toBeNaN();
  else expect(actual, label).toBe(expected);
}
