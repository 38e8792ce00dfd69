/**
 * The README is the manual: its generated parts must match the code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_TABLE_END, METRIC_TABLE_START, renderMetricTable } from '../src/report/metric-docs.js';
import { PRESETS } from '../src/ingest/presets/index.js';
import { METRIC_KEYS } from '../src/model.js';
import { VERSION } from '../src/version.js';
import { fixture, ROOT, runCli } from './helpers/run-cli.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('has the metric table generated from the registry (npm run docs)', () => {
    const start = readme.indexOf(METRIC_TABLE_START) + METRIC_TABLE_START.length;
    const end = readme.indexOf(METRIC_TABLE_END);
    expect(readme.slice(start, end).trim()).toBe(renderMetricTable().trim());
    for (const key of METRIC_KEYS) expect(readme).toContain(`| \`${key}\` |`);
  });
  it('documents every preset', () => {
    for (const name of Object.keys(PRESETS)) expect(readme).toContain(`| \`${name}\` |`);
  });
  it('quick start is the two commands', () => {
    expect(readme).toContain('npm install && npx channelbench report --data fixtures/demo\nnpm test');
  });
  it('shows the real quick-start output (80 columns)', async () => {
    const marker = '$ npx channelbench report --data fixtures/demo\n';
    const start = readme.indexOf(marker) + marker.length;
    const shown = readme.slice(start, readme.indexOf('```', start));
    const r = await runCli(['report', '--data', fixture('demo')], { env: { COLUMNS: '80' } });
    expect(shown).toBe(r.stdout);
  });
  it('version matches package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
