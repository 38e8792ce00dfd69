/**
 * Spawns the built binary (bin/channelbench.cjs → dist/) with a scrubbed
 * environment and returns stdout, stderr and the exit code.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/channelbench.cjs');
export const SHARED = path.resolve(ROOT, '../shared');
export const DATASETS = path.join(SHARED, 'datasets');

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  stdin?: string | Buffer;
}

/** The environment a test run gets: PATH, no colour, UTC, the C locale, and what the test adds. */
export function scrubbedEnv(extra: Record<string, string> | undefined): Record<string, string> {
  return { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', TZ: 'UTC', LANG: 'C', ...extra };
}

export function runCli(args: string[], opts: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: scrubbedEnv(opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code }));
    if (opts.stdin !== undefined) child.stdin.end(opts.stdin);
    else child.stdin.end();
  });
}

/** Path of a file under fixtures/. */
export function fixture(...parts: string[]): string {
  return path.join(ROOT, 'fixtures', ...parts);
}
