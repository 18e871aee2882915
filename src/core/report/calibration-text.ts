import type { Calibration } from '../compare/calibration.js';
import { code } from './escape.js';
import { formatCount, formatPercent } from './format.js';
import { VERDICT_WORD } from './verdict-text.js';

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** How A and B were measured, and the noise they showed. */
function method({ record, repeats, paired }: Calibration): string {
  const pooled = `Pooled between-run noise of the steady sRPS: **CoV ${formatPercent(record.pooled.cov)}** (${formatCount(record.pooled.df)} df).`;
  if (!paired) return `The same code measured ${plural(repeats, 'time')} as A and ${repeats} as B, interleaved (A B A B …). ${pooled}`;
  const prior = record.paired
    ? ` Paired noise, pooled over the cells: **sd of ln(head ÷ base) ${record.paired.sd.toFixed(3)}** (${formatCount(record.paired.df)} df), ` +
      'the prior of later paired comparisons.'
    : ' No cell had two measured pairs, so no paired noise was recorded.';
  return `The same code measured as base (A) and head (B): ${plural(repeats, 'pair')} a cell, back to back, alternating order. ${pooled}${prior}`;
}

/** The calibration's answer: noise per cell, the false alarms today's settings would raise, and what to set. */
export function renderCalibration(calibration: Calibration): string {
  const { cells, falseAlarms, threshold, confidence, repeats, recommended, paired } = calibration;
  const unit = paired ? 'pair' : 'repeat';
  const rows = cells.map((cell) => {
    const verdict = cell.verdict === 'not-measured' ? VERDICT_WORD['not-measured'] : VERDICT_WORD[cell.verdict];
    const sd = paired ? ` ${cell.pairedSd === null ? 'n/a' : cell.pairedSd.toFixed(3)} |` : '';
    return `| ${code(cell.id)} | ${cell.cov === null ? 'n/a' : formatPercent(cell.cov)} | ${formatCount(cell.df)} |${sd} ${verdict} |`;
  });
  const alarms = falseAlarms === 0 ? '✅ no false alarms' : `🔴 ${falseAlarms} false alarm${falseAlarms === 1 ? '' : 's'}`;
  return [
    `### async-bench calibration (A/A${paired ? ', paired' : ''}): ${alarms} in ${cells.length} cells`,
    '',
    `${method(calibration)} With threshold ${formatPercent(threshold)}, ${formatPercent(confidence)} intervals and the default ` +
      `noise floor, B against A gave ${falseAlarms} regressed or improved cell${falseAlarms === 1 ? '' : 's'}.`,
    '',
    `**Recommended for this runner:** threshold ${formatPercent(recommended.threshold)} with ${plural(repeats, unit)}, ` +
      `or ${plural(recommended.repeats, unit)} to say "unchanged" within ${formatPercent(threshold)}. ` +
      'Comparisons with this results.json (as baseline or run) use its noise instead of the default 8 % floor.',
    '',
    paired ? '| Cell | CoV | df | sd ln(head ÷ base) | B vs A |' : '| Cell | CoV | df | B vs A |',
    paired ? '| ---- | --: | -: | -----------------: | ------ |' : '| ---- | --: | -: | ------ |',
    ...rows,
    '',
  ].join('\n');
}
