/**
 * The installable package: `npm pack`, then `npm install -g ./channelbench-*.tgz`
 * into a temporary prefix (dependencies from the registry, as on a clean
 * machine), then the installed binary runs --version, a report on the bundled
 * demo and the HTML output; a project imports the installed package by name,
 * and TypeScript sees its types. Slow (an npm install): run by `npm run test:slow`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { ROOT } from './helpers/run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'cb-pack-'));
const prefix = path.join(tmp, 'prefix');
const installed = path.join(prefix, 'lib', 'node_modules', 'channelbench');
const bin = path.join(prefix, 'bin', 'channelbench');
let tarball: string;
let listing: string[];

const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
const run = (args: string[], cwd = tmp) => spawnSync(bin, args, { cwd, encoding: 'utf8', env: { PATH: `${path.join(prefix, 'bin')}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1', TZ: 'UTC' } });

beforeAll(() => {
  // dist/ is already built (npm test builds first); --ignore-scripts keeps pack from rebuilding it under other running tests.
  const out = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT);
  const info = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(tmp, info[0]!.filename);
  listing = info[0]!.files.map((f) => f.path);
  npm(['install', '--global', '--prefix', prefix, '--prefer-offline', tarball], tmp);
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the packed tarball', () => {
  it('carries the binary, the built code with types, the small demo; not the sources, tests or test data', () => {
    for (const f of ['bin/channelbench.cjs', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'examples/demo/orders.csv', 'examples/demo/channelbench.config.json', 'package.json', 'README.md']) {
      expect(listing).toContain(f);
    }
    for (const f of listing) expect(f).not.toMatch(/^(src|test|fixtures|bench|scripts)\/|\.test\.(js|ts)$/);
  });

  it('installs globally and runs --version', () => {
    expect(existsSync(bin)).toBe(true);
    const r = run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });

  it('runs report --data on the bundled demo', () => {
    const r = run(['report', '--data', path.join(installed, 'examples', 'demo')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('channelbench · 2024-01-01 … 2024-06-30');
    expect(r.stdout).toContain('(all)');
  });

  it('writes the HTML report and the xlsx workbook', () => {
    const html = path.join(tmp, 'kpi.html');
    const xlsx = path.join(tmp, 'kpi.xlsx');
    const demo = path.join(installed, 'examples', 'demo');
    expect(run(['report', '--data', demo, '--period', 'month', '--format', 'html', '--output', html]).status).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<svg /);
    expect(run(['report', '--data', demo, '--format', 'xlsx', '--output', xlsx]).status).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it("import('channelbench') works in another project, and TypeScript sees the types", () => {
    const project = path.join(tmp, 'consumer');
    mkdirSync(path.join(project, 'node_modules'), { recursive: true });
    symlinkSync(installed, path.join(project, 'node_modules', 'channelbench'), 'dir');
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ type: 'module', private: true }));
    writeFileSync(
      path.join(project, 'use.mjs'),
      `import { runReport, renderReport } from 'channelbench';\nconst r = await runReport({ data: ${JSON.stringify(path.join(installed, 'examples', 'demo'))} });\nconst csv = await renderReport(r, 'csv');\nconsole.log(r.schema, r.rows.length, csv.split('\\r\\n')[0].slice(0, 24));\n`,
    );
    const r = spawnSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('channelbench.report/v1 7 period_start,period_end,');
    writeFileSync(
      path.join(project, 'use.ts'),
      [
        "import { runReport, type Report } from 'channelbench';",
        "const report: Report = await runReport({ data: 'demo', period: 'month' });",
        'const aov: number | null = report.rows[0]!.metrics.aov;',
        "// @ts-expect-error: 'fortnight' is not a period unit",
        "await runReport({ period: 'fortnight' });",
        'export { aov };',
        '',
      ].join('\n'),
    );
    const compilerOptions = { noEmit: true, strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: true, types: [] };
    writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['use.ts'] }));
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
