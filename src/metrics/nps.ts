import { NULL_REASONS } from './definitions.js';
import type { Samples } from './figures.js';
import { known, unknown, type Outcome } from './outcome.js';

/** Promoters score 9–10. */
export const isPromoter = (score: number): boolean => score >= 9;
/** Detractors score 0–6. */
export const isDetractor = (score: number): boolean => score <= 6;

/**
 * Net promoter score.
 *
 *     nps = 100 × (promoters − detractors) / answers
 *
 * Null ('no survey answers') when there are no answers.
 * @example nps({ promoters: 2, detractors: 1, n: 4 }) // { value: 25 }
 */
export function nps(sample: Samples['nps']): Outcome {
  return sample.n === 0 ? unknown(NULL_REASONS.noSurveyAnswers) : known((100 * (sample.promoters - sample.detractors)) / sample.n);
}
