/**
 * Differential: running the program in the test process (runInProcess, the
 * `run(argv, io)` the binary calls) gives exactly what spawning the binary
 * gives — stdout, stderr and exit code — on a sample of runs covering every
 * command, errors of each exit code, help, stdin and an orders file on the
 * worker thread. This is what lets the large tables of runs use runInProcess.
 */
import { describe, expect, it } from 'vitest';
import { fixture, runCli, type CliResult, type RunOptions } from '../helpers/run-cli.js';
import { runInProcess } from '../helpers/run-in-process.js';

const scrub = (r: CliResult): CliResult => ({ ...r, stdout: r.stdout.replace(/"generated_at": ?"[^"]*"/g, '') });

// Small inputs (the golden fixture: four roles, 12 orders) except where size is the point.
const GOLDEN = ['--data', fixture('golden')];
const CASES: [string, string[], RunOptions?][] = [
  ['report table (monthly)', ['report', ...GOLDEN, '--period', 'month']],
  ['report json of the demo on the worker thread', ['report', '--data', fixture('demo'), '--format', 'json', '--last', '3m'], { env: { CHANNELBENCH_WORKER_MIN_BYTES: '0' } }],
  ['report markdown with a gate', ['report', ...GOLDEN, '--format', 'markdown', '--benchmarks', fixture('benchmarks.example.json'), '--fail-on', 'worse']],
  ['orders from stdin, csv', ['report', '--orders', '-', '--format', 'csv'], { stdin: 'order_id,date,revenue,channel\nA,2024-01-01,12.5,web\nB,2024-01-02,=3,store\n' }],
  ['validate with invalid rows (exit 3)', ['validate', '--orders', fixture('ingest', 'bad-rows.csv')]],
  ['cohorts', ['cohorts', ...GOLDEN, '--format', 'markdown']],
  ['crosschannel', ['crosschannel', '--data', fixture('crosschannel'), '--format', 'csv']],
  ['clv json', ['clv', ...GOLDEN, '--format', 'json']],
  ['sql', ['sql', '--dialect', 'postgres', '--from', '2024-01-01', '--to', '2024-03-31']],
  ['channels', ['channels', ...GOLDEN]],
  ['unknown flag (exit 2)', ['report', ...GOLDEN, '--frmat', 'json']],
  ['bad flag value (exit 2)', ['report', ...GOLDEN, '--period', 'fortnight']],
  ['missing file (exit 3)', ['report', '--orders', 'no/such/file.csv']],
  ['help of a command', ['help', 'report']],
  ['version', ['--version']],
  ['COLUMNS from the environment', ['report', ...GOLDEN], { env: { COLUMNS: '72' } }],
];

describe('in-process runs = spawned runs', () => {
  it.each(CASES)('%s', async (_name, args, opts) => {
    const [spawned, inProcess] = await Promise.all([runCli(args, opts), runInProcess(args, opts)]);
    expect(spawned.stdout.length + spawned.stderr.length).toBeGreaterThan(0);
    expect(scrub(inProcess)).toEqual(scrub(spawned));
  });
});
