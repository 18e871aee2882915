/**
 * The phases between the plan and the first sample: the engine, the stack's layout, the images (head's and
 * base's), the latency method, the database with its snapshot, and the preflight of every route.
 */
import { Sides } from './base-side.js';
import { checkDocker, detectCompose, type ComposeFlavor } from './docker.js';
import type { Runner } from './exec/command.js';
import { readFingerprint, type StackFingerprint } from './fingerprint.js';
import { chooseLatencyMethod, netemAvailability, netemPreflight, type LatencyChoice } from './latency/control.js';
import { prepareNetemHost } from './latency/netem-module.js';
import type { Logger } from './log.js';
import { checkDjango, checkRoutes, preflightScope } from './preflight.js';
import { DEFAULT_BASE_IMAGE, freeLoopbackPort, type StackLayout } from './project.js';
import type { RunPlan } from './run-plan.js';
import type { SetupViews } from '../core/results/schema.js';
import { Stack } from './stack.js';

export interface Engine {
  docker: string;
  flavor: ComposeFlavor;
}

export async function checkEngine(run: Runner, log: Logger): Promise<Engine> {
  const docker = await checkDocker(run);
  const flavor = await detectCompose(run);
  log.info(`Docker ${docker}, Compose ${flavor.version} (${[flavor.command, ...flavor.prefix].join(' ')})`);
  return { docker, flavor };
}

/**
 * The run's stack, on head's app under the first setup. Until the latency method is chosen it
 * is the plain project (`netem`: no Toxiproxy), which is what the build, the load image's check
 * and the netem preflight need. Writes the first setup's override, which every compose call reads.
 */
export async function openStack(
  plan: RunPlan,
  engine: Engine,
  from: { runner: Runner; root: string; cwd: string; appReadyTimeoutSeconds?: number | undefined },
): Promise<Stack> {
  const layout: StackLayout = {
    root: from.root,
    workspace: from.cwd,
    outDir: plan.out.dir,
    projectName: `async-bench-${process.pid}`,
    toxiproxyApiPort: await freeLoopbackPort(),
    baseImage: plan.env.BASE_IMAGE || DEFAULT_BASE_IMAGE,
    uid: process.getuid?.() ?? 0,
    gid: process.getgid?.() ?? 0,
    ...(from.appReadyTimeoutSeconds ? { appReadyTimeoutSeconds: from.appReadyTimeoutSeconds } : {}),
  };
  const target = { side: plan.baseCommit ? ('head' as const) : null, app: plan.head, latencyMethod: 'netem' as const, setup: plan.cells[0]!.setup };
  const stack = new Stack(from.runner, engine.flavor, layout, plan.config.app, target);
  await stack.writeSetupOverride();
  return stack;
}

/** Builds db, load and the stack's target app (head's, or base's through `stack.at`). */
export async function buildImages(stack: Stack, log: Logger, verbose: boolean, title = 'Build images'): Promise<void> {
  await log.group(title, () => stack.build({ verbose, info: (line) => log.info(line) }));
}

/** baseline: base: the base commit's worktree beside head's app; the caller closes it when the run ends. */
export async function checkOutBase(run: Runner, plan: RunPlan, commit: NonNullable<RunPlan['baseCommit']>, log: Logger): Promise<Sides> {
  const sides = await Sides.checkOut(run, commit, plan.head, plan.out.dir, plan.config.app);
  log.info(`baseline: base: measuring ${commit.sha.slice(0, 12)} (worktree ${sides.checkout.dir}) alternately with this checkout.`);
  return sides;
}

/** Base's app image, with the stack's own build: db and load come from the cache. */
export function buildBase(head: Stack, sides: Sides, log: Logger, verbose: boolean): Promise<void> {
  const base = head.at({ ...head.target, side: 'base', app: sides.base });
  return buildImages(base, log, verbose, `Build the base commit's app image (${sides.base.image})`);
}

/** netem when its preflight passes in a throwaway app container (or Toxiproxy, under `auto`); said in the log. */
export async function chooseLatency(run: Runner, plain: Stack, plan: RunPlan, log: Logger): Promise<LatencyChoice> {
  const requested = plan.config.latencyMethod;
  const info = (line: string) => log.info(line);
  const choice = await log.group('Latency method', () =>
    chooseLatencyMethod(requested, () =>
      netemAvailability(
        () => prepareNetemHost(run, requested, plan.env, info),
        () => netemPreflight(run, plain),
        info,
      ),
    ),
  );
  if (choice.fallbackReason) log.warning(`Latency method: toxiproxy, because netem is unavailable: ${choice.fallbackReason}`);
  else log.info(`Latency method: ${choice.method} (${choice.note})`);
  return choice;
}

/**
 * manage.py check (before migrate: a settings module that does not import is named as such), then
 * the database: started, migrated, the app's data steps, the snapshot every sample starts from.
 * Returns what ran (versions inside the images), read once the stack is up.
 */
export function prepareDatabase(run: Runner, stack: Stack, plan: RunPlan, log: Logger): Promise<StackFingerprint> {
  return log.group('Start the database, migrate and prepare the data', async () => {
    const checkStart = Date.now();
    await checkDjango(run, stack, plan.config.app);
    log.info(`Preflight: manage.py check passed in ${((Date.now() - checkStart) / 1000).toFixed(1)} s.`);
    await stack.startDatabase();
    for (const line of await stack.prepareData(plan.config.seedPosts)) log.info(line);
    const snapshotStart = Date.now();
    await stack.snapshotDatabase();
    log.info(`Database snapshot taken in ${((Date.now() - snapshotStart) / 1000).toFixed(2)} s; every cell starts from it.`);
    return readFingerprint(run, stack);
  });
}

/**
 * Every route once per setup at 0 ms, before the out folder is taken over: a route that fails costs seconds.
 * Returns the views Django resolved per setup, for results.json's environment.
 */
export async function preflightRoutes(run: Runner, stack: Stack, plan: RunPlan, log: Logger): Promise<Record<string, SetupViews>> {
  const check = await log.group('Preflight: every route once per setup at 0 ms', () => checkRoutes(run, stack, ...preflightScope(plan.cells)));
  log.info(check.line);
  return check.views;
}
