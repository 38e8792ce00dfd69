/**
 * `--output` onto a device or a pipe writes into it: the atomic temp-file +
 * rename would replace `/dev/null` (or a FIFO) with a regular file. Checked on a
 * FIFO of our own, so a regression cannot damage the machine's /dev/null.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, lstatSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cb-fifo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--output onto a FIFO', () => {
  it('writes the report into the pipe and leaves the pipe a pipe', async () => {
    const fifo = path.join(dir, 'kpi.csv');
    execFileSync('mkfifo', [fifo]);
    const chunks: Buffer[] = [];
    const read = new Promise<string>((resolve, reject) => {
      const s = createReadStream(fifo);
      s.on('data', (b) => chunks.push(Buffer.from(b)));
      s.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      s.on('error', reject);
    });
    const r = await runCli(['report', '--data', fixture('golden'), '--format', 'csv', '--output', fifo]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await read).split('\r\n')[0]).toMatch(/^period_start,period_end,partial,channel,orders,/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});
