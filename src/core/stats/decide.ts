import type { ChangeInterval } from './interval.js';

/** What an interval says about a change against a threshold. */
export type IntervalVerdict = 'regressed' | 'improved' | 'unchanged' | 'inconclusive';

/**
 * Regressed or improved only when the whole interval lies beyond the threshold;
 * unchanged only when it lies wholly within; anything else the data cannot tell apart.
 * The metric is a rate, so higher is better.
 */
export function decide(interval: Pick<ChangeInterval, 'lower' | 'upper'>, threshold: number): IntervalVerdict {
  if (interval.upper < -threshold) return 'regressed';
  if (interval.lower > threshold) return 'improved';
  if (interval.lower >= -threshold && interval.upper <= threshold) return 'unchanged';
  return 'inconclusive';
}
