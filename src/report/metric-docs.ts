/**
 * The README's "Metric definitions" table, generated from the registry
 * (test/readme.test.ts fails when the README drifts from it; `npm run docs` rewrites it).
 */
import { METRIC_KEYS } from '../model.js';
import { METRICS } from '../metrics/definitions.js';

const UNIT_TEXT = { count: 'count', money: 'money', rate: 'fraction (% on screen)', ratio: 'ratio', score: 'score −100…100' } as const;

export function renderMetricTable(): string {
  const lines = ['| key | label | unit | better | definition |', '|---|---|---|---|---|'];
  for (const key of METRIC_KEYS) {
    const m = METRICS[key];
    lines.push(`| \`${key}\` | ${m.label} | ${UNIT_TEXT[m.unit]} | ${m.better} | ${m.definition.replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n') + '\n';
}

export const METRIC_TABLE_START = '<!-- metrics:start (generated from src/metrics/definitions.ts by npm run docs) -->';
export const METRIC_TABLE_END = '<!-- metrics:end -->';
