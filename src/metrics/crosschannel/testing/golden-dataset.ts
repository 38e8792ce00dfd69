/**
 * Test support: the orders of fixtures/crosschannel/orders.csv as a Dataset
 * (channels web, store, app; customers c01…c10; one guest order), for the golden
 * tests of crosschannel and cohorts. Times are UTC.
 *
 *   c01 web   Jan 05 100 · store Jan 20 50 · app Feb 10 30        3 channels
 *   c02 web   Jan 08  80                                          no later purchase
 *   c03 store Jan 10  60 · store Feb 15 40 · store Feb 20 −20     a return
 *   c04 app   Jan 12  25 · web Mar 02 75
 *   c05 store Jan 15 120 · web Jan 25 40
 *   guest web Jan 18  70                                          no customer id: ignored
 *   c06 web   Feb 03  50 · web Feb 20 30 · app Mar 05 20
 *   c07 app   Feb 08  40 · app Feb 09 −40 (return)                no later purchase
 *   c08 store Feb 12 200 · store Mar 10 100
 *   c09 app   Mar 01  35 · app Mar 03 15
 *   c10 web   Mar 08  60 · store Mar 12 90 · app Mar 15 30        3 channels
 *
 * Data end = 2024-03-16 (the day after Mar 15).
 */
import type { Dataset } from '../../../model.js';
import { dataset, order } from '../../testing/dataset-fixture.js';

export const GOLDEN_DATA_END = Date.UTC(2024, 2, 16);

export function goldenDataset(): Dataset {
  return dataset({
    channels: ['web', 'store', 'app'],
    orders: [
      order('2024-01-05T10:00Z', 100, 'web', 'c01', 'o01'),
      order('2024-01-08T09:00Z', 80, 'web', 'c02', 'o02'),
      order('2024-01-10T12:00Z', 60, 'store', 'c03', 'o03'),
      order('2024-01-12T15:00Z', 25, 'app', 'c04', 'o04'),
      order('2024-01-15T11:00Z', 120, 'store', 'c05', 'o05'),
      order('2024-01-18T14:00Z', 70, 'web', null, 'o06'),
      order('2024-01-20T16:00Z', 50, 'store', 'c01', 'o07'),
      order('2024-01-25T10:00Z', 40, 'web', 'c05', 'o08'),
      order('2024-02-03T09:30Z', 50, 'web', 'c06', 'o09'),
      order('2024-02-08T13:00Z', 40, 'app', 'c07', 'o10'),
      order('2024-02-09T08:00Z', -40, 'app', 'c07', 'o11'),
      order('2024-02-10T19:00Z', 30, 'app', 'c01', 'o12'),
      order('2024-02-12T12:00Z', 200, 'store', 'c08', 'o13'),
      order('2024-02-15T17:00Z', 40, 'store', 'c03', 'o14'),
      order('2024-02-20T10:00Z', 30, 'web', 'c06', 'o15'),
      order('2024-02-20T18:00Z', -20, 'store', 'c03', 'o16'),
      order('2024-03-01T08:00Z', 35, 'app', 'c09', 'o17'),
      order('2024-03-02T09:00Z', 75, 'web', 'c04', 'o18'),
      order('2024-03-03T20:00Z', 15, 'app', 'c09', 'o19'),
      order('2024-03-05T11:00Z', 20, 'app', 'c06', 'o20'),
      order('2024-03-08T10:00Z', 60, 'web', 'c10', 'o21'),
      order('2024-03-10T15:00Z', 100, 'store', 'c08', 'o22'),
      order('2024-03-12T12:00Z', 90, 'store', 'c10', 'o23'),
      order('2024-03-15T09:00Z', 30, 'app', 'c10', 'o24'),
    ],
  });
}
