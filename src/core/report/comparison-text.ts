import { regressionCount, type CellComparison, type Comparison, type Verdict } from '../compare/verdicts.js';
import { code, escapeMarkdown, labelText } from './escape.js';
import { renderSides } from './sides-text.js';
import { formatCount, formatPercent, formatRate } from './format.js';
import { lookConfidence } from '../stats/sequential.js';
import { cellVerdict, studyBeforeAfter, throughputNote, VERDICT_MARK, VERDICT_WORD } from './verdict-text.js';

/** Cells listed per kind of change; the tables mark every one of them anyway. */
export const LISTED_PER_VERDICT = 8;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function missingLine(cell: CellComparison): string {
  const { maxSrps, totalSuccesses } = cell.metrics;
  return (
    `${VERDICT_MARK.missing} ${code(cell.id)} was not measured in this run; the baseline ` +
    `had ${formatRate(maxSrps.baseline ?? 0)} & ${formatCount(totalSuccesses.baseline ?? 0)}`
  );
}

/** Verdicts listed cell by cell, in this order; unchanged and new cells are only counted. */
const LISTED: Verdict[] = ['regressed', 'missing', 'improved', 'inconclusive', 'not-measured', 'not-comparable'];
const COUNTED: Verdict[] = ['improved', 'inconclusive', 'unchanged', 'not-measured', 'not-comparable', 'new'];

/** Under a budget: the confidence each look's interval has. */
const looksText = ({ looks, confidence }: Comparison): string =>
  looks > 1 ? ` (each at ${formatPercent(lookConfidence(confidence, looks))}: one of ${looks} looks)` : '';

/** The throughput's noise: the pooled paired noise against the base side, else the noise floor. */
const noiseText = ({ pairedNoise, noise }: Comparison): string =>
  pairedNoise
    ? `paired noise sd ${pairedNoise.sd.toFixed(3)} a pair (${escapeMarkdown(pairedNoise.source)})`
    : `noise floor ${formatPercent(noise.cov)} CoV (${escapeMarkdown(noise.source)})`;

const withheldText = ({ family }: Comparison): string =>
  family.withheld > 0
    ? `; ${family.withheld} of the regressed or improved claims not confirmed by Holm over ${family.hypotheses} hypotheses read inconclusive`
    : '';

/**
 * The comparison with the baseline, after the findings: counts, then each cell whose
 * verdict is not "unchanged", with the metric that decided, its change and interval, and
 * the study's numbers before and after.
 */
export function renderComparison(comparison: Comparison | null): string {
  if (!comparison) return '';
  const { counts } = comparison;
  const totals = [
    plural(regressionCount(comparison), 'regression'),
    ...(counts.missing ? [`${counts.missing} missing`] : []),
    ...COUNTED.filter((verdict) => counts[verdict] > 0).map((verdict) => `${counts[verdict]} ${VERDICT_WORD[verdict]}`),
  ];
  const head =
    `**Against ${labelText(comparison.baselineLabel)}**, threshold ${formatPercent(comparison.threshold)}, ` +
    `${formatPercent(comparison.confidence)} intervals${looksText(comparison)}, ${noiseText(comparison)}: ${totals.join(', ')}${withheldText(comparison)}.`;
  const cells = [...comparison.cells.values()];
  const render = (cell: CellComparison): string => {
    if (cell.verdict === 'missing') return missingLine(cell);
    const moved = studyBeforeAfter(cell);
    const why = cell.reason ? `: ${escapeMarkdown(cell.reason)}` : '';
    return `${code(cell.id)}: ${cellVerdict(cell)}${throughputNote(cell)}${why}${moved ? ` (${moved})` : ''}`;
  };
  const list = LISTED.flatMap((verdict) => {
    const chosen = cells.filter((cell) => cell.verdict === verdict);
    const shown = chosen.slice(0, LISTED_PER_VERDICT).map((cell) => `- ${render(cell)}`);
    return chosen.length > shown.length ? [...shown, `- … and ${chosen.length - shown.length} more ${VERDICT_WORD[verdict]}, marked in the tables`] : shown;
  });
  const sides = renderSides(comparison);
  return [head, ...list, ...(sides ? ['', sides] : [])].join('\n');
}
