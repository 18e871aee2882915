import type { CellComparison } from '../../compare/verdicts.js';
import type { CellMetrics } from '../../results/schema.js';

/**
 * The per-request signals as flat numbers, for results.csv and the BMF export: head's
 * values (the cell's median sample), and for the CSV the baseline's and each verdict.
 * Appended after the older columns, so scripts that read those by position keep working.
 */
export const SIGNAL_VALUES = {
  queries_per_request: (m) => m.signals?.sql?.perRequest.queries,
  rows_per_request: (m) => m.signals?.sql?.perRequest.rows,
  db_ms_per_request: (m) => m.signals?.sql?.perRequest.dbMs,
  app_cpu_ms_per_request: (m) => m.signals?.cpu.app?.perRequestMs,
  db_cpu_ms_per_request: (m) => m.signals?.cpu.db?.perRequestMs,
  load_cpu_share: (m) => m.signals?.cpu.load?.share,
  app_peak_memory_bytes: (m) => m.signals?.memory.appPeakBytes,
  response_bytes_per_request: (m) => m.signals?.responseBytesPerRequest,
} satisfies Record<string, (metrics: CellMetrics) => number | null | undefined>;

export const SIGNAL_COMPARISON = {
  decided_by: (c) => c.decidedBy,
  baseline_queries_per_request: (c) => c.signals?.queries?.base,
  queries_verdict: (c) => c.signals?.queries?.verdict,
  cpu_verdict: (c) => c.signals?.cpu?.verdict,
  db_time_verdict: (c) => c.signals?.db?.verdict,
  memory_verdict: (c) => c.signals?.memory?.verdict,
} satisfies Record<string, (cell: CellComparison) => string | number | undefined>;

/** The app database's connections (added later, so after the comparison columns): opened per request, open on average. */
export const CONNECTION_VALUES = {
  db_connections_opened_per_request: (m) => m.signals?.connections?.openedPerRequest,
  db_connections_mean_open: (m) => m.signals?.connections?.meanOpen,
} satisfies Record<string, (metrics: CellMetrics) => number | null | undefined>;

export const SIGNAL_COLUMNS = [...Object.keys(SIGNAL_VALUES), ...Object.keys(SIGNAL_COMPARISON), ...Object.keys(CONNECTION_VALUES)] as (
  keyof typeof SIGNAL_VALUES | keyof typeof SIGNAL_COMPARISON | keyof typeof CONNECTION_VALUES
)[];
