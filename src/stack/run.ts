/**
 * runBenchmark: a run as its phases (plan → engine → stack → build → latency → database → preflight → take
 * over the out folder → measure → tear down → write), with teardown and the results written on every way out.
 */
import type { Baseline } from '../core/compare/baseline.js';
import type { Config } from '../core/config/build.js';
import { errorMessage } from '../core/error-message.js';
import type { Results } from '../core/results/results.js';
import type { Sides } from './base-side.js';
import type { ComposeProject } from './compose.js';
import type { ComposeFlavor } from './docker.js';
import type { Runner } from './exec/command.js';
import type { Logger } from './log.js';
import { measure, type MeasureOutcome } from './measure.js';
import { measureWithinBudget } from './measure-budget.js';
import { shownFolder, takeOverOutFolder, writeResults, type ExistingRunPolicy, type OwnedOutFolder } from './out-dir.js';
import { buildBase, buildImages, checkEngine, checkOutBase, chooseLatency, openStack, prepareDatabase, preflightRoutes, type Engine } from './prepare-stack.js';
import type { LiveViewOptions } from './progress.js';
import { runEnvironment } from './run-environment.js';
import { planForImage, planRun, type RunPlan } from './run-plan.js';
import type { Stack } from './stack.js';
import { checkTeamUserClasses } from './team-locustfile.js';

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
  /** The environment every phase reads (the callers pass process.env; tests their own). */
  env: NodeJS.ProcessEnv;
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
  /**
   * Under a budget, what each cell is judged against after a pair when it is not the base side: a
   * results.json or the paper, resolved by the caller (the action's artifact is fetched after the
   * run, so there the cells' own precision decides). Null or absent: the precision rule.
   */
  baseline?: Baseline | null;
  /** The budget's clock in milliseconds; tests pass their own. */
  now?: () => number;
  /** Seconds a fresh app may take to be ready (default READY_TIMEOUT_SECONDS); tests of a hanging app shorten it. */
  appReadyTimeoutSeconds?: number;
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

/**
 * Runs the configured cells on a Docker Compose stack and writes
 * <out>/cells/*, <out>/results.json. The stack is torn down on success, on
 * failure and on SIGINT/SIGTERM; what was measured is written in every case.
 */
export async function runBenchmark(config: Config, deps: BenchmarkDeps): Promise<Results> {
  const plan = await planRun(config, { ...deps, existingRun: deps.existingRun ?? 'force' });
  const engine = await checkEngine(deps.runner, deps.log);
  const stack = await openStack(plan, engine, deps);
  const teardown = new Teardown(stack, deps.saveTeardown);
  const interrupts = new Interrupts(deps.signals ?? process, deps.log, () => teardown.stopNow());
  let outcome: RunOutcome;
  try {
    outcome = await runPhases({ ...deps, plan, engine, teardown, interrupts }, stack);
  } finally {
    interrupts.off();
    await teardown.final(deps.runner, deps.log);
  }
  return finish(outcome, interrupts.signal);
}

/**
 * What a run leaves: the plan as measured (a team's defaults may have lost their pool preset), the out folder if it
 * became this run's, the samples measured, the failure (null: none).
 */
interface RunOutcome extends MeasureOutcome {
  plan: RunPlan;
  owned: OwnedOutFolder | null;
}

interface RunContext extends BenchmarkDeps {
  plan: RunPlan;
  engine: Engine;
  teardown: Teardown;
  interrupts: Interrupts;
}

/** The phases from the build to the last sample. Never throws: a failure is part of the outcome, with what was owned. */
async function runPhases(context: RunContext, plain: Stack): Promise<RunOutcome> {
  const { runner: run, log, teardown, interrupts } = context;
  const verbose = context.verbose ?? false;
  let plan = context.plan;
  let owned: OwnedOutFolder | null = null;
  try {
    await buildImages(plain, log, verbose);
    const sides = plan.baseCommit ? teardown.closeAtEnd(await checkOutBase(run, plan, plan.baseCommit, log)) : null;
    if (sides) await buildBase(plain, sides, log, verbose);
    await checkTeamUserClasses(run, plain.compose, plan.config.routes, context.cwd);
    const latency = await chooseLatency(run, plain, plan, log);
    const head = teardown.track(plain.at({ ...plain.target, latencyMethod: latency.method }));
    const fingerprint = await prepareDatabase(run, head, plan, log);
    plan = planForImage(plan, fingerprint.stack, log);
    // Before the out folder is taken over: a route that fails costs seconds, and nothing measured is touched.
    const views = interrupts.signal ? {} : await preflightRoutes(run, head, plan, log);
    if (interrupts.signal) return { plan, owned, measured: 0, failure: null };
    const measuredOn = await runEnvironment(run, plan.env, { engine: context.engine, latency, fingerprint, head: plan.head, base: sides?.base ?? null });
    const environment = Object.keys(views).length > 0 ? { ...measuredOn, views } : measuredOn;
    owned = await takeOverOutFolder(plan.out, { ...plan, environment }, log);
    // At once, every cell "not run" or kept: a run killed outright (SIGKILL, a lost machine) can still be resumed.
    await writeResults(plan.out, plan.config, plan.started, owned);
    const measurement = { run, log, plan, owned, head, sides, interrupted: () => interrupts.signal, live: context.live };
    const measured =
      plan.config.budgetSeconds !== null
        ? await measureWithinBudget({ ...measurement, baseline: context.baseline ?? null, ...(context.now ? { now: context.now } : {}) })
        : await measure(measurement);
    return { plan, owned, ...measured };
  } catch (failure) {
    return { plan, owned, measured: 0, failure };
  }
}

/** Whatever happened, the cells measured so far are written (unmeasured ones read "not run"), then the run's end is said. */
async function finish({ plan, owned, measured, failure, budget }: RunOutcome, signal: string | null): Promise<Results> {
  const shown = shownFolder(plan.config.outDir);
  // Stopped before the out folder was this run's: the earlier run there is untouched.
  if (!owned) {
    if (signal) throw new InterruptedError(signal, null, shown);
    throw failure;
  }
  const results = await writeResults(plan.out, plan.config, plan.started, owned, budget);
  if (signal) throw new InterruptedError(signal, plan.out.resultsPath, shown);
  if (failure) {
    if (measured === 0 && owned.kept.size === 0) throw failure;
    const kept = owned.kept.size ? `, ${owned.kept.size} kept from the earlier attempt` : '';
    throw new Error(`${errorMessage(failure)}\n(the cells measured before this are in ${plan.out.resultsPath}: ${measured} by this run${kept})`);
  }
  return results;
}

const INTERRUPTS = ['SIGINT', 'SIGTERM'] as const;

/** SIGINT/SIGTERM: the first stops the run (`signal` says which); a second Ctrl-C on the real process exits at once. */
class Interrupts {
  signal: string | null = null;
  private readonly handler = (signal: string) => {
    if (this.signal && this.source === process) process.exit(130); // a second Ctrl-C: the user means it
    this.signal ??= signal;
    this.log.warning(`${signal}: stopping; the stack is being torn down…`);
    this.stop();
  };

  constructor(
    private readonly source: NodeJS.EventEmitter,
    private readonly log: Logger,
    private readonly stop: () => void,
  ) {
    for (const name of INTERRUPTS) source.on(name, this.handler);
  }

  off(): void {
    for (const name of INTERRUPTS) this.source.off(name, this.handler);
  }
}

/**
 * What the run tears down on every way out: the stack as its latest target sees it (after the
 * latency choice, with Toxiproxy's file), which the post step is told too, and base's worktree.
 */
class Teardown {
  private sides: Sides | null = null;

  constructor(
    private stack: Stack,
    private readonly save?: (state: TeardownState) => void,
  ) {
    this.track(stack);
  }

  track(stack: Stack): Stack {
    this.stack = stack;
    this.save?.({ flavor: stack.flavor, project: stack.compose.project });
    return stack;
  }

  closeAtEnd(sides: Sides): Sides {
    this.sides = sides;
    return sides;
  }

  /** On a signal: ends the running Locust or compose call now; `final` tears down once more when the phases have stopped. */
  stopNow(): void {
    void this.stack.down().catch(() => undefined);
  }

  async final(run: Runner, log: Logger): Promise<void> {
    await this.stack.down().catch((error: unknown) => log.warning(`Tearing the stack down failed: ${errorMessage(error)}`));
    await this.sides?.close(run).catch((error: unknown) => log.warning(`Removing the base worktree failed: ${errorMessage(error)}`));
  }
}
