import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Config } from '../config/schema.js';
import type { Results } from '../results/results.js';
import type { NoiseRecord, Sample } from '../results/schema.js';
import { decide, type IntervalVerdict } from '../stats/decide.js';
import { relativeChangeInterval, type RunSample } from '../stats/interval.js';
import { covOfLogVariance, DEFAULT_NOISE, logVarianceOfCov } from '../stats/noise.js';
import { MIN_SUCCESSES } from './samples.js';

/**
 * A/A calibration: the same code measured as A (odd repeats) and B (even repeats),
 * interleaved. Per cell, the between-run noise of the steady sRPS and the verdict the
 * current settings would give A against B (anything but unchanged/inconclusive is a
 * false alarm); over all cells, a recommended threshold and repeats.
 */

export interface CalibratedCell {
  id: string;
  /** Null when the cell was not measured (fewer than two measured samples). */
  cov: number | null;
  df: number;
  /** A against B with the current threshold and the default noise floor. */
  verdict: IntervalVerdict | 'not-measured';
}

export interface Calibration {
  record: NoiseRecord;
  cells: CalibratedCell[];
  falseAlarms: number;
  threshold: number;
  /** Confidence of the A/B intervals and of the recommendation. */
  confidence: number;
  /** Samples per side. */
  repeats: number;
  recommended: { threshold: number; repeats: number };
}

const MAX_RECOMMENDED_REPEATS = 20;

/** Written beside results.json: the calibration's answer. */
export const CALIBRATION_FILE = 'calibration.md';

/** Samples per side when repeats are not given: the fewest that estimate a per-cell spread on each side. */
export const DEFAULT_CALIBRATION_REPEATS = 3;

/** The run a calibration makes: 2 × `perSide` repeats (odd ones A, even ones B), compared with nothing. */
export function calibrationConfig(config: Config, perSide: number): Config {
  // A calibration measures its count in full: a budget (the pr profile's) would stop it where its noise is unknown.
  return { ...config, repeats: perSide * 2, budgetSeconds: null, compare: { ...config.compare, baseline: null } };
}

const steadyOf = (sample: Sample): number | null => {
  const metrics = sample.status === 'ok' ? sample.metrics : null;
  return metrics && metrics.steadySrps !== null && metrics.steadySrps > 0 && metrics.totalSuccesses >= MIN_SUCCESSES ? metrics.steadySrps : null;
};

/** Sum of squared deviations from the group mean, and the group's size. */
function deviations(values: number[]): { ss: number; n: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return { ss: values.reduce((sum, value) => sum + (value - mean) ** 2, 0), n: values.length };
}

/**
 * The half-width (on the log scale) and standard error of an A/B interval with `n` runs a
 * side when the noise is `variance` known with `df` degrees of freedom.
 */
function expectedInterval(variance: number, df: number, n: number, confidence: number): { half: number; se: number } {
  const se = Math.sqrt((2 * variance) / n);
  return { half: tQuantile(1 - (1 - confidence) / 2, 2 * (df + n - 1)) * se, se };
}

/**
 * The smallest threshold at which half of A/A comparisons can read "unchanged": the
 * interval's half-width plus the median distance of an A/A estimate from 0 (0.674 se).
 */
const unchangedReach = (variance: number, df: number, n: number, confidence: number): number => {
  const { half, se } = expectedInterval(variance, df, n, confidence);
  return Math.expm1(half + 0.674 * se);
};

/** `threshold` and `confidence` are the settings whose false alarms and recommendation it reports. */
export function calibrate(results: Results, { threshold, confidence }: { threshold: number; confidence: number }, measuredAt = new Date()): Calibration {
  const cells: CalibratedCell[] = [];
  const perCell: NoiseRecord['cells'] = {};
  let pooledSs = 0;
  let pooledDf = 0;
  const repeats = Math.floor(results.config.repeats / 2);
  if (repeats < 1) throw new RangeError('calibrate needs at least 2 repeats per cell (1 a side).');
  for (const cell of results.cells) {
    const samples = cell.samples ?? [];
    const a = samples.filter((sample) => sample.repeat % 2 === 1).flatMap((sample) => steadyOf(sample) ?? []);
    const b = samples.filter((sample) => sample.repeat % 2 === 0).flatMap((sample) => steadyOf(sample) ?? []);
    if (a.length === 0 || b.length === 0 || a.length + b.length < 3) {
      cells.push({ id: cell.id, cov: null, df: 0, verdict: 'not-measured' });
      continue;
    }
    // Within A and within B: a drift between the halves is not run-to-run noise.
    const groups = [deviations(a.map(Math.log)), deviations(b.map(Math.log))];
    const ss = groups.reduce((sum, group) => sum + group.ss, 0);
    const df = a.length + b.length - 2;
    const cov = covOfLogVariance(ss / df);
    perCell[cell.id] = { cov, df };
    pooledSs += ss;
    pooledDf += df;
    const toRuns = (values: number[]): RunSample[] => values.map((value) => ({ value }));
    const verdict = decide(relativeChangeInterval(toRuns(b), toRuns(a), DEFAULT_NOISE, confidence), threshold);
    cells.push({ id: cell.id, cov, df, verdict });
  }
  const pooled = pooledDf > 0 ? { cov: covOfLogVariance(pooledSs / pooledDf), df: pooledDf } : { cov: DEFAULT_NOISE.cov, df: 0 };
  const variance = logVarianceOfCov(pooled.cov);
  const reachable = (n: number) => unchangedReach(variance, pooled.df, n, confidence) <= threshold;
  const recommendedRepeats = Array.from({ length: MAX_RECOMMENDED_REPEATS }, (_, i) => i + 1).find(reachable) ?? MAX_RECOMMENDED_REPEATS;
  return {
    record: { measuredAt: measuredAt.toISOString(), repeats, pooled, cells: perCell },
    cells,
    falseAlarms: cells.filter((cell) => cell.verdict === 'regressed' || cell.verdict === 'improved').length,
    threshold,
    confidence,
    repeats,
    recommended: {
      threshold: Math.ceil(unchangedReach(variance, pooled.df, repeats, confidence) * 100) / 100,
      repeats: recommendedRepeats,
    },
  };
}
