/** Shared by the input-error e2e tests: temporary input files, and "no stack trace" checks. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { CliResult } from './run-cli.js';

const NO_STACK = /\bat .+\.(js|ts):\d+:\d+/;

/** Writes `text` to a new temporary file named `name`; returns its path. */
export function tempFile(name: string, text: string | Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cb-')), name);
  writeFileSync(file, text);
  return file;
}

/** stderr has no stack trace and no "internal error". */
export function expectClean(r: CliResult): void {
  expect(r.stderr).not.toMatch(NO_STACK);
  expect(r.stderr).not.toContain('internal error');
}
