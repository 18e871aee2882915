import type { Better } from '../stats/decide.js';
import type { ChangeInterval } from '../stats/interval.js';
import { tUpperTail } from '../stats/tails.js';

/**
 * One false-alarm rate per comparison, not per cell: every regressed or improved verdict an
 * interval made is a claim, and Holm's step-down (Holm 1979) over all of them keeps the chance
 * of any false claim in the comparison at α = 1 − confidence. Exact query counts are not
 * statistical and are not in the family.
 */
export interface Family {
  method: 'holm';
  /** Hypotheses tested: two (regressed, improved) for every interval of the comparison. */
  hypotheses: number;
  alpha: number;
  /** Regressed or improved verdicts the family did not confirm: read as inconclusive. */
  withheld: number;
}

/** One interval of the comparison, which way is better, and the verdict the interval read. */
export interface FamilyTest {
  interval: ChangeInterval;
  better: Better;
  verdict: string;
}

/**
 * One-sided p-values of "beyond the threshold" either way, from the interval's log-scale centre
 * and standard error with its t df: a claim's p-value is below (1 − c) / 2 exactly when the
 * interval at confidence c lies wholly beyond that side's threshold (decide()). An exact change
 * (se 0) has p 0 beyond the threshold, else 1.
 */
export function claimPValues(interval: Pick<ChangeInterval, 'log' | 'df'>, threshold: number, better: Better): { regressed: number; improved: number } {
  const { center, se } = interval.log;
  const below = Math.log1p(-threshold) - center; // > 0 when the centre lies below −threshold
  const above = center - Math.log1p(threshold);
  const p = (distance: number) => (se === 0 ? (distance > 0 ? 0 : 1) : tUpperTail(distance / se, interval.df));
  return better === 'higher' ? { regressed: p(below), improved: p(above) } : { regressed: p(above), improved: p(below) };
}

/** Holm's step-down: which hypotheses it rejects at family-wise level `alpha`. */
export function holm(pValues: readonly number[], alpha: number): boolean[] {
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]!);
  const rejected = pValues.map(() => false);
  for (const [rank, index] of order.entries()) {
    if (pValues[index]! > alpha / (pValues.length - rank)) break;
    rejected[index] = true;
  }
  return rejected;
}

/**
 * Which tests' verdicts stand: every verdict that is not a claim, and every claim Holm confirms.
 * Each p-value is multiplied by `looks` (Bonferroni over the looks, as the intervals'
 * lookConfidence is), so one test with its two directions confirms exactly what its interval claims.
 */
export function confirmClaims(
  tests: readonly FamilyTest[],
  options: { threshold: number; alpha: number; looks: number },
): { confirmed: boolean[]; family: Family } {
  const hypotheses = 2 * tests.length;
  // No claim, nothing to confirm (the common case while a budget loop is still measuring).
  if (!tests.some((test) => test.verdict === 'regressed' || test.verdict === 'improved')) {
    return { confirmed: tests.map(() => true), family: { method: 'holm', hypotheses, alpha: options.alpha, withheld: 0 } };
  }
  const pValues = tests.flatMap((test) => {
    const p = claimPValues(test.interval, options.threshold, test.better);
    return [p.regressed, p.improved].map((value) => Math.min(1, value * options.looks));
  });
  const rejected = holm(pValues, options.alpha);
  const confirmed = tests.map((test, i) => (test.verdict === 'regressed' ? rejected[2 * i]! : test.verdict === 'improved' ? rejected[2 * i + 1]! : true));
  const withheld = confirmed.filter((ok) => !ok).length;
  return { confirmed, family: { method: 'holm', hypotheses, alpha: options.alpha, withheld } };
}
