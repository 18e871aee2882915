import { regressionCount, type Comparison } from '../compare/verdicts.js';
import { failedCells } from '../results/cell.js';
import type { Results } from '../results/results.js';
import { baselineOnlySection, configurationSection, definitionsSection, environmentSection, failedCellsSection, perCellSection } from './details.js';
import { renderCharts } from './charts.js';
import { renderComparison } from './comparison-text.js';
import { escapeMarkdown } from './escape.js';
import { renderFindings } from './findings-text.js';
import { formatPercent } from './format.js';
import { latencyLine } from './latency.js';
import { renderLegend } from './legend.js';
import { renderSignalsBlock, renderSignalsLead } from './signals-text.js';
import { renderTables } from './tables.js';
import { VERDICT_WORD } from './verdict-text.js';

/** GitHub refuses comments over 65,536 characters; keep room for the sticky marker and links. */
export const COMMENT_LIMIT = 65_536;
export const DEFAULT_MAX_LENGTH = COMMENT_LIMIT - 1_024;

export interface ReportOptions {
  comparison: Comparison | null;
  /** Lines appended under the tables, e.g. links to the run and the artifact (already markdown). */
  links?: string[];
  maxLength?: number;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function headline(results: Results, comparison: Comparison | null): string {
  const failed = failedCells(results.cells).length;
  const failedNote = failed > 0 ? ` · ✖ ${plural(failed, 'cell')} failed` : '';
  const cells = plural(results.cells.length, 'cell');
  if (!comparison) return `### async-bench: ${cells}, no baseline${failedNote}`;
  const { counts } = comparison;
  const regressions = regressionCount(comparison);
  const lead =
    regressions > 0
      ? `🔴 ${plural(regressions, 'regression')} in ${cells} vs ${escapeMarkdown(comparison.baselineLabel)}`
      : `✅ No regressions in ${cells} vs ${escapeMarkdown(comparison.baselineLabel)}`;
  const others = (['missing', 'improved', 'inconclusive', 'unchanged', 'not-measured', 'not-comparable', 'new'] as const)
    .filter((verdict) => counts[verdict] > 0)
    .map((verdict) => `${counts[verdict]} ${VERDICT_WORD[verdict]}`);
  return `### async-bench: ${[lead, ...others, `threshold ${formatPercent(comparison.threshold)}`].join(' · ')}${failedNote}`;
}

/**
 * The comment body tells, then shows, then details: headline, findings, the
 * comparison with the baseline, Tables 1–3 and their legend, charts, links, then
 * collapsed details. When the body would pass the size limit, details are dropped
 * least-useful first; everything before them is never cut.
 */
export function renderReport(results: Results, options: ReportOptions): string {
  const { comparison } = options;
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const tables = renderTables(results, comparison);
  const head = [
    headline(results, comparison),
    latencyLine(results),
    renderSignalsLead(results, comparison),
    renderFindings(results),
    renderComparison(comparison),
    renderSignalsBlock(results, comparison),
    tables,
    renderLegend(tables, comparison),
    renderCharts(results),
    ...(options.links?.length ? [options.links.join(' · ')] : []),
  ].filter(Boolean);
  // Most useful first; trimmed from the end.
  const details = [
    failedCellsSection(results),
    definitionsSection(results, comparison?.confidence),
    baselineOnlySection(comparison),
    configurationSection(results),
    environmentSection(results),
    perCellSection(results),
  ].filter(Boolean);
  const trimmedNote = '<sub>Some details were left out to fit GitHub’s comment size limit; results.json in the artifact has them all.</sub>';
  for (let kept = details.length; kept >= 0; kept -= 1) {
    const parts = [...head, ...details.slice(0, kept), ...(kept < details.length ? [trimmedNote] : [])];
    const body = `${parts.join('\n\n')}\n`;
    if (body.length <= maxLength || kept === 0) return body;
  }
  throw new Error('unreachable');
}
