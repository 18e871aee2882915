import type { StatementChange } from '../../compare/queries.js';
import type { Comparison } from '../../compare/verdicts.js';
import type { CellResult, Results } from '../../results/schema.js';
import { formatCountChange, formatPerRequest } from '../signal-format.js';
import { escapeHtml } from './escape.js';

/**
 * report.html's statements per cell, base beside head: every normalised statement in full
 * (the comment clips them and names their id), its calls per request on each side and the
 * change. Without a baseline, head's alone. SQL is results text: escaped like any other.
 */

function headRows(cell: CellResult): StatementChange[] {
  const signals = cell.status === 'ok' ? cell.metrics.signals : null;
  if (!signals?.sql || signals.window.successes === 0) return [];
  return signals.sql.statements.map((s) => ({ id: s.id, query: s.query, base: 0, head: s.calls / signals.window.successes }));
}

function table(rows: StatementChange[], withBase: boolean): string {
  const columns = withBase ? ['Statement', 'id', 'Base', 'Head', 'Change'] : ['Statement', 'id', 'Calls'];
  const head = `<tr>${columns.map((name) => `<th>${name}</th>`).join('')}</tr>`;
  const body = rows
    .map((row) => {
      const base = withBase ? `<td>${formatPerRequest(row.base)}</td>` : '';
      const change = withBase ? `<td>${formatCountChange(row.head - row.base)}</td>` : '';
      const statement = `<td class="sql"><code>${escapeHtml(row.query)}</code></td><td><code>${escapeHtml(row.id)}</code></td>`;
      return `<tr>${statement}${base}<td>${formatPerRequest(row.head)}</td>${change}</tr>`;
    })
    .join('');
  return `<table class="statements"><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** The section, or '' when no cell collected SQL. */
export function renderStatements(results: Results, comparison: Comparison | null): string {
  const cards = results.cells.flatMap((cell) => {
    const compared = comparison?.cells.get(cell.id)?.signals?.queries;
    const rows = compared ? compared.all : headRows(cell);
    if (rows.length === 0) return [];
    const mix = results.config.routes.find((route) => route.name === cell.route)?.mix ? ' · a mix: per request of the mix, not by route' : '';
    return [`<h3 id="${escapeHtml(`statements-${cell.id}`)}"><code>${escapeHtml(cell.id)}</code>${escapeHtml(mix)}</h3>${table(rows, Boolean(compared))}`];
  });
  if (cards.length === 0) return '';
  const note = comparison
    ? 'calls per successful request, base beside head (median over samples), matched by the id of the normalised text'
    : 'calls per successful request';
  const intro = `<p class="muted">From pg_stat_statements over each sample’s measured window: ${note}.</p>`;
  return `<section id="statements"><h2>SQL statements per cell</h2>${intro}${cards.join('\n')}</section>`;
}
