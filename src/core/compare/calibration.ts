import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Config } from '../config/schema.js';
import { measuresBaseSide } from '../config/baseline.js';
import type { Results } from '../results/results.js';
import type { CellResult, NoiseRecord, Sample } from '../results/schema.js';
import { decide, type IntervalVerdict } from '../stats/decide.js';
import { relativeChangeInterval, type RunSample } from '../stats/interval.js';
import { covOfLogVariance, DEFAULT_NOISE, logVarianceOfCov } from '../stats/noise.js';
import { pairedChangeInterval } from '../stats/paired.js';
import { hasBaseSide, samplePairs } from './paired-samples.js';
import { MIN_SUCCESSES } from './samples.js';

/**
 * A/A calibration: the same code measured as A (odd repeats) and B (even repeats),
 * interleaved; or, under `baseline: base`, as base (A) and head (B) in pairs back to back.
 * Per cell, the between-run noise of the steady sRPS and the verdict the current settings
 * would give A against B (anything but unchanged/inconclusive is a false alarm); over all
 * cells, a recommended threshold and repeats. Paired, also the noise of the pairs' log
 * ratios, pooled: the prior a paired comparison starts from.
 */

export interface CalibratedCell {
  id: string;
  /** Null when the cell was not measured (fewer than two measured samples). */
  cov: number | null;
  df: number;
  /** A against B with the current threshold and the default noise floor (paired: the paired interval). */
  verdict: IntervalVerdict | 'not-measured';
  /** Paired runs: sd of ln(head ÷ base) over the cell's pairs; null with fewer than two pairs, or unpaired. */
  pairedSd: number | null;
}

export interface Calibration {
  record: NoiseRecord;
  cells: CalibratedCell[];
  falseAlarms: number;
  threshold: number;
  /** Confidence of the A/B intervals and of the recommendation. */
  confidence: number;
  /** Samples per side (paired: the pairs per cell). */
  repeats: number;
  /** Whether A and B were base and head, measured in pairs (`baseline: base`). */
  paired: boolean;
  /** Paired: from the pairs' pooled noise (repeats = pairs); unpaired: from the between-run noise. */
  recommended: { threshold: number; repeats: number };
}

const MAX_RECOMMENDED_REPEATS = 20;

/** Written beside results.json: the calibration's answer. */
export const CALIBRATION_FILE = 'calibration.md';

/** Samples per side when repeats are not given: the fewest that estimate a per-cell spread on each side. */
export const DEFAULT_CALIBRATION_REPEATS = 3;

/**
 * The run a calibration makes: 2 × `perSide` repeats (odd ones A, even ones B), compared with nothing;
 * under `baseline: base`, `perSide` pairs of base and head, with base = HEAD unless `base-ref` names
 * another commit of the same code (an A/A needs the same code on both sides).
 */
export function calibrationConfig(config: Config, perSide: number): Config {
  // A calibration measures its count in full: a budget (the pr profile's) would stop it where its noise is unknown.
  if (measuresBaseSide(config.compare.baseline)) {
    return { ...config, repeats: perSide, budgetSeconds: null, compare: { ...config.compare, baseRef: config.compare.baseRef ?? 'HEAD' } };
  }
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

/** A cell's rates as A and B: odd and even repeats, or (paired) base and head. */
function halves(cell: CellResult, paired: boolean): { a: number[]; b: number[] } {
  const inA = (sample: Sample) => (paired ? sample.side === 'base' : sample.repeat % 2 === 1);
  const samples = cell.samples ?? [];
  return {
    a: samples.filter(inA).flatMap((sample) => steadyOf(sample) ?? []),
    b: samples.filter((sample) => !inA(sample)).flatMap((sample) => steadyOf(sample) ?? []),
  };
}

/** The spread of ln(head ÷ base) over a cell's pairs about the cell's own mean; null with fewer than two pairs. */
function pairedDeviations(cell: CellResult): { ss: number; df: number } | null {
  const pairs = samplePairs(cell);
  if (pairs.length < 2) return null;
  const { ss, n } = deviations(pairs.map((pair) => Math.log(pair.head.value / pair.base.value)));
  return { ss, df: n - 1 };
}

/** The smallest threshold at which half of paired A/A comparisons of `n` pairs can read "unchanged" (as unchangedReach). */
const pairedReach = (sd: number, df: number, n: number, confidence: number): number => {
  const se = sd / Math.sqrt(n);
  return Math.expm1(tQuantile(1 - (1 - confidence) / 2, Math.max(df, 1)) * se + 0.674 * se);
};

/** B against A as today's settings judge it: the paired interval on base/head pairs, else Welch on the two halves. */
function verdictOf(
  cell: CellResult,
  { a, b }: { a: number[]; b: number[] },
  paired: boolean,
  settings: { threshold: number; confidence: number },
): IntervalVerdict {
  const pairs = paired ? samplePairs(cell) : [];
  const toRuns = (values: number[]): RunSample[] => values.map((value) => ({ value }));
  const interval =
    pairs.length > 0
      ? pairedChangeInterval(pairs, DEFAULT_NOISE, settings.confidence)
      : relativeChangeInterval(toRuns(b), toRuns(a), DEFAULT_NOISE, settings.confidence);
  return decide(interval, settings.threshold);
}
/** Sums of squares and df, added up over cells. */
class Pool {
  ss = 0;
  df = 0;
  add(part: { ss: number; df: number }): void {
    this.ss += part.ss;
    this.df += part.df;
  }
}

/**
 * `threshold` and `confidence` are the settings whose false alarms and recommendation it reports.
 * Results with a base side (`baseline: base`) are paired: A = base, B = head, each repeat a pair.
 */
export function calibrate(results: Results, { threshold, confidence }: { threshold: number; confidence: number }, measuredAt = new Date()): Calibration {
  const paired = hasBaseSide(results);
  const repeats = paired ? results.config.repeats : Math.floor(results.config.repeats / 2);
  if (repeats < 1) throw new RangeError('calibrate needs at least 2 repeats per cell (1 a side).');
  const cells: CalibratedCell[] = [];
  const perCell: NoiseRecord['cells'] = {};
  const pool = new Pool();
  const pairPool = new Pool();
  for (const cell of results.cells) {
    const sides = halves(cell, paired);
    const { a, b } = sides;
    if (a.length === 0 || b.length === 0 || a.length + b.length < 3) {
      cells.push({ id: cell.id, cov: null, df: 0, verdict: 'not-measured', pairedSd: null });
      continue;
    }
    // Within A and within B: a drift between the halves is not run-to-run noise.
    const groups = [deviations(a.map(Math.log)), deviations(b.map(Math.log))];
    const ss = groups.reduce((sum, group) => sum + group.ss, 0);
    const df = a.length + b.length - 2;
    const cov = covOfLogVariance(ss / df);
    perCell[cell.id] = { cov, df };
    pool.add({ ss, df });
    const ratios = paired ? pairedDeviations(cell) : null;
    if (ratios) pairPool.add(ratios);
    const verdict = verdictOf(cell, sides, paired, { threshold, confidence });
    cells.push({ id: cell.id, cov, df, verdict, pairedSd: ratios && Math.sqrt(ratios.ss / ratios.df) });
  }
  const pooled = pool.df > 0 ? { cov: covOfLogVariance(pool.ss / pool.df), df: pool.df } : { cov: DEFAULT_NOISE.cov, df: 0 };
  const pairedPrior = pairPool.df > 0 ? { sd: Math.sqrt(pairPool.ss / pairPool.df), df: pairPool.df } : null;
  const variance = logVarianceOfCov(pooled.cov);
  // What a comparison of n samples a side (or n pairs) can call "unchanged": the paired prior's when there is one.
  const reach = (n: number) => (pairedPrior ? pairedReach(pairedPrior.sd, pairedPrior.df, n, confidence) : unchangedReach(variance, pooled.df, n, confidence));
  const recommendedRepeats = Array.from({ length: MAX_RECOMMENDED_REPEATS }, (_, i) => i + 1).find((n) => reach(n) <= threshold) ?? MAX_RECOMMENDED_REPEATS;
  return {
    record: { measuredAt: measuredAt.toISOString(), repeats, pooled, cells: perCell, ...(pairedPrior ? { paired: pairedPrior } : {}) },
    cells,
    falseAlarms: cells.filter((cell) => cell.verdict === 'regressed' || cell.verdict === 'improved').length,
    threshold,
    confidence,
    repeats,
    paired,
    recommended: { threshold: Math.ceil(reach(repeats) * 100) / 100, repeats: recommendedRepeats },
  };
}
