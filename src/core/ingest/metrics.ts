import { IngestError } from './csv.js';
import type { CellMetrics } from '../results/schema.js';
import { AGGREGATED, type FailureRow, type HistoryRow, type StatsRow } from './rows.js';

export type { CellMetrics } from '../results/schema.js';

/** Locust's history Requests/s averages about the last 10 s. */
export const RATE_WINDOW_SECONDS = 10;

/**
 * Locust's own warnings that a load process was CPU-bound: the single process or
 * master ("CPU usage above 90%!"), and workers as the master reports them
 * ("Worker … exceeded cpu threshold") when --processes is above 1.
 */
export const LOCUST_CPU_WARNING = /CPU usage above 90%|exceeded cpu threshold/;

/** Locust's files of one cell, parsed. */
export interface LocustOutput {
  stats: StatsRow[];
  history: HistoryRow[];
  failures: FailureRow[];
  log: string | null;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export function computeMetrics(data: LocustOutput): CellMetrics {
  const total = data.stats.filter((row) => row.name === AGGREGATED).at(-1);
  if (!total) throw new IngestError('locust_stats.csv has no "Aggregated" row.');
  const history = data.history.filter((row) => row.name === AGGREGATED);
  if (history.length === 0) throw new IngestError('locust_stats_history.csv has no "Aggregated" row.');

  const successRates = history.map((row) => row.requestsPerSecond - row.failuresPerSecond);
  const peakUsers = Math.max(...history.map((row) => row.userCount));
  return {
    maxSrps: Math.max(...successRates),
    totalSuccesses: total.requestCount - total.failureCount,
    totalRequests: total.requestCount,
    totalFailures: total.failureCount,
    failureRatio: total.requestCount === 0 ? 0 : total.failureCount / total.requestCount,
    steadySrps: steadyStateSrps(history, peakUsers),
    p50Ms: total.percentilesMs['50%'],
    p95Ms: total.percentilesMs['95%'],
    p99Ms: total.percentilesMs['99%'],
    averageMs: total.averageMs,
    peakUsers,
    historySamples: history.length,
    locustCpuWarning: data.log !== null && LOCUST_CPU_WARNING.test(data.log),
    topFailures: [...data.failures]
      .sort((a, b) => b.occurrences - a.occurrences)
      .slice(0, 3)
      .map(({ error, occurrences }) => ({ error, occurrences })),
  };
}

/**
 * Median sRPS while all users ran: the rows at the peak user count, minus the
 * first rate window after the peak was reached (its average still covers the
 * ramp). Falls back to every peak row when the hold is shorter than the window.
 */
function steadyStateSrps(history: HistoryRow[], peakUsers: number): number | null {
  const hold = history.filter((row) => row.userCount === peakUsers && peakUsers > 0);
  if (hold.length === 0) return null;
  const settledFrom = hold[0]!.timestamp + RATE_WINDOW_SECONDS;
  const settled = hold.filter((row) => row.timestamp >= settledFrom);
  const rows = settled.length > 0 ? settled : hold;
  return median(rows.map((row) => row.requestsPerSecond - row.failuresPerSecond));
}
