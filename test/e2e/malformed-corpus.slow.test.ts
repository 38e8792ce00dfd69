/**
 * The larger malformed-input corpus: three seeds at scale 3 (more truncation
 * points and ragged variants) plus the big cases — a line past 8 MB and a gzip
 * JSON inflating past the 256 MB document limit.
 */
import { describe, it } from 'vitest';
import { buildCorpus } from '../helpers/malformed-corpus.js';
import { runCorpus } from '../helpers/run-corpus.js';

describe('malformed-input corpus (slow)', () => {
  for (const seed of [13, 1, 2]) {
    it(`seed ${seed}`, async () => {
      await runCorpus(buildCorpus(seed, 3), 2);
    }, 600_000);
  }
});
