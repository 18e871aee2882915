import { requestTarget } from '../../config/route-request.js';
import type { CellComparison, Comparison } from '../../compare/verdicts.js';
import type { CellSeries } from '../../ingest/series.js';
import { cellId } from '../../plan/cells.js';
import type { CellResult, Results } from '../../results/results.js';
import { headline } from '../body.js';
import { renderBudget } from '../budget-text.js';
import { renderComparison } from '../comparison-text.js';
import { renderFindings } from '../findings-text.js';
import { formatCount, formatLatency, formatMs, formatPercent, formatRate } from '../format.js';
import { latencyLine } from '../latency.js';
import { renderLegend } from '../legend.js';
import { renderRecommendation } from '../recommendation-text.js';
import { renderSetupNotes } from '../setup-notes.js';
import { renderSignalsBlock, renderSignalsLead } from '../signals-text.js';
import { renderTables } from '../tables.js';
import { cellVerdict, VERDICT_MARK } from '../verdict-text.js';
import { escapeHtml, relativeHref } from './escape.js';
import { markdownToHtml } from './markdown.js';
import { renderStatements } from './statements.js';
import { lineChart } from './svg.js';

export const HTML_REPORT_FILE = 'report.html';

export interface HtmlReportOptions {
  comparison: Comparison | null;
  /** Cell id → its history over time and whether Locust's report is in its folder; absent cells show no charts. */
  series: ReadonlyMap<string, CellSeries>;
}

/**
 * No script, no network: the page only needs its own inline styles and draws its
 * charts as inline SVG. The policy also stops any script a crafted results.json
 * might smuggle past the escaping.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-soft: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  color: var(--fg); margin: 0 auto; padding: 24px; max-width: 1200px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 16px; margin: 20px 0 8px; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--bg-soft); padding: 1px 4px; border-radius: 4px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 10px; text-align: right; vertical-align: top; }
th { background: var(--bg-soft); }
td small { display: block; color: var(--muted); font-weight: normal; } td.regressed { font-weight: 600; } td.failed { color: #b42318; }
.muted, .legend { color: var(--muted); font-size: 12px; }
.grid-cells { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 12px; }
.cell { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
.cell h4 { margin: 0 0 4px; font-size: 14px; display: flex; justify-content: space-between; gap: 8px; }
.cell p { margin: 2px 0 6px; font-size: 12px; }
svg.chart { display: block; width: 100%; height: auto; margin: 2px 0; font: 10px sans-serif; }
svg.chart polyline { fill: none; stroke-width: 1.5; } svg.chart .grid { stroke: #e6eaef; }
svg.chart .ytick { text-anchor: end; dominant-baseline: middle; fill: var(--muted); }
svg.chart .xtick { fill: var(--muted); } svg.chart .end { text-anchor: end; }
svg.chart .key { fill: var(--fg); } svg.chart .empty { text-anchor: middle; fill: var(--muted); }
table.statements td.sql { text-align: left; max-width: 720px; white-space: pre-wrap; word-break: break-word; }
`;

const COLORS = { srps: '#1f77b4', failures: '#d62728', users: '#2ca02c', p50: '#9467bd', p95: '#ff7f0e' } as const;

/** The legend's markdown is wrapped in `<sub>` for GitHub; here the page's own style makes it small. */
const legendMarkdown = (tables: string, comparison: Comparison | null): string => renderLegend(tables, comparison).replace(/^<sub>|<\/sub>$/g, '');

function tableCell(cell: CellResult | undefined, comparison: CellComparison | undefined): string {
  if (!cell) return '<td>—</td>';
  if (cell.status !== 'ok' || !cell.metrics) return `<td class="failed" title="${escapeHtml(cell.reason ?? '')}">✖ failed</td>`;
  const numbers = `${formatRate(cell.metrics.maxSrps)} &amp; ${formatCount(cell.metrics.totalSuccesses)}`;
  if (!comparison) return `<td>${numbers}</td>`;
  const note =
    comparison.verdict === 'new' ? `${VERDICT_MARK.new} new` : comparison.verdict === 'missing' ? `${VERDICT_MARK.missing} missing` : cellVerdict(comparison);
  return `<td class="${comparison.verdict}">${numbers}<small>${escapeHtml(note)}</small></td>`;
}

function renderHtmlTables(results: Results, comparison: Comparison | null): string {
  const { config } = results;
  const byId = new Map(results.cells.map((cell) => [cell.id, cell]));
  return config.routes
    .map((route, i) => {
      const head = `<tr><th>Added latency (ms)</th>${config.setups.map((setup) => `<th>${escapeHtml(setup.label)}</th>`).join('')}</tr>`;
      const rows = config.latenciesMs
        .map((ms) => {
          const cells = config.setups.map((setup) => {
            const id = cellId(setup.name, route.name, ms);
            return tableCell(byId.get(id), comparison?.cells.get(id));
          });
          return `<tr><th>${formatCount(ms)}</th>${cells.join('')}</tr>`;
        })
        .join('');
      const caption =
        `<strong>Table ${i + 1}: ${escapeHtml(route.title)}</strong> ` +
        `(${escapeHtml(route.method)} <code>${escapeHtml(requestTarget(route))}</code>): max sRPS &amp; total successes`;
      return `<h3 id="table-${i + 1}">${caption}</h3><table><thead>${head}</thead><tbody>${rows}</tbody></table>`;
    })
    .join('\n');
}

/** Throughput and users share one scale across a route's cells, so the drop with latency shows at a glance. */
interface Scales {
  srps: number;
  users: number;
}

function cellCharts(series: CellSeries, scales: Scales): string {
  if (series.points.length === 0) return `<p class="muted">No history to draw${series.error ? `: ${escapeHtml(series.error)}` : ''}.</p>`;
  const xs = series.points.map((p) => p.t);
  return [
    lineChart({
      title: 'Throughput',
      unit: 'per s',
      yMax: scales.srps,
      xs,
      lines: [
        { name: 'sRPS', color: COLORS.srps, values: series.points.map((p) => p.srps) },
        { name: 'failures/s', color: COLORS.failures, values: series.points.map((p) => p.failuresPerSecond) },
      ],
    }),
    lineChart({
      title: 'Users',
      unit: 'users',
      yMax: scales.users,
      xs,
      lines: [{ name: 'users', color: COLORS.users, values: series.points.map((p) => p.users) }],
    }),
    lineChart({
      title: 'Response time',
      unit: 'ms',
      xs,
      lines: [
        { name: 'p50', color: COLORS.p50, values: series.points.map((p) => p.p50Ms) },
        { name: 'p95', color: COLORS.p95, values: series.points.map((p) => p.p95Ms) },
      ],
    }),
  ].join('');
}

function cellCard(cell: CellResult, label: string, series: CellSeries | undefined, scales: Scales): string {
  const link = series?.hasLocustReport ? `<a href="${relativeHref(`${series.folder}/report.html`)}">Locust report</a>` : '';
  const title = `<h4><span>${escapeHtml(label)} · ${escapeHtml(formatLatency(cell.latencyMs))}</span>${link}</h4>`;
  const summary =
    cell.status === 'ok' && cell.metrics
      ? `<p>max sRPS ${formatRate(cell.metrics.maxSrps)} · successes ${formatCount(cell.metrics.totalSuccesses)} · ` +
        `failures ${formatPercent(cell.metrics.failureRatio)} · ` +
        `p50 ${escapeHtml(formatMs(cell.metrics.p50Ms))} · p95 ${escapeHtml(formatMs(cell.metrics.p95Ms))}</p>`
      : `<p class="failed">✖ failed: ${escapeHtml(cell.reason ?? 'no reason recorded')}</p>`;
  const warnings = cell.warnings.map((warning) => `<p class="muted">⚠️ ${escapeHtml(warning)}</p>`).join('');
  return `<div class="cell" id="${escapeHtml(`cell-${cell.id}`)}">${title}${summary}${warnings}${series ? cellCharts(series, scales) : ''}</div>`;
}

function renderOverTime(results: Results, series: ReadonlyMap<string, CellSeries>): string {
  const labels = new Map(results.config.setups.map((setup) => [setup.name, setup.label]));
  return results.config.routes
    .map((route) => {
      const cells = results.cells.filter((cell) => cell.route === route.name);
      if (cells.length === 0) return '';
      const points = cells.flatMap((cell) => series.get(cell.id)?.points ?? []);
      const scales = {
        srps: Math.max(0, ...points.map((p) => Math.max(p.srps, p.failuresPerSecond))),
        users: Math.max(0, ...points.map((p) => p.users)),
      };
      const cards = cells.map((cell) => cellCard(cell, labels.get(cell.setup) ?? cell.setup, series.get(cell.id), scales)).join('');
      return `<h3>${escapeHtml(route.title)} · <code>${escapeHtml(route.name)}</code></h3><div class="grid-cells">${cards}</div>`;
    })
    .join('\n');
}

function runLine(results: Results): string {
  const { load } = results.config;
  const env = results.environment;
  const parts = [
    `${escapeHtml(results.tool.name)} ${escapeHtml(results.tool.version)}`,
    `created ${escapeHtml(results.createdAt)}`,
    `${formatCount(load.users)} users at ${formatRate(load.spawnRate)}/s for ${formatCount(load.runTimeSeconds)} s per cell`,
    ...(env.cpuCount !== null ? [`${formatCount(env.cpuCount)} CPUs${env.cpuModel ? ` (${escapeHtml(env.cpuModel)})` : ''}`] : []),
    ...(env.runner ? [escapeHtml(String(env.runner))] : []),
  ];
  return `<p class="muted">${parts.join(' · ')}</p>`;
}

/**
 * The long form of the comment as one self-contained page: the same headline,
 * findings (with the theory line), comparison, Tables 1–3 and legend, then every
 * cell over time (sRPS, failures, users, p50/p95) with a link to its Locust report.
 */
export function renderHtmlReport(results: Results, options: HtmlReportOptions): string {
  const { comparison } = options;
  const tablesMarkdown = renderTables(results, comparison);
  const tablesHeading = results.config.routes.length === 1 ? 'Table 1' : `Tables 1–${results.config.routes.length}`;
  const title = `async-bench: ${results.cells.length} cells`;
  const sections = [
    `<header>${markdownToHtml(headline(results, comparison).replace(/^#+ /, '# '))}${runLine(results)}${markdownToHtml(latencyLine(results))}</header>`,
    `<section id="recommendation">${markdownToHtml(renderRecommendation(results))}</section>`,
    `<section id="findings"><h2>Findings</h2>${markdownToHtml(renderFindings(results))}${markdownToHtml(renderSetupNotes(results))}</section>`,
    ...(comparison ? [`<section id="comparison"><h2>Against the baseline</h2>${markdownToHtml(renderComparison(comparison))}</section>`] : []),
    ...(results.budget ? [`<section id="budget"><h2>What the budget bought</h2>${markdownToHtml(renderBudget(results, comparison))}</section>`] : []),
    ...[renderSignalsLead(results, comparison), renderSignalsBlock(results, comparison)]
      .filter(Boolean)
      .map((md) => `<section class="signals">${markdownToHtml(md)}</section>`),
    renderStatements(results, comparison),
    `<section id="tables"><h2>${tablesHeading}</h2>${renderHtmlTables(results, comparison)}` +
      `<div class="legend">${markdownToHtml(legendMarkdown(tablesMarkdown, comparison))}</div></section>`,
    `<section id="over-time"><h2>Every cell over time</h2><p class="muted">From each cell’s ` +
      `<code>locust_stats_history.csv</code> (Aggregated rows; Locust’s rates are a ~10 s moving ` +
      `window). sRPS = requests/s − failures/s. Throughput and users share one scale per route; ` +
      `response times have their own.</p>${renderOverTime(results, options.series)}</section>`,
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${sections.join('\n')}
</body>
</html>
`;
}
