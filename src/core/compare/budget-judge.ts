/**
 * What a budgeted run asks after every pair: which cells are decided (they get no more pairs), and
 * for the report, how far an undecided cell is from a decision. Pure: the run and the report call it.
 */
import { measuresBaseSide } from '../config/baseline.js';
import type { Results } from '../results/schema.js';
import { equivalenceInterval } from '../stats/decide.js';
import { sampleVariance } from '../stats/describe.js';
import { logChangeInterval, type ChangeInterval } from '../stats/interval.js';
import { lookConfidence, looksOf } from '../stats/sequential.js';
import { logVarianceOfCov } from '../stats/noise.js';
import { baseSideBaseline, type Baseline } from './baseline.js';
import { cellDecided } from './decided.js';
import { measuredSamples, verdictSamples } from './samples.js';
import { MIN_PAIRS } from './paired-noise.js';
import { compareResults, noiseFloor, type CellComparison, type Comparison } from './verdicts.js';

/**
 * Without a baseline, a cell is decided once its own steady sRPS is known to within ±threshold:
 * the interval of its mean (log scale; the runner's noise floor as a prior, as the verdicts take
 * it, widened by the repeats' own spread) at the look-corrected confidence lies inside
 * [−threshold, +threshold] of the estimate. A later run compared with it could then tell a change
 * of the threshold's size from this cell's own noise. Null: nothing measured yet.
 */
export function precisionInterval(results: Results, id: string): ChangeInterval | null {
  const cell = results.cells.find((candidate) => candidate.id === id);
  const samples = cell ? measuredSamples(verdictSamples(cell)) : [];
  if (samples.length === 0) return null;
  const logs = samples.map((sample) => Math.log(sample.value));
  const n = logs.length;
  const noise = noiseFloor(id, results.noise);
  const df = noise.df + n - 1;
  const variance = (noise.df * logVarianceOfCov(noise.cov) + (n - 1) * sampleVariance(logs)) / df / n;
  const confidence = lookConfidence(results.config.compare.confidence, looksOf(results.config));
  return logChangeInterval(0, variance, df, confidence);
}

/** The precision rule: the cell's own interval lies within ±threshold. */
export function isPrecise(results: Results, id: string): boolean {
  const interval = precisionInterval(results, id);
  return interval !== null && interval.upper <= results.config.compare.threshold;
}

/**
 * A futility stop (the other boundary of a group-sequential design): a cell whose throughput, after
 * MIN_PAIRS.claim pairs (two show a spread with 1 df, whose t quantile makes any projection
 * hopeless: the e2e's `sync/io_read/0ms` read +10 %, −11 % and would have stopped), would need
 * more than FUTILE_FACTOR × its maximum pairs to decide
 * (pairsToDecide) gets no more; its pairs go to cells that can still decide. It never makes a
 * claim, so it costs no false alarms; the report still shows its interval and the estimate.
 */
export const FUTILE_FACTOR = 3;

export function isFutile(cell: Pick<CellComparison, 'throughput' | 'interval'>, pairs: number, maxPairs: number, threshold: number): boolean {
  if (cell.throughput !== 'inconclusive' || !cell.interval || pairs < MIN_PAIRS.claim) return false;
  const needed = pairsToDecide(cell.interval, threshold, pairs);
  return needed !== null && needed > FUTILE_FACTOR * maxPairs;
}

/** How the run judges its cells after a pair. */
export interface BudgetJudgement {
  /** Cells that need no more pairs. */
  decided: Set<string>;
  /** Undecided cells that more pairs, up to `repeats`, would very likely not decide (isFutile). */
  futile: Set<string>;
  /** The comparison the decisions came from; null when there is no baseline (the precision rule decided). */
  comparison: Comparison | null;
}

/**
 * Every cell of `results` judged for the budget: against the base side of these results
 * (`baseline: base`, paired), else against `fixed` (a file, the paper or an artifact, resolved by
 * the edge), else by the precision rule above. Decided is cellDecided over the gate's signals
 * (`compare.failOnSignals`). A cell none of whose samples measured anything (its app failed, or it
 * has not run yet) counts as decided too: the caller gives pairs only to cells it has measured or
 * that have none yet, so a failing cell fails once, not at every look.
 */
export function judgeBudget(results: Results, fixed: Baseline | null): BudgetJudgement {
  const { compare } = results.config;
  const baseline = measuresBaseSide(compare.baseline) ? baseSideBaseline(results) : fixed;
  const failed = results.cells.filter((cell) => cell.status !== 'ok').map((cell) => cell.id);
  const measured = results.cells.filter((cell) => cell.status === 'ok');
  if (!baseline) {
    const precise = measured.filter((cell) => isPrecise(results, cell.id));
    return { decided: new Set([...failed, ...precise.map((cell) => cell.id)]), futile: new Set(), comparison: null };
  }
  const comparison = compareResults(results, baseline, compare.threshold);
  const decided = measured.filter((cell) => {
    const judged = comparison.cells.get(cell.id);
    return judged !== undefined && cellDecided(judged, compare.failOnSignals);
  });
  const futile = measured.filter((cell) => {
    const judged = comparison.cells.get(cell.id);
    const pairs = judged?.sides?.pairs ?? judged?.samples.current ?? 0;
    return judged !== undefined && !decided.includes(cell) && isFutile(judged, pairs, results.config.repeats, compare.threshold);
  });
  return { decided: new Set([...failed, ...decided.map((cell) => cell.id)]), futile: new Set(futile.map((cell) => cell.id)), comparison };
}

/**
 * About how many pairs in all would likely decide a cell whose interval is `interval` after
 * `pairs` pairs: a half-width shrinks like 1/√n, so n × (half-width ÷ room)², where room is the
 * half-width at which the interval would clear the threshold (lie wholly beyond it) or sit
 * within it, whichever is nearer. An estimate: it assumes the estimate stays where it is and
 * ignores the t quantile's fall with more pairs. Null when the estimate sits on the threshold.
 */
export function pairsToDecide(
  interval: Pick<ChangeInterval, 'estimate' | 'lower' | 'upper'> & Partial<ChangeInterval>,
  threshold: number,
  pairs: number,
): number | null {
  const centre = Math.log1p(interval.estimate);
  const upper = Math.log1p(threshold);
  const lower = Math.log1p(-threshold);
  // Inside the band: room to both edges, read on the interval "unchanged" is decided by (TOST);
  // beyond it: room to the nearer edge it must clear.
  const inside = centre <= upper && centre >= lower;
  const room = inside ? Math.min(upper - centre, centre - lower) : centre > upper ? centre - upper : lower - centre;
  const equivalence = inside ? equivalenceInterval(interval) : interval;
  const half = (Math.log1p(equivalence.upper) - Math.log1p(equivalence.lower)) / 2;
  if (!(room > 0) || pairs < 1) return null;
  // Less a hair: a ratio of exactly 2 computed as 2.0000000001 would ask one pair too many.
  return Math.max(pairs, Math.ceil(pairs * (half / room) ** 2 - 1e-9));
}
