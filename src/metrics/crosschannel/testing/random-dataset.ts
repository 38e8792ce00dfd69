/**
 * Test support: random small Datasets (fast-check) for the crosschannel and
 * cohorts properties, and truncation at a cut ("data after the cut removed").
 */
import fc from 'fast-check';
import { DAY_MS, orderList, orderTable, type Dataset } from '../../../model.js';

export const BASE = Date.UTC(2024, 0, 1);
export const DAYS = 120;

const instant = fc
  .tuple(fc.integer({ min: 0, max: DAYS - 1 }), fc.oneof(fc.constant(0), fc.integer({ min: 0, max: DAY_MS - 1 })))
  .map(([day, ms]) => BASE + day * DAY_MS + ms);
const money = fc.oneof(fc.integer({ min: -50, max: 200 }), fc.constant(0), fc.integer({ min: -5000, max: 20000 }).map((c) => c / 100));

/** 1–5 channels, or sometimes 35 (two words per customer in the channel sets); up to 8 customers; up to 50 orders. */
export const randomDataset: fc.Arbitrary<Dataset> = fc
  .record({
    channelCount: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(35)),
    customerCount: fc.integer({ min: 1, max: 8 }),
    orders: fc.array(
      fc.record({
        time: instant,
        value: money,
        channel: fc.nat(),
        customer: fc.integer({ min: -1, max: 7 }),
        orderId: fc.constantFrom('', 'o1', 'o2', 'o9', 'o10', 'A', 'a'),
      }),
      { minLength: 1, maxLength: 50 },
    ),
  })
  .map((s) => {
    const channels = Array.from({ length: s.channelCount }, (_, i) => `ch${i}`);
    return {
      channels,
      orders: orderTable(
        s.orders.map((o) => ({
          time: o.time,
          value: o.value,
          // with 35 channels, spread orders over the high ids too
          channel: s.channelCount === 35 ? (o.channel * 7) % 35 : o.channel % s.channelCount,
          customer: o.customer < 0 ? -1 : o.customer % s.customerCount,
          orderId: o.orderId,
        })),
      ),
      customerCount: s.customerCount,
      hasCustomerIds: true,
      spend: null,
      traffic: null,
      nps: null,
    };
  });

/** The dataset with every order dated at or after `cut` removed. */
export function truncate(ds: Dataset, cut: number): Dataset {
  return { ...ds, orders: orderTable(orderList(ds.orders).filter((o) => o.time < cut)) };
}

/** Acquisition, literally: earliest purchase, then smallest order id by code points, then input order. */
export function naiveAcquisitions(ds: Dataset): Map<number, { time: number; channel: number; index: number }> {
  const best = new Map<number, { time: number; id: string; index: number; channel: number }>();
  orderList(ds.orders).forEach((o, index) => {
    if (o.customer < 0 || !(o.value > 0)) return;
    const b = best.get(o.customer);
    if (!b || o.time < b.time || (o.time === b.time && o.orderId < b.id)) best.set(o.customer, { time: o.time, id: o.orderId, index, channel: o.channel });
  });
  return new Map([...best].map(([c, b]) => [c, { time: b.time, channel: b.channel, index: b.index }]));
}
