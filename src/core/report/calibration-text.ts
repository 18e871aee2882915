import type { Calibration } from '../compare/calibration.js';
import { code } from './escape.js';
import { formatCount, formatPercent } from './format.js';
import { VERDICT_WORD } from './verdict-text.js';

/** The calibration's answer: noise per cell, the false alarms today's settings would raise, and what to set. */
export function renderCalibration(calibration: Calibration): string {
  const { record, cells, falseAlarms, threshold, confidence, repeats, recommended } = calibration;
  const rows = cells.map((cell) => {
    const verdict = cell.verdict === 'not-measured' ? VERDICT_WORD['not-measured'] : VERDICT_WORD[cell.verdict];
    return `| ${code(cell.id)} | ${cell.cov === null ? 'n/a' : formatPercent(cell.cov)} | ${formatCount(cell.df)} | ${verdict} |`;
  });
  const alarms = falseAlarms === 0 ? '✅ no false alarms' : `🔴 ${falseAlarms} false alarm${falseAlarms === 1 ? '' : 's'}`;
  return [
    `### async-bench calibration (A/A): ${alarms} in ${cells.length} cells`,
    '',
    `The same code measured ${repeats} time${repeats === 1 ? '' : 's'} as A and ${repeats} as B, interleaved (A B A B …). ` +
      `Pooled between-run noise of the steady sRPS: **CoV ${formatPercent(record.pooled.cov)}** (${formatCount(record.pooled.df)} df). ` +
      `With threshold ${formatPercent(threshold)}, ${formatPercent(confidence)} intervals and the default ` +
      `noise floor, B against A gave ${falseAlarms} regressed or improved cell${falseAlarms === 1 ? '' : 's'}.`,
    '',
    `**Recommended for this runner:** threshold ${formatPercent(recommended.threshold)} with ${repeats} repeat${repeats === 1 ? '' : 's'}, ` +
      `or ${recommended.repeats} repeat${recommended.repeats === 1 ? '' : 's'} to say "unchanged" within ${formatPercent(threshold)}. ` +
      'Comparisons with this results.json (as baseline or run) use its noise instead of the default 8 % floor.',
    '',
    '| Cell | CoV | df | B vs A |',
    '| ---- | --: | -: | ------ |',
    ...rows,
    '',
  ].join('\n');
}
