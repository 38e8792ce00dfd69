/**
 * The two largest real datasets (UCI Online Retail whole, 45 MB; CDNOW master)
 * read with the commands the README documents; datasets.test.ts has the rest.
 * Skipped (with a message) when ../shared is absent. `npm run test:slow`.
 */
import { describe, expect, it } from 'vitest';
import { dataset as D, haveDatasets, totalRow as total } from '../helpers/datasets.js';
import { runCli } from '../helpers/run-cli.js';

const have = haveDatasets();

describe.skipIf(!have)('real datasets (the large ones)', () => {
  it('UCI Online Retail: 541,909 lines, 25,900 invoices, 4,372 customers, 38 countries', async () => {
    const r = await runCli(['validate', '--orders', D('uci-online-retail/online_retail.csv'), '--preset', 'online-retail', '--map', 'channel=Country']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('541,909 read · 25,900 orders after line-item merge');
    expect(r.stdout).toContain('customers: 4,372');
    expect(r.stdout).toContain('channels (38):');
  });
  it('CDNOW master: total revenue $2,500,315.63 over 69,579 purchases (80 zero-value rows are not purchases)', async () => {
    const r = await runCli(['report', '--orders', D('cdnow/CDNOW_master.txt'), '--preset', 'cdnow', '--format', 'json']);
    expect(r.code).toBe(0);
    const t = total(r.stdout);
    expect(t.metrics['revenue']).toBe(2500315.63);
    expect(t.metrics['orders']).toBe(69579);
    expect(t.metrics['returning_rate']).toBe(0);
  });
});
