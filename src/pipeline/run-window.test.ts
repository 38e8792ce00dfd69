import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { orderTable, type Order } from '../model.js';
import { orderSpan, resolveRunWindow } from './run-window.js';

const order = (iso: string): Order => ({ time: Date.parse(iso), value: 1, channel: 0, customer: -1, orderId: '' });

describe('orderSpan', () => {
  it('first order time and data end, orders in any order', () => {
    const span = orderSpan(orderTable([order('2024-03-05T10:00Z'), order('2024-01-02T23:59Z'), order('2024-02-01T00:00Z')]));
    expect(span.firstTime).toBe(Date.parse('2024-01-02T23:59Z'));
    expect(span.dataEnd).toBe(Date.parse('2024-03-06T00:00Z')); // day after the latest order
  });
  it('handles export-sized inputs (no argument spreading: Math.min(...300k) overflows the stack)', () => {
    const orders = Array.from({ length: 300_000 }, (_, i) => ({ ...order('2024-01-01T00:00Z'), time: Date.UTC(2024, 0, 1) + i * 60_000 }));
    expect(() => Math.min(...orders.map((o) => o.time))).toThrow(RangeError);
    expect(orderSpan(orderTable(orders)).firstTime).toBe(Date.UTC(2024, 0, 1));
  });
  it('no orders: no data end', () => {
    expect(() => orderSpan(orderTable([]))).toThrow(RangeError);
  });
});

describe('resolveRunWindow', () => {
  it('a window outside the data is a usage error saying which days the orders cover', () => {
    let err: unknown;
    try {
      resolveRunWindow(orderTable([order('2024-01-02T10:00Z'), order('2024-01-09T10:00Z')]), { from: '2025-01-01' }, 'monday');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).hint).toBe('the orders cover 2024-01-02 … 2024-01-09');
  });
});
