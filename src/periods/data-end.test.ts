import { describe, expect, it } from 'vitest';
import { dataEnd } from './data-end.js';

describe('dataEnd', () => {
  it('is 00:00 UTC of the day after the latest order, in any input order', () => {
    expect(dataEnd([Date.UTC(2024, 0, 5, 10), Date.UTC(2024, 1, 29, 23, 59), Date.UTC(2023, 5, 1)])).toBe(Date.UTC(2024, 2, 1));
  });
  it('an order at exactly midnight still counts its own day', () => {
    expect(dataEnd([Date.UTC(2024, 0, 5)])).toBe(Date.UTC(2024, 0, 6));
  });
  it('throws without orders', () => {
    expect(() => dataEnd([])).toThrow(RangeError);
  });
});
