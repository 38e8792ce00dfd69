/**
 * The package's programmatic entry, imported by name (package.json
 * "exports" → dist/index.js, built by `npm run build`): runReport returns the
 * same report the CLI prints as JSON, and the renderers take it.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

describe("import('channelbench')", () => {
  it('runReport(options) → the channelbench.report/v1 document the CLI writes as JSON', async () => {
    const api = await import('channelbench');
    const report = await api.runReport({ data: 'examples/demo', period: 'month' });
    expect(report.schema).toBe(api.REPORT_SCHEMA);
    const cli = await runCli(['report', '--data', 'examples/demo', '--period', 'month', '--format', 'json']);
    expect(JSON.parse(await api.renderReport(report, 'json') as string)).toEqual(JSON.parse(cli.stdout));
    expect(api.OUTPUT_FORMATS).toEqual(expect.arrayContaining(['table', 'csv', 'json', 'markdown', 'html', 'xlsx']));
    const html = api.renderHtml(report, { display: { locale: 'en-US', currency: undefined }, allPeriods: false, metrics: api.METRIC_KEYS });
    expect(html).toContain('<!DOCTYPE html>');
  });

  it('cwd: relative files and the config are read from that folder, not the process folder', async () => {
    const api = await import('channelbench');
    const inFolder = await api.runReport({ orders: 'orders.csv', config: 'channelbench.config.json', cwd: 'examples/demo' });
    const fromHere = await api.runReport({ orders: 'examples/demo/orders.csv', config: 'examples/demo/channelbench.config.json' });
    expect(inFolder.rows).toEqual(fromHere.rows);
    expect(inFolder.inputs.map((i) => i.file)).toEqual(['orders.csv']); // named as the caller wrote it
  });

  it('throws typed errors for bad input', async () => {
    const api = await import('channelbench');
    await expect(api.runReport({ data: 'no/such/folder' })).rejects.toBeInstanceOf(api.InputError);
  });
});
