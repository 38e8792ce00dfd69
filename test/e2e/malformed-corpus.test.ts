/**
 * The malformed-input corpus (test/helpers/malformed-corpus.ts, seed 13) run
 * through the built program (in this process, test/helpers/run-in-process.ts): exit codes in {0,1,2,3}, no stack trace, failing runs
 * name their input and leave no --output file, csv/tsv text cells are
 * spreadsheet-safe, JSON input statistics add up. A larger run (more variants,
 * the 8 MB line and the gzip past the JSON limit) is malformed-corpus.slow.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../helpers/malformed-corpus.js';
import { runCorpus } from '../helpers/run-corpus.js';

describe('malformed-input corpus', () => {
  it('every case ends in a clean exit with a message naming its input', async () => {
    // At most 3 cases per category here (the machine is shared); the slow run takes them all.
    const seen = new Map<string, number>();
    const corpus = buildCorpus(13).filter((c) => {
      const n = (seen.get(c.category) ?? 0) + 1;
      seen.set(c.category, n);
      return n <= 3 || c.category === 'formula';
    });
    const outcomes = await runCorpus(corpus);
    // The corpus exercises both outcomes: refused inputs and runs that succeed.
    expect(outcomes.filter((o) => o.code === 0).length).toBeGreaterThan(10);
    expect(outcomes.filter((o) => o.code === 2 || o.code === 3).length).toBeGreaterThan(15);
  }, 240_000);
});
