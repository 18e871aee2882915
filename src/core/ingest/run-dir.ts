import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { measuresBaseSide } from '../config/baseline.js';
import type { Config } from '../config/build.js';
import { errorMessage } from '../error-message.js';
import type { Environment } from '../results/environment.js';
import { CELL_FILES, readCell } from './cell.js';
import { readInputText } from './input-file.js';
import { CELLS_FOLDER, parseCellDir, planShard, sampleDir, type Cell } from '../plan/cells.js';
import { cellResult, failedCell } from '../results/cell.js';
import { parseCellRecord, type StoredCellRecord } from '../results/cell-record.js';
import { summarizeSamples } from '../results/samples.js';
import { readSidedCell } from './sided-cell.js';
import type { Sample } from '../results/schema.js';
import { emptyResults, parseResults, ResultsError, type CellResult, type Results } from '../results/results.js';

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

export interface IngestOptions {
  /** The results' createdAt. */
  now?: Date;
  allowEmpty?: boolean;
  /** Cell id → createdAt of the earlier attempt that measured it: the cells a resumed run kept. */
  resumedFrom?: ReadonlyMap<string, string>;
}

/**
 * Reads a run directory into results: one entry per planned cell, in plan order.
 * A planned cell with no folder is `failed` ("not run"), so a partial run still
 * reports what it measured and shows what it did not.
 */
export async function ingestRun(runDir: string, config: Config, environment: Environment, options: IngestOptions = {}): Promise<Ingested> {
  const now = options.now ?? new Date();
  // A run stopped before its first cell still gets a results.json ("not run" everywhere); `ingest` of an empty folder is a mistake.
  const present = new Set(await listCellDirs(runDir, { allowEmpty: options.allowEmpty }));
  const planned = planShard(config);
  const cells: CellResult[] = [];
  for (const cell of planned) {
    if (!present.has(cell.dir)) {
      cells.push(failedCell(cell, `not run: no folder ${CELLS_FOLDER}/${cell.dir}`));
      continue;
    }
    if (measuresBaseSide(config.compare.baseline)) {
      cells.push(await readSidedCell(runDir, cell, config.repeats, budgeted(config)));
      continue;
    }
    const result =
      config.repeats > 1
        ? await readRepeatedCell(runDir, cell, config.repeats, budgeted(config))
        : cellResult(cell, await readCell(join(runDir, CELLS_FOLDER, cell.dir)));
    const resumedFrom = result.status === 'ok' ? options.resumedFrom?.get(cell.id) : undefined;
    cells.push({ ...result, ...(resumedFrom ? { resumedFrom } : {}) });
  }
  const plannedDirs = new Set(planned.map((cell) => cell.dir));
  return {
    results: { ...emptyResults(config, environment, now), cells },
    unplanned: [...present].filter((dir) => !plannedDirs.has(dir)).sort(),
  };
}

/**
 * Under a budget, `repeats` is a maximum: the repeats a cell did not get (it was decided, or the
 * budget ran out) are left out, not read as failed samples.
 */
const budgeted = (config: Config): boolean => config.budgetSeconds !== null;

/** A cell measured `repeats` times: each cells/<cell>/r<n>/ is a sample, the cell their median. */
async function readRepeatedCell(runDir: string, cell: Cell, repeats: number, budget: boolean): Promise<CellResult> {
  const samples: Sample[] = [];
  for (let repeat = 1; repeat <= repeats; repeat += 1) {
    const dir = sampleDir(cell.dir, repeat, repeats);
    const path = join(runDir, CELLS_FOLDER, dir);
    const present = (await stat(path).catch(() => null))?.isDirectory() ?? false;
    if (budget && !present) continue;
    const outcome = present ? await readCell(path) : null;
    samples.push({
      repeat,
      side: 'head',
      dir: `${CELLS_FOLDER}/${dir}`,
      status: outcome?.status ?? 'failed',
      reason: outcome ? outcome.reason : `not run: no folder ${CELLS_FOLDER}/${dir}`,
      metrics: outcome?.metrics ?? null,
    });
  }
  const { outcome, summary } = summarizeSamples(samples);
  return { ...cellResult(cell, outcome), samples, ...(summary ? { summary } : {}) };
}

/** The results.json a run left in its folder; null when it has none. */
export async function readRecordedResults(runDir: string): Promise<Results | null> {
  const path = join(runDir, RESULTS_FILE);
  const text = await readInputText(path, path, 'the results.json of this run').catch((error: unknown) => {
    throw new ResultsError(errorMessage(error));
  });
  return text === null ? null : parseResults(path, text);
}

/** Cell id → the attempt each kept cell came from (cells an earlier attempt of a resumed run measured). */
export function resumedFromOf(results: Results): Map<string, string> {
  return new Map(results.cells.flatMap((cell) => (cell.resumedFrom ? [[cell.id, cell.resumedFrom] as const] : [])));
}

/**
 * The record a cell folder's cell.json holds, when it is a readable, valid one; else null. A FIFO or folder in its
 * place is never opened (a FIFO would wait for a writer), and a record that does not parse fails its cell when
 * read (readCell says why): here either tells nothing.
 */
export async function knownCellRecord(cellPath: string): Promise<StoredCellRecord | null> {
  const path = join(cellPath, CELL_FILES.runner);
  const text = await readInputText(path, path, 'a cell record').catch(() => null);
  if (text === null) return null;
  const parsed = parseCellRecord(CELL_FILES.runner, text);
  return 'record' in parsed ? parsed.record : null;
}

/** The latency method a cell's cell.json says it ran with; null when it has no readable one. */
export async function cellLatencyMethod(cellPath: string): Promise<Environment['latencyMethod']> {
  return (await knownCellRecord(cellPath))?.latencyMethod ?? null;
}

/** Nothing known of the machine: for a run folder that recorded no environment. */
function unknownEnvironment(latencyMethod: Environment['latencyMethod']): Environment {
  return {
    cpuCount: null,
    cpuModel: null,
    memoryGiB: null,
    kernel: null,
    platform: null,
    node: null,
    runner: null,
    docker: null,
    compose: null,
    stack: {},
    latencyMethod,
    latencyFallbackReason: null,
    app: null,
    base: null,
  };
}

export interface Reingested extends Ingested {
  /** What the re-read could not vouch for, for the user to see. */
  warnings: string[];
}

/**
 * Re-reads a run folder as it ran: with the configuration, environment and date its
 * results.json recorded, and the cells a resumed run kept still marked so, so that
 * re-ingesting never relabels a run with today's defaults or this machine. Without a
 * recorded run, the given config (the flags) describes it, and the warnings say so.
 */
export async function reingestRun(runDir: string, source: { recorded: Results } | { config: Config }): Promise<Reingested> {
  const dirs = await listCellDirs(runDir);
  const methods = new Map<string, NonNullable<Environment['latencyMethod']>>();
  for (const dir of dirs) {
    const method = await cellLatencyMethod(join(runDir, CELLS_FOLDER, dir));
    if (method !== null) methods.set(dir, method);
  }
  const warnings: string[] = [];
  if ('recorded' in source) {
    const { recorded } = source;
    const ran = recorded.environment.latencyMethod;
    const others = [...methods].filter(([, method]) => method !== ran);
    if (ran !== null && others.length > 0) {
      warnings.push(
        `${RESULTS_FILE} records latency method ${ran} for the run, ` +
          `but ${others.map(([dir, method]) => `${CELLS_FOLDER}/${dir} ran with ${method}`).join(', ')} (${CELL_FILES.runner}).`,
      );
    }
    const ingested = await ingestRun(runDir, recorded.config, recorded.environment, {
      now: new Date(recorded.createdAt),
      resumedFrom: resumedFromOf(recorded),
    });
    return { ...ingested, warnings };
  }
  const distinct = [...new Set(methods.values())];
  const method = distinct.length === 1 ? distinct[0]! : null;
  if (distinct.length > 1) {
    warnings.push(`the cells ran with different latency methods (${distinct.join(', ')}, per their ${CELL_FILES.runner}); the run records none.`);
  }
  warnings.push(
    `${join(runDir, RESULTS_FILE)} does not exist, so the run's configuration comes from ` +
      `the flags and async-bench.yml (defaults otherwise), which may not be what ran; ` +
      `the environment is unknown${method ? ` except the latency method (${method}, from the cells' ${CELL_FILES.runner})` : ''}.`,
  );
  const ingested = await ingestRun(runDir, source.config, unknownEnvironment(method));
  return { ...ingested, warnings };
}
