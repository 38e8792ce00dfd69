/**
 * Laws of the cohort grid on random datasets (fast-check):
 * (a) agreement with a naive, direct reading of the definitions;
 * (b) sizes equal the engine's new_customers for the same periods, per channel
 *     and in total, and retained(k = 0) = size;
 * (c) as of: removing the orders dated at or after a cut leaves every cell
 *     complete as of the cut unchanged — with the same T, and with T rebuilt
 *     from the truncated data's own end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, TOTAL_CHANNEL, orderList, type Dataset, type PeriodUnit, type WeekStart } from '../../model.js';
import { buildPeriods, dataEnd, startOfCalendarPeriod, nextCalendarPeriod } from '../../periods/index.js';
import { findAcquisitions } from '../acquisition.js';
import { computeFigures } from '../compute-figures.js';
import { naiveAcquisitions, randomDataset, truncate } from '../crosschannel/testing/random-dataset.js';
import { cellComplete, computeCohortGrid, cumulativeValue, retainedShare, type CohortGrid } from './index.js';

const RUNS = { numRuns: 300 };
const SETTINGS = { margin: 1, retentionDays: 30, clvHorizonDays: 60 };

const setup = fc.record({
  unit: fc.constantFrom<PeriodUnit>('day', 'week', 'month', 'quarter'),
  weekStart: fc.constantFrom<WeekStart>('monday', 'sunday'),
  horizon: fc.integer({ min: 0, max: 6 }),
  startShift: fc.integer({ min: 0, max: 40 }),
  pick: fc.nat(),
});

interface Case {
  ds: Dataset;
  unit: PeriodUnit;
  weekStart: WeekStart;
  horizon: number;
  window: { start: number; end: number };
  end: number;
}

function toCase(ds: Dataset, s: { unit: PeriodUnit; weekStart: WeekStart; horizon: number; startShift: number }): Case {
  const times = orderList(ds.orders).map((o) => o.time);
  const end = dataEnd(times);
  const first = Math.floor(Math.min(...times) / DAY_MS) * DAY_MS;
  const start = Math.min(first + s.startShift * DAY_MS, end - DAY_MS);
  return { ds, unit: s.unit, weekStart: s.weekStart, horizon: s.horizon, window: { start, end }, end };
}

function gridOf(c: Case, ds = c.ds, end = c.end, asOf = Math.min(c.window.end, end)): CohortGrid {
  const cohorts = buildPeriods({ start: c.window.start, end: Math.min(c.window.end, end) }, end, c.unit, c.weekStart);
  return computeCohortGrid(ds.orders, findAcquisitions(ds.orders, ds.customerCount), ds.channels.length, { cohorts, unit: c.unit, weekStart: c.weekStart, horizon: c.horizon, asOf });
}

describe('cohort properties', () => {
  it('(a) agrees with a naive reading of the definitions', () => {
    fc.assert(
      fc.property(randomDataset, setup, (ds, s) => {
        const c = toCase(ds, s);
        const g = gridOf(c);
        const acq = naiveAcquisitions(ds);
        const orders = orderList(ds.orders);
        const cohorts = buildPeriods(c.window, c.end, c.unit, c.weekStart);
        const bad: string[] = [];
        const check = (what: string, got: number | null, want: number | null) => {
          const ok = want === null ? got === null : got !== null && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
          if (!ok) bad.push(`${what}: got ${got}, want ${want}`);
        };
        cohorts.forEach((p, i) => {
          for (let slot = 0; slot <= ds.channels.length; slot++) {
            const members = [...acq].filter(([, a]) => a.time >= p.start && a.time < p.end && (slot === ds.channels.length || a.channel === slot));
            check(`size ${i} ${slot}`, g.size[i * g.slots + slot]!, members.length);
            let kStart = startOfCalendarPeriod(p.start, c.unit, c.weekStart);
            let through = 0;
            for (let k = 0; k <= c.horizon; k++) {
              const kEnd = nextCalendarPeriod(kStart, c.unit);
              const retained = members.filter(([id]) => orders.some((o) => o.customer === id && o.value > 0 && o.time >= kStart && o.time < kEnd)).length;
              for (const [id, a] of members) for (const o of orders) if (o.customer === id && o.time >= a.time && o.time >= kStart && o.time < kEnd) through += o.value;
              const complete = kEnd <= c.end;
              const want = (x: number) => (complete && members.length ? x / members.length : null);
              check(`retained ${i} ${slot} ${k}`, retainedShare(g, i, slot, k).value, want(retained));
              check(`value ${i} ${slot} ${k}`, cumulativeValue(g, i, slot, k).value, want(through));
              kStart = kEnd;
            }
          }
        });
        expect(bad).toEqual([]);
      }),
      RUNS,
    );
  });

  it('(b) sizes equal new_customers of the same periods; retained(k = 0) = size', () => {
    fc.assert(
      fc.property(randomDataset, setup, (ds, s) => {
        const c = toCase(ds, s);
        const g = gridOf(c);
        const figures = computeFigures(ds, buildPeriods(c.window, c.end, c.unit, c.weekStart), SETTINGS);
        const bad: string[] = [];
        figures.forEach((pf, i) => {
          for (const row of pf.rows) {
            const slot = row.channel === TOTAL_CHANNEL ? ds.channels.length : ds.channels.indexOf(row.channel);
            const size = g.size[i * g.slots + slot];
            if (size !== row.metrics.new_customers) bad.push(`${pf.period.label} ${row.channel}: size ${size}, new_customers ${row.metrics.new_customers}`);
            if (g.retained[(i * g.slots + slot) * (c.horizon + 1)] !== size) bad.push(`${pf.period.label} ${row.channel}: retained(0) ≠ size`);
          }
        });
        expect(bad).toEqual([]);
      }),
      RUNS,
    );
  });

  it('(c) as of: cells complete as of a cut are unchanged when data at or after it is removed', () => {
    fc.assert(
      fc.property(randomDataset, setup, (ds, s) => {
        const c = toCase(ds, s);
        const full = gridOf(c);
        const cuts = Array.from(full.boundaries).filter((b) => b > c.window.start && b <= c.end);
        if (cuts.length === 0) return;
        const cut = cuts[s.pick % cuts.length]!;
        const cutDs = truncate(ds, cut);
        if (cutDs.orders.length === 0) return;
        const same = (a: CohortGrid, b: CohortGrid, T: number) => {
          const bad: string[] = [];
          for (let i = 0; i < Math.min(a.cohortCount, b.cohortCount); i++) {
            if (a.boundaries[i + 1]! > T) continue;
            for (let slot = 0; slot < a.slots; slot++) {
              if (b.size[i * b.slots + slot] !== a.size[i * a.slots + slot]) bad.push(`size ${i} ${slot}`);
              for (let k = 0; k <= c.horizon; k++) {
                if (!cellComplete(b, i, k)) continue;
                if (retainedShare(b, i, slot, k).value !== retainedShare(a, i, slot, k).value) bad.push(`retained ${i} ${slot} ${k}`);
                if (cumulativeValue(b, i, slot, k).value !== cumulativeValue(a, i, slot, k).value) bad.push(`value ${i} ${slot} ${k}`);
              }
            }
          }
          expect(bad).toEqual([]);
        };
        // the same T (= the cut): identical, to the bit
        const asOfCut = gridOf(c, ds, c.end, cut);
        same(asOfCut, gridOf(c, cutDs, c.end, cut), cut);
        // T rebuilt from the truncated data: every cell complete there equals the full run's
        const cutEnd = dataEnd(orderList(cutDs.orders).map((o) => o.time));
        if (cutEnd <= c.window.start) return;
        same(full, gridOf(c, cutDs, cutEnd), cutEnd);
      }),
      RUNS,
    );
  });
});
