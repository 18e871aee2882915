import { COMPARED_METRICS, type CellComparison, type ComparedMetric, type Verdict, type VerdictMetric } from '../compare/verdicts.js';
import type { ChangeInterval } from '../stats/interval.js';
import { formatChange, formatCount, formatRate, formatRatio } from './format.js';
import { signalChange } from './signal-format.js';

/** How verdicts read: the metric that decided, its change with the interval, and the verdict in words. */

export const VERDICT_MARK: Record<Verdict, string> = {
  regressed: '🔴',
  improved: '🟢',
  unchanged: '',
  inconclusive: '❔',
  'not-measured': '∅',
  'not-comparable': '≠',
  new: '🆕',
  missing: '⚠️',
};

export const VERDICT_WORD: Record<Verdict, string> = {
  regressed: 'regressed',
  improved: 'improved',
  unchanged: 'unchanged',
  inconclusive: 'inconclusive',
  'not-measured': 'not measured',
  'not-comparable': 'not comparable',
  new: 'new',
  missing: 'missing',
};

export const METRIC_NAME: Record<ComparedMetric, string> = { maxSrps: 'max sRPS', totalSuccesses: 'successes' };
export const VERDICT_METRIC_NAME: Record<VerdictMetric, string> = { steadySrps: 'steady sRPS', maxSrps: 'max sRPS' };

/**
 * Below these baselines a percentage says more about the baseline than the change
 * (0.1 → 74.6 sRPS is "+74,500.0 %"): the change is shown as a ratio instead.
 */
export const RATIO_FLOOR: Record<ComparedMetric, number> = { maxSrps: 1, totalSuccesses: 10 };

export const formatMetricValue = (metric: ComparedMetric, value: number): string => (metric === 'maxSrps' ? formatRate(value) : formatCount(value));

/** A relative change; ten times or more reads as a ratio (×746), which a percentage (+74,500.0 %) hides. */
const formatRelative = (relative: number): string => (relative + 1 >= 10 ? formatRatio(relative + 1) : formatChange(relative));

/** `−18.0 % [−31.0 %, −4.0 %]`: the estimate and its interval. */
export const formatInterval = (interval: ChangeInterval): string =>
  `${formatRelative(interval.estimate)} [${formatRelative(interval.lower)}, ${formatRelative(interval.upper)}]`;

/**
 * `🔴 steady sRPS −18.0 % [−31.0 %, −4.0 %]: regressed`, `🔴 queries/request 2 → 12: regressed`,
 * or `∅ not measured`: what decided the cell, named.
 */
export function cellVerdict(cell: CellComparison): string {
  const mark = VERDICT_MARK[cell.verdict];
  const lead = mark ? `${mark} ` : '';
  const bySignal = cell.decidedBy && cell.decidedBy !== 'throughput' ? signalChange(cell.signals, cell.decidedBy) : null;
  if (bySignal) return `${lead}${bySignal}: ${VERDICT_WORD[cell.verdict]}`;
  if (!cell.interval) return `${lead}${VERDICT_WORD[cell.verdict]}`;
  return `${lead}${VERDICT_METRIC_NAME[cell.metric]} ${formatInterval(cell.interval)}: ${VERDICT_WORD[cell.verdict]}`;
}

/** When a signal decided the cell: what the throughput said, `; steady sRPS +1.0 % [−20.0 %, +26.0 %]: inconclusive`. */
export function throughputNote(cell: CellComparison): string {
  if (!cell.decidedBy || cell.decidedBy === 'throughput') return '';
  return `; ${cell.interval ? `${VERDICT_METRIC_NAME[cell.metric]} ${formatInterval(cell.interval)}: ` : 'throughput '}${VERDICT_WORD[cell.throughput]}`;
}

/** Where the study's numbers went: `max sRPS 23.0 → 19.1, successes 3,927 → 3,200`. */
export function studyBeforeAfter(cell: CellComparison): string {
  return COMPARED_METRICS.filter((metric) => cell.metrics[metric].current !== null && cell.metrics[metric].baseline !== null)
    .map(
      (metric) =>
        `${METRIC_NAME[metric]} ${formatMetricValue(metric, cell.metrics[metric].baseline!)} → ${formatMetricValue(metric, cell.metrics[metric].current!)}`,
    )
    .join(', ');
}
