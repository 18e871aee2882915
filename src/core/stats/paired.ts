import { mean, sampleVariance } from './describe.js';
import { logChangeInterval, type ChangeInterval, type RunSample } from './interval.js';
import { logVarianceOfCov, type NoiseFloor } from './noise.js';

/** One repeat of a cell measured on both sides, back to back on the same runner. */
export interface SamplePair {
  base: RunSample;
  head: RunSample;
}

/** The variance of one run's mean from its own blocks (0 with fewer than two). */
function blockVariance(sample: RunSample): number {
  const blocks = (sample.blocks ?? []).filter((block) => block > 0).map(Math.log);
  return blocks.length < 2 ? 0 : sampleVariance(blocks) / blocks.length;
}

/** ln(head ÷ base) of each pair. */
export const logRatios = (pairs: readonly SamplePair[]): number[] => pairs.map((pair) => Math.log(pair.head.value) - Math.log(pair.base.value));

/** The variance of a pair's log ratio its runs' own blocks show: a floor for the between-pair variance. */
export const pairsBlockVariance = (pairs: readonly SamplePair[]): number => mean(pairs.map((pair) => blockVariance(pair.base) + blockVariance(pair.head)));

/**
 * The relative change head ÷ base − 1 from pairs: a paired t interval on the log ratio of
 * each pair. Whatever the runner did to both runs of a pair (a neighbour's job, a slower
 * minute) cancels in the ratio; only what differs within a pair is noise. The variance of
 * one log ratio is the larger of two: the pairs' own spread, with its n − 1 degrees of
 * freedom (the plain paired t, whose coverage holds at any noise), and the floor's (a run's
 * between-run variance, twice: two runs a pair) with the floor's df, so agreeing pairs claim
 * no more certainty than the runner allows and one pair still gets an interval. Never
 * below what the runs' own blocks show. Every value must be positive.
 */
export function pairedChangeInterval(pairs: readonly SamplePair[], noise: NoiseFloor, confidence: number): ChangeInterval {
  if (pairs.length === 0) throw new RangeError('pairedChangeInterval: no pairs.');
  if (pairs.some((pair) => !(pair.base.value > 0) || !(pair.head.value > 0))) throw new RangeError('pairedChangeInterval: a sample ≤ 0.');
  const ratios = logRatios(pairs);
  const n = ratios.length;
  const own = { variance: sampleVariance(ratios), df: n - 1 };
  const floor = { variance: 2 * logVarianceOfCov(noise.cov), df: noise.df };
  // The wider of the two intervals: the larger variance, with the fewer df when it is the pairs' own.
  const chosen = n > 1 && own.variance >= floor.variance ? own : floor;
  return logChangeInterval(mean(ratios), Math.max(chosen.variance, pairsBlockVariance(pairs)) / n, Math.max(chosen.df, 1), confidence);
}
