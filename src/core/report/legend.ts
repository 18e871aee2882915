import type { Comparison } from '../compare/verdicts.js';
import { escapeMarkdown } from './escape.js';
import { formatCount, formatPercent, formatRate } from './format.js';
import { RATIO_FLOOR, VERDICT_MARK } from './verdict-text.js';

/**
 * The key under Tables 1–3: every mark the tables use, and only those, so a reader
 * never meets a symbol the comment does not explain.
 */
export function renderLegend(tables: string, comparison: Comparison | null): string {
  const has = (text: string) => tables.includes(text);
  const threshold = comparison ? formatPercent(comparison.threshold) : '';
  const entries = [
    'Each cell: max sRPS & total successes.',
    ...(comparison
      ? [
          `Under it, each metric’s change against ${escapeMarkdown(comparison.baselineLabel)}: a percentage${/(max sRPS|successes) ×/.test(tables) ? `, or ×N, the ratio, when the baseline was under ${formatRate(RATIO_FLOOR.maxSrps)} sRPS or ${formatCount(RATIO_FLOOR.totalSuccesses)} successes (a percentage of so small a number says nothing)` : ''}${/(max sRPS|successes) n\/a/.test(tables) ? '; n/a when the baseline was 0' : ''}.`,
        ]
      : []),
    ...(has(VERDICT_MARK.regressed) ? [`${VERDICT_MARK.regressed} before a metric: it fell by more than the threshold, ${threshold}.`] : []),
    ...(has(VERDICT_MARK.improved) ? [`${VERDICT_MARK.improved} before a metric: it rose by more than ${threshold}.`] : []),
    ...(comparison && has('<br><sub>') ? ['A metric without a mark moved less than the threshold.'] : []),
    ...(/\| \*\*[\d,.−]+ & /.test(tables) ? ['**Bold** numbers: the cell regressed, in the metric marked 🔴.'] : []),
    ...(has(VERDICT_MARK.new) ? [`${VERDICT_MARK.new} new: the baseline has no numbers for the cell.`] : []),
    ...(has(VERDICT_MARK.missing)
      ? [`${VERDICT_MARK.missing} the baseline measured the cell (its numbers follow “was”) and this run did not; counted as a regression.`]
      : []),
    ...(has('✖') ? ['✖ the cell failed: the reason is under “failed cells”.'] : []),
    ...(/\| — (\||$)/m.test(tables) ? ['— not in this run (another shard).'] : []),
  ];
  return `<sub>${entries.join(' ')}</sub>`;
}
