/**
 * Start-up loads only what the run needs (src/cli/program.ts,
 * docs/performance.md): `--version` and `--help` load commander and the
 * command list, no command, pipeline, zod or renderer; a command loads itself
 * and not the others; a report loads write-excel-file only for --format xlsx.
 * Checked by logging every file the binary loads (test/helpers/module-log.mjs),
 * not by timing. The binary runs the bundle in dist/bin/ (scripts/bundle.mjs):
 * a loaded chunk stands for the modules it packs, named by its `// dist/…` and
 * `// node_modules/…` comments.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const HOOK = pathToFileURL(path.join(ROOT, 'test/helpers/module-log.mjs')).href;

async function loaded(args: string[]): Promise<{ code: number | null; stdout: string; modules: string[] }> {
  const r = await runCli(args, { env: { NODE_OPTIONS: `--import=${HOOK}` } });
  const files = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice('LOADED '.length));
  return { code: r.code, stdout: r.stdout, modules: [...new Set(files.flatMap(modulesIn))] };
}

const BUNDLE = pathToFileURL(path.join(ROOT, 'dist/bin')).href + '/';

/** The modules a loaded file stands for: a chunk of the bundle, the modules it packs; any other file, itself. */
function modulesIn(url: string): string[] {
  if (!url.startsWith(BUNDLE)) return [url.replace(pathToFileURL(ROOT).href + '/', '')];
  const text = readFileSync(fileURLToPath(url), 'utf8');
  return [...text.matchAll(/^\/\/ ((?:dist|node_modules)\/\S+)$/gm)].map((m) => m[1]!);
}

const some = (modules: string[], part: string): string[] => modules.filter((m) => m.includes(part));

const HEAVY = ['node_modules/zod/', 'node_modules/csv-parse/', 'node_modules/write-excel-file/', 'node_modules/@stdlib/', 'dist/pipeline/', 'dist/ingest/', 'dist/metrics/', 'dist/report/', 'dist/cli/commands/report.js'];

describe('start-up loads only what the run needs', () => {
  it.each([[['--version']], [['--help']], [['--config', 'x.json', '--help']], [['nosuchcommand']]])('%j: commander and the command list only', async (args) => {
    const { modules } = await loaded(args);
    expect(some(modules, 'dist/cli/program.js')).toHaveLength(1); // the log works
    // bin/channelbench.cjs starts the bundle with V8 tuned for start-up: that one small module of pipeline/.
    for (const heavy of HEAVY) expect(some(modules, heavy).filter((m) => m !== 'dist/pipeline/v8-tuning.js'), heavy).toEqual([]);
    expect(modules.length).toBeLessThan(40);
  });

  it('the command list still shows every command with [options]', async () => {
    const { stdout } = await loaded(['--help']);
    for (const name of ['report', 'cohorts', 'crosschannel', 'clv', 'validate', 'channels', 'init', 'sql']) expect(stdout).toMatch(new RegExp(`^  ${name} \\[options\\] `, 'm'));
    expect(stdout).toMatch(/^ {2}help \[command\] /m);
  });

  it.each([
    [['report', '--help'], 'commands/report.js'],
    [['help', 'clv'], 'commands/clv.js'],
    [['--quiet', 'sql', '--help'], 'commands/sql.js'],
  ])('%j loads that command and no other', async (args, mine) => {
    const { code, modules } = await loaded(args);
    expect(code).toBe(0);
    const commands = some(modules, 'dist/cli/commands/').filter((m) => !m.endsWith('descriptions.js'));
    expect(commands).toEqual([`dist/cli/${mine}`]);
  });

  it('a JSON report: no other command, no xlsx writer, no CLV model, no SQL', async () => {
    const { code, modules } = await loaded(['report', '--orders', 'fixtures/demo/orders.csv', '--format', 'json', '--output', '/dev/null']);
    expect(code).toBe(0);
    expect(some(modules, 'dist/pipeline/report.js')).toHaveLength(1);
    for (const heavy of ['node_modules/write-excel-file/', 'node_modules/@stdlib/', 'dist/models/', 'dist/sql/', 'dist/cli/commands/clv.js']) expect(some(modules, heavy), heavy).toEqual([]);
  });

  it.each([
    ['report', ['--format', 'json'], ['dist/report/formats/json.js'], ['node_modules/cli-table3/', 'dist/report/formats/table.js', 'dist/report/formats/html.js', 'node_modules/fflate/']],
    ['report', ['--format', 'table'], ['dist/report/formats/table.js', 'node_modules/cli-table3/'], ['dist/report/formats/html.js', 'dist/report/formats/markdown.js', 'node_modules/fflate/']],
    ['cohorts', ['--format', 'csv'], [], ['dist/report/cohorts/table.js', 'dist/report/formats/html-cohorts.js', 'node_modules/cli-table3/']],
    ['crosschannel', ['--format', 'markdown'], ['dist/report/crosschannel/markdown.js'], ['dist/report/crosschannel/table.js', 'dist/report/formats/html-crosschannel.js']],
  ])('%s %j loads its renderer only', async (command, flags, mine, others) => {
    const { code, modules } = await loaded([command, '--data', 'fixtures/demo', '--output', '/dev/null', ...flags]);
    expect(code).toBe(0);
    for (const m of mine) expect(some(modules, m), m).not.toEqual([]);
    for (const m of others) expect(some(modules, m), m).toEqual([]);
  });

  // The zod schemas of files a run may read are built only when it reads one
  // (the flags' own small schemas load with zod for every command).
  const FILE_SCHEMAS = ['dist/config/schema.js', 'dist/benchmarks/schema.js', 'dist/report/schema.js', 'dist/summary/schema.js'];

  it('a report without a config, benchmarks, baseline or summary file builds none of their schemas', async () => {
    const { code, modules } = await loaded(['report', '--orders', 'fixtures/demo/orders.csv', '--format', 'json', '--output', '/dev/null']);
    expect(code).toBe(0);
    expect(some(modules, 'node_modules/zod/')).not.toEqual([]); // the flags
    for (const schema of FILE_SCHEMAS) expect(some(modules, schema), schema).toEqual([]);
  });

  it.each([
    [['--config', 'fixtures/demo/channelbench.config.json'], ['dist/config/schema.js']],
    [['--benchmarks', 'fixtures/benchmarks.example.json'], ['dist/benchmarks/schema.js']],
    [['--format', 'summary'], ['dist/summary/schema.js']],
  ])('a report with %j builds %j', async (flags, schemas) => {
    const { code, modules } = await loaded(['report', '--orders', 'fixtures/demo/orders.csv', '--format', 'json', '--output', '/dev/null', ...flags]);
    expect(code).toBe(0);
    for (const schema of schemas) expect(some(modules, schema), schema).toHaveLength(1);
  });

  it('a file read on two threads loads the orders worker (the bundle keeps it beside the code that starts it)', async () => {
    const r = await runCli(['validate', '--orders', 'fixtures/golden/orders.csv'], { env: { NODE_OPTIONS: `--import=${HOOK}`, CHANNELBENCH_WORKER_MIN_BYTES: '0' } });
    expect(r.code).toBe(0);
    const files = r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice('LOADED '.length));
    expect(files.flatMap(modulesIn)).toContain('dist/ingest/fast-orders/worker.js');
  });

  it('an xlsx report loads the workbook writer', async () => {
    const { code, modules } = await loaded(['report', '--orders', 'fixtures/demo/orders.csv', '--format', 'xlsx', '--output', '/dev/null']);
    expect(code).toBe(0);
    expect(some(modules, 'node_modules/write-excel-file/').length).toBeGreaterThan(0);
  });
});
