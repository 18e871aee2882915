/**
 * The first phase of a run: what it will measure (the shard's cells, the app, the base commit, the
 * out folder) and every check that needs nothing built, so bad input stops the run before Docker is asked.
 */
import type { Config } from '../core/config/build.js';
import { blockerText, POOL_NEEDS, withUsablePool } from '../core/config/pool.js';
import { checkRequestEnv } from '../core/config/route-request.js';
import { planShard, type Cell } from '../core/plan/cells.js';
import { findBaseCommit, measuresBase, type BaseCommit } from './base-side.js';
import type { Runner } from './exec/command.js';
import { appSource, checkAppSource, type AppSource } from './image-build.js';
import type { Logger } from './log.js';
import { findOutFolder, type ExistingRunPolicy, type OutFolder } from './out-dir.js';
import { appContext, appImage } from './project.js';
import { checkTeamLocustfiles } from './team-locustfile.js';

export interface RunPlan {
  readonly config: Config;
  /** The one environment every phase reads (header tokens, BASE_IMAGE, GitHub's variables, image overrides). */
  readonly env: NodeJS.ProcessEnv;
  readonly cells: Cell[];
  readonly started: Date;
  /** This checkout's app: head's side with baseline: base. */
  readonly head: AppSource;
  /** The base commit to measure too (baseline: base); null otherwise. */
  readonly baseCommit: BaseCommit | null;
  readonly out: OutFolder;
}

export async function planRun(
  config: Config,
  from: { runner: Runner; root: string; cwd: string; env: NodeJS.ProcessEnv; existingRun: ExistingRunPolicy },
): Promise<RunPlan> {
  const { env, cwd } = from;
  const context = appContext(config.app.context, from.root, cwd);
  const head = appSource(config.app, context, env, cwd, appImage(config.app));
  await checkAppSource(config.app, head);
  await checkTeamLocustfiles(config.routes, cwd);
  // A header token missing from the runner's environment: refused before anything is built.
  checkRequestEnv(config.routes, env);
  // baseline: base: a base commit the clone lacks (a shallow checkout) is said now, before anything is built.
  const baseCommit = measuresBase(config) ? await findBaseCommit(from.runner, context, config.compare.baseRef, env) : null;
  const started = new Date();
  const cells = planShard(config);
  // Read only: an earlier run is refused now, before anything runs, and otherwise left
  // as it is until the stack is up and this run's environment is known.
  const out = await findOutFolder(config, cwd, from.existingRun);
  return { config, env, cells, started, head, baseCommit, out };
}

/**
 * Once the image is built and its packages read (the fingerprint): a team's default setups without
 * the pool preset the image cannot use (core/config/pool.ts), said on the console; the report's
 * setup notes say it again. Setups a source named are never dropped.
 */
export function planForImage<P extends Pick<RunPlan, 'config' | 'cells'>>(plan: P, packages: Record<string, string | null>, log: Pick<Logger, 'info'>): P {
  const { config, leftOut, blocker } = withUsablePool(plan.config, packages);
  if (leftOut.length === 0 || blocker === null) return plan;
  const names = leftOut.map((setup) => setup.name).join(', ');
  log.info(`Left out of the default setups: ${names}. ${POOL_NEEDS}; ${blockerText(blocker)}.`);
  const kept = new Set(config.setups.map((setup) => setup.name));
  return { ...plan, config, cells: plan.cells.filter((cell) => kept.has(cell.setup.name)) };
}
