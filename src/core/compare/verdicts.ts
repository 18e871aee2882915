import type { Baseline, BaselineCell } from './baseline.js';
import { measuredSamples, verdictSamples, type VerdictSample } from './samples.js';
import type { CompareSpec, LoadSpec } from '../config/schema.js';
import type { CellResult, Results } from '../results/results.js';
import { decide } from '../stats/decide.js';
import { relativeChangeInterval, type ChangeInterval, type RunSample } from '../stats/interval.js';
import { DEFAULT_NOISE, type NoiseFloor } from '../stats/noise.js';
import { logRatios, pairsBlockVariance } from '../stats/paired.js';
import { lookConfidence, looksOf } from '../stats/sequential.js';
import { samplePairs, sideSamples, verdictOf } from './paired-samples.js';
import { judgeLogRatios, pairedPrior, pooledPairedNoise, type PairedNoise } from './paired-noise.js';
import { confirmClaims, type Family, type FamilyTest } from './family.js';
import type { NoiseRecord } from '../results/schema.js';
import { REGRESSION_SIGNALS, type RegressionSignal } from '../config/schema.js';
import { signalSamples } from './signal-samples.js';
import { compareSignals, type CellSignals } from './signals.js';

/** The study's two numbers: shown with their change, but they decide nothing. */
export const COMPARED_METRICS = ['maxSrps', 'totalSuccesses'] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

/** The number a verdict is about: steady sRPS, or max sRPS against a baseline that has no steady rate (the paper). */
export type VerdictMetric = 'steadySrps' | 'maxSrps';

/**
 * - regressed / improved: the interval of the change lies wholly beyond the threshold.
 * - unchanged: it lies wholly within; inconclusive: neither.
 * - not-measured: (almost) no request completed on one side; not-comparable: the load profiles differ.
 * - new: the baseline has no numbers for this cell; missing: the baseline measured it, this run did not.
 */
export type Verdict = 'regressed' | 'improved' | 'unchanged' | 'inconclusive' | 'not-measured' | 'not-comparable' | 'new' | 'missing';
export const VERDICTS: Verdict[] = ['regressed', 'missing', 'improved', 'inconclusive', 'not-measured', 'not-comparable', 'unchanged', 'new'];

export interface MetricComparison {
  current: number | null;
  baseline: number | null;
  /** current − baseline, when both exist. */
  delta: number | null;
  /** delta ÷ baseline; null when either is missing or the baseline is 0. */
  relative: number | null;
}

export interface CellComparison {
  id: string;
  /** The study's numbers, before and after. */
  metrics: Record<ComparedMetric, MetricComparison>;
  /** The cell's verdict: a regression of any signal, else an improvement of any, else the throughput's. */
  verdict: Verdict;
  /** The signal that decided `verdict` (throughput when no signal regressed or improved). */
  decidedBy: RegressionSignal;
  /** The throughput's own verdict: `metric` and `interval` are its. */
  throughput: Verdict;
  /** Queries, CPU, DB time, memory and response size per request against the baseline's; null when either side has none. */
  signals: CellSignals | null;
  /** The metric the verdict is about; higher is better. */
  metric: VerdictMetric;
  /** The relative change of `metric` with its interval; null when the verdict had none to judge. */
  interval: ChangeInterval | null;
  /** Samples each side contributed. */
  samples: { current: number; baseline: number };
  /** Why there is no interval (not measured, not comparable), in the report's words. */
  reason: string | null;
  /** Against the base side of the same run: both sides' median steady sRPS and the pairs the interval used. */
  sides?: { base: number | null; head: number | null; pairs: number };
}

export interface Comparison {
  baselineLabel: string;
  threshold: number;
  /** The nominal confidence: each interval is at lookConfidence(confidence, looks), and the family holds at 1 − confidence. */
  confidence: number;
  /** The looks the intervals allow for (core/stats/sequential.ts): `repeats` under a budget, else 1. */
  looks: number;
  /** Holm across every regressed/improved claim of the comparison (core/compare/family.ts). */
  family: Family;
  /** The noise floor the unpaired intervals (and the paired signals) assumed. */
  noise: NoiseFloor;
  /** Against the base side: the throughput's pooled noise of a pair's log ratio; null otherwise. */
  pairedNoise: PairedNoise | null;
  cells: Map<string, CellComparison>;
  /** Cells the baseline has that this run did not plan (e.g. another shard, fewer latencies). */
  baselineOnly: string[];
  counts: Record<Verdict, number>;
  /** The baseline is the base side of this run, and every interval is a paired one. */
  paired: boolean;
}

export interface CompareOptions {
  /** A calibration's record: its per-cell noise replaces the default floor. */
  noise?: NoiseRecord;
  /**
   * Nominal confidence (at most 1 − confidence of comparisons of equal code hold any false claim);
   * default: the one the results recorded. Each interval is at its look-corrected confidence.
   */
  confidence?: number;
}

function studyChange(current: number | null, baseline: number | null): MetricComparison {
  if (current === null || baseline === null) return { current, baseline, delta: null, relative: null };
  const delta = current - baseline;
  return { current, baseline, delta, relative: baseline === 0 ? null : delta / baseline };
}

const LOAD_FIELDS: [keyof LoadSpec, string][] = [
  ['users', 'users'],
  ['spawnRate', 'spawn rate'],
  ['runTimeSeconds', 'run time (s)'],
  ['processes', 'processes'],
];

/** `users 150 vs 500; run time (s) 25 vs 180`, or null when the loads are the same. */
export function loadDifference(current: LoadSpec, baseline: LoadSpec | undefined): string | null {
  if (!baseline) return null;
  const differences = LOAD_FIELDS.filter(([key]) => current[key] !== baseline[key]).map(([key, name]) => `${name} ${current[key]} vs ${baseline[key]}`);
  return differences.length > 0 ? `load differs (${differences.join('; ')})` : null;
}

/** The noise floor of one cell: a calibration's estimate for it, its pooled estimate, else the default. */
export function noiseFloor(id: string, record: NoiseRecord | undefined): NoiseFloor {
  if (!record) return DEFAULT_NOISE;
  const estimate = record.cells[id] ?? record.pooled;
  // A calibration with one repeat a side estimates nothing: keep the default.
  if (!(estimate.df > 0)) return DEFAULT_NOISE;
  return { cov: estimate.cov, df: estimate.df, source: `calibration of ${record.measuredAt.slice(0, 10)}` };
}

interface JudgeOptions {
  threshold: number;
  /** The look-corrected confidence of every interval. */
  confidence: number;
  loadDifference: string | null;
  noise: NoiseRecord | undefined;
  /** Against the base side: the run's pooled paired noise; null otherwise. */
  pool: PairedNoise | null;
}

function judge(
  id: string,
  cell: CellResult,
  known: BaselineCell,
  options: JudgeOptions,
): Pick<CellComparison, 'verdict' | 'metric' | 'interval' | 'samples' | 'reason' | 'sides'> {
  if (options.pool) return judgePaired(cell, options.pool, options);
  // The paper published no steady rate: against it, the one rate it has decides.
  const metric: VerdictMetric = known.samples.length > 0 ? 'steadySrps' : 'maxSrps';
  const current: VerdictSample[] =
    metric === 'steadySrps' ? verdictSamples(cell) : cell.metrics ? [{ value: cell.metrics.maxSrps > 0 ? cell.metrics.maxSrps : null, blocks: [] }] : [];
  const baseline: VerdictSample[] = metric === 'steadySrps' ? known.samples : [{ value: known.maxSrps > 0 ? known.maxSrps : null, blocks: [] }];
  const samples = { current: current.length, baseline: baseline.length };
  if (options.loadDifference) return { verdict: 'not-comparable', metric, interval: null, samples, reason: options.loadDifference };
  const head: RunSample[] = measuredSamples(current);
  const base: RunSample[] = measuredSamples(baseline);
  if (head.length === 0 || base.length === 0) {
    const side = head.length === 0 ? (base.length === 0 ? 'either run' : 'this run') : 'the baseline';
    return { verdict: 'not-measured', metric, interval: null, samples, reason: `(almost) no request completed in ${side}; too short a run for this load` };
  }
  const interval = relativeChangeInterval(head, base, noiseFloor(id, options.noise), options.confidence);
  return { verdict: decide(interval, options.threshold), metric, interval, samples, reason: null };
}

/** Median of the measured values, null when none measured. */
function medianOf(samples: VerdictSample[]): number | null {
  const values = samples.flatMap((sample) => (sample.value === null ? [] : [sample.value])).sort((a, b) => a - b);
  if (values.length === 0) return null;
  const middle = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}

/**
 * Head against the base side of the same run: a paired interval over the repeats where
 * both sides measured a rate, so the drift both runs of a pair shared cancels; its noise is
 * the run's pool (core/compare/paired-noise.ts), widened by the cell's own spread.
 */
function judgePaired(
  cell: CellResult,
  pool: PairedNoise,
  options: { threshold: number; confidence: number },
): Pick<CellComparison, 'verdict' | 'metric' | 'interval' | 'samples' | 'reason' | 'sides'> {
  const base = sideSamples(cell, 'base').flatMap((sample) => verdictOf(sample) ?? []);
  const head = sideSamples(cell, 'head').flatMap((sample) => verdictOf(sample) ?? []);
  const pairs = samplePairs(cell);
  const sides = { base: medianOf(base), head: medianOf(head), pairs: pairs.length };
  const samples = { current: head.length, baseline: base.length };
  if (pairs.length === 0) {
    const side = sides.head === null ? (sides.base === null ? 'either side' : 'head') : sides.base === null ? 'the base' : 'no repeat of both sides';
    return {
      verdict: 'not-measured',
      metric: 'steadySrps',
      interval: null,
      samples,
      sides,
      reason: `(almost) no request completed in ${side}; too short a run for this load`,
    };
  }
  const { interval, verdict } = judgeLogRatios(logRatios(pairs), pool, { ...options, within: pairsBlockVariance(pairs) });
  return { verdict, metric: 'steadySrps', interval, samples, sides, reason: null };
}

/**
 * Compares every cell of `results` with the baseline: an interval of the change of the verdict
 * metric and of each signal, at the look-corrected confidence, and the rule; then Holm over
 * every regressed/improved claim of the comparison.
 */
export function compareResults(results: Results, baseline: Baseline, threshold: number, options: CompareOptions = {}): Comparison {
  // A calibration recorded in either run (this one, or the baseline) replaces the default floor.
  const noise = options.noise ?? results.noise ?? baseline.noise;
  const confidence = options.confidence ?? results.config.compare.confidence;
  const looks = looksOf(results.config);
  const paired = baseline.paired === true;
  const pool = paired
    ? pooledPairedNoise(
        results.cells.map((cell) => logRatios(samplePairs(cell))),
        pairedPrior(noise),
      )
    : null;
  const judging = { threshold, confidence: lookConfidence(confidence, looks), loadDifference: loadDifference(results.config.load, baseline.load), noise, pool };
  const judged = results.cells.map((cell) => compareCell(cell, baseline.cells.get(cell.id) ?? null, judging));
  const { cells: confirmed, family } = withFamily(judged, { threshold, alpha: 1 - confidence, looks });
  const counts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const cell of confirmed) counts[cell.verdict] += 1;
  const planned = new Set(results.cells.map((cell) => cell.id));
  return {
    baselineLabel: baseline.label,
    threshold,
    confidence,
    looks,
    family,
    noise: noiseFloor('', noise),
    pairedNoise: pool,
    cells: new Map(confirmed.map((cell) => [cell.id, cell])),
    baselineOnly: [...baseline.cells.keys()].filter((id) => !planned.has(id)),
    counts,
    paired,
  };
}

/** One cell against its baseline's: the throughput's verdict, the signals', and the cell's over them (before the family). */
function compareCell(cell: CellResult, known: BaselineCell | null, options: JudgeOptions): CellComparison {
  const measured = cell.status === 'ok' ? cell.metrics : null;
  const metrics = Object.fromEntries(COMPARED_METRICS.map((metric) => [metric, studyChange(measured?.[metric] ?? null, known?.[metric] ?? null)])) as Record<
    ComparedMetric,
    MetricComparison
  >;
  const none = { metric: 'steadySrps' as const, interval: null, samples: { current: 0, baseline: 0 }, reason: null };
  const judged =
    known === null ? { ...none, verdict: 'new' as const } : !measured ? { ...none, verdict: 'missing' as const } : judge(cell.id, cell, known, options);
  const signals =
    known && measured
      ? compareSignals(signalSamples(cell, 'head'), known.signals ?? [], {
          threshold: options.threshold,
          confidence: options.confidence,
          paired: options.pool !== null,
          metered: !options.loadDifference,
        })
      : null;
  return { id: cell.id, metrics, ...judged, ...combineVerdicts(judged.verdict, signals), throughput: judged.verdict, signals };
}

type StatisticalSignal = Exclude<RegressionSignal, 'throughput'>;

/** A cell's intervals that can make a claim: the throughput's, the metered signals', and a varying query count's. */
function familyTests(cell: CellComparison): { signal: RegressionSignal; test: FamilyTest }[] {
  const tests: { signal: RegressionSignal; test: FamilyTest }[] = [];
  if (cell.interval) tests.push({ signal: 'throughput', test: { interval: cell.interval, better: 'higher', verdict: cell.throughput } });
  for (const signal of ['queries', 'cpu', 'db', 'memory'] as StatisticalSignal[]) {
    const compared = cell.signals?.[signal];
    const varies = signal !== 'queries' || cell.signals?.queries?.varies;
    if (compared?.interval && varies) tests.push({ signal, test: { interval: compared.interval, better: 'lower', verdict: compared.verdict } });
  }
  return tests;
}

/** Holm over every claim of the comparison: a claim it does not confirm reads inconclusive, and its cell's verdict is recombined. */
function withFamily(cells: CellComparison[], options: { threshold: number; alpha: number; looks: number }): { cells: CellComparison[]; family: Family } {
  const tests = cells.map(familyTests);
  const { confirmed, family } = confirmClaims(
    tests.flat().map((entry) => entry.test),
    options,
  );
  let next = 0;
  const withheld = tests.map((entries) => entries.filter(() => !confirmed[next++]).map((entry) => entry.signal));
  return {
    family,
    cells: cells.map((cell, i) => {
      const signals = withheld[i]!;
      if (signals.length === 0) return cell;
      const throughput = signals.includes('throughput') ? 'inconclusive' : cell.throughput;
      const cellSignals = cell.signals && withheldSignals(cell.signals, signals);
      return { ...cell, throughput, signals: cellSignals, ...combineVerdicts(throughput, cellSignals) };
    }),
  };
}

/** The cell's signals with the named ones' verdicts read as inconclusive. */
function withheldSignals(signals: CellSignals, withheld: readonly RegressionSignal[]): CellSignals {
  const inconclusive = <T extends { verdict: unknown }>(signal: StatisticalSignal, value: T | null): T | null =>
    value && withheld.includes(signal) ? { ...value, verdict: 'inconclusive' } : value;
  return {
    ...signals,
    queries: inconclusive('queries', signals.queries),
    cpu: inconclusive('cpu', signals.cpu),
    db: inconclusive('db', signals.db),
    memory: inconclusive('memory', signals.memory),
  };
}

/** One signal's verdict in a cell; null when the cell has no such comparison. */
export function signalVerdict(cell: Pick<CellComparison, 'throughput' | 'signals'>, signal: RegressionSignal): Verdict | null {
  if (signal === 'throughput') return cell.throughput;
  const verdict = cell.signals?.[signal]?.verdict;
  return verdict ?? null;
}

/**
 * The cell's verdict over its signals: the first that regressed (in REGRESSION_SIGNALS
 * order: throughput, queries, CPU, DB time, memory), else the first that improved, else the
 * throughput's own. A cell the baseline lacks, or this run did not measure, stays so.
 */
export function combineVerdicts(throughput: Verdict, signals: CellSignals | null): { verdict: Verdict; decidedBy: RegressionSignal } {
  if (throughput === 'new' || throughput === 'missing' || !signals) return { verdict: throughput, decidedBy: 'throughput' };
  const cell = { throughput, signals };
  for (const wanted of ['regressed', 'improved'] as const) {
    const signal = REGRESSION_SIGNALS.find((name) => signalVerdict(cell, name) === wanted);
    if (signal) return { verdict: wanted, decidedBy: signal };
  }
  return { verdict: throughput, decidedBy: 'throughput' };
}

/** The signals whose regression fails the step: none unless fail-on-regression is on. */
export const failingSignals = (compare: Pick<CompareSpec, 'failOnRegression' | 'failOnSignals'>): RegressionSignal[] =>
  compare.failOnRegression ? compare.failOnSignals : [];

/**
 * Cells where one of `signals` regressed: what fail-on-regression counts (missing cells
 * are reported, not counted). Every signal by default: the headline's count.
 */
export function regressionCount(comparison: Comparison, signals: readonly RegressionSignal[] = REGRESSION_SIGNALS): number {
  return [...comparison.cells.values()].filter((cell) => signals.some((signal) => signalVerdict(cell, signal) === 'regressed')).length;
}
