import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { threadsFor } from './duckdb.js';

describe('threadsFor', () => {
  it('gives one thread per 250 MB of the limit, at most one per core, at least one', () => {
    const cores = os.availableParallelism();
    expect(threadsFor('1GB')).toBe(Math.min(cores, 4)); // 1e9 / 250e6 = 4
    expect(threadsFor('500MB')).toBe(Math.min(cores, 2));
    expect(threadsFor('100MB')).toBe(1);
    expect(threadsFor('1TB')).toBe(cores);
  });
});
