import type { NoiseRecord } from '../results/schema.js';
import { decide, type IntervalVerdict } from '../stats/decide.js';
import { mean, sampleVariance } from '../stats/describe.js';
import { logChangeInterval, type ChangeInterval } from '../stats/interval.js';
import { fUpperTail } from '../stats/tails.js';

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
export const DEFAULT_PAIRED_NOISE: PairedNoise = { sd: 0.05, df: 8, source: 'default paired prior (sd 0.05, 8 df)' };

/** The prior of a run's pooled paired noise: a calibration's paired record, else the default. */
export function pairedPrior(record: NoiseRecord | undefined): PairedNoise {
  const paired = record?.paired;
  if (!record || !paired || !(paired.df > 0)) return DEFAULT_PAIRED_NOISE;
  return { sd: paired.sd, df: paired.df, source: `paired calibration of ${record.measuredAt.slice(0, 10)}` };
}

/** A cell whose spread is beyond the pool's at this level (an F test) keeps it to itself: its own variance and df. */
export const OUTLIER_LEVEL = 0.01;

/**
 * The pairs a cell's throughput needs before its verdict counts: one pair shows no spread of its
 * own to test against the pool, so nothing is decided from it; and a regressed or improved claim
 * waits for a third, since two pairs of a cell that swings by a third of its rate agree closely
 * about one time in five and would pass as steady (the simulation of wild cells in
 * __tests__/sequential-simulation.test.ts: 8.5 % of A/A runs raised a false claim with two, 1.8 % with three).
 */
export const MIN_PAIRS = { unchanged: 2, claim: 3 } as const;

/** The df-weighted pool of the prior and the cells' own spreads (n − 1 df a cell). */
function poolOf(cells: readonly (readonly number[])[], prior: PairedNoise): { variance: number; df: number } {
  let ss = prior.df * prior.sd ** 2;
  let df = prior.df;
  for (const ratios of cells) {
    ss += (ratios.length - 1) * sampleVariance(ratios);
    df += ratios.length - 1;
  }
  return { variance: df > 0 ? ss / df : prior.sd ** 2, df };
}

/** Whether a cell's spread (n − 1 df) lies beyond a pool's at OUTLIER_LEVEL. */
function beyondPool(ratios: readonly number[], pool: { variance: number; df: number }): boolean {
  if (ratios.length < 2 || !(pool.df > 0)) return false;
  const own = sampleVariance(ratios);
  if (pool.variance === 0) return own > 0;
  return fUpperTail(own / pool.variance, ratios.length - 1, pool.df) < OUTLIER_LEVEL;
}

/**
 * The pooled variance of a pair's log ratio: the prior's (its df) and each cell's own spread around
 * its own mean (n − 1 df a cell; a cell's change moves its mean, not its spread), weighted by df.
 * Cells do not share one noise everywhere (an event loop saturated by a CPU-bound route swings
 * by half its rate from one sample to the next, a latency-bound one by a request), so the pool is
 * robust: the widest cell leaves it while its spread is beyond the rest's at OUTLIER_LEVEL (an F
 * test), and such a cell is judged on its own spread and df alone (pairedCellInterval).
 */
export function pooledPairedNoise(cells: readonly (readonly number[])[], prior: PairedNoise): PairedNoise {
  let members = cells.filter((ratios) => ratios.length >= 2);
  let excluded = 0;
  while (members.length > 0) {
    const widest = members.reduce((a, b) => (sampleVariance(b) > sampleVariance(a) ? b : a));
    const rest = members.filter((ratios) => ratios !== widest);
    if (!beyondPool(widest, poolOf(rest, prior))) break;
    members = rest;
    excluded += 1;
  }
  const { variance, df } = poolOf(members, prior);
  const pooledOver = df - prior.df;
  const left = excluded > 0 ? `; ${excluded} cell${excluded === 1 ? '' : 's'} noisier than the rest judged on ${excluded === 1 ? 'its' : 'their'} own` : '';
  return {
    sd: Math.sqrt(variance),
    df,
    source: (pooledOver > 0 ? `${prior.source}, pooled with ${pooledOver} df of this run` : prior.source) + left,
  };
}

/**
 * One cell's interval from its pairs' log ratios: the pooled variance a pair, widened (never
 * narrowed) by the cell's own spread and by what its runs' blocks show (`within`), over n pairs,
 * with the pool's df; a cell whose spread is beyond the pool's (the pool left it out) takes its
 * own variance with its own n − 1 df. Its confidence is the look-corrected one (core/stats/sequential.ts).
 */
export function pairedCellInterval(ratios: readonly number[], pool: PairedNoise, confidence: number, within = 0): ChangeInterval {
  if (ratios.length === 0) throw new RangeError('pairedCellInterval: no pairs.');
  const n = ratios.length;
  if (beyondPool(ratios, { variance: pool.sd ** 2, df: pool.df })) {
    return logChangeInterval(mean(ratios), Math.max(sampleVariance(ratios), within) / n, n - 1, confidence);
  }
  const variance = Math.max(pool.sd ** 2, sampleVariance(ratios), within);
  return logChangeInterval(mean(ratios), variance / n, Math.max(pool.df, 1), confidence);
}

/**
 * The interval and the rule: what compareResults gives a paired cell's throughput before the
 * family (Holm) confirms it. Before MIN_PAIRS pairs the interval is shown but decides nothing.
 */
export function judgeLogRatios(
  ratios: readonly number[],
  pool: PairedNoise,
  options: { threshold: number; confidence: number; within?: number },
): { interval: ChangeInterval; verdict: IntervalVerdict } {
  const interval = pairedCellInterval(ratios, pool, options.confidence, options.within);
  const verdict = decide(interval, options.threshold);
  const needed = verdict === 'regressed' || verdict === 'improved' ? MIN_PAIRS.claim : MIN_PAIRS.unchanged;
  return { interval, verdict: ratios.length < needed ? 'inconclusive' : verdict };
}
