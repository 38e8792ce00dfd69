import { describe, expect, it } from 'vitest';
import { describeValue, formatPath } from './issue-messages.js';

describe('formatPath', () => {
  it.each([
    [[], '(top level)'],
    [['tolerance'], 'tolerance'],
    [['metrics', 'cac', 'channels', 'store'], 'metrics.cac.channels.store'],
    [['metrics', 'aov', 'channels', 'Online Store'], 'metrics.aov.channels["Online Store"]'],
    [['metrics', 'aov', 'channels', 'e-mail', 'target'], 'metrics.aov.channels["e-mail"].target'],
    [['$schema'], '$schema'],
  ] as [PropertyKey[], string][])('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});

describe('describeValue', () => {
  it.each([
    ['45', '"45"'],
    [45, '45'],
    [true, 'true'],
    [null, 'null'],
    [undefined, 'nothing'],
    [[1], 'an array'],
    [{ a: 1 }, 'an object'],
    ['x'.repeat(50), `"${'x'.repeat(40)}…"`],
  ] as [unknown, string][])('%j → %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });
});
