/** Bad input found before the first cell: Django's settings (manage.py check) and every route once per setup. */
import type { AppSpec, RouteSpec, SetupSpec } from '../core/config/build.js';
import { errorMessage } from '../core/error-message.js';
import { tail, type Runner } from './exec/command.js';
import {
  findMismatches,
  parseAnswers,
  preflightInvocation,
  preflightRequests,
  routeFailureMessage,
  settingsFailureMessage,
  timingText,
  type SetupFindings,
  withoutTimestamps,
} from './preflight-report.js';
import { loadTarget } from './project.js';
import type { Cell } from '../core/plan/cells.js';
import type { Stack } from './stack.js';
import { parseViewProbe, viewProbeArgv } from './views.js';
import type { SetupViews } from '../core/results/schema.js';

/** What the route check found worth keeping: the log line, and per setup the views Django resolved. */
export interface RouteCheck {
  line: string;
  views: Record<string, SetupViews>;
}

/**
 * Before the first cell, a project's mistakes are reported in seconds and named by
 * their input, not found after minutes of load in a cell's logs: Django loads with
 * the settings (before migrate), and every route answers as expected once under
 * every setup. Nothing is measured and the out folder is untouched until it passes.
 */
export class PreflightError extends Error {
  override name = 'PreflightError';
}

/** `manage.py check` (no database needed) in a one-off app container with the generated settings. */
export async function checkDjango(run: Runner, stack: Stack, app: AppSpec): Promise<void> {
  const result = await run(stack.compose.run('app', ['python', 'manage.py', 'check']));
  if (result.exitCode !== 0) throw new PreflightError(settingsFailureMessage(app, result));
}

/**
 * Under each setup, as a cell would run it (head's app, the chosen latency method): its database, a fresh app, then every
 * route requested once at 0 ms through the load image (the locustfile's own
 * build_request fills the templates). Every setup is checked before one error lists
 * all that failed. Returns the timing line for the log.
 */
export async function checkRoutes(run: Runner, stack: Stack, setups: SetupSpec[], routes: RouteSpec[]): Promise<RouteCheck> {
  const start = Date.now();
  const findings: SetupFindings[] = [];
  const timings: { setup: string; seconds: number }[] = [];
  const views: Record<string, SetupViews> = {};
  for (const setup of setups) {
    const setupStart = Date.now();
    const found = await checkSetup(run, stack, setup, routes);
    findings.push(found);
    if (found.views) views[setup.name] = found.views;
    timings.push({ setup: setup.name, seconds: (Date.now() - setupStart) / 1000 });
  }
  const seconds = (Date.now() - start) / 1000;
  if (findings.some((item) => item.startFailure || item.mismatches.length > 0)) {
    throw new PreflightError(routeFailureMessage(findings, { setups: setups.length, seconds, timing: timingText(timings) }));
  }
  const line =
    `Preflight: ${routes.length} route${routes.length === 1 ? '' : 's'} answered as expected ` +
    `under ${setups.length} setup${setups.length === 1 ? '' : 's'} in ${seconds.toFixed(1)} s (${timingText(timings)}).`;
  return { line, views };
}

async function checkSetup(run: Runner, head: Stack, setup: SetupSpec, routes: RouteSpec[]): Promise<SetupFindings & { views?: SetupViews }> {
  const findings: SetupFindings & { views?: SetupViews } = { setup: setup.name, startFailure: null, mismatches: [], appLog: '' };
  const stack = head.at({ ...head.target, setup });
  await stack.writeSetupOverride();
  await stack.startDatabase();
  try {
    await stack.startApp();
  } catch (error) {
    return { ...findings, startFailure: errorMessage(error) };
  }
  const requests = preflightRequests(routes);
  if (requests.length === 0) return findings;
  const invocation = preflightInvocation(requests, loadTarget(stack.target.latencyMethod, stack.app));
  const result = await run(stack.compose.run('load', invocation.argv, { env: invocation.env, passEnv: invocation.passEnv }));
  const answers = parseAnswers(result.stdout);
  if (result.exitCode !== 0 && answers.length === 0) {
    throw new PreflightError(
      `Preflight: the request script in the load image failed (exit ${result.exitCode}):\n${tail(`${result.stdout}\n${result.stderr}`.trim(), 15)}`,
    );
  }
  findings.mismatches = findMismatches(requests, answers);
  // In the running app, with the setup's env: which view serves each route, sync or async (views.ts).
  const probe = await run(stack.compose.exec('app', viewProbeArgv(requests)));
  findings.views = (probe.exitCode === 0 && parseViewProbe(probe.stdout)) || undefined;
  if (findings.mismatches.length > 0) findings.appLog = tail(withoutTimestamps(await stack.logs('app').catch(() => '')), 15);
  return findings;
}

/** The setups and routes the run's cells use, each once, in plan order. */
export function preflightScope(cells: readonly Cell[]): [SetupSpec[], RouteSpec[]] {
  const unique = <T extends { name: string }>(items: T[]) => [...new Map(items.map((item) => [item.name, item])).values()];
  return [unique(cells.map((cell) => cell.setup)), unique(cells.map((cell) => cell.route))];
}
