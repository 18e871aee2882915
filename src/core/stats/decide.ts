import { logChangeInterval, type ChangeInterval } from './interval.js';

/** What an interval says about a change against a threshold. */
export type IntervalVerdict = 'regressed' | 'improved' | 'unchanged' | 'inconclusive';

/** A rate (sRPS) is better higher; a cost (CPU, DB time, memory per request) is better lower. */
export type Better = 'higher' | 'lower';

/**
 * Regressed or improved only when the whole interval lies beyond the threshold. Unchanged when
 * both one-sided tests of "no change beyond the threshold" pass (TOST, Schuirmann 1987): the
 * interval at twice the interval's own error rate (a 90 % one beside a 95 % one, both look-corrected)
 * lies wholly within; an interval without a log scale must lie within itself. Anything else the
 * data cannot tell apart. The interval is of head ÷ baseline − 1, so for a cost a rise is the regression.
 */
export function decide(
  interval: Pick<ChangeInterval, 'lower' | 'upper'> & Partial<ChangeInterval>,
  threshold: number,
  better: Better = 'higher',
): IntervalVerdict {
  const [worse, improved] =
    better === 'higher' ? [interval.upper < -threshold, interval.lower > threshold] : [interval.lower > threshold, interval.upper < -threshold];
  if (worse) return 'regressed';
  if (improved) return 'improved';
  const equivalence = equivalenceInterval(interval);
  if (equivalence.lower >= -threshold && equivalence.upper <= threshold) return 'unchanged';
  return 'inconclusive';
}

/** The interval the two one-sided tests read: the same centre and error at confidence 1 − 2 (1 − confidence). */
export function equivalenceInterval(interval: Pick<ChangeInterval, 'lower' | 'upper'> & Partial<ChangeInterval>): Pick<ChangeInterval, 'lower' | 'upper'> {
  const { log, df, confidence } = interval;
  if (!log || df === undefined || confidence === undefined || log.se === 0 || !(confidence > 0.5)) return interval;
  return logChangeInterval(log.center, log.se ** 2, df, 1 - 2 * (1 - confidence));
}
