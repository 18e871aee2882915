import { regressionCount, type CellComparison, type Comparison } from '../compare/verdicts.js';
import { code, escapeMarkdown } from './escape.js';
import { formatCount, formatPercent, formatRate } from './format.js';
import { movedMetrics, VERDICT_MARK } from './verdict-text.js';

/** Cells listed per kind of change; the tables mark every one of them anyway. */
export const LISTED_PER_VERDICT = 8;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function missingLine(cell: CellComparison): string {
  const { maxSrps, totalSuccesses } = cell.metrics;
  return `${VERDICT_MARK.missing} ${code(cell.id)} was not measured in this run; the baseline had ${formatRate(maxSrps.baseline ?? 0)} & ${formatCount(totalSuccesses.baseline ?? 0)}`;
}

/**
 * The comparison with the baseline, after the findings: counts, then each cell that
 * regressed, went missing or improved, with the metric that moved, its direction and
 * its numbers before and after.
 */
export function renderComparison(comparison: Comparison | null): string {
  if (!comparison) return '';
  const { counts } = comparison;
  const totals = [
    `${plural(regressionCount(comparison), 'regression')}${counts.missing > 0 ? `, ${counts.missing} of them missing` : ''}`,
    ...(counts.improved ? [`${counts.improved} improved`] : []),
    ...(counts.unchanged ? [`${counts.unchanged} unchanged`] : []),
    ...(counts.new ? [`${counts.new} new`] : []),
  ];
  const head = `**Against ${escapeMarkdown(comparison.baselineLabel)}**, threshold ${formatPercent(comparison.threshold)}: ${totals.join(', ')}.`;
  const cells = [...comparison.cells.values()];
  const lines = (verdict: 'regressed' | 'missing' | 'improved', render: (cell: CellComparison) => string): string[] => {
    const chosen = cells.filter((cell) => cell.verdict === verdict);
    const shown = chosen.slice(0, LISTED_PER_VERDICT).map((cell) => `- ${render(cell)}`);
    return chosen.length > shown.length ? [...shown, `- … and ${chosen.length - shown.length} more ${verdict}, marked in the tables`] : shown;
  };
  const moved = (cell: CellComparison) => `${code(cell.id)}: ${movedMetrics(cell).join('; ')}`;
  const list = [...lines('regressed', moved), ...lines('missing', missingLine), ...lines('improved', moved)];
  return [head, ...list].join('\n');
}
