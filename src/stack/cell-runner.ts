import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadSpec } from '../core/config/build.js';
import { tail, type Runner } from './exec/command.js';
import { CELL_FILES } from '../core/ingest/cell.js';
import { CELL_MOUNT, locustArgs } from './locust-command.js';
import type { Cell } from '../core/plan/cells.js';
import type { CellRecord } from '../core/results/cell-record.js';
import { applyLatency } from './latency/control.js';
import { loadTarget } from './project.js';
import type { Stack } from './stack.js';

/**
 * One cell: the database restored from the snapshot, a fresh app, the cell's latency, Locust into
 * cells/<dir>/ (a repeat: cells/<dir>/r<n>/), then the logs beside its CSVs. Never throws for a cell-level
 * fault: the error goes into cell.json and the run goes on.
 */
export interface CellRunOptions {
  /** The sample's folder under cellsDir: the cell's own, or `<cell>/r<n>` for a repeat. */
  sampleDir?: string;
  /** Watches the sample's folder while Locust runs (the live view); returns what stops the watch. */
  watch?: (dir: string) => () => Promise<void>;
}

export async function runCell(run: Runner, stack: Stack, cell: Cell, load: LoadSpec, cellsDir: string, options: CellRunOptions = {}): Promise<CellRecord> {
  const dir = join(cellsDir, options.sampleDir ?? cell.dir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const started = new Date();
  const warnings: string[] = [];
  let error: string | null = null;
  let loadSeconds = 0;
  let restoreSeconds: number | null = null;
  try {
    // In turn: the restore replaces the database the app would connect to.
    restoreSeconds = await stack.restoreDatabase();
    await stack.startApp();
    await applyLatency(run, stack, cell.latencyMs);
    const invocation = locustArgs(cell.route, load, loadTarget(stack.layout.method, stack.app), stack.layout.workspace);
    const loadStart = Date.now();
    const stopWatching = options.watch?.(dir);
    const result = await run(
      stack.compose.run('load', ['locust', ...invocation.args], {
        volumes: [...invocation.volumes, `${dir}:${CELL_MOUNT}`],
        env: invocation.env,
        passEnv: invocation.passEnv,
      }),
    ).finally(() => stopWatching?.());
    loadSeconds = (Date.now() - loadStart) / 1000;
    await writeFile(join(dir, 'locust-console.log'), `${result.stdout}${result.stderr}`);
    // Locust creates its CSVs at start: one that stopped on an error leaves them empty.
    const stats = await readFile(join(dir, CELL_FILES.stats), 'utf8').catch(() => '');
    if (stats.trim() === '') {
      // With --logfile, Locust's own errors (an unknown user class, a bad locustfile) are in locust.log.
      const log = await readFile(join(dir, CELL_FILES.locustLog), 'utf8').catch(() => '');
      error = `Locust wrote no statistics to ${CELL_FILES.stats} (exit ${result.exitCode}):\n${tail(`${result.stdout}\n${result.stderr}\n${log}`.trim(), 10)}`;
    } else if (result.exitCode !== 0) {
      warnings.push(`Locust exited with ${result.exitCode} after writing its CSVs.`);
    }
    const appState = await stack.state('app');
    if (appState !== null && !appState.startsWith('running')) warnings.push(`The app container stopped during the cell (${appState}).`);
  } catch (failure) {
    error = (failure as Error).message;
  } finally {
    const [appLog, dbLog] = await Promise.all([stack.logs('app').catch(() => ''), stack.logs('db', started.toISOString()).catch(() => '')]);
    await writeFile(join(dir, CELL_FILES.appLog), appLog);
    await writeFile(join(dir, CELL_FILES.dbLog), dbLog);
  }
  const finished = new Date();
  const record: CellRecord = {
    id: cell.id,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    seconds: (finished.getTime() - started.getTime()) / 1000,
    loadSeconds,
    restoreSeconds,
    latencyMethod: stack.layout.method,
    error,
    warnings,
  };
  await writeFile(join(dir, CELL_FILES.runner), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}
