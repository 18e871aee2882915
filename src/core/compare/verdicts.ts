import type { Baseline } from './baseline.js';
import type { Results } from '../results/results.js';

export const COMPARED_METRICS = ['maxSrps', 'totalSuccesses'] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

/**
 * - regressed / improved / unchanged: both measured; a relative change beyond the threshold decides.
 * - new: the baseline has no numbers for this cell.
 * - missing: the baseline measured it, this run did not (the cell failed or was not run).
 */
export type Verdict = 'regressed' | 'improved' | 'unchanged' | 'new' | 'missing';

export interface MetricComparison {
  current: number | null;
  baseline: number | null;
  /** current − baseline, when both exist. */
  delta: number | null;
  /** delta ÷ baseline; null when either is missing or the baseline is 0. */
  relative: number | null;
  verdict: Verdict;
}

export interface CellComparison {
  id: string;
  metrics: Record<ComparedMetric, MetricComparison>;
  /** The worst of the metric verdicts: one regressed metric makes the cell regressed. */
  verdict: Verdict;
}

export interface Comparison {
  baselineLabel: string;
  threshold: number;
  cells: Map<string, CellComparison>;
  /** Cells the baseline has that this run did not plan (e.g. another shard, fewer latencies). */
  baselineOnly: string[];
  counts: Record<Verdict, number>;
}

const VERDICT_RANK: Verdict[] = ['regressed', 'missing', 'improved', 'unchanged', 'new'];

function compareMetric(current: number | null, baseline: number | null, threshold: number): MetricComparison {
  if (baseline === null) return { current, baseline, delta: null, relative: null, verdict: 'new' };
  if (current === null) return { current, baseline, delta: null, relative: null, verdict: 'missing' };
  const delta = current - baseline;
  if (baseline === 0) {
    return { current, baseline, delta, relative: null, verdict: current > 0 ? 'improved' : 'unchanged' };
  }
  const relative = delta / baseline;
  const verdict = relative < -threshold ? 'regressed' : relative > threshold ? 'improved' : 'unchanged';
  return { current, baseline, delta, relative, verdict };
}

/** Compares every cell of `results` with the baseline, metric by metric. */
export function compareResults(results: Results, baseline: Baseline, threshold: number): Comparison {
  const cells = new Map<string, CellComparison>();
  const counts: Record<Verdict, number> = { regressed: 0, improved: 0, unchanged: 0, new: 0, missing: 0 };
  for (const cell of results.cells) {
    const known = baseline.cells.get(cell.id) ?? null;
    const measured = cell.status === 'ok' ? cell.metrics : null;
    const metrics = Object.fromEntries(
      COMPARED_METRICS.map((metric) => [metric, compareMetric(measured?.[metric] ?? null, known?.[metric] ?? null, threshold)]),
    ) as Record<ComparedMetric, MetricComparison>;
    const verdict = VERDICT_RANK.find((rank) => COMPARED_METRICS.some((metric) => metrics[metric].verdict === rank))!;
    cells.set(cell.id, { id: cell.id, metrics, verdict });
    counts[verdict] += 1;
  }
  const planned = new Set(results.cells.map((cell) => cell.id));
  const baselineOnly = [...baseline.cells.keys()].filter((id) => !planned.has(id));
  return { baselineLabel: baseline.label, threshold, cells, baselineOnly, counts };
}

/** Cells whose result is worse than the baseline's: regressed, or measured before and not now. */
export function regressionCount(comparison: Comparison): number {
  return comparison.counts.regressed + comparison.counts.missing;
}
