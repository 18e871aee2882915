import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/build.js';
import type { Environment } from '../results/environment.js';
import { readCell } from './cell.js';
import { CELLS_FOLDER, parseCellDir, planShard } from '../plan/cells.js';
import { cellResult, failedCell } from '../results/cell.js';
import { emptyResults, type CellResult, type Results } from '../results/results.js';

export { CELLS_FOLDER } from '../plan/cells.js';
export const RESULTS_FILE = 'results.json';
export const TABLES_FILE = 'tables.md';

export class RunDirError extends Error {
  override name = 'RunDirError';
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

/** Cell folders present under `<runDir>/cells`, by folder name. */
export async function listCellDirs(runDir: string, options: { allowEmpty?: boolean } = {}): Promise<string[]> {
  const root = join(runDir, CELLS_FOLDER);
  if (!(await isDirectory(root))) {
    throw new RunDirError(`${runDir} has no ${CELLS_FOLDER}/ folder; a run directory holds ${CELLS_FOLDER}/<setup>__<route>__<latency>ms/ folders.`);
  }
  const entries = await readdir(root, { withFileTypes: true });
  const dirs = entries.filter((entry) => entry.isDirectory() && parseCellDir(entry.name)).map((entry) => entry.name);
  if (dirs.length === 0 && !options.allowEmpty) {
    throw new RunDirError(`${root} holds no cell folders (named like sync__io_read__100ms).`);
  }
  return dirs;
}

export interface Ingested {
  results: Results;
  /** Folders on disk that the config's plan does not name; left out of results. */
  unplanned: string[];
}

/**
 * Reads a run directory into results: one entry per planned cell, in plan order.
 * A planned cell with no folder is `failed` ("not run"), so a partial run still
 * reports what it measured and shows what it did not.
 */
export async function ingestRun(
  runDir: string,
  config: Config,
  environment: Environment,
  options: { now?: Date; allowEmpty?: boolean } = {},
): Promise<Ingested> {
  const now = options.now ?? new Date();
  // A run stopped before its first cell still gets a results.json ("not run" everywhere); `ingest` of an empty folder is a mistake.
  const present = new Set(await listCellDirs(runDir, { allowEmpty: options.allowEmpty }));
  const planned = planShard(config);
  const cells: CellResult[] = [];
  for (const cell of planned) {
    cells.push(
      present.has(cell.dir)
        ? cellResult(cell, await readCell(join(runDir, CELLS_FOLDER, cell.dir)))
        : failedCell(cell, `not run: no folder ${CELLS_FOLDER}/${cell.dir}`),
    );
  }
  const plannedDirs = new Set(planned.map((cell) => cell.dir));
  return {
    results: { ...emptyResults(config, environment, now), cells },
    unplanned: [...present].filter((dir) => !plannedDirs.has(dir)).sort(),
  };
}
