import { requestTarget } from '../config/route-request.js';
import { markdownTable } from 'markdown-table';
import type { CellComparison, Comparison } from '../compare/verdicts.js';
import { cellId } from '../plan/cells.js';
import type { CellResult, Results } from '../results/results.js';
import { clip, code, escapeMarkdown, LABEL_MAX, labelText } from './escape.js';
import { formatCount, formatRate } from './format.js';
import { cellVerdict, VERDICT_MARK } from './verdict-text.js';

/** ` ±1.2`: half the range over the repeats, when there were several and they differed. */
function spread(range: { min: number; max: number } | undefined, format: (value: number) => string): string {
  if (!range || range.max === range.min) return '';
  return ` ±${format((range.max - range.min) / 2)}`;
}

/** `23.0 ±1.2 & 3,927 ±150` (the median over repeats, ± half their range), then what the baseline says of it. */
function renderCell(cell: CellResult | undefined, comparison: CellComparison | undefined): string {
  if (!cell) return '—';
  const summary = cell.summary;
  const numbers =
    cell.status === 'ok' && cell.metrics
      ? `${formatRate(cell.metrics.maxSrps)}${spread(summary?.maxSrps, formatRate)} & ` +
        `${formatCount(cell.metrics.totalSuccesses)}${spread(summary?.totalSuccesses, formatCount)}`
      : '✖ failed';
  if (!comparison) return numbers;
  const { maxSrps, totalSuccesses } = comparison.metrics;
  switch (comparison.verdict) {
    case 'new':
      return cell.status === 'ok' ? `${numbers}<br><sub>${VERDICT_MARK.new} new</sub>` : numbers;
    case 'missing':
      return `${numbers}<br><sub>${VERDICT_MARK.missing} was ${formatRate(maxSrps.baseline ?? 0)} & ${formatCount(totalSuccesses.baseline ?? 0)}</sub>`;
    default:
      return `${comparison.verdict === 'regressed' ? `**${numbers}**` : numbers}<br><sub>${cellVerdict(comparison)}</sub>`;
  }
}

/** Tables 1–3 in the study's shape: one per route, rows = added latency, columns = setups. */
export function renderTables(results: Results, comparison: Comparison | null): string {
  return tableList(results, comparison).join('\n\n');
}

/** The tables one by one (a report that must shrink keeps every one, whole). */
export function tableList(results: Results, comparison: Comparison | null): string[] {
  const { config } = results;
  const byId = new Map(results.cells.map((cell) => [cell.id, cell]));
  return config.routes.map((route, i) => {
    const header = ['Added latency (ms)', ...config.setups.map((setup) => labelText(setup.label))];
    const rows = config.latenciesMs.map((ms) => [
      formatCount(ms),
      ...config.setups.map((setup) => {
        const id = cellId(setup.name, route.name, ms);
        return renderCell(byId.get(id), comparison?.cells.get(id));
      }),
    ]);
    const table = markdownTable([header, ...rows], { alignDelimiters: false, align: ['r', ...config.setups.map(() => 'r')] });
    const path = code(clip(requestTarget(route), 2 * LABEL_MAX));
    const title = `**Table ${i + 1}: ${labelText(route.title)}** (${escapeMarkdown(route.method)} ${path}): max sRPS & total successes`;
    return `${title}\n\n${table}`;
  });
}
