import type { Comparison } from '../../compare/verdicts.js';
import type { Results } from '../../results/results.js';
import { CONNECTION_VALUES, SIGNAL_COLUMNS, SIGNAL_COMPARISON, SIGNAL_VALUES } from './signal-columns.js';

/**
 * One row per cell, for spreadsheets and scripts: RFC 4180 (CRLF records, fields
 * with a comma, quote or line break quoted, quotes doubled), numbers as plain
 * decimals with no grouping, empty where a cell has no number.
 */

const CSV_COLUMNS = [
  'id',
  'setup',
  'route',
  'latency_ms',
  'status',
  'max_srps',
  'total_successes',
  'steady_srps',
  'failure_ratio',
  'p50_ms',
  'p95_ms',
  'p99_ms',
  'requests',
  'verdict',
  'baseline_max_srps',
  'baseline_total_successes',
  'reason',
  ...SIGNAL_COLUMNS,
] as const;

/**
 * A text field a spreadsheet would run as a formula (=, +, −, @, and tab or carriage
 * return, which some treat the same) gets a leading apostrophe, so it shows as text.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Plain decimals: 201, 68.666667, 0.000001; six decimals are more than any metric means. */
function number(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(Number(value.toFixed(6)));
}

export function renderCsv(results: Results, comparison: Comparison | null = null): string {
  const rows = results.cells.map((cell) => {
    const m = cell.status === 'ok' ? cell.metrics : null;
    const verdict = comparison?.cells.get(cell.id);
    const text = (value: string | null | undefined) => csvField(neutralizeFormula(value ?? ''));
    return [
      text(cell.id),
      text(cell.setup),
      text(cell.route),
      number(cell.latencyMs),
      text(cell.status),
      number(m?.maxSrps),
      number(m?.totalSuccesses),
      number(m?.steadySrps),
      number(m?.failureRatio),
      number(m?.p50Ms),
      number(m?.p95Ms),
      number(m?.p99Ms),
      number(m?.totalRequests),
      text(verdict?.verdict),
      number(verdict?.metrics.maxSrps.baseline),
      number(verdict?.metrics.totalSuccesses.baseline),
      text(cell.reason),
      ...Object.values(SIGNAL_VALUES).map((value) => number(m ? value(m) : null)),
      ...Object.values(SIGNAL_COMPARISON).map((value) => {
        const v = verdict ? value(verdict) : undefined;
        return typeof v === 'number' ? number(v) : text(v);
      }),
      ...Object.values(CONNECTION_VALUES).map((value) => number(m ? value(m) : null)),
    ].join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].map((row) => `${row}\r\n`).join('');
}
