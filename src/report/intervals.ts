/**
 * Which metrics have sampling error, and so a confidence interval (issue #4):
 * rates (Wilson), NPS (normal), means (t).
 */
import type { MetricKey } from '../model.js';

const WITH_INTERVAL: ReadonlySet<MetricKey> = new Set(['aov', 'clv', 'conversion_rate', 'retention_rate', 'returning_rate', 'nps']);

export function hasInterval(key: MetricKey): boolean {
  return WITH_INTERVAL.has(key);
}
