/**
 * The program starts with V8 tuned for start-up (no inlining, a young
 * generation that does not grow) and returns to V8's defaults before long
 * work: 8 MB of inputs or more, standard input, CLV fits
 * (src/pipeline/v8-tuning.ts). The log (CHANNELBENCH_CODE_CACHE_LOG=1) says
 * when; the figures are the same either way.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { LONG_INPUT_BYTES } from '../../src/pipeline/v8-tuning.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { runInProcess } from '../helpers/run-in-process.js';

const LOG = { CHANNELBENCH_CODE_CACHE_LOG: '1' };
const dir = mkdtempSync(path.join(tmpdir(), 'cb-compiler-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const switches = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('v8: '));

describe('V8 tuning', () => {
  it('a short run (the demo report) keeps start-up tuning', async () => {
    const r = await runCli(['report', '--data', 'fixtures/demo', '--format', 'json'], { env: LOG });
    expect(r.code).toBe(0);
    expect(switches(r.stderr)).toEqual([]);
  });

  it('8 MB of inputs return V8 to its defaults before they are read, and give the figures of the library (V8 defaults)', async () => {
    // 200,000 one-line orders of ~45 bytes: 9 MB.
    const lines = ['order_id,customer_id,date,channel,revenue'];
    for (let i = 1; i <= 200_000; i++) lines.push(`${i},C${String(i % 5000).padStart(5, '0')},2024-0${1 + (i % 9)}-1${i % 10} 10:00:00,${i % 3 ? 'web' : 'store'},${(i % 97) + 0.5}`);
    const file = path.join(dir, 'orders.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    const bytes = Buffer.byteLength(readFileSync(file));
    expect(bytes).toBeGreaterThanOrEqual(LONG_INPUT_BYTES);
    const args = ['report', '--orders', file, '--format', 'json'];
    const r = await runCli(args, { env: LOG });
    expect(r.code).toBe(0);
    expect(switches(r.stderr)).toEqual([`v8: tuned for throughput (inputs of ${(bytes / 1048576).toFixed(1)} MB)`]);
    const lib = await runInProcess(args);
    expect(JSON.parse(r.stdout).rows).toEqual(JSON.parse(lib.stdout).rows);
    // Gzipped it is ~1 MB on disk, but 9 MB to read: the trailer's size counts.
    const gz = path.join(dir, 'orders.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(file)));
    expect(readFileSync(gz).length).toBeLessThan(LONG_INPUT_BYTES);
    const zipped = await runCli(['report', '--orders', gz, '--format', 'json'], { env: LOG });
    expect(switches(zipped.stderr)).toEqual([`v8: tuned for throughput (inputs of ${(bytes / 1048576).toFixed(1)} MB)`]);
    expect(JSON.parse(zipped.stdout).rows).toEqual(JSON.parse(r.stdout).rows);
  });

  it('standard input returns V8 to its defaults (its size is unknown)', async () => {
    const r = await runCli(['report', '--orders', '-', '--format', 'json'], { env: LOG, stdin: readFileSync(path.join(ROOT, 'fixtures/demo/orders.csv'), 'utf8') });
    expect(r.code).toBe(0);
    expect(switches(r.stderr)).toEqual(['v8: tuned for throughput (standard input)']);
  });

  it("CHANNELBENCH_V8_DEFAULTS=1 runs with V8's defaults from the start, with the same figures", async () => {
    const tuned = await runCli(['report', '--data', 'fixtures/demo', '--format', 'json'], { env: LOG });
    const plain = await runCli(['report', '--data', 'fixtures/demo', '--format', 'json'], { env: { ...LOG, CHANNELBENCH_V8_DEFAULTS: '1' } });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(tuned.stdout);
    // Its chunks take the caches written under V8's defaults (by the --help training run) or none, never the tuned ones.
    expect(plain.stderr.split('\n').filter((l) => l.startsWith('code cache ') && !/: (taken|none)$/.test(l))).toEqual([]);
  });

  it('clv returns V8 to its defaults before its model fits', async () => {
    const r = await runCli(['clv', '--data', 'fixtures/demo', '--format', 'json'], { env: LOG });
    expect(r.code).toBe(0);
    expect(switches(r.stderr)).toEqual(['v8: tuned for throughput (CLV model fits)']);
  });
});
