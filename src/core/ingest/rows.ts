import { optionalNumber, parseLocustCsv, requiredNumber, type CsvRecord } from './csv.js';

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

const percentiles = (file: string, record: CsvRecord): Record<Percentile, number | null> =>
  Object.fromEntries(PERCENTILES.map((p) => [p, optionalNumber(file, record, p)])) as Record<Percentile, number | null>;

export function parseStats(file: string, text: string): StatsRow[] {
  return parseLocustCsv(file, text, STATS_COLUMNS).map((record) => ({
    type: record.Type ?? '',
    name: record.Name ?? '',
    requestCount: requiredNumber(file, record, 'Request Count'),
    failureCount: requiredNumber(file, record, 'Failure Count'),
    medianMs: optionalNumber(file, record, 'Median Response Time'),
    averageMs: optionalNumber(file, record, 'Average Response Time'),
    minMs: optionalNumber(file, record, 'Min Response Time'),
    maxMs: optionalNumber(file, record, 'Max Response Time'),
    requestsPerSecond: requiredNumber(file, record, 'Requests/s'),
    failuresPerSecond: requiredNumber(file, record, 'Failures/s'),
    percentilesMs: percentiles(file, record),
  }));
}

export function parseHistory(file: string, text: string): HistoryRow[] {
  return parseLocustCsv(file, text, HISTORY_COLUMNS).map((record) => ({
    timestamp: requiredNumber(file, record, 'Timestamp'),
    userCount: requiredNumber(file, record, 'User Count'),
    type: record.Type ?? '',
    name: record.Name ?? '',
    requestsPerSecond: requiredNumber(file, record, 'Requests/s'),
    failuresPerSecond: requiredNumber(file, record, 'Failures/s'),
    totalRequestCount: optionalNumber(file, record, 'Total Request Count') ?? 0,
    totalFailureCount: optionalNumber(file, record, 'Total Failure Count') ?? 0,
  }));
}

/** Both layouts: `Method,Name,Error,Occurrences` and the same plus First/Last Seen (2.44+). */
export function parseFailures(file: string, text: string): FailureRow[] {
  return parseLocustCsv(file, text, FAILURE_COLUMNS).map((record) => ({
    method: record.Method ?? '',
    name: record.Name ?? '',
    error: record.Error ?? '',
    occurrences: requiredNumber(file, record, 'Occurrences'),
  }));
}
