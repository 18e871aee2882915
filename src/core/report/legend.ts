import type { Comparison } from '../compare/verdicts.js';
import { labelText } from './escape.js';
import { formatPercent } from './format.js';
import { VERDICT_MARK } from './verdict-text.js';

/**
 * The key under Tables 1–3: every mark the tables use, and only those, so a reader
 * never meets a symbol the comment does not explain.
 */
export function renderLegend(tables: string, comparison: Comparison | null): string {
  const has = (text: string) => tables.includes(text);
  const threshold = comparison ? formatPercent(comparison.threshold) : '';
  const confidence = comparison ? formatPercent(comparison.confidence) : '';
  const entries = [
    'Each cell: max sRPS & total successes.',
    ...(/ ±[\d,.]+ /.test(tables) ? ['With repeats: the median over them, ± half their range.'] : []),
    ...(comparison && / \[[−+±][\d,.]+ %, /.test(tables)
      ? [
          `Under it, the verdict against ${labelText(comparison.baselineLabel)}: the change of the named metric ` +
            `(steady sRPS: the median rate while all users ran) and its ${confidence} interval [lower, upper].`,
        ]
      : []),
    ...(has(VERDICT_MARK.regressed) ? [`${VERDICT_MARK.regressed} regressed: the whole interval lies below −${threshold}.`] : []),
    ...(has(VERDICT_MARK.improved) ? [`${VERDICT_MARK.improved} improved: the whole interval lies above +${threshold}.`] : []),
    ...(has(': unchanged') ? [`unchanged: the whole interval lies within ±${threshold}.`] : []),
    ...(has(VERDICT_MARK.inconclusive)
      ? [`${VERDICT_MARK.inconclusive} inconclusive: the interval reaches across ±${threshold}; more repeats would tell.`]
      : []),
    ...(has(VERDICT_MARK['not-measured'])
      ? [`${VERDICT_MARK['not-measured']} not measured: (almost) no request completed; the run is too short for this load.`]
      : []),
    ...(has(VERDICT_MARK['not-comparable'])
      ? [`${VERDICT_MARK['not-comparable']} not comparable: the baseline ran another load (users, spawn rate, run time).`]
      : []),
    ...(/\| \*\*[\d,.−]+[ ±\d,.]* & /.test(tables) ? ['**Bold** numbers: the cell regressed.'] : []),
    ...(has(VERDICT_MARK.new) ? [`${VERDICT_MARK.new} new: the baseline has no numbers for the cell.`] : []),
    ...(has(VERDICT_MARK.missing) ? [`${VERDICT_MARK.missing} the baseline measured the cell (its numbers follow “was”) and this run did not.`] : []),
    ...(has('✖') ? ['✖ the cell failed: the reason is under “failed cells”.'] : []),
    ...(/\| — (\||$)/m.test(tables) ? ['— not in this run (another shard).'] : []),
  ];
  return `<sub>${entries.join(' ')}</sub>`;
}
