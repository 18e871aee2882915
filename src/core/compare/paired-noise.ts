import type { NoiseRecord } from '../results/schema.js';
import { decide, type IntervalVerdict } from '../stats/decide.js';
import { mean, sampleVariance } from '../stats/describe.js';
import { logChangeInterval, type ChangeInterval } from '../stats/interval.js';

/**
 * The noise of the throughput's paired log ratios ln(head ÷ base), shared by every cell of a run:
 * the pairs of one run share its runner and its minutes, so their spreads pool (Σ (n − 1) df
 * beside a prior) and a cell with two pairs borrows what thirty others show.
 */
export interface PairedNoise {
  /** Standard deviation of one pair's ln(head ÷ base). */
  sd: number;
  /** Degrees of freedom of that estimate. */
  df: number;
  /** Where it came from, for the report. */
  source: string;
}

/**
 * The prior until a calibration under `baseline: base` records one: sd 0.05 a pair, trusted like
 * 3 pairs (2 df). Measured A/A pairs back to back on this machine spread by 0.02–0.06 in ten cells
 * of twelve (issue 18's table; docs/verdicts.md's verdicts e2e), two discordant cells 0.23–0.27;
 * 0.05 sits at the top of the usual, and 2 df make it weak: 8 cells with 2 pairs each outweigh it
 * fourfold, so a noisier runner's own pairs take over after one round.
 */
export const DEFAULT_PAIRED_NOISE: PairedNoise = { sd: 0.05, df: 2, source: 'default paired prior (sd 0.05, 2 df)' };

/** The prior of a run's pooled paired noise: a calibration's paired record, else the default. */
export function pairedPrior(record: NoiseRecord | undefined): PairedNoise {
  const paired = record?.paired;
  if (!record || !paired || !(paired.df > 0)) return DEFAULT_PAIRED_NOISE;
  return { sd: paired.sd, df: paired.df, source: `paired calibration of ${record.measuredAt.slice(0, 10)}` };
}

/**
 * The pooled variance of a pair's log ratio: the prior's (its df) and each cell's own spread around
 * its own mean (n − 1 df a cell; a cell's change moves its mean, not its spread), weighted by df.
 */
export function pooledPairedNoise(cells: readonly (readonly number[])[], prior: PairedNoise): PairedNoise {
  let ss = prior.df * prior.sd ** 2;
  let df = prior.df;
  for (const ratios of cells) {
    if (ratios.length < 2) continue;
    ss += (ratios.length - 1) * sampleVariance(ratios);
    df += ratios.length - 1;
  }
  const pooledOver = df - prior.df;
  return {
    sd: df > 0 ? Math.sqrt(ss / df) : prior.sd,
    df,
    source: pooledOver > 0 ? `${prior.source}, pooled with ${pooledOver} df of this run` : prior.source,
  };
}

/**
 * One cell's interval from its pairs' log ratios: the pooled variance a pair, widened (never
 * narrowed) by the cell's own spread and by what its runs' blocks show (`within`), over n pairs,
 * with the pool's df. Its confidence is the look-corrected one (core/stats/sequential.ts).
 */
export function pairedCellInterval(ratios: readonly number[], pool: PairedNoise, confidence: number, within = 0): ChangeInterval {
  if (ratios.length === 0) throw new RangeError('pairedCellInterval: no pairs.');
  const variance = Math.max(pool.sd ** 2, sampleVariance(ratios), within);
  return logChangeInterval(mean(ratios), variance / ratios.length, Math.max(pool.df, 1), confidence);
}

/** The interval and the rule: what compareResults gives a paired cell's throughput before the family (Holm) confirms it. */
export function judgeLogRatios(
  ratios: readonly number[],
  pool: PairedNoise,
  options: { threshold: number; confidence: number; within?: number },
): { interval: ChangeInterval; verdict: IntervalVerdict } {
  const interval = pairedCellInterval(ratios, pool, options.confidence, options.within);
  return { interval, verdict: decide(interval, options.threshold) };
}
