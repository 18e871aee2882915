import type { Comparison } from '../compare/verdicts.js';
import { code } from './escape.js';
import { formatRate } from './format.js';
import { formatInterval, VERDICT_MARK, VERDICT_WORD } from './verdict-text.js';

/**
 * Against the base side of the same run: every cell with both sides' median steady sRPS,
 * the paired change with its interval, the pairs it rests on, and the verdict.
 */
export function renderSides(comparison: Comparison): string {
  if (!comparison.paired) return '';
  const rows = [...comparison.cells.values()].map((cell) => {
    const rate = (value: number | null | undefined) => (value === null || value === undefined ? '—' : formatRate(value));
    // The row is the throughput's: a signal that decided the cell is named in the list above.
    const verdict = cell.throughput ?? cell.verdict;
    const mark = VERDICT_MARK[verdict];
    const change = cell.interval ? formatInterval(cell.interval) : '—';
    const word = `${mark ? `${mark} ` : ''}${VERDICT_WORD[verdict]}`;
    return `| ${code(cell.id)} | ${rate(cell.sides?.base)} | ${rate(cell.sides?.head)} | ${change} | ${cell.sides?.pairs ?? 0} | ${word} |`;
  });
  return [
    `Base and head measured alternately on the same runner (steady sRPS, median of each ` +
      `side; the change is paired, repeat by repeat, so drift both sides shared cancels):`,
    '',
    '| Cell | Base | Head | Change (paired) | Pairs | Verdict |',
    '| --- | ---: | ---: | --- | ---: | --- |',
    ...rows,
  ].join('\n');
}
