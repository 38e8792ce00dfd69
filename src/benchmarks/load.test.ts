/**
 * The benchmarks file: what parses, and the exact message lines of what does not
 * (ConfigError → exit code 2).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../cli/exit-code.js';
import { ConfigError } from '../errors.js';
import { parseBenchmarks, parseBenchmarksText, readBenchmarksFile } from './load.js';

const METRIC_LIST =
  'orders, revenue, refunds, net_revenue, aov, customers, new_customers, returning_rate, spend, cac, roas, sessions, conversion_rate, retention_rate, clv, clv_cac, nps, nps_responses, predicted_clv, predicted_clv_cac';

/** The SPEC §4 example, verbatim. */
const SPEC_EXAMPLE = `{
  "name": "Retail targets 2025",
  "tolerance": 0.05,
  "metrics": {
    "aov":             { "target": 85, "channels": { "store": 60, "email": 95 } },
    "cac":             { "target": 45, "better": "lower" },
    "conversion_rate": { "min": 0.02, "max": 0.05 },
    "retention_rate":  { "target": 0.28, "source": "2024 company average" },
    "clv_cac":         { "min": 3 },
    "nps":             { "target": 40 }
  }
}`;

/** The ConfigError thrown for `json`, checked to map to exit code 2; returns its message lines. */
function problems(json: unknown, label = 'benchmarks.json'): string[] {
  try {
    parseBenchmarks(json, label);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).code).toBe('BENCHMARKS_INVALID');
    expect(exitCodeFor(err)).toBe(2);
    return (err as Error).message.split('\n');
  }
  throw new Error('expected a ConfigError');
}

describe('valid benchmarks files', () => {
  it('the SPEC §4 example parses', () => {
    expect(parseBenchmarksText(SPEC_EXAMPLE, 'benchmarks.json')).toEqual({
      name: 'Retail targets 2025',
      tolerance: 0.05,
      metrics: {
        aov: { target: 85, channels: { store: 60, email: 95 } },
        cac: { target: 45, better: 'lower' },
        conversion_rate: { min: 0.02, max: 0.05 },
        retention_rate: { target: 0.28, source: '2024 company average' },
        clv_cac: { min: 3 },
        nps: { target: 40 },
      },
    });
  });

  it('file tolerance defaults to 0.05', () => {
    expect(parseBenchmarks({ metrics: {} }, 'b.json')).toEqual({ tolerance: 0.05, metrics: {} });
  });

  it('an init skeleton ("target": null with "observed") is accepted', () => {
    const b = parseBenchmarks({ metrics: { aov: { observed: 81.2, target: null }, cac: { observed: null, target: null } } }, 'b.json');
    expect(b.metrics.aov).toEqual({ observed: 81.2, target: null });
  });

  it('"target": null next to min/max is a range; overrides without a default; override objects', () => {
    const b = parseBenchmarks(
      {
        $schema: './benchmarks.schema.json',
        metrics: {
          clv_cac: { target: null, min: 3 },
          aov: { channels: { store: { min: 50, max: 70 }, web: { tolerance: 0.1 } } },
          nps: { target: -10, tolerance: 0 },
        },
      },
      'b.json',
    );
    expect(b.metrics.clv_cac).toEqual({ target: null, min: 3 });
    expect(b.metrics.aov?.channels).toEqual({ store: { min: 50, max: 70 }, web: { tolerance: 0.1 } });
  });
});

describe('malformed benchmarks files: one line per problem, all at once', () => {
  it('1. a wrong type', () => {
    expect(problems({ metrics: { aov: { target: '85' } } })).toEqual(['benchmarks.json: metrics.aov.target: expected a number, got "85"']);
  });

  it('2. an unknown metric lists the valid ones', () => {
    expect(problems({ metrics: { ctr: { target: 0.02 } } })).toEqual([`benchmarks.json: metrics.ctr: unknown metric "ctr" (metrics: ${METRIC_LIST})`]);
  });

  it('3. target and min/max together', () => {
    expect(problems({ metrics: { aov: { target: 85, min: 80 } } })).toEqual(['benchmarks.json: metrics.aov: give either target or min/max, not both']);
  });

  it('4. min above max', () => {
    expect(problems({ metrics: { conversion_rate: { min: 5, max: 3 } } })).toEqual(['benchmarks.json: metrics.conversion_rate: min 5 is above max 3']);
  });

  it('5. an unknown key (a typo) names the key and the allowed ones', () => {
    expect(problems({ metrics: { aov: { traget: 85 } } })).toEqual([
      'benchmarks.json: metrics.aov.traget: unknown key "traget" (allowed: target, min, max, tolerance, better, source, min_sample, channels, observed)',
      'benchmarks.json: metrics.aov: give a target, or min and/or max (or "target": null to leave it unset)',
    ]);
    expect(problems({ metrics: {}, tolerence: 0.1 })).toEqual(['benchmarks.json: tolerence: unknown key "tolerence" (allowed: $schema, name, tolerance, metrics)']);
  });

  it('6. a negative tolerance, in the file and in an entry', () => {
    expect(problems({ tolerance: -0.05, metrics: { nps: { target: 40, tolerance: -1 } } })).toEqual([
      'benchmarks.json: tolerance: expected a number ≥ 0, got -0.05',
      'benchmarks.json: metrics.nps.tolerance: expected a number ≥ 0, got -1',
    ]);
  });

  it('7. a bad `better`', () => {
    expect(problems({ metrics: { cac: { target: 45, better: 'less' } } })).toEqual(['benchmarks.json: metrics.cac.better: expected "higher" or "lower", got "less"']);
  });

  it('8. channels that are not an object', () => {
    expect(problems({ metrics: { aov: { target: 85, channels: ['store', 60] } } })).toEqual(['benchmarks.json: metrics.aov.channels: expected an object, got an array']);
  });

  it('9. a channel target written as a string', () => {
    expect(problems({ metrics: { cac: { target: 45, channels: { store: '45' } } } })).toEqual(['benchmarks.json: metrics.cac.channels.store: expected a number, got "45"']);
  });

  it('10. a JSON syntax error names line and column', () => {
    const text = '{\n  "metrics": {\n    "aov": { "target": 85, }\n  }\n}';
    let message = '';
    try {
      parseBenchmarksText(text, 'benchmarks.json');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).code).toBe('BENCHMARKS_NOT_JSON');
      expect(exitCodeFor(err)).toBe(2);
      message = (err as Error).message;
    }
    const parserMessage = ((): string => {
      try {
        JSON.parse(text);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(parserMessage).toMatch(/at position 44/); // Node 20: 'Expected double-quoted property name in JSON at position 44'
    expect(message).toBe(`benchmarks.json: line 3, column 28: not valid JSON (${parserMessage})`);
  });

  it('11. not an object at all, and a missing `metrics`', () => {
    expect(problems([1, 2])).toEqual(['benchmarks.json: (top level): expected an object, got an array']);
    expect(problems({ name: 'x' })).toEqual(['benchmarks.json: metrics: missing: expected an object']);
    expect(problems({ metrics: { revenue: 1000 } })).toEqual(['benchmarks.json: metrics.revenue: expected an object, got 1000']);
  });

  it('12. channel overrides: bad forms, keys with spaces, duplicates after trimming and case folding', () => {
    expect(
      problems({
        metrics: {
          aov: {
            target: 85,
            channels: { 'Online Store': { target: 'x', zz: 1 }, store: { min: 70, max: 50 }, ' STORE': 4, email: {}, web: true, app: [60] },
          },
        },
      }),
    ).toEqual([
      'benchmarks.json: metrics.aov.channels["Online Store"].target: expected a number, got "x"',
      'benchmarks.json: metrics.aov.channels["Online Store"].zz: unknown key "zz" (allowed: target, min, max, tolerance)',
      'benchmarks.json: metrics.aov.channels.store: min 70 is above max 50',
      'benchmarks.json: metrics.aov.channels.email: give a target, min and/or max, or a tolerance',
      'benchmarks.json: metrics.aov.channels.web: expected a number, got true',
      'benchmarks.json: metrics.aov.channels.app: expected a number or an object, got an array',
      'benchmarks.json: metrics.aov.channels[" STORE"]: same channel as "store" (channel names are compared trimmed and case-insensitively)',
    ]);
  });

  it('13. every problem of a file at once', () => {
    expect(
      problems({
        tolerance: '5%',
        metrics: { ctr: { target: 0.02 }, cac: { target: 45, min: 30, better: 'down' }, nps: { source: 2024 } },
      }),
    ).toEqual([
      'benchmarks.json: tolerance: expected a number, got "5%"',
      'benchmarks.json: metrics.cac.better: expected "higher" or "lower", got "down"',
      'benchmarks.json: metrics.cac: give either target or min/max, not both',
      'benchmarks.json: metrics.nps.source: expected a string, got 2024',
      'benchmarks.json: metrics.nps: give a target, or min and/or max (or "target": null to leave it unset)',
      `benchmarks.json: metrics.ctr: unknown metric "ctr" (metrics: ${METRIC_LIST})`,
    ]);
  });

  it('14. benchmarks inlined in the config: the label and a path prefix', () => {
    expect(() => parseBenchmarks({ metrics: { cac: { target: 45, channels: { store: '45' } } } }, 'channelbench.config.json', 'benchmarks')).toThrow(
      'channelbench.config.json: benchmarks.metrics.cac.channels.store: expected a number, got "45"',
    );
  });
});

describe('readBenchmarksFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'channelbench-benchmarks-'));

  it('reads a file (a UTF-8 BOM is ignored)', async () => {
    const file = path.join(dir, 'ok.json');
    writeFileSync(file, `\uFEFF${SPEC_EXAMPLE}`);
    expect((await readBenchmarksFile(file, 'ok.json')).metrics.cac).toEqual({ target: 45, better: 'lower' });
  });

  it('a missing file or a directory is a ConfigError naming it', async () => {
    await expect(readBenchmarksFile(path.join(dir, 'nope.json'), 'nope.json')).rejects.toThrow('nope.json: cannot read the benchmarks file (no such file)');
    mkdirSync(path.join(dir, 'sub'));
    await expect(readBenchmarksFile(path.join(dir, 'sub'), 'sub')).rejects.toThrow('sub: cannot read the benchmarks file (it is a directory)');
  });

  it('an invalid file lists its problems with the label given', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, '{"metrics":{"aov":{"min":5,"max":3}}}');
    await expect(readBenchmarksFile(file)).rejects.toThrow(`${file}: metrics.aov: min 5 is above max 3`);
  });

  it('an empty file is not valid JSON', async () => {
    const file = path.join(dir, 'empty.json');
    writeFileSync(file, '');
    await expect(readBenchmarksFile(file, 'empty.json')).rejects.toThrow(/^empty\.json: not valid JSON \(/);
  });
});
