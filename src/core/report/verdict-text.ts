import { COMPARED_METRICS, type CellComparison, type ComparedMetric, type MetricComparison, type Verdict } from '../compare/verdicts.js';
import { formatChange, formatCount, formatRate, formatRatio } from './format.js';

/** How verdicts read: each metric named, with its own mark and direction. */

export const VERDICT_MARK: Record<Verdict, string> = {
  regressed: '🔴',
  improved: '🟢',
  unchanged: '',
  new: '🆕',
  missing: '⚠️',
};

export const METRIC_NAME: Record<ComparedMetric, string> = { maxSrps: 'max sRPS', totalSuccesses: 'successes' };

/**
 * Below these baselines a percentage says more about the baseline than the change
 * (0.1 → 74.6 sRPS is "+74,500.0 %"): the change is shown as a ratio instead.
 */
export const RATIO_FLOOR: Record<ComparedMetric, number> = { maxSrps: 1, totalSuccesses: 10 };

export const formatMetricValue = (metric: ComparedMetric, value: number): string => (metric === 'maxSrps' ? formatRate(value) : formatCount(value));

/** How one metric moved: `−12.3 %`; `×746` from a baseline under the floor; `n/a` from a baseline of 0. */
export function formatMetricChange(metric: ComparedMetric, comparison: MetricComparison): string {
  const { current, baseline } = comparison;
  if (current === null || baseline === null) return 'n/a';
  if (baseline === 0) return current === 0 ? '±0.0 %' : 'n/a';
  if (baseline < RATIO_FLOOR[metric]) return formatRatio(current / baseline);
  return formatChange((current - baseline) / baseline);
}

/** `🔴 successes −58.4 %`: the mark only where the metric itself crossed the threshold. */
export function metricVerdict(metric: ComparedMetric, comparison: MetricComparison): string {
  const mark = VERDICT_MARK[comparison.verdict];
  return `${mark ? `${mark} ` : ''}${METRIC_NAME[metric]} ${formatMetricChange(metric, comparison)}`;
}

/** Both metrics of a measured cell, in table order: `🟢 max sRPS +773.9 % · 🔴 successes −58.4 %`. */
export const cellVerdict = (cell: CellComparison): string => COMPARED_METRICS.map((metric) => metricVerdict(metric, cell.metrics[metric])).join(' · ');

/** The metrics that crossed the threshold, with where they went: `🔴 successes −58.4 %, 3,927 → 1,634`. */
export function movedMetrics(cell: CellComparison): string[] {
  return COMPARED_METRICS.filter((metric) => cell.metrics[metric].verdict === 'regressed' || cell.metrics[metric].verdict === 'improved').map((metric) => {
    const m = cell.metrics[metric];
    return `${metricVerdict(metric, m)}, ${formatMetricValue(metric, m.baseline!)} → ${formatMetricValue(metric, m.current!)}`;
  });
}
