import { describe, expect, it } from 'vitest';
import { METRIC_KEYS } from '../model.js';
import { METRICS } from './definitions.js';

describe('metric registry', () => {
  it('has one entry per metric key, in key order', () => {
    expect(Object.keys(METRICS)).toEqual([...METRIC_KEYS]);
  });
  it('lower is better only for cac and refunds', () => {
    expect(METRIC_KEYS.filter((k) => METRICS[k].better === 'lower')).toEqual(['refunds', 'cac']);
  });
  it('every definition is one sentence', () => {
    for (const k of METRIC_KEYS) expect(METRICS[k].definition, k).toMatch(/^[^\n]+\.$/);
  });
});
