import { describe, expect, it } from 'vitest';
import { parseLast } from './parse-last.js';

describe('parseLast', () => {
  it('reads N and a unit', () => {
    expect(parseLast('90d')).toEqual({ n: 90, unit: 'd' });
    expect(parseLast('12w')).toEqual({ n: 12, unit: 'w' });
    expect(parseLast('6m')).toEqual({ n: 6, unit: 'm' });
    expect(parseLast('2Q')).toEqual({ n: 2, unit: 'q' });
    expect(parseLast(' 1y ')).toEqual({ n: 1, unit: 'y' });
  });
  it('rejects anything else', () => {
    for (const bad of ['', 'd', '0d', '-3d', '1.5m', '3 months', '3h', '12', '1234567d']) expect(parseLast(bad)).toBeNull();
  });
});
