/**
 * Law (SPEC §5, README "Safety"): in the JSON input statistics every row read
 * is accounted for exactly once —
 *   orders: rows_read = rows_used + rows_skipped + rows_cancelled + rows_merged
 *                       + continuation_lines + rows_outside + rows_dropped
 *   others: rows_read = rows_used + rows_skipped + rows_outside + rows_dropped
 * on random messy orders files (line items, cancelled rows, ids equal after
 * trimming, invalid values skipped) with a spend file partly outside the
 * orders' dates, and random windows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ChannelbenchError } from '../../src/errors.js';
import { runReport } from '../../src/pipeline/report.js';
import { accountingSides } from '../helpers/accounting.js';
import { messyOrdersCsv, messyRow } from '../helpers/messy-orders.js';
import { inputFlags } from '../helpers/input-flags.js';
import { ROOT } from '../helpers/run-cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cb-accounting-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spendRow = fc.record({
  day: fc.integer({ min: -40, max: 80 }),
  channel: fc.constantFrom('web', 'email', 'Web ', '', '=1+1'),
  spend: fc.constantFrom('10', '0', '2.5', 'x', ''),
});

const flags = (orders: string, spend: string) => inputFlags({ orders, spend }, { decimalComma: false, skipInvalid: true });

const day = (d: number): string => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

describe('row accounting identity', () => {
  it('holds for every input file of every run that succeeds', async () => {
    let runs = 0;
    let i = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(messyRow, { minLength: 1, maxLength: 40 }),
        fc.array(spendRow, { maxLength: 20 }),
        fc.boolean(),
        fc.constantFrom(undefined, '2024-01-05', '2024-02-01'),
        async (rows, spend, withStatus, to) => {
          const n = i++;
          const orders = path.join(dir, `o${n}.csv`);
          const spendFile = path.join(dir, `s${n}.csv`);
          writeFileSync(orders, messyOrdersCsv(rows, ',', withStatus));
          writeFileSync(spendFile, ['date,channel,spend', ...spend.map((s) => `${day(s.day)},${s.channel},${s.spend}`)].join('\n') + '\n');
          let result;
          try {
            result = await runReport(flags(orders, spendFile), { from: undefined, to, last: undefined, period: 'month', weekStart: undefined, margin: undefined, retentionDays: undefined, clvHorizonDays: undefined }, ROOT);
          } catch (err) {
            // Ambiguous columns, no orders, a window outside the data: refused runs have no statistics.
            if (err instanceof ChannelbenchError) return;
            throw err;
          }
          runs++;
          for (const s of result.report.inputs) {
            const [read, sum] = accountingSides(s);
            expect(sum, `${s.role}: ${JSON.stringify(s)}`).toBe(read);
          }
        },
      ),
      { numRuns: 60, seed: 13 },
    );
    expect(runs).toBeGreaterThan(10);
  });
});
