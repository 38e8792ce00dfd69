/**
 * `channelbench clv` in every output format on the demo and on CDNOW, and the
 * per-channel vs pooled fallback. Slow (each run fits the models and draws 200
 * bootstrap samples per row).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clvDocSchema } from '../../src/report/clv/schema.js';
import { DATASETS, runCli } from '../helpers/run-cli.js';

const FORMATS = ['table', 'csv', 'tsv', 'json', 'ndjson', 'markdown'] as const;
const SAMPLE = path.join(DATASETS, 'cdnow/CDNOW_sample.txt');

function checkFormat(format: (typeof FORMATS)[number], stdout: string, channels: string[]): void {
  switch (format) {
    case 'table':
    case 'markdown':
      expect(stdout).toContain('unit week · horizon 52w = 52.00 weeks');
      expect(stdout).toContain('Fitted parameters (standard error)');
      for (const c of channels) expect(stdout).toContain(c);
      break;
    case 'csv':
    case 'tsv': {
      const lines = stdout.trimEnd().split('\r\n');
      const sep = format === 'csv' ? ',' : '\t';
      expect(lines[0]!.split(sep).slice(0, 3)).toEqual(['channel', 'model', 'model_note']);
      expect(lines.slice(1).map((l) => l.split(sep)[0])).toEqual(channels);
      break;
    }
    case 'json': {
      const doc = JSON.parse(stdout) as { schema: string; unit: string; horizon: { units: number }; rows: { channel: string }[] };
      expect(doc.schema).toBe('channelbench.clv/v1');
      expect(doc.unit).toBe('week');
      expect(doc.horizon.units).toBe(52);
      expect(doc.rows.map((r) => r.channel)).toEqual(channels);
      break;
    }
    case 'ndjson':
      expect(stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { channel: string; unit: string }).channel)).toEqual(channels);
      break;
  }
}

describe('clv on the demo', () => {
  const demo = ['clv', '--data', 'fixtures/demo', '--min-customers', '100000'];
  const channels = ['paid_search', 'store', 'web', 'social', 'app', 'email', '(all)'];
  it.each(FORMATS)('--format %s', async (format) => {
    const r = await runCli([...demo, '--format', format]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    checkFormat(format, r.stdout, channels);
  });

  it('--format json validates against the channelbench.clv/v1 schema (docs/clv.schema.json is generated from it)', async () => {
    const r = await runCli([...demo, '--format', 'json']);
    expect(r.code).toBe(0);
    const parsed = clvDocSchema.safeParse(JSON.parse(r.stdout));
    expect(parsed.error?.issues ?? []).toEqual([]);
    // and a document missing a field does not
    const broken = JSON.parse(r.stdout) as Record<string, unknown>;
    delete broken.calibration_end;
    expect(clvDocSchema.safeParse(broken).success).toBe(false);
  });

  it('per-channel fits where the floor is met, the pooled fit (and why) elsewhere', async () => {
    const r = await runCli(['clv', '--data', 'fixtures/demo', '--min-customers', '1000', '--min-repeat', '100', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: { channel: string; model: string; model_note: string | null; parameters: { bgnbd: { r: { value: number } } } }[] }).rows;
    const by = new Map(rows.map((x) => [x.channel, x]));
    expect(by.get('store')!.model).toBe('own');
    expect(by.get('store')!.parameters.bgnbd.r.value).not.toBe(by.get('(all)')!.parameters.bgnbd.r.value);
    expect(by.get('email')!.model).toBe('pooled');
    expect(by.get('email')!.model_note).toBe('below the floor (1000 customers, 100 repeat customers)');
    expect(by.get('email')!.parameters.bgnbd.r.value).toBe(by.get('(all)')!.parameters.bgnbd.r.value);
    // The synthetic demo has no dropout: an own fit drives b to infinity and is refused, with the reason.
    expect(by.get('paid_search')!.model).toBe('pooled');
    expect(by.get('paid_search')!.model_note).toContain('own fit failed: BG/NBD: a parameter ran off to 0 or infinity');
  });
});

describe.skipIf(!existsSync(SAMPLE))('clv on CDNOW', () => {
  it.each(FORMATS)('--format %s', async (format) => {
    const r = await runCli(['clv', '--orders', SAMPLE, '--preset', 'cdnow', '--zero-value-purchases', '--to', '1997-09-30', '--format', format]);
    expect(r.code).toBe(0);
    checkFormat(format, r.stdout, ['(unknown)', '(all)']);
  });
});
