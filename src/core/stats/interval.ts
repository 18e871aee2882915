import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { mean, sampleVariance } from './describe.js';
import { logVarianceOfCov, type NoiseFloor } from './noise.js';

/**
 * One run's measurement of the verdict metric: its value, and the run's own
 * within-run samples (non-overlapping rate windows of the hold phase) when it has them.
 */
export interface RunSample {
  value: number;
  blocks?: readonly number[];
}

/** The relative change head ÷ baseline − 1: the estimate and its interval at `confidence`. */
export interface ChangeInterval {
  estimate: number;
  lower: number;
  upper: number;
  confidence: number;
  /** Degrees of freedom of the t quantile (Welch–Satterthwaite; Infinity when the change is exact). */
  df: number;
  /** On the log scale: the estimate of ln(head ÷ baseline) and its standard error (0 when exact): what a p-value needs. */
  log: { center: number; se: number };
}

const quantiles = new Map<string, number>();

/**
 * The t quantile of a two-sided interval, remembered: every cell of a paired run shares the pool's df
 * and the look's confidence, and the budget loop (and its simulation) judges the run after every pair.
 */
function twoSidedQuantile(confidence: number, df: number): number {
  const key = `${confidence}:${df}`;
  let q = quantiles.get(key);
  if (q === undefined) {
    if (quantiles.size >= 4096) quantiles.clear();
    q = tQuantile(1 - (1 - confidence) / 2, df);
    quantiles.set(key, q);
  }
  return q;
}

/**
 * The interval at `confidence` of a change whose log is `center` with `variance` (of the centre
 * itself) and `df` degrees of freedom: a t interval mapped back to a relative change. No
 * variance at all is an exact change (df Infinity).
 */
export function logChangeInterval(center: number, variance: number, df: number, confidence: number): ChangeInterval {
  const se = Math.sqrt(variance);
  const half = variance === 0 ? 0 : twoSidedQuantile(confidence, df) * se;
  return {
    estimate: Math.expm1(center),
    lower: Math.expm1(center - half),
    upper: Math.expm1(center + half),
    confidence,
    df: variance === 0 ? Infinity : df,
    log: { center, se },
  };
}

interface Side {
  /** Variance of the side's mean log value. */
  variance: number;
  df: number;
  mean: number;
}

/** The variance of one run's mean, from its own blocks: a lower bound for the between-run variance. */
function withinRunVariance(sample: RunSample): number {
  const blocks = (sample.blocks ?? []).filter((block) => block > 0).map(Math.log);
  return blocks.length < 2 ? 0 : sampleVariance(blocks) / blocks.length;
}

/**
 * One side on the log scale. The between-run variance of ln(value) is the noise floor
 * (a scaled-inverse-χ² prior with `noise.df` degrees of freedom) updated by the spread of
 * the repeats (n − 1 df): the conjugate posterior's pooled variance. It is never below
 * what the runs' own blocks show. The side's mean of n runs has that variance ÷ n.
 */
function side(samples: readonly RunSample[], noise: NoiseFloor): Side {
  const logs = samples.map((sample) => Math.log(sample.value));
  const n = logs.length;
  const df = noise.df + n - 1;
  const pooled = (noise.df * logVarianceOfCov(noise.cov) + (n - 1) * sampleVariance(logs)) / df;
  const within = mean(samples.map(withinRunVariance));
  return { mean: mean(logs), variance: Math.max(pooled, within) / n, df };
}

/**
 * An interval for the relative change of a rate between head and baseline: Welch's t
 * interval on the difference of mean log rates (rates are positive and their noise is
 * multiplicative, so logs make it symmetric), mapped back to a relative change. Every
 * value must be positive: a run that completed nothing is "not measured", not compared.
 */
export function relativeChangeInterval(head: readonly RunSample[], baseline: readonly RunSample[], noise: NoiseFloor, confidence: number): ChangeInterval {
  for (const [name, samples] of [
    ['head', head],
    ['baseline', baseline],
  ] as const) {
    if (samples.length === 0) throw new RangeError(`relativeChangeInterval: the ${name} has no samples.`);
    if (samples.some((sample) => !(sample.value > 0))) throw new RangeError(`relativeChangeInterval: the ${name} has a sample ≤ 0.`);
  }
  const a = side(head, noise);
  const b = side(baseline, noise);
  const variance = a.variance + b.variance;
  // No variance at all (a noise floor of 0 and identical repeats): the difference is exact.
  const df = variance === 0 ? Infinity : variance ** 2 / (a.variance ** 2 / a.df + b.variance ** 2 / b.df);
  return logChangeInterval(a.mean - b.mean, variance, df, confidence);
}
