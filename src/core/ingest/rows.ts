import type { FileHandle } from 'node:fs/promises';
import { streamLocustCsv, type LocustRecord } from './csv.js';

/** Typed rows of Locust's CSV files (2.12 through current). */

export const PERCENTILES = ['50%', '95%', '99%'] as const;
export type Percentile = (typeof PERCENTILES)[number];

export interface StatsRow {
  type: string;
  name: string;
  requestCount: number;
  failureCount: number;
  medianMs: number | null;
  averageMs: number | null;
  minMs: number | null;
  maxMs: number | null;
  /** "Average Content Size": mean response body in bytes (optional: rows built by hand may leave it out). */
  averageContentSize?: number | null;
  requestsPerSecond: number;
  failuresPerSecond: number;
  percentilesMs: Record<Percentile, number | null>;
}

export interface HistoryRow {
  /** Unix seconds. */
  timestamp: number;
  userCount: number;
  type: string;
  name: string;
  /** Locust's ~10 s moving-window rate. */
  requestsPerSecond: number;
  failuresPerSecond: number;
  totalRequestCount: number;
  totalFailureCount: number;
}

export interface FailureRow {
  method: string;
  name: string;
  error: string;
  occurrences: number;
}

export const AGGREGATED = 'Aggregated';

const STATS_COLUMNS = ['Type', 'Name', 'Request Count', 'Failure Count', 'Requests/s', 'Failures/s'] as const;
const HISTORY_COLUMNS = ['Timestamp', 'User Count', 'Type', 'Name', 'Requests/s', 'Failures/s'] as const;
const FAILURE_COLUMNS = ['Method', 'Name', 'Error', 'Occurrences'] as const;

const percentiles = (record: LocustRecord): Record<Percentile, number | null> =>
  Object.fromEntries(PERCENTILES.map((p) => [p, record.optionalMeasure(p)])) as Record<Percentile, number | null>;

/** Request Count and Failure Count of one row, bounded as results.json bounds them. */
function counts(record: LocustRecord, requests: string, failures: string): { requestCount: number; failureCount: number } {
  const requestCount = record.count(requests);
  const failureCount = record.count(failures);
  if (failureCount > requestCount) {
    throw record.inconsistent(`column "${failures}" (${failureCount}) is more than column "${requests}" (${requestCount})`);
  }
  return { requestCount, failureCount };
}

/*
 * Each reader streams its file into `onRow` one typed row at a time and keeps
 * nothing itself: a history of a million rows never sits in memory.
 */

export function readStats(input: FileHandle, file: string, onRow: (row: StatsRow) => void): Promise<void> {
  return streamLocustCsv(input, file, STATS_COLUMNS, (record) =>
    onRow({
      type: record.text('Type'),
      name: record.text('Name'),
      ...counts(record, 'Request Count', 'Failure Count'),
      medianMs: record.optionalMeasure('Median Response Time'),
      averageMs: record.optionalMeasure('Average Response Time'),
      averageContentSize: record.optionalMeasure('Average Content Size'),
      minMs: record.optionalMeasure('Min Response Time'),
      maxMs: record.optionalMeasure('Max Response Time'),
      requestsPerSecond: record.measure('Requests/s'),
      failuresPerSecond: record.measure('Failures/s'),
      percentilesMs: percentiles(record),
    }),
  );
}

export function readHistory(input: FileHandle, file: string, onRow: (row: HistoryRow) => void): Promise<void> {
  return streamLocustCsv(input, file, HISTORY_COLUMNS, (record) => {
    const totals = record.optionalNumber('Total Request Count') === null ? null : counts(record, 'Total Request Count', 'Total Failure Count');
    onRow({
      timestamp: record.requiredNumber('Timestamp'),
      userCount: record.count('User Count'),
      type: record.text('Type'),
      name: record.text('Name'),
      requestsPerSecond: record.measure('Requests/s'),
      failuresPerSecond: record.measure('Failures/s'),
      totalRequestCount: totals?.requestCount ?? 0,
      totalFailureCount: totals?.failureCount ?? record.optionalCount('Total Failure Count') ?? 0,
    });
  });
}

/** Both layouts: `Method,Name,Error,Occurrences` and the same plus First/Last Seen (2.44+). */
export function readFailures(input: FileHandle, file: string, onRow: (row: FailureRow) => void): Promise<void> {
  return streamLocustCsv(input, file, FAILURE_COLUMNS, (record) =>
    onRow({
      method: record.text('Method'),
      name: record.text('Name'),
      error: record.text('Error'),
      occurrences: record.count('Occurrences'),
    }),
  );
}
