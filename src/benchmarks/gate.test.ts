import { describe, expect, it } from 'vitest';
import type { Comparison } from './compare.js';
import { failsGate } from './gate.js';

const c = (status: Comparison['status'], significant: boolean | null): Comparison => ({ delta: 0, delta_pct: 0, status, significant });

describe('failsGate', () => {
  it('worse: any worse figure', () => {
    expect(failsGate(c('worse', false), 'worse')).toBe(true);
    expect(failsGate(c('worse', true), 'worse')).toBe(true);
    expect(failsGate(c('on_target', true), 'worse')).toBe(false);
    expect(failsGate(c('better', true), 'worse')).toBe(false);
    expect(failsGate(c(null, null), 'worse')).toBe(false);
  });

  it('worse-significant: only misses beyond the noise; no interval counts as significant', () => {
    expect(failsGate(c('worse', true), 'worse-significant')).toBe(true);
    expect(failsGate(c('worse', null), 'worse-significant')).toBe(true);
    expect(failsGate(c('worse', false), 'worse-significant')).toBe(false);
  });
});
