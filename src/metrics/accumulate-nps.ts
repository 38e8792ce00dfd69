/**
 * Survey answers → per-cell promoter, detractor and answer counts.
 */
import { channelKey, UNKNOWN_CHANNEL, type NpsAnswer } from '../model.js';
import type { Acquisitions } from './acquisition.js';
import type { CellGrid } from './cell-grid.js';
import { isDetractor, isPromoter } from './nps.js';
import type { PeriodLocator } from './period-locator.js';

/** Index of the channel named UNKNOWN_CHANNEL (trimmed, case-insensitive, as channel names compare), or -1. */
export function unknownChannelIndex(channels: readonly string[]): number {
  return channels.findIndex((name) => channelKey(name) === UNKNOWN_CHANNEL);
}

/**
 * The column an answer counts in: its own channel; else, when its customer was
 * acquired at or before the answer, the customer's acquisition channel; else the
 * UNKNOWN_CHANNEL channel; else (no such channel) the grid's unattributed column,
 * which only the total row sees.
 */
export function answerColumn(answer: NpsAnswer, acq: Acquisitions, unknownIndex: number, grid: CellGrid): number {
  if (answer.channel >= 0) {
    if (answer.channel >= grid.channelCount) throw new RangeError(`a survey answer has channel ${answer.channel} of ${grid.channelCount}`);
    return answer.channel;
  }
  const c = answer.customer;
  if (c >= 0 && c < acq.time.length && acq.time[c]! <= answer.time) return acq.channel[c]!;
  return unknownIndex >= 0 ? unknownIndex : grid.unattributed;
}

/**
 *     answers(P, c)    = number of answers of c dated in [P.start, T(P))
 *     promoters(P, c)  = those scoring 9–10;  detractors(P, c) = those scoring 0–6
 */
export function accumulateNps(answers: readonly NpsAnswer[], channels: readonly string[], acq: Acquisitions, locate: PeriodLocator, grid: CellGrid): void {
  const unknownIndex = unknownChannelIndex(channels);
  for (const a of answers) {
    const p = locate(a.time);
    if (p < 0) continue;
    const cell = grid.cell(p, answerColumn(a, acq, unknownIndex, grid));
    grid.answers[cell]!++;
    if (isPromoter(a.score)) grid.promoters[cell]!++;
    else if (isDetractor(a.score)) grid.detractors[cell]!++;
  }
}
