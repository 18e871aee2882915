import { regressionCount, type Comparison } from '../compare/verdicts.js';
import { failedCells } from '../results/cell.js';
import type { Results } from '../results/results.js';
import { baselineOnlySection, configurationSection, definitionsSection, environmentSection, failedCellsSection, perCellSection } from './details.js';
import { budgetSummary, renderBudget } from './budget-text.js';
import { chartList } from './charts.js';
import { renderComparison } from './comparison-text.js';
import { labelText } from './escape.js';
import { renderFindings } from './findings-text.js';
import { droppable, firstLines, fitSections, kept, shrinkable, type Section } from './fit.js';
import { formatPercent } from './format.js';
import { latencyLine } from './latency.js';
import { renderLegend } from './legend.js';
import { renderRecommendation } from './recommendation-text.js';
import { renderSetupNotes } from './setup-notes.js';
import { renderSignalsBlock, renderSignalsLead } from './signals-text.js';
import { tableList } from './tables.js';
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
      ? `🔴 ${plural(regressions, 'regression')} in ${cells} vs ${labelText(comparison.baselineLabel)}`
      : `✅ No regressions in ${cells} vs ${labelText(comparison.baselineLabel)}`;
  const others = (['missing', 'improved', 'inconclusive', 'unchanged', 'not-measured', 'not-comparable', 'new'] as const)
    .filter((verdict) => counts[verdict] > 0)
    .map((verdict) => `${counts[verdict]} ${VERDICT_WORD[verdict]}`);
  return `### async-bench: ${[lead, ...others, `threshold ${formatPercent(comparison.threshold)}`].join(' · ')}${failedNote}`;
}

/** Where a comment that had to shrink sends the reader for the rest. */
export const TRIMMED_NOTE =
  '<sub>Some details were left out to fit GitHub’s comment size limit; report.html and results.json in the results artifact have them all.</sub>';

/**
 * The comment body tells, then shows, then details: headline, the recommendation, findings, the comparison with
 * the baseline, Tables 1–3 and their legend, charts, links, then collapsed details. Each is a
 * section (fit.ts); when the body would pass the size limit, whole sections go from the end
 * up: details, charts, legend, the comparison list, then the findings down to their first
 * lines. The headline, the recommendation, every table and the links always stay.
 */
export function renderReport(results: Results, options: ReportOptions): string {
  return fitSections(reportSections(results, options), options.maxLength ?? DEFAULT_MAX_LENGTH, TRIMMED_NOTE);
}

/** The report's sections in reading order, most useful first; a new block is one more entry. */
export function reportSections(results: Results, options: Pick<ReportOptions, 'comparison' | 'links'>): Section[] {
  const { comparison } = options;
  const tables = tableList(results, comparison);
  const findings = renderFindings(results);
  const signalsLead = renderSignalsLead(results, comparison);
  return [
    kept(headline(results, comparison)),
    // The one answer for the app: which setup to serve it with, or that none is clearly better.
    kept(renderRecommendation(results)),
    droppable(latencyLine(results)),
    // Per route, what got slower and why: the lead's second half, cut to its first lines before it goes.
    shrinkable(signalsLead, firstLines(signalsLead)),
    shrinkable(findings, firstLines(findings)),
    // Sync views under ASGI, the pool the driver allows: what the numbers above really measured.
    droppable(renderSetupNotes(results)),
    droppable(renderComparison(comparison)),
    // What a budget bought: per cell its pairs and whether they decided it; a huge matrix keeps the one-line summary.
    shrinkable(renderBudget(results, comparison), budgetSummary(results, comparison)),
    droppable(renderSignalsBlock(results, comparison)),
    ...tables.map(kept),
    droppable(renderLegend(tables.join('\n\n'), comparison)),
    ...chartList(results).map(droppable),
    kept(options.links?.length ? options.links.join(' · ') : ''),
    // Most useful first, so the end goes first.
    droppable(failedCellsSection(results)),
    droppable(definitionsSection(results, comparison?.confidence)),
    droppable(baselineOnlySection(comparison)),
    droppable(configurationSection(results)),
    droppable(environmentSection(results)),
    droppable(perCellSection(results)),
  ];
}
