import { sameCount, type StatementChange } from '../compare/queries.js';
import type { CellSignals } from '../compare/signals.js';
import type { CellComparison, Comparison } from '../compare/verdicts.js';
import type { RouteSpec } from '../config/schema.js';
import type { CellResult, Results, Signals } from '../results/schema.js';
import { clip, code, escapeMarkdown } from './escape.js';
import { formatChange, formatCount, formatLatency, formatRate } from './format.js';
import { formatBytes, formatCountChange, formatMsPerRequest, formatPerRequest, meteredChange, SIGNAL_NAME } from './signal-format.js';
import { VERDICT_MARK } from './verdict-text.js';

/**
 * What a request cost, in the comment and the job summary: the lead (per route, what got
 * slower and why it is likely) and a compact per-request block with the statements that
 * changed. SQL is results text: clipped, then shown as code (escape.ts); its full text is
 * in report.html. Every list is bounded, so 27 cells × any SQL stay far below the limit.
 */

/** SQL shown in the comment: its first characters, then its id (the full text is in report.html). */
export const SQL_SHOWN = 90;
/** Statements listed per cell, and cells whose statements are listed. */
export const STATEMENTS_PER_CELL = 3;
export const CELLS_WITH_STATEMENTS = 8;
/** Work below this share of the added latency leaves the throughput latency-bound: it sees the change diluted. */
export const LATENCY_BOUND_SHARE = 0.25;

const signalsOf = (cell: CellResult): Signals | null => (cell.status === 'ok' ? (cell.metrics.signals ?? null) : null);

/**
 * A statement as the comment shows it: the select list elided (what a statement reads from
 * and filters on tells it apart), then clipped. The id names it; report.html has it whole.
 */
const sqlGist = (query: string): string => clip(query.replace(/^\s*SELECT\s+(DISTINCT\s+)?[^]*?\s+FROM\s/i, 'SELECT $1… FROM '), SQL_SHOWN);

/** `+10 queries/request: `SELECT … FROM "shop_category" WHERE …` (0 → 10 per request) · id `a1b2c3d4e5f6``: one changed statement. */
export function statementLine(change: StatementChange): string {
  const delta = formatCountChange(change.head - change.base);
  const moved = `${formatPerRequest(change.base)} → ${formatPerRequest(change.head)} per request`;
  return `${delta} ${SIGNAL_NAME.queries}: ${code(sqlGist(change.query))} (${moved}) · id ${code(change.id)}`;
}

/** The work a request costs the app and its database, in ms: CPU plus DB time (null without CPU). */
function workMs(signals: Signals | null): number | null {
  const cpu = signals?.cpu.app?.perRequestMs;
  return cpu === undefined ? null : cpu + (signals?.sql?.perRequest.dbMs ?? 0);
}

/** Why a regressed cell is likely slower, strongest first. */
function reasons(signals: CellSignals, threshold: number): string[] {
  const { queries, cpu, db, memory, responseBytes } = signals;
  const top = queries?.statements.find((change) => change.head > change.base);
  return [
    ...(queries && queries.verdict === 'regressed'
      ? [`more queries (${formatCountChange(queries.head - queries.base)}/request${top ? `, e.g. ${statementLine(top)}` : ''})`]
      : []),
    ...(queries && queries.rows.head > queries.rows.base && !sameCount(queries.rows.base, queries.rows.head)
      ? [`more rows (${formatPerRequest(queries.rows.base)} → ${formatPerRequest(queries.rows.head)} per request)`]
      : []),
    ...(cpu?.verdict === 'regressed' ? [`more CPU per request (${meteredChange('cpu', cpu)})`] : []),
    ...(db?.verdict === 'regressed' ? [`more database time (${meteredChange('db', db)})`] : []),
    ...(responseBytes && responseBytes.head > responseBytes.base * (1 + threshold)
      ? [`bigger responses (${formatBytes(responseBytes.base)} → ${formatBytes(responseBytes.head)})`]
      : []),
    ...(memory?.verdict === 'regressed' ? [`more memory (${meteredChange('memory', memory)})`] : []),
  ];
}

/** A cell whose cost rose while its throughput could not tell: the added latency dwarfs the work. */
function latencyBound(cell: CellComparison, result: CellResult): string | null {
  const work = workMs(signalsOf(result));
  if (cell.throughput === 'regressed' || result.latencyMs === 0 || work === null || work > LATENCY_BOUND_SHARE * result.latencyMs) return null;
  return `${code(cell.id)} (${formatLatency(result.latencyMs)} of added latency per round trip against ≈ ${formatMsPerRequest(work)} ms of work)`;
}

/**
 * The lead: per route with a regressed cell, where it got slower and why that is likely,
 * and the cells whose throughput was latency-bound and so could not see it. Empty without
 * a comparison or a regression.
 */
export function renderSignalsLead(results: Results, comparison: Comparison | null): string {
  if (!comparison) return '';
  const byId = new Map(results.cells.map((cell) => [cell.id, cell]));
  const bullets = results.config.routes.flatMap((route) => {
    const slower = [...comparison.cells.values()].filter((cell) => cell.verdict === 'regressed' && byId.get(cell.id)?.route === route.name);
    if (slower.length === 0) return [];
    const first = slower.find((cell) => cell.signals) ?? slower[0]!;
    const why = first.signals ? reasons(first.signals, comparison.threshold) : [];
    const because = why.length ? `likely ${why.join('; ')}` : 'no per-request signal moved, so look at what waits: locks, connections, the load or the latency';
    const blind = slower.flatMap((cell) => latencyBound(cell, byId.get(cell.id)!) ?? []);
    const cells = slower.map((cell) => code(cell.id)).join(', ');
    return [
      `- ${code(route.name)}${mixNote(route)}: slower in ${cells}: ${because}.` +
        (blind.length ? ` Throughput was latency-bound and could not see it at ${blind.join(', ')}.` : ''),
    ];
  });
  return bullets.length ? ['**What got slower, and why it is likely.**', ...bullets].join('\n') : '';
}

const mixNote = (route: RouteSpec): string => (route.mix ? ' (a mix: per request of the mix)' : '');

/** `12 (+10)`, `4.60 ms 🔴 +15.0 %`: head's value and, against a baseline, its change. */
function valueCell(head: string, change: string | null, regressed: boolean): string {
  return `${head}${change ? ` (${regressed ? `${VERDICT_MARK.regressed} ` : ''}${change})` : ''}`;
}

/** `1/request, 6.9 open`: connections each request opened, and open on average (or, kept ones, open at the window's end). */
function connectionsCell(connections: Signals['connections']): string {
  if (!connections) return '—';
  const open = connections.meanOpen === null ? `${formatCount(connections.openAtEnd)} open at the end` : `${formatRate(connections.meanOpen)} open`;
  return `${formatPerRequest(connections.openedPerRequest)}/request, ${open}`;
}

function row(result: CellResult, cell: CellComparison | undefined, withConnections: boolean): string | null {
  const signals = signalsOf(result);
  if (!signals) return null;
  const s = cell?.signals ?? null;
  const sql = signals.sql?.perRequest;
  const metered = (signal: 'cpu' | 'db' | 'memory', value: number | null | undefined, show: (v: number) => string) => {
    const m = s?.[signal];
    return value === null || value === undefined ? '—' : valueCell(show(value), m ? formatChange(m.head / m.base - 1) : null, m?.verdict === 'regressed');
  };
  const queries = sql
    ? valueCell(formatPerRequest(sql.queries), s?.queries ? formatCountChange(s.queries.head - s.queries.base) : null, s?.queries?.verdict === 'regressed')
    : '—';
  const bytes = signals.responseBytesPerRequest;
  const ms = (v: number) => `${formatMsPerRequest(v)} ms`;
  return [
    code(result.id),
    queries,
    sql ? formatPerRequest(sql.rows) : '—',
    metered('cpu', signals.cpu.app?.perRequestMs, ms),
    metered('db', sql?.dbMs, ms),
    metered('memory', signals.memory.appPeakBytes, formatBytes),
    bytes === null ? '—' : valueCell(formatBytes(bytes), s?.responseBytes ? formatChange(s.responseBytes.head / s.responseBytes.base - 1) : null, false),
    ...(withConnections ? [connectionsCell(signals.connections)] : []),
  ].join(' | ');
}

/** The changed statements of the cells that have some, bounded. */
function statementList(comparison: Comparison | null): string[] {
  const changed = [...(comparison?.cells.values() ?? [])].filter((cell) => cell.signals?.queries?.statements.length);
  const lines = changed.slice(0, CELLS_WITH_STATEMENTS).map((cell) => {
    const statements = cell.signals!.queries!.statements;
    const shown = statements.slice(0, STATEMENTS_PER_CELL).map((change) => `  - ${statementLine(change)}`);
    const more = statements.length > shown.length ? [`  - … and ${statements.length - shown.length} more in report.html`] : [];
    return [`- ${code(cell.id)}:`, ...shown, ...more].join('\n');
  });
  const rest = changed.length - lines.length;
  return rest > 0 ? [...lines, `- … and ${rest} more cells with changed statements, in report.html`] : lines;
}

/**
 * The per-request block: every cell with signals, route by route (queries, rows, CPU, DB
 * time, peak memory, response size, with the change against the baseline; the database
 * connections where read, never judged against a baseline), then the
 * statements that appeared, vanished or changed their calls per request.
 */
export function renderSignalsBlock(results: Results, comparison: Comparison | null): string {
  const order = new Map(results.config.routes.map((route, i) => [route.name, i]));
  const cells = [...results.cells].sort((a, b) => order.get(a.route)! - order.get(b.route)!);
  // The connections' column only where some cell read them (results from before have none).
  const withConnections = cells.some((cell) => signalsOf(cell)?.connections);
  const rows = cells.flatMap((cell) => row(cell, comparison?.cells.get(cell.id), withConnections) ?? []);
  if (rows.length === 0) return '';
  const mixes = results.config.routes.filter((route) => route.mix).map((route) => code(route.name));
  const against = comparison ? `; in parentheses the change against ${escapeMarkdown(comparison.baselineLabel)}` : '';
  const statements = statementList(comparison);
  return [
    `**Per request** (each cell's median sample${against}):`,
    '',
    `| Cell | Queries | Rows | CPU (app) | DB time | Peak memory | Response |${withConnections ? ' DB connections |' : ''}`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: |${withConnections ? ' ---: |' : ''}`,
    ...rows.map((line) => `| ${line} |`),
    ...(mixes.length ? ['', `${mixes.join(', ')}: per request of the mix; its statements cannot be told apart by route.`] : []),
    ...(statements.length ? ['', 'Statements that appeared, vanished or changed their calls per request:', ...statements] : []),
  ].join('\n');
}
