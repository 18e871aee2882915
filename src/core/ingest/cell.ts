import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { failedOutcome, measuredOutcome } from '../results/cell.js';
import type { CellOutcome } from '../results/schema.js';
import { computeMetrics } from './metrics.js';
import { IngestError } from './csv.js';
import { parseFailures, parseHistory, parseStats } from './rows.js';

/** The per-cell files (DESIGN.md's contract). */
export const CELL_FILES = {
  stats: 'locust_stats.csv',
  history: 'locust_stats_history.csv',
  failures: 'locust_failures.csv',
  exceptions: 'locust_exceptions.csv',
  html: 'report.html',
  locustLog: 'locust.log',
  appLog: 'app.log',
  dbLog: 'db.log',
  /** Written by the cell runner: timing, latency method, and the error when the cell failed. */
  runner: 'cell.json',
} as const;

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The runner's verdict on a cell it could not measure (app never healthy, no CSV, ...). */
async function readRunnerError(path: string): Promise<string | null> {
  const text = await readOptional(path);
  if (text === null) return null;
  try {
    const record = JSON.parse(text) as { error?: unknown };
    return typeof record.error === 'string' && record.error !== '' ? record.error : null;
  } catch {
    return `${CELL_FILES.runner} is not valid JSON.`;
  }
}

/**
 * Reads one cell folder into metrics. Missing or malformed files make the cell
 * `failed` with a reason, never zeros: a number in a table must be a measurement.
 */
export async function readCell(dir: string): Promise<CellOutcome> {
  const warnings: string[] = [];
  try {
    const runnerError = await readRunnerError(join(dir, CELL_FILES.runner));
    if (runnerError !== null) throw new IngestError(runnerError);
    const [stats, history, failures, log] = await Promise.all([
      readOptional(join(dir, CELL_FILES.stats)),
      readOptional(join(dir, CELL_FILES.history)),
      readOptional(join(dir, CELL_FILES.failures)),
      readOptional(join(dir, CELL_FILES.locustLog)),
    ]);
    if (stats === null) throw new IngestError(`${CELL_FILES.stats} is missing.`);
    if (history === null) {
      throw new IngestError(`${CELL_FILES.history} is missing (was Locust run with --csv-full-history?).`);
    }
    if (failures === null) warnings.push(`${CELL_FILES.failures} is missing; failure details are unknown.`);
    const metrics = computeMetrics({
      stats: parseStats(CELL_FILES.stats, stats),
      history: parseHistory(CELL_FILES.history, history),
      failures: failures === null ? [] : parseFailures(CELL_FILES.failures, failures),
      log,
    });
    if (metrics.locustCpuWarning) {
      warnings.push('Locust warned that its CPU was above 90 %: the load generator may have limited this cell.');
    }
    return measuredOutcome(metrics, warnings);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return failedOutcome(error.message, warnings);
  }
}
