import { describe, expect, it } from 'vitest';
import { channelKey } from '../model.js';
import { parseBenchmarks } from './load.js';
import { benchmarkFor } from './resolve.js';

const b = parseBenchmarks(
  {
    tolerance: 0.1,
    metrics: {
      aov: { target: 85, source: 'plan 2025', channels: { store: 60, ' Email ': { target: 95, tolerance: 0.02 }, web: { min: 70 }, app: { tolerance: 0.2 } } },
      cac: { target: 45 },
      refunds: { max: 500 },
      conversion_rate: { min: 0.02, max: 0.05, better: 'lower' },
      nps: { target: 40, tolerance: 0 },
      clv: { target: null, observed: 120 },
      roas: { channels: { email: 4 } },
    },
  },
  'b.json',
);

describe('benchmarkFor', () => {
  it('the default target, with the file tolerance and the registry direction', () => {
    expect(benchmarkFor(b, 'aov', 'market')).toEqual({ kind: 'target', target: 85, tolerance: 0.1, better: 'higher', source: 'plan 2025' });
    expect(benchmarkFor(b, 'cac', 'web')).toEqual({ kind: 'target', target: 45, tolerance: 0.1, better: 'lower' }); // cac: lower is better
  });

  it('a bare-number override is a target, matched trimmed and case-insensitively', () => {
    expect(benchmarkFor(b, 'aov', '  STORE')).toEqual({ kind: 'target', target: 60, tolerance: 0.1, better: 'higher', source: 'plan 2025', channel: 'store' });
  });

  it('an object override replaces target and tolerance (its key may itself be untrimmed)', () => {
    expect(benchmarkFor(b, 'aov', 'email')).toEqual({ kind: 'target', target: 95, tolerance: 0.02, better: 'higher', source: 'plan 2025', channel: ' Email ' });
  });

  it('an override can switch the form to min/max', () => {
    expect(benchmarkFor(b, 'aov', 'Web')).toEqual({ kind: 'range', min: 70, better: 'higher', source: 'plan 2025', channel: 'web' });
  });

  it('an override with only a tolerance keeps the default target', () => {
    expect(benchmarkFor(b, 'aov', 'app')).toEqual({ kind: 'target', target: 85, tolerance: 0.2, better: 'higher', source: 'plan 2025', channel: 'app' });
  });

  it('min/max forms; an entry `better` overrides the registry', () => {
    expect(benchmarkFor(b, 'refunds', 'web')).toEqual({ kind: 'range', max: 500, better: 'lower' });
    expect(benchmarkFor(b, 'conversion_rate', 'web')).toEqual({ kind: 'range', min: 0.02, max: 0.05, better: 'lower' });
  });

  it('an entry tolerance beats the file’s, even 0', () => {
    expect(benchmarkFor(b, 'nps', 'web')).toEqual({ kind: 'target', target: 40, tolerance: 0, better: 'higher' });
  });

  it('the file tolerance defaults to 0.05', () => {
    const plain = parseBenchmarks({ metrics: { aov: { target: 85 } } }, 'b.json');
    expect(benchmarkFor(plain, 'aov', 'web')).toEqual({ kind: 'target', target: 85, tolerance: 0.05, better: 'higher' });
  });

  it('null: no entry, a skeleton entry, overrides only and none matches', () => {
    expect(benchmarkFor(b, 'orders', 'web')).toBeNull();
    expect(benchmarkFor(b, 'clv', 'web')).toBeNull();
    expect(benchmarkFor(b, 'roas', 'web')).toBeNull();
    expect(benchmarkFor(b, 'roas', 'EMAIL')).toEqual({ kind: 'target', target: 4, tolerance: 0.1, better: 'higher', channel: 'email' });
  });

  it('the total row matches an override keyed "(all)"', () => {
    const t = parseBenchmarks({ metrics: { cac: { target: 45, channels: { '(all)': 40 } } } }, 'b.json');
    expect(benchmarkFor(t, 'cac', '(all)')).toMatchObject({ kind: 'target', target: 40, channel: '(all)' });
  });
});

describe('channelKey', () => {
  it('trims and lower-cases', () => {
    expect(channelKey('  Online Store ')).toBe('online store');
  });
});
