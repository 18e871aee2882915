/**
 * One sample of a cell, as its steps: restore the database (unless only reads touched it since the last
 * restore), start a fresh app (unless one runs for the same target), apply the cell's latency,
 * run the load (Locust into the sample's folder), save the logs beside its CSVs, record cell.json.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadSpec } from '../core/config/build.js';
import { errorMessage } from '../core/error-message.js';
import { tail, type CommandResult, type Runner } from './exec/command.js';
import { CELL_FILES } from '../core/ingest/cell.js';
import { CELL_MOUNT, locustArgs, NOT_DRAINED } from './locust-command.js';
import { LOAD_CGROUP_DUMP, SignalsWindow, signalsTarget } from './signals/collect.js';
import { withCgroupDumpAfter } from './signals/cgroup.js';
import type { Cell } from '../core/plan/cells.js';
import type { CellRecord } from '../core/results/cell-record.js';
import { applyLatency } from './latency/control.js';
import { loadTarget } from './project.js';
import type { Stack } from './stack.js';
import { stillPristine } from './warm.js';

export interface CellRunOptions {
  /** The sample's folder under cellsDir: the cell's own, or `<cell>/r<n>` for a repeat. */
  sampleDir?: string;
  /** Watches the sample's folder while Locust runs (the live view); returns what stops the watch. */
  watch?: (dir: string) => () => Promise<void>;
}

/**
 * Seconds each step of the sample took (cell.json's `steps`, for `npm run bench:harness`): what a sample costs
 * beyond its load. A step the sample did not reach is absent; `restore` and `app` are 0 when skipped.
 */
type SampleStep = 'restore' | 'app' | 'latency' | 'windowOpen' | 'load' | 'windowClose' | 'appState' | 'appKill' | 'logs';
type SampleStepTimes = Partial<Record<SampleStep, number>>;

/** What the steps found so far: kept when a later step fails, so cell.json tells how far the sample got. */
interface SampleSteps {
  restoreSeconds: number | null;
  loadSeconds: number;
  error: string | null;
  warnings: string[];
  times: SampleStepTimes;
  /** Whether the sample started its app (false: the warm one); null before that step. */
  appStarted: boolean | null;
}

/** Runs one step and records its seconds. */
async function timed<T>(steps: SampleSteps, step: keyof SampleStepTimes, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    steps.times[step] = Number(((performance.now() - start) / 1000).toFixed(3));
  }
}

/**
 * One sample against the stack's target (its app, setup and latency method), in cells/<dir>/
 * (a repeat: cells/<dir>/r<n>/). Never throws for a cell-level fault: the error goes into
 * cell.json and the run goes on.
 */
export async function runCell(run: Runner, stack: Stack, cell: Cell, load: LoadSpec, cellsDir: string, options: CellRunOptions = {}): Promise<CellRecord> {
  const dir = join(cellsDir, options.sampleDir ?? cell.dir);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const started = new Date();
  const steps: SampleSteps = { restoreSeconds: null, loadSeconds: 0, error: null, warnings: [], times: {}, appStarted: null };
  // The containers' ids as the signals window listed them: the state check and the logs need no compose lookup.
  let ids: ReadonlyMap<string, string> = new Map();
  try {
    // In turn: the restore replaces the database the app would connect to. Skipped while only reads touched
    // it since the last one; the app is the one kept warm for this very target, if any (warm.ts).
    const pristine = stack.warm.pristine;
    steps.restoreSeconds = pristine ? 0 : await timed(steps, 'restore', () => stack.restoreDatabase());
    steps.times.restore ??= 0;
    steps.appStarted = await timed(steps, 'app', () => stack.readyApp());
    await timed(steps, 'latency', () => applyLatency(run, stack, cell.latencyMs));
    // The measured window: SQL and CPU counters from here to Locust's exit (docs/stack.md "Signals").
    const window = await timed(steps, 'windowOpen', () => SignalsWindow.open(run, signalsTarget(stack, load)));
    ids = window.containers;
    const loadStart = Date.now();
    const result = await timed(steps, 'load', () => runLoad(run, stack, cell, load, dir, options.watch));
    steps.loadSeconds = (Date.now() - loadStart) / 1000;
    const drained = await drainedLoad(dir);
    const signals = await timed(steps, 'windowClose', () => window.close(dir, { drained }));
    stack.warm.pristine = stillPristine(stack.warm.pristine, cell.route, signals);
    await readLoad(dir, result, steps);
    await timed(steps, 'appState', () => checkAppRunning(stack, steps, ids.get(stack.appService)));
    // Requests still queued when Locust gave up on them must not be served into the next sample's window.
    if (drained === false) await timed(steps, 'appKill', () => stack.killApp());
  } catch (failure) {
    steps.error = errorMessage(failure);
    // Whatever the failed step left (a half-restored database, an app in any state) is not reused.
    stack.warm.pristine = false;
    stack.warm.forgetApp(stack.appService);
  } finally {
    await timed(steps, 'logs', () => saveLogs(stack, dir, started, ids));
  }
  return writeRecord(dir, cell, stack, started, steps);
}

/** Locust against the target (the app, or its proxy), writing into the sample's folder; the live view watches it. */
async function runLoad(run: Runner, stack: Stack, cell: Cell, load: LoadSpec, dir: string, watch: CellRunOptions['watch']): Promise<CommandResult> {
  const invocation = locustArgs(cell.route, load, loadTarget(stack.target.latencyMethod, stack.app, stack.target.side), stack.layout.workspace);
  const stopWatching = watch?.(dir);
  return run(
    stack.compose.run('load', withCgroupDumpAfter(['locust', ...invocation.args], `${CELL_MOUNT}/${LOAD_CGROUP_DUMP}`), {
      volumes: [...invocation.volumes, `${dir}:${CELL_MOUNT}`],
      env: invocation.env,
      passEnv: invocation.passEnv,
    }),
  ).finally(() => stopWatching?.());
}

/** Whether every user finished its request within the stop timeout (Locust's log says when not); null without a log. */
async function drainedLoad(dir: string): Promise<boolean | null> {
  const log = await readFile(join(dir, CELL_FILES.locustLog), 'utf8').catch(() => null);
  return log === null ? null : !NOT_DRAINED.test(log);
}

/** Keeps Locust's console, and says whether it measured: no statistics is the sample's error, a bad exit a warning. */
async function readLoad(dir: string, result: CommandResult, steps: SampleSteps): Promise<void> {
  await writeFile(join(dir, 'locust-console.log'), `${result.stdout}${result.stderr}`);
  // Locust creates its CSVs at start: one that stopped on an error leaves them empty.
  const stats = await readFile(join(dir, CELL_FILES.stats), 'utf8').catch(() => '');
  if (stats.trim() === '') {
    // With --logfile, Locust's own errors (an unknown user class, a bad locustfile) are in locust.log.
    const log = await readFile(join(dir, CELL_FILES.locustLog), 'utf8').catch(() => '');
    const output = tail(`${result.stdout}\n${result.stderr}\n${log}`.trim(), 10);
    steps.error = `Locust wrote no statistics to ${CELL_FILES.stats} (exit ${result.exitCode}):\n${output}`;
  } else if (result.exitCode !== 0) {
    steps.warnings.push(`Locust exited with ${result.exitCode} after writing its CSVs.`);
  }
}

async function checkAppRunning(stack: Stack, steps: SampleSteps, id: string | undefined): Promise<void> {
  const appState = await stack.state(stack.appService, id);
  if (appState !== null && !appState.startsWith('running')) {
    steps.warnings.push(`The app container stopped during the cell (${appState}).`);
    stack.warm.forgetApp(stack.appService);
  }
}

/**
 * The app's log and the database's since the sample started, whatever happened: a warm app's log
 * holds its earlier samples too; one started for this sample's has its start.
 */
async function saveLogs(stack: Stack, dir: string, started: Date, ids: ReadonlyMap<string, string>): Promise<void> {
  const since = started.toISOString();
  const [appLog, dbLog] = await Promise.all([
    stack.logs(stack.appService, since, ids.get(stack.appService)).catch(() => ''),
    stack.logs('db', since, ids.get('db')).catch(() => ''),
  ]);
  await writeFile(join(dir, CELL_FILES.appLog), appLog);
  await writeFile(join(dir, CELL_FILES.dbLog), dbLog);
}

async function writeRecord(dir: string, cell: Cell, stack: Stack, started: Date, steps: SampleSteps): Promise<CellRecord> {
  const finished = new Date();
  const record: CellRecord = {
    id: cell.id,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    seconds: (finished.getTime() - started.getTime()) / 1000,
    loadSeconds: steps.loadSeconds,
    restoreSeconds: steps.restoreSeconds,
    latencyMethod: stack.target.latencyMethod,
    error: steps.error,
    warnings: steps.warnings,
  };
  // steps: beside the schema's fields (readers keep unknown ones), for the harness.
  const extra = { steps: steps.times, appStarted: steps.appStarted };
  await writeFile(join(dir, CELL_FILES.runner), `${JSON.stringify({ ...record, ...extra }, null, 2)}\n`);
  return record;
}
