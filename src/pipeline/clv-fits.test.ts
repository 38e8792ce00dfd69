import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CustomerSummary } from '../models/clv/rfm-groups.js';
import { correlationWarning, fitBoth, fitRow } from './clv-fits.js';
import { groupSummary } from '../models/clv/rfm-groups.js';

describe('correlation warning (Gamma-Gamma assumes frequency and spend independent)', () => {
  it('warns from |ρ| = 0.3, either sign', () => {
    expect(correlationWarning('email', 0.29)).toBeNull();
    expect(correlationWarning('email', null)).toBeNull();
    expect(correlationWarning('email', 0.3)).toBe('email: frequency and spend per purchase are correlated (ρ = 0.30); Gamma-Gamma assumes they are independent, so expected spend may be biased');
    expect(correlationWarning('web', -0.5)).toContain('(ρ = -0.50)');
  });
});

const FILE = path.resolve(import.meta.dirname, '../../../shared/datasets/cdnow/cdnow_customers_summary_with_transactions.csv');
const have = existsSync(FILE);
if (!have) console.warn(`skipping the floor/fallback tests: ${FILE} not found (clone next to shared/ to run them)`);

describe.skipIf(!have)('fitRow on the CDNOW summary: own fit above the floor, the pooled one below it', () => {
  const rows = have ? readFileSync(FILE, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(',').map(Number)) : [];
  const col = (k: number): Float64Array => Float64Array.from(rows.map((r) => r[k]!));
  const s: CustomerSummary = { length: rows.length, x: col(1), tx: col(2), T: col(3), zbar: col(4) };
  const all = Int32Array.from({ length: rows.length }, (_, i) => i);
  const pooled = have ? fitBoth(s, all, groupSummary(s, all)) : { reason: 'no data' };
  it('the pooled fit converges', () => {
    expect('reason' in pooled).toBe(false);
  });
  it('a subset below the floor uses the pooled fit and says why', () => {
    if ('reason' in pooled) throw new Error(pooled.reason);
    const row = fitRow(s, all.slice(0, 400), pooled, { customers: 500, repeatCustomers: 100 }, false);
    expect(row.model).toBe('pooled');
    expect(row.note).toBe('below the floor (500 customers, 100 repeat customers)');
    expect(row.fits).toBe(pooled);
    expect(row.customers).toBe(400);
  });
  it('above the floor the row has its own fit, in the pooled fit’s range on about half of the same population', () => {
    if ('reason' in pooled) throw new Error(pooled.reason);
    const row = fitRow(s, all.slice(0, 1200), pooled, { customers: 1000, repeatCustomers: 100 }, false);
    expect(row.model).toBe('own');
    expect(row.fits).not.toBe(pooled);
    expect(row.fits.bg.params.r).toBeGreaterThan(0.15);
    expect(row.fits.bg.params.r).toBeLessThan(0.35);
  });
});
