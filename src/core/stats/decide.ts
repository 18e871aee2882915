import type { ChangeInterval } from './interval.js';

/** What an interval says about a change against a threshold. */
export type IntervalVerdict = 'regressed' | 'improved' | 'unchanged' | 'inconclusive';

/** A rate (sRPS) is better higher; a cost (CPU, DB time, memory per request) is better lower. */
export type Better = 'higher' | 'lower';

/**
 * Regressed or improved only when the whole interval lies beyond the threshold;
 * unchanged only when it lies wholly within; anything else the data cannot tell apart.
 * The interval is of head ÷ baseline − 1, so for a cost a rise is the regression.
 */
export function decide(interval: Pick<ChangeInterval, 'lower' | 'upper'>, threshold: number, better: Better = 'higher'): IntervalVerdict {
  const [worse, improved] =
    better === 'higher' ? [interval.upper < -threshold, interval.lower > threshold] : [interval.lower > threshold, interval.upper < -threshold];
  if (worse) return 'regressed';
  if (improved) return 'improved';
  if (interval.lower >= -threshold && interval.upper <= threshold) return 'unchanged';
  return 'inconclusive';
}
