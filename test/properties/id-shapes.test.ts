/**
 * Law: the order-id fast routes (the interner's counter mode for a prefix plus
 * an increasing integer, its sorted mode, the readers' same/greater-id hints)
 * build the same orders as the general rule — lines sharing an id are one
 * order, in the order of first lines — whatever shape the ids have: plain,
 * `#`-prefixed and zero-padded counters, ids that decrease or repeat, switch
 * shape mid-file, integers beyond 2^53 written as text, UUIDs. The reference is
 * a Map over the lines; both the one-thread lane and the worker pipeline
 * (in-process, cut into small chunks) are checked against it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFileSummary } from '../helpers/load-summary.js';

const RUNS = Number(process.env.FC_RUNS ?? 60);

/** Runs of ids of one shape; a file is several runs, so the shape switches mid-file. */
const idRun = fc.oneof(
  fc
    .record({
      prefix: fc.constantFrom('', '#', 'ORD-', 'A9-'),
      width: fc.constantFrom(0, 0, 4, 7),
      from: fc.nat(5000),
      step: fc.integer({ min: -2, max: 25 }),
      length: fc.integer({ min: 1, max: 30 }),
    })
    .map(({ prefix, width, from, step, length }) => Array.from({ length }, (_, i) => prefix + String(Math.max(0, from + i * step)).padStart(width, '0'))),
  fc.array(fc.constantFrom('9007199254740993', '9007199254740992', '999999999999999', '1000000000000000', '0', '00', '007', '7', '10', '9'), { minLength: 1, maxLength: 5 }),
  fc.array(fc.uuid(), { minLength: 1, maxLength: 4 }),
);

/** Lines: [id, cents]; an order's later lines follow it directly or come a few lines later. */
const linesArb = fc
  .tuple(fc.array(idRun, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: -500, max: 20_000 }), fc.boolean()), { minLength: 200, maxLength: 200 }))
  .map(([runs, shapes]) => {
    const lines: [string, number][] = [];
    const late: [string, number][] = [];
    runs.flat().forEach((id, i) => {
      const [n, cents, interleave] = shapes[i % shapes.length]!;
      for (let l = 0; l < n; l++) (l > 0 && interleave ? late : lines).push([id, cents + l]);
      if (late.length > 2) lines.push(late.shift()!);
    });
    return [...lines, ...late];
  });

const dir = mkdtempSync(path.join(os.tmpdir(), 'cb-ids-'));
let fileNo = 0;

describe('order ids of any shape: fast routes = the general rule', () => {
  it('on random files of mixed id shapes', async () => {
    await fc.assert(
      fc.asyncProperty(linesArb, async (lines) => {
        const file = path.join(dir, `ids${fileNo++}.csv`);
        const body = lines.map(([id, cents], i) => `${id},c${i % 7},2024-01-${String(1 + (i % 28)).padStart(2, '0')},web,${(cents / 100).toFixed(2)}`);
        writeFileSync(file, ['order_id,customer_id,date,channel,revenue', ...body].join('\n') + '\n');
        // Reference: one order per distinct id, in order of first sight, value = sum of its lines.
        const ref = new Map<string, number>();
        for (const [id, cents] of lines) ref.set(id, (ref.get(id) ?? 0) + cents);
        const expected = [...ref].map(([id, cents]) => [id, cents]);
        for (const opts of [{}, { chunkBytes: 173 }, { fastPath: false }]) {
          const summary = (await loadFileSummary(file, undefined, opts)) as { orders: { orderId: string; value: number }[] };
          expect(summary.orders.map((o) => [o.orderId, Math.round(o.value * 100)])).toEqual(expected);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
