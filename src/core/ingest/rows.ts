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
  Object.fromEntries(PERCENTILES.map((p) => [p, record.optionalNumber(p)])) as Record<Percentile, number | null>;

/*
 * Each reader streams its file into `onRow` one typed row at a time and keeps
 * nothing itself: a history of a million rows never sits in memory.
 */

export function readStats(input: FileHandle, file: string, onRow: (row: StatsRow) => void): Promise<void> {
  return streamLocustCsv(input, file, STATS_COLUMNS, (record) =>
    onRow({
      type: record.text('Type'),
      name: record.text('Name'),
      requestCount: record.requiredNumber('Request Count'),
      failureCount: record.requiredNumber('Failure Count'),
      medianMs: record.optionalNumber('Median Response Time'),
      averageMs: record.optionalNumber('Average Response Time'),
      minMs: record.optionalNumber('Min Response Time'),
      maxMs: record.optionalNumber('Max Response Time'),
      averageContentSize: record.optionalNumber('Average Content Size'),
      requestsPerSecond: record.requiredNumber('Requests/s'),
      failuresPerSecond: record.requiredNumber('Failures/s'),
      percentilesMs: percentiles(record),
    }),
  );
}

export function readHistory(input: FileHandle, file: string, onRow: (row: HistoryRow) => void): Promise<void> {
  return streamLocustCsv(input, file, HISTORY_COLUMNS, (record) =>
    onRow({
      timestamp: record.requiredNumber('Timestamp'),
      userCount: record.requiredNumber('User Count'),
      type: record.text('Type'),
      name: record.text('Name'),
      requestsPerSecond: record.requiredNumber('Requests/s'),
      failuresPerSecond: record.requiredNumber('Failures/s'),
      totalRequestCount: record.optionalNumber('Total Request Count') ?? 0,
      totalFailureCount: record.optionalNumber('Total Failure Count') ?? 0,
    }),
  );
}

/** Both layouts: `Method,Name,Error,Occurrences` and the same plus First/Last Seen (2.44+). */
export function readFailures(input: FileHandle, file: string, onRow: (row: FailureRow) => void): Promise<void> {
  return streamLocustCsv(input, file, FAILURE_COLUMNS, (record) =>
    onRow({
      method: record.text('Method'),
      name: record.text('Name'),
      error: record.text('Error'),
      occurrences: record.requiredNumber('Occurrences'),
    }),
  );
}
