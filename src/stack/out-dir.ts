/** The out folder: an earlier run found and refused, resumed or started over; this run's results written into it. */
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../core/config/build.js';
import { errorMessage } from '../core/error-message.js';
import { CELLS_FOLDER, ingestRun, knownCellRecord, listCellDirs, readRecordedResults, RESULTS_FILE, TABLES_FILE } from '../core/ingest/run-dir.js';
import type { Cell } from '../core/plan/cells.js';
import type { Environment } from '../core/results/environment.js';
import type { BudgetRecord } from '../core/results/schema.js';
import { serializeResults, type Results } from '../core/results/results.js';
import type { Logger } from './log.js';
import { configDifferences, environmentDifferences, planResume } from './resume.js';

/**
 * What `run` does with an out folder that holds an earlier run's measurements:
 * refuse to start, keep what still compares (resume), or start over (force).
 */
export type ExistingRunPolicy = 'refuse' | 'resume' | 'force';

/** The out folder cannot be used as asked; nothing in it was measured or deleted. */
export class OutDirError extends Error {
  override name = 'OutDirError';
}

/** What an earlier run left in the out folder. */
export interface EarlierRun {
  /** Its results.json; null when it has none or it cannot be read (then `unreadable` says why). */
  results: Results | null;
  unreadable: string | null;
  /** Cell folders under cells/. */
  cellDirs: string[];
  /** When it ran: results.json's createdAt, else the first cell's start, else the folder's time. */
  date: Date;
  /** Cells it measured: results.json's ok cells, else its cell folders. */
  measured: number;
}

async function modified(path: string): Promise<Date | null> {
  return (await stat(path).catch(() => null))?.mtime ?? null;
}

async function firstCellStart(cellsDir: string, dirs: string[]): Promise<Date | null> {
  const starts = await Promise.all(
    dirs.map(async (dir) => {
      const record = await knownCellRecord(join(cellsDir, dir));
      return record?.startedAt ? Date.parse(record.startedAt) : null;
    }),
  );
  const known = starts.filter((start): start is number => start !== null);
  return known.length > 0 ? new Date(Math.min(...known)) : null;
}

/**
 * Reads what an earlier run left in `outDir` (reading only). Null when nothing
 * measured is at stake: no results.json and no cell folders, or a results.json
 * that measured nothing and no cell folder beside it.
 */
async function findEarlierRun(outDir: string): Promise<EarlierRun | null> {
  const info = await stat(outDir).catch(() => null);
  if (info !== null && !info.isDirectory()) {
    throw new OutDirError(`${outDir} is a file, not a folder; give --out (the out input) a folder for the run, which is created when missing.`);
  }
  const cellsDir = join(outDir, CELLS_FOLDER);
  const cellDirs = (await stat(cellsDir).catch(() => null))?.isDirectory() ? await listCellDirs(outDir, { allowEmpty: true }) : [];
  const resultsPath = join(outDir, RESULTS_FILE);
  let results: Results | null = null;
  let unreadable: string | null = null;
  try {
    results = await readRecordedResults(outDir);
  } catch (error) {
    unreadable = errorMessage(error);
  }
  if (results === null && unreadable === null && cellDirs.length === 0) return null;
  const ok = results?.cells.filter((cell) => cell.status === 'ok').length ?? 0;
  if (results !== null && ok === 0 && cellDirs.length === 0) return null;
  const date =
    (results ? new Date(results.createdAt) : null) ??
    (await firstCellStart(cellsDir, cellDirs)) ??
    (await modified(unreadable ? resultsPath : cellsDir)) ??
    new Date(0);
  return { results, unreadable, cellDirs, date, measured: results ? ok : cellDirs.length };
}

/** `2026-05-01 14:03 UTC`: a date a user recognises their run by. */
export function formatRunDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'an unknown date' : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The out folder as the user named it, e.g. `async-bench-results/`. */
export const shownFolder = (outDir: string): string => (outDir.endsWith('/') ? outDir : `${outDir}/`);

const cellCount = (n: number): string => `${n} cell${n === 1 ? '' : 's'}`;

const ALTERNATIVES = 'Use --force to start over, or --out for a new folder.';

/**
 * The checks made before anything runs (no Docker call, no file touched): an
 * earlier run is never overwritten unless the policy says what to do with it,
 * and --resume only continues a run of the same configuration.
 */
function checkOutDir(earlier: EarlierRun | null, policy: ExistingRunPolicy, config: Config): void {
  if (earlier === null || policy === 'force') return;
  const folder = shownFolder(config.outDir);
  const cells = cellCount(earlier.measured);
  if (policy === 'refuse') {
    throw new OutDirError(
      `${folder} holds a run from ${formatRunDate(earlier.date)} (${cells}). Use --resume to continue it, --force to start over, or --out for a new folder.`,
    );
  }
  if (earlier.results === null) {
    const why = earlier.unreadable ?? `it has no ${RESULTS_FILE}`;
    throw new OutDirError(
      `--resume: ${folder} holds ${cells} but its configuration cannot be checked (${why}), so they may not compare with new ones. ${ALTERNATIVES}`,
    );
  }
  const differences = configDifferences(earlier.results.config, config);
  if (differences.length > 0) {
    throw new OutDirError(
      `--resume: ${folder} was run with another configuration (${differences.join('; ')}), so none of ` +
        `its ${cells} would compare with new ones. Run with the same settings to resume, or: ${ALTERNATIVES}`,
    );
  }
}

/** Starts over: removes what a run writes (cells, results.json, tables.md), nothing else of the folder. */
async function clearEarlierRun(outDir: string): Promise<void> {
  await rm(join(outDir, CELLS_FOLDER), { recursive: true, force: true });
  await rm(join(outDir, RESULTS_FILE), { force: true });
  await rm(join(outDir, TABLES_FILE), { force: true });
}

/**
 * Makes the out folder this run's, once the stack is up and its environment known
 * (so a run that cannot start never costs the earlier one): `force` removes the
 * earlier run; `resume` checks the stack is the same instrument and returns the
 * cells to keep (id → the attempt that measured them). Nothing to keep otherwise.
 */
async function prepareOutDir(
  outDir: string,
  earlier: EarlierRun | null,
  policy: ExistingRunPolicy,
  run: { config: Config; cells: Cell[]; environment: Environment },
  log: Logger,
): Promise<Map<string, string>> {
  // Again here, so no caller can reach the deletion below with a policy that forbids it.
  checkOutDir(earlier, policy, run.config);
  if (earlier === null) return new Map();
  const folder = shownFolder(run.config.outDir);
  if (policy === 'force') {
    log.info(`Starting over in ${folder}: removing the earlier run from ${formatRunDate(earlier.date)} (${cellCount(earlier.measured)}).`);
    await clearEarlierRun(outDir);
    return new Map();
  }
  // checkOutDir let only a resume with a readable results.json through.
  const results = earlier.results!;
  const differences = environmentDifferences(results.environment, run.environment);
  if (differences.length > 0) {
    throw new OutDirError(
      `--resume: ${folder} was measured on another stack (${differences.join('; ')}), so its cells would not compare with new ones. ${ALTERNATIVES}`,
    );
  }
  const method = run.environment.latencyMethod ?? '';
  const plan = await planResume(outDir, results, run.cells, method);
  for (const { id, why } of plan.remeasured) log.warning(`${id}: measured again (${why}).`);
  const attempts = [...new Set(plan.kept.values())];
  const from = attempts.length === 1 ? `the attempt of ${formatRunDate(new Date(attempts[0]!))}` : `${attempts.length} earlier attempts`;
  log.info(`Resuming ${folder}: ${plan.kept.size} of ${run.cells.length} cells kept from ${from}; ${run.cells.length - plan.kept.size} to run.`);
  return plan.kept;
}

/** The run's out folder, and the earlier run found in it (read only: nothing is changed until the take-over). */
export interface OutFolder {
  readonly dir: string;
  readonly cellsDir: string;
  readonly resultsPath: string;
  readonly policy: ExistingRunPolicy;
  readonly earlier: EarlierRun | null;
}

/** Reads the out folder and refuses an earlier run now, before anything runs; otherwise it is left as it is. */
export async function findOutFolder(config: Config, cwd: string, policy: ExistingRunPolicy): Promise<OutFolder> {
  const dir = resolve(cwd, config.outDir);
  const earlier = await findEarlierRun(dir);
  checkOutDir(earlier, policy, config);
  return { dir, cellsDir: join(dir, CELLS_FOLDER), resultsPath: join(dir, RESULTS_FILE), policy, earlier };
}

/** The out folder once it is this run's: only then is anything written into it. */
export interface OwnedOutFolder {
  readonly environment: Environment;
  /** Cells kept from an earlier attempt (resume): id → that attempt. */
  readonly kept: ReadonlyMap<string, string>;
}

/** Takes the out folder over (prepareOutDir): from here on, whatever happens, results.json is written into it. */
export async function takeOverOutFolder(
  out: OutFolder,
  run: { config: Config; cells: Cell[]; environment: Environment },
  log: Logger,
): Promise<OwnedOutFolder> {
  const kept = await prepareOutDir(out.dir, out.earlier, out.policy, run, log);
  await mkdir(out.cellsDir, { recursive: true });
  return { environment: run.environment, kept };
}

/** Reads the cells measured so far into results.json; after every sample too, so a run killed outright can be resumed. */
export async function writeResults(out: OutFolder, config: Config, started: Date, owned: OwnedOutFolder, budget?: BudgetRecord): Promise<Results> {
  const { results: ingested } = await ingestRun(out.dir, config, owned.environment, { now: started, allowEmpty: true, resumedFrom: owned.kept });
  const results = budget ? { ...ingested, budget } : ingested;
  await writeFile(out.resultsPath, serializeResults(results));
  return results;
}
