import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../core/config/build.js';
import { checkRequestEnv } from '../core/config/route-request.js';
import type { Runner } from './exec/command.js';
import { hostEnvironment, type Environment } from '../core/results/environment.js';
import { CELLS_FOLDER, ingestRun, RESULTS_FILE } from '../core/ingest/run-dir.js';
import { CELL_FILES, readCell } from '../core/ingest/cell.js';
import type { Logger } from './log.js';
import { planSamples, planShard, type PlannedSample } from '../core/plan/cells.js';
import { planSidedSamples, type SampleSide } from '../core/plan/paired-order.js';
import { serializeResults, type Results } from '../core/results/results.js';
import { parseCellRecord, serializeCellRecord } from '../core/results/cell-record.js';
import { runCell } from './cell-runner.js';
import type { ComposeProject } from './compose.js';
import { checkDocker, detectCompose, type ComposeFlavor } from './docker.js';
import { readFingerprint, type StackFingerprint } from './fingerprint.js';
import { chooseLatencyMethod, netemAvailability, netemPreflight } from './latency/control.js';
import { prepareNetemHost } from './latency/netem-module.js';
import { checkOutDir, findEarlierRun, prepareOutDir, shownFolder, type ExistingRunPolicy } from './out-dir.js';
import { appContext, appImage, DEFAULT_BASE_IMAGE, freeLoopbackPort, type StackLayout } from './project.js';
import { progressLine, watchCell, type LiveViewOptions } from './progress.js';
import { checkDjango, checkRoutes, preflightScope } from './preflight.js';
import { findBaseCommit, measuresBase, Sides } from './sides.js';
import { Stack } from './stack.js';
import { checkTeamLocustfiles, checkTeamUserClasses } from './team-locustfile.js';
import { appSource, checkAppSource } from './image-build.js';

/** What the post step (or a later `down`) needs to remove this run's containers. */
export interface TeardownState {
  flavor: ComposeFlavor;
  project: ComposeProject;
}

export interface BenchmarkDeps {
  runner: Runner;
  log: Logger;
  /** async-bench's root: compose/ and locust/ live here. */
  root: string;
  /** Relative out dirs resolve against this. */
  cwd: string;
  saveTeardown?: (state: TeardownState) => void;
  /** Process signals that stop the run early; tests may pass an emitter of their own. */
  signals?: NodeJS.EventEmitter;
  env?: NodeJS.ProcessEnv;
  /**
   * An out folder holding an earlier run: refuse, resume or force (start over). The
   * CLI passes the user's choice and refuses unless told. The default is the action's:
   * force, because a job's workspace is a fresh checkout (actions/checkout cleans
   * it), so whatever is there is no one's measurement to keep.
   */
  existingRun?: ExistingRunPolicy;
  /** The live view of each cell's load (progress.ts); none when absent. */
  live?: LiveViewOptions;
  /** Stream the image build's output; otherwise it is summed up (and its last lines shown if it fails). */
  verbose?: boolean;
  /** Seconds a fresh app may take to be ready (default READY_TIMEOUT_SECONDS); tests of a hanging app shorten it. */
  appReadyTimeoutSeconds?: number;
}

/** A cell cut short by a signal is not a measurement: its numbers cover part of the load. */
async function markInterrupted(dir: string, signal: string): Promise<void> {
  const path = join(dir, CELL_FILES.runner);
  const parsed = parseCellRecord(CELL_FILES.runner, await readFile(path, 'utf8').catch(() => '{}'));
  const record = 'record' in parsed ? parsed.record : {};
  await writeFile(path, serializeCellRecord({ ...record, error: `interrupted by ${signal} before the cell finished` }));
}

export class InterruptedError extends Error {
  override name = 'InterruptedError';
  constructor(
    readonly signal: string,
    /** Null when the run stopped before its first cell: the out folder was left as it was. */
    readonly resultsPath: string | null,
    outFolder: string,
  ) {
    super(
      resultsPath
        ? `Interrupted by ${signal}: the stack was torn down; the cells measured so far are in ${resultsPath}.`
        : `Interrupted by ${signal} before the first cell: the stack was torn down; ${outFolder} was left as it was.`,
    );
  }
}

const INTERRUPTS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs the configured cells on a Docker Compose stack and writes
 * <out>/cells/*, <out>/results.json. The stack is torn down on success, on
 * failure and on SIGINT/SIGTERM; what was measured is written in every case.
 */
export async function runBenchmark(config: Config, deps: BenchmarkDeps): Promise<Results> {
  const { runner: run, log } = deps;
  const context = appContext(config.app.context, deps.root, deps.cwd);
  const app = appSource(config.app, context, deps.env ?? process.env, deps.cwd, appImage(config.app));
  await checkAppSource(config.app, app);
  await checkTeamLocustfiles(config.routes, deps.cwd);
  // A header token missing from the runner's environment: refused before anything is built.
  checkRequestEnv(config.routes, deps.env ?? process.env);
  // baseline: base: a base commit the clone lacks (a shallow checkout) is said now, before anything is built.
  const baseCommit = measuresBase(config) ? await findBaseCommit(run, context, config.compare.baseRef, deps.env ?? process.env) : null;
  const started = new Date();
  const cells = planShard(config);
  const outDir = resolve(deps.cwd, config.outDir);
  const cellsDir = join(outDir, CELLS_FOLDER);
  const resultsPath = join(outDir, RESULTS_FILE);
  const policy = deps.existingRun ?? 'force';
  // Read only: an earlier run is refused now, before anything runs, and otherwise left
  // as it is until the stack is up and this run's environment is known.
  const earlier = await findEarlierRun(outDir);
  checkOutDir(earlier, policy, config);

  const dockerVersion = await checkDocker(run);
  const flavor = await detectCompose(run);
  log.info(`Docker ${dockerVersion}, Compose ${flavor.version} (${[flavor.command, ...flavor.prefix].join(' ')})`);

  const layout: StackLayout = {
    root: deps.root,
    workspace: deps.cwd,
    outDir,
    method: 'netem',
    projectName: `async-bench-${process.pid}`,
    toxiproxyApiPort: await freeLoopbackPort(),
    baseImage: deps.env?.BASE_IMAGE || DEFAULT_BASE_IMAGE,
    uid: process.getuid?.() ?? 0,
    gid: process.getgid?.() ?? 0,
    app,
    ...(deps.appReadyTimeoutSeconds ? { appReadyTimeoutSeconds: deps.appReadyTimeoutSeconds } : {}),
  };
  const firstSetup = cells[0]!.setup;
  const stack = new Stack(run, flavor, layout, config.app, firstSetup);
  await stack.useSetup(firstSetup);
  const saveTeardown = () => deps.saveTeardown?.({ flavor, project: stack.compose.project });
  saveTeardown();

  let interrupted: string | null = null;
  const onSignal = (signal: string) => {
    if (interrupted && signals === process) process.exit(130); // a second Ctrl-C: the user means it
    interrupted ??= signal;
    log.warning(`${signal}: stopping; the stack is being torn down…`);
    // Ends the running Locust or compose call now; finally{} tears down once more when the loop has stopped.
    void stack.down().catch(() => undefined);
  };
  const signals = deps.signals ?? process;
  for (const signal of INTERRUPTS) signals.on(signal, onSignal);

  let sides: Sides | null = null;
  const measured: { fingerprint: StackFingerprint | null; cells: number } = { fingerprint: null, cells: 0 };
  let failure: unknown = null;
  /** Set once the out folder is this run's (earlier run removed or resumed): only then is anything written. */
  let owned: { environment: Environment; kept: ReadonlyMap<string, string> } | null = null;
  let latencyFallbackReason: string | null = null;
  // After every cell too: a run killed outright (SIGKILL, a lost machine) can still be resumed.
  const writeResults = async ({ environment, kept }: NonNullable<typeof owned>): Promise<Results> => {
    const { results } = await ingestRun(outDir, config, environment, { now: started, allowEmpty: true, resumedFrom: kept });
    await writeFile(resultsPath, serializeResults(results));
    return results;
  };
  try {
    const build = () => stack.build({ verbose: deps.verbose ?? false, info: (line) => log.info(line) });
    await log.group('Build images', build);
    if (baseCommit) {
      sides = await Sides.checkOut(run, baseCommit, layout, config.app);
      log.info(`baseline: base: measuring ${baseCommit.sha.slice(0, 12)} (worktree ${sides.checkout.dir}) alternately with this checkout.`);
      await log.group(`Build the base commit's app image (${sides.base.image})`, () => sides!.build(layout, build));
    }
    await checkTeamUserClasses(run, stack.compose, config.routes, deps.cwd);
    const info = (line: string) => log.info(line);
    const choice = await log.group('Latency method', () =>
      chooseLatencyMethod(config.latencyMethod, () =>
        netemAvailability(
          () => prepareNetemHost(run, config.latencyMethod, deps.env ?? {}, info),
          () => netemPreflight(run, stack),
          info,
        ),
      ),
    );
    layout.method = choice.method;
    latencyFallbackReason = choice.fallbackReason;
    if (choice.fallbackReason) log.warning(`Latency method: toxiproxy, because netem is unavailable: ${choice.fallbackReason}`);
    else log.info(`Latency method: ${choice.method} (${choice.note})`);
    saveTeardown();
    await log.group('Start the database, migrate and prepare the data', async () => {
      // Before migrate: a settings module that does not import is named as such.
      const checkStart = Date.now();
      await checkDjango(run, stack, config.app);
      log.info(`Preflight: manage.py check passed in ${((Date.now() - checkStart) / 1000).toFixed(1)} s.`);
      await stack.startDatabase();
      for (const line of await stack.prepareData(config.seedPosts)) log.info(line);
      const snapshotStart = Date.now();
      await stack.snapshotDatabase();
      log.info(`Database snapshot taken in ${((Date.now() - snapshotStart) / 1000).toFixed(2)} s; every cell starts from it.`);
      measured.fingerprint = await readFingerprint(run, stack);
    });
    // Before the out folder is taken over: a route that fails costs seconds, and nothing measured is touched.
    if (!interrupted) log.info(await log.group('Preflight: every route once per setup at 0 ms', () => checkRoutes(run, stack, ...preflightScope(cells))));
    if (!interrupted) {
      const environment = runEnvironment(
        hostEnvironment(deps.env),
        dockerVersion,
        flavor.version,
        { method: layout.method, fallbackReason: latencyFallbackReason },
        measured.fingerprint,
        await appIdentity(run, layout.app),
        sides ? await appIdentity(run, sides.base) : null,
      );
      const kept = await prepareOutDir(outDir, earlier, policy, { config, cells, environment }, log);
      await mkdir(cellsDir, { recursive: true });
      owned = { environment, kept };
      await writeResults(owned);
    }
    let setupName: string | null = null;
    // Repeats interleave (every cell once, then again), so runner drift touches every cell alike.
    const toMeasure = owned ? cells.filter((cell) => !owned!.kept.has(cell.id)) : [];
    const toRun: (PlannedSample & { side?: SampleSide })[] = sides ? planSidedSamples(toMeasure, config.repeats) : planSamples(toMeasure, config.repeats);
    const loopStart = Date.now();
    const cellsStarted = new Set<string>();
    for (const [index, sample] of toRun.entries()) {
      const { cell, repeat, dir } = sample;
      if (interrupted || !owned) break;
      if (cell.setup.name !== setupName) {
        setupName = cell.setup.name;
        await stack.useSetup(cell.setup);
        await stack.startDatabase();
      }
      if (sides && sample.side) sides.use(layout, sample.side);
      const live = deps.live;
      const cellsLeft = toRun.length - index - 1;
      // Cells after this one take what the cells so far took on average; before the first, the load time plus a little.
      const perCell = index > 0 ? (Date.now() - loopStart) / 1000 / index : config.load.runTimeSeconds + 5;
      const watch = live
        ? (sample: string) =>
            watchCell(
              join(sample, CELL_FILES.history),
              { index, total: toRun.length, id: cell.id, runTimeSeconds: config.load.runTimeSeconds, laterSeconds: cellsLeft * perCell },
              live,
            )
        : undefined;
      // A cell measured again starts empty at its first sample (the first repeat of its first
      // side): no sample of an earlier attempt stays beside this one's (see planResume).
      if ((config.repeats > 1 || sides) && !cellsStarted.has(cell.id)) {
        cellsStarted.add(cell.id);
        await rm(join(cellsDir, cell.dir), { recursive: true, force: true });
      }
      const record = await runCell(run, stack, cell, config.load, cellsDir, { sampleDir: dir, watch });
      if (interrupted) {
        await markInterrupted(join(cellsDir, dir), interrupted);
        break;
      }
      measured.cells += 1;
      await writeResults(owned);
      const reading = await readCell(join(cellsDir, dir));
      const label = sample.side ? `${cell.id} r${repeat} ${sample.side}` : config.repeats > 1 ? `${cell.id} r${repeat}` : cell.id;
      log.info(progressLine(index, toRun.length, label, (Date.now() - started.getTime()) / 1000, reading));
      for (const warning of record.warnings) log.warning(`${label}: ${warning}`);
    }
  } catch (error) {
    failure = error;
  } finally {
    for (const signal of INTERRUPTS) signals.off(signal, onSignal);
    await stack.down().catch((error: Error) => log.warning(`Tearing the stack down failed: ${error.message}`));
    await sides?.close(run).catch((error: Error) => log.warning(`Removing the base worktree failed: ${error.message}`));
  }
  // Stopped before the out folder was this run's: the earlier run there is untouched.
  if (!owned) {
    if (interrupted) throw new InterruptedError(interrupted, null, shownFolder(config.outDir));
    throw failure;
  }
  // Whatever happened, the cells measured so far are written; unmeasured cells read "not run".
  const results = await writeResults(owned);
  if (interrupted) throw new InterruptedError(interrupted, resultsPath, shownFolder(config.outDir));
  if (failure) {
    if (measured.cells === 0 && owned.kept.size === 0) throw failure;
    throw new Error(`${(failure as Error).message ?? String(failure)}
(the cells measured before this are in ${resultsPath}: ${measured.cells} by this run${owned.kept.size ? `, ${owned.kept.size} kept from the earlier attempt` : ''})`);
  }
  return results;
}

/** Which app this run measured: its folder, the checkout's commit and the image built from it. */
async function appIdentity(run: Runner, app: StackLayout['app']): Promise<Environment['app']> {
  const [commit, image] = await Promise.all([
    run({ command: 'git', args: ['-C', app.context, 'rev-parse', 'HEAD'] }),
    run({ command: 'docker', args: ['image', 'inspect', '--format', '{{.Id}}', app.image] }),
  ]);
  const value = (result: { exitCode: number; stdout: string }) => (result.exitCode === 0 && result.stdout.trim() !== '' ? result.stdout.trim() : null);
  return { path: app.context, commit: value(commit), image: value(image) };
}

/** The host, completed with what the stack reported (engine, versions inside the images, latency method). */
function runEnvironment(
  host: Environment,
  docker: string,
  compose: string,
  latency: { method: Environment['latencyMethod']; fallbackReason: string | null },
  fingerprint: StackFingerprint | null,
  app: Environment['app'],
  base: Environment['base'],
): Environment {
  return {
    ...host,
    app,
    base,
    docker,
    compose,
    latencyMethod: latency.method,
    latencyFallbackReason: latency.fallbackReason,
    ...(fingerprint ? { kernel: fingerprint.kernel, cpuCount: fingerprint.cpuCount, stack: fingerprint.stack } : {}),
  };
}
