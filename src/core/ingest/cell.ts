import { loadLimited } from '../results/load-limit.js';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorMessage } from '../error-message.js';
import { failedOutcome, measuredOutcome } from '../results/cell.js';
import { parseCellRecord } from '../results/cell-record.js';
import type { CellOutcome, Signals } from '../results/schema.js';
import { deriveSignals, parseFinalStats, parseRawSignals, type WindowCounts } from './signals.js';
import { CellMetricsFold, LOCUST_CPU_WARNING } from './metrics.js';
import { IngestError } from './csv.js';
import { asIngestError, missingInput, openInput } from './input-file.js';
import { readFailures, readHistory, readStats } from './rows.js';

/** The per-cell files (DESIGN.md's contract). */
export const CELL_FILES = {
  stats: 'locust_stats.csv',
  history: 'locust_stats_history.csv',
  failures: 'locust_failures.csv',
  exceptions: 'locust_exceptions.csv',
  /** Locust's final statistics as JSON (--json-file), written at exit: the signals' exact denominator. */
  finalStats: 'locust_final.json',
  html: 'report.html',
  locustLog: 'locust.log',
  appLog: 'app.log',
  dbLog: 'db.log',
  /** Written by the cell runner: timing, latency method, and the error when the cell failed. */
  runner: 'cell.json',
  /** Written by the cell runner: SQL, CPU and memory counters over the measured window (absent from older runs). */
  signals: 'signals.json',
} as const;

/** What each file read should be, for the reason a cell fails (`…; expected <this>.`). */
const EXPECTED = {
  stats: "Locust's statistics CSV (written by --csv)",
  history: "Locust's history CSV (written by --csv with --csv-full-history)",
  failures: "Locust's failures CSV (written by --csv)",
  locustLog: "Locust's log (written by --logfile)",
  runner: "the cell runner's JSON record",
  signals: "the cell runner's signals record (signals.json)",
  finalStats: "Locust's final statistics (written by --json-file)",
} as const satisfies Partial<Record<keyof typeof CELL_FILES, string>>;

type ReadFile = keyof typeof EXPECTED;

/** The runner writes a few hundred bytes; anything far larger is not its record. */
const MAX_RUNNER_BYTES = 1024 * 1024;
/** A few kilobytes per statement at most (pg_stat_statements keeps 5000 by default). */
const MAX_SIGNALS_BYTES = 64 * 1024 * 1024;

/** How far back a log chunk is searched again, so a warning split across two chunks is still found. */
const LOG_OVERLAP_CHARS = 256;

interface CellFile {
  path: string;
  /** `cells/<cell>/<file>`, as the user finds it in the run directory. */
  label: string;
  expected: string;
}

/**
 * Both callers keep cells in `<run>/cells/<cell>/`, so the folder's last two
 * parts name the cell the way the user knows it, without a temporary absolute path.
 */
function cellFile(dir: string, name: ReadFile): CellFile {
  return { path: join(dir, CELL_FILES[name]), label: `${basename(dirname(dir))}/${basename(dir)}/${CELL_FILES[name]}`, expected: EXPECTED[name] };
}

const open = (file: CellFile): Promise<FileHandle | null> => openInput(file.path, file.label, file.expected);

/** Runs `read` on an opened file; a file-system error while reading names the file. */
async function reading<T>(file: CellFile, input: FileHandle, read: (input: FileHandle) => Promise<T>): Promise<T> {
  try {
    return await read(input);
  } catch (error) {
    throw asIngestError(error, file.label, file.expected);
  }
}

/** The runner's verdict on a cell it could not measure (app never healthy, no CSV, ...). */
async function readRunnerError(file: CellFile): Promise<string | null> {
  const text = await readSmallFile(file, MAX_RUNNER_BYTES);
  if (text === null) return null;
  const parsed = parseCellRecord(file.label, text);
  if ('problem' in parsed) return parsed.problem;
  return parsed.record.error ? parsed.record.error : null;
}

/** A small JSON file's text, or null when it is absent; refused above `maxBytes`. */
async function readSmallFile(file: CellFile, maxBytes: number): Promise<string | null> {
  const input = await open(file);
  if (input === null) return null;
  return reading(file, input, async () => {
    try {
      const { size } = await input.stat();
      if (size > maxBytes) throw new IngestError(`${file.label} is ${size} bytes; expected ${file.expected} of at most ${maxBytes} bytes.`);
      return await input.readFile('utf8');
    } finally {
      await input.close();
    }
  });
}

/**
 * The sample's signals per request; absent (undefined) without signals.json. Divided by Locust's
 * final counts (locust_final.json), else by the CSV's last Aggregated row. A broken file loses
 * the signals only, with a warning: the sample's throughput stays measured.
 */
async function readSignals(dir: string, csvCounts: WindowCounts, warnings: string[]): Promise<Signals | null | undefined> {
  const file = cellFile(dir, 'signals');
  try {
    const text = await readSmallFile(file, MAX_SIGNALS_BYTES);
    if (text === null) return undefined;
    const raw = parseRawSignals(file.label, text);
    const final = cellFile(dir, 'finalStats');
    const finalText = await readSmallFile(final, MAX_SIGNALS_BYTES);
    const counts = finalText === null ? csvCounts : parseFinalStats(final.label, finalText);
    if (finalText === null)
      warnings.push(`${final.label} is missing: the signals divide by ${CELL_FILES.stats}, whose last rewrite may miss the final second.`);
    const derived = deriveSignals(raw, counts);
    warnings.push(...derived.warnings);
    return derived.signals;
  } catch (error) {
    warnings.push(`${errorMessage(error)}; this sample has no signals.`);
    return null;
  }
}

/** Whether Locust's log holds its CPU warning, read in chunks so a log of any size fits. */
async function logHasCpuWarning(input: FileHandle): Promise<boolean> {
  const stream = input.createReadStream({ encoding: 'utf8', autoClose: false });
  try {
    let tail = '';
    for await (const chunk of stream as AsyncIterable<string>) {
      const text = tail + chunk;
      if (LOCUST_CPU_WARNING.test(text)) return true;
      tail = text.slice(-LOG_OVERLAP_CHARS);
    }
    return false;
  } finally {
    stream.destroy();
    await input.close();
  }
}

/** Closes whatever was opened when a later file fails before every file was read. */
async function closeAll(inputs: (FileHandle | null)[]): Promise<void> {
  await Promise.all(inputs.map((input) => input?.close()));
}

/**
 * Reads one cell folder into metrics, streaming each file so its size does not
 * matter. Missing, unreadable or malformed files make the cell `failed` with a
 * reason naming the file, never zeros: a number in a table must be a measurement.
 */
export async function readCell(dir: string): Promise<CellOutcome> {
  const warnings: string[] = [];
  const stats = cellFile(dir, 'stats');
  const history = cellFile(dir, 'history');
  const failures = cellFile(dir, 'failures');
  const log = cellFile(dir, 'locustLog');
  const opened: (FileHandle | null)[] = [];
  const openTracked = async (cellFile: CellFile): Promise<FileHandle | null> => {
    const input = await open(cellFile);
    opened.push(input);
    return input;
  };
  try {
    const runnerError = await readRunnerError(cellFile(dir, 'runner'));
    if (runnerError !== null) throw new IngestError(runnerError);
    // Every file is opened before any is read: a missing history is the reason even when the stats are also malformed.
    const statsInput = await openTracked(stats);
    if (statsInput === null) throw missingInput(stats.label, stats.expected);
    const historyInput = await openTracked(history);
    if (historyInput === null) throw missingInput(history.label, history.expected);
    const failuresInput = await openTracked(failures);
    if (failuresInput === null) warnings.push(`${failures.label} is missing; failure details are unknown.`);
    const logInput = await openTracked(log);

    const fold = new CellMetricsFold({ stats: stats.label, history: history.label });
    await reading(stats, statsInput, (input) => readStats(input, stats.label, (row) => fold.addStats(row)));
    await reading(history, historyInput, (input) => readHistory(input, history.label, (row) => fold.addHistory(row)));
    if (failuresInput !== null) await reading(failures, failuresInput, (input) => readFailures(input, failures.label, (row) => fold.addFailure(row)));
    if (logInput !== null) fold.locustCpuWarning = await reading(log, logInput, logHasCpuWarning);
    const metrics = fold.metrics();
    const signals = await readSignals(dir, fold.windowCounts()!, warnings);
    if (signals !== undefined) metrics.signals = signals;
    const loadShare = metrics.signals?.cpu.load?.share;
    if (loadShare !== undefined && loadLimited(metrics)) {
      warnings.push(`Locust used ${Math.round(loadShare * 100)} % of its CPU: the load generator may have limited this cell.`);
    } else if (loadShare === undefined && metrics.locustCpuWarning) {
      warnings.push('Locust warned that its CPU was above 90 %: the load generator may have limited this cell.');
    }
    return measuredOutcome(metrics, warnings);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return failedOutcome(error.message, warnings);
  } finally {
    await closeAll(opened);
  }
}
