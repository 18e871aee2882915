import type { Config } from '../config/schema.js';

/**
 * A group-sequential design with linear (Bonferroni) alpha spending: a run that may look at its
 * data after every pair and stop a cell once it is decided spends at most α / K of its false-alarm
 * rate at each of at most K looks, so by the union bound the rate over every stopping time ≤ K is
 * at most α (Jennison & Turnbull, Group Sequential Methods, 2000, ch. 7; docs/verdicts.md).
 */

/** The looks a comparison of this run allows for: `repeats` (the most pairs a cell gets) under a budget, else one. */
export const looksOf = (config: Pick<Config, 'budgetSeconds' | 'repeats'>): number => (config.budgetSeconds !== null ? Math.max(1, config.repeats) : 1);

/** The confidence of each look's interval: 1 − (1 − confidence) / looks. */
export function lookConfidence(confidence: number, looks: number): number {
  if (!(looks >= 1) || !Number.isInteger(looks)) throw new RangeError(`lookConfidence: looks must be a whole number ≥ 1, got ${looks}.`);
  return 1 - (1 - confidence) / looks;
}
