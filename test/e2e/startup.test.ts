/**
 * Start-up loads only what the run needs (src/cli/program.ts,
 * docs/performance.md): `--version` and `--help` load commander and the
 * command list, no command, pipeline, zod or renderer; a command loads itself
 * and not the others; a report loads write-excel-file only for --format xlsx.
 * Checked by logging every module the binary loads (test/helpers/module-log.mjs),
 * not by timing.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const HOOK = pathToFileURL(path.join(ROOT, 'test/helpers/module-log.mjs')).href;

async function loaded(args: string[]): Promise<{ code: number | null; stdout: string; modules: string[] }> {
  const r = await runCli(args, { env: { NODE_OPTIONS: `--import=${HOOK}` } });
  const modules = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice('LOADED '.length).replace(pathToFileURL(ROOT).href + '/', ''));
  return { code: r.code, stdout: r.stdout, modules };
}

const some = (modules: string[], part: string): string[] => modules.filter((m) => m.includes(part));

const HEAVY = ['node_modules/zod/', 'node_modules/csv-parse/', 'node_modules/write-excel-file/', 'node_modules/@stdlib/', 'dist/pipeline/', 'dist/ingest/', 'dist/metrics/', 'dist/report/', 'dist/cli/commands/report.js'];

describe('start-up loads only what the run needs', () => {
  it.each([[['--version']], [['--help']], [['--config', 'x.json', '--help']], [['nosuchcommand']]])('%j: commander and the command list only', async (args) => {
    const { modules } = await loaded(args);
    expect(some(modules, 'dist/cli/program.js')).toHaveLength(1); // the log works
    for (const heavy of HEAVY) expect(some(modules, heavy), heavy).toEqual([]);
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

  it('an xlsx report loads the workbook writer', async () => {
    const { code, modules } = await loaded(['report', '--orders', 'fixtures/demo/orders.csv', '--format', 'xlsx', '--output', '/dev/null']);
    expect(code).toBe(0);
    expect(some(modules, 'node_modules/write-excel-file/').length).toBeGreaterThan(0);
  });
});
