/**
 * The 50 MB line cases of SPEC §1 (input-errors.test.ts has the rest): a huge
 * field or header is an input error (exit 3) with one clear line, not an
 * out-of-memory crash — on the worker that reads bytes and on one thread.
 * `npm run test:slow`.
 */
import { describe, expect, it } from 'vitest';
import { expectClean, tempFile } from '../helpers/input-errors.js';
import { runCli } from '../helpers/run-cli.js';

describe('memory does not grow with line length', () => {
  it('a 50 MB single-line field is an input error (exit 3), not an out-of-memory crash', async () => {
    const file = tempFile('huge.csv', `order_id,date,revenue\nA,2024-01-01,"${'x'.repeat(50 * 1024 * 1024)}\n`);
    const r = await runCli(['validate', '--orders', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/huge\.csv:2: a record is larger than 8 MB \(an unclosed quote\?\)/);
    expectClean(r);
  });
  it('a 50 MB unquoted field is too, on the worker that reads bytes (a file this large uses it) and on one thread', async () => {
    const file = tempFile('huge-plain.csv', `order_id,date,revenue\nA,2024-01-01,5\nB,2024-01-01,${'x'.repeat(50 * 1024 * 1024)}\n`);
    for (const env of [{}, { CHANNELBENCH_WORKER_MIN_BYTES: '1000000000000' }]) {
      const r = await runCli(['validate', '--orders', file], { env });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/huge-plain\.csv:3: a record is larger than 8 MB/);
      expectClean(r);
    }
  });
  it('a 50 MB header line is an input error too', async () => {
    const file = tempFile('huge-header.csv', `${'y'.repeat(50 * 1024 * 1024)}\n`);
    const r = await runCli(['validate', '--orders', file]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the header line is longer than 8 MB');
    expectClean(r);
  });
});
