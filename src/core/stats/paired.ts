import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { mean, sampleVariance } from './describe.js';
import type { ChangeInterval, RunSample } from './interval.js';
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

/**
 * The relative change head ÷ base − 1 from pairs: a paired t interval on the log ratio of
 * each pair. Whatever the runner did to both runs of a pair (a neighbour's job, a slower
 * minute) cancels in the ratio; only what differs within the pair is noise. The variance
 * of one log ratio is the floor's (a run's between-run variance, twice: two runs a pair)
 * trusted with `noise.df` degrees of freedom, pooled with the pairs' own spread (n − 1 df),
 * and never below what the runs' own blocks show: the same prior as the unpaired interval,
 * so one pair does not claim a certainty it lacks. Every value must be positive.
 */
export function pairedChangeInterval(pairs: readonly SamplePair[], noise: NoiseFloor, confidence: number): ChangeInterval {
  if (pairs.length === 0) throw new RangeError('pairedChangeInterval: no pairs.');
  if (pairs.some((pair) => !(pair.base.value > 0) || !(pair.head.value > 0))) throw new RangeError('pairedChangeInterval: a sample ≤ 0.');
  const ratios = pairs.map((pair) => Math.log(pair.head.value) - Math.log(pair.base.value));
  const n = ratios.length;
  const df = noise.df + n - 1;
  const pooled = df === 0 ? 0 : (noise.df * 2 * logVarianceOfCov(noise.cov) + (n - 1) * sampleVariance(ratios)) / df;
  const within = mean(pairs.map((pair) => blockVariance(pair.base) + blockVariance(pair.head)));
  const variance = Math.max(pooled, within) / n;
  const difference = mean(ratios);
  const half = variance === 0 ? 0 : tQuantile(1 - (1 - confidence) / 2, Math.max(df, 1)) * Math.sqrt(variance);
  return {
    estimate: Math.expm1(difference),
    lower: Math.expm1(difference - half),
    upper: Math.expm1(difference + half),
    confidence,
    df: variance === 0 ? Infinity : Math.max(df, 1),
  };
}
