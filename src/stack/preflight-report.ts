/**
 * The preflight's pure half: the command that sends every route once, reading its
 * answers, judging them against each route's `expect`, and the error texts that
 * name the input and show the evidence. preflight.ts runs it on the stack.
 */
import type { AppSpec, SetupSpec } from '../core/config/build.js';
import type { RequestRoute, RouteSpec } from '../core/config/schema.js';
import { compileRequest, requestEnvNames, routeRequests } from '../core/config/route-request.js';
import { serverCommand } from '../core/config/server-command.js';
import { tail, type CommandResult } from './exec/command.js';

/** In the load image beside the locustfile, whose build_request it imports. */
export const PREFLIGHT_SCRIPT = '/locust/preflight.py';
export const PREFLIGHT_ENV = 'ASYNC_BENCH_PREFLIGHT';
/** Each answer is one stdout line starting with this (Locust's import may print other lines). */
const ANSWER_MARK = 'PREFLIGHT ';

export interface PreflightInvocation {
  argv: string[];
  env: Record<string, string>;
  /** Header tokens, handed over by name as under load. */
  passEnv: string[];
}

/**
 * The requests the routes send, each once: a mix's members (by name, once even when
 * they are routes of their own too); none for a route run by a team's own locustfile,
 * whose user class is checked by team-locustfile.ts instead.
 */
export function preflightRequests(routes: readonly RouteSpec[]): RequestRoute[] {
  const byName = new Map<string, RequestRoute>();
  for (const request of routes.flatMap(routeRequests)) if (!byName.has(request.name)) byName.set(request.name, request);
  return [...byName.values()];
}

/** One request per route, compiled exactly as ASYNC_BENCH_ROUTE is for a cell. */
export function preflightInvocation(routes: RequestRoute[], host: string): PreflightInvocation {
  const requests = routes.map((route) => ({ route: route.name, request: compileRequest(route) }));
  return {
    argv: ['python', PREFLIGHT_SCRIPT, host],
    env: { [PREFLIGHT_ENV]: JSON.stringify(requests) },
    passEnv: [...new Set(requests.flatMap(({ request }) => requestEnvNames(request)))],
  };
}

/** What one route answered: a status, or an error when no answer came. */
export interface RouteAnswer {
  route: string;
  method: string;
  /** Path and query as sent (templates filled). */
  url: string;
  status: number | null;
  body: string;
  error: string | null;
}

export function parseAnswers(stdout: string): RouteAnswer[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(ANSWER_MARK))
    .map((line) => JSON.parse(line.slice(ANSWER_MARK.length)) as RouteAnswer);
}

/** Locust's rule: the route's `expect` list, or any status below 400 when it has none. */
export function isExpected(status: number | null, expect: readonly number[]): boolean {
  if (status === null) return false;
  return expect.length > 0 ? expect.includes(status) : status < 400;
}

const expectedText = (expect: readonly number[]) => (expect.length > 0 ? expect.join(' or ') : 'a status below 400');

/** What the preflight found under one setup; ok when nothing is listed. */
export interface SetupFindings {
  setup: string;
  /** The app did not start (its message names the setup, the entry point and shows the log). */
  startFailure: string | null;
  /** Routes answering other than expected (or not at all). */
  mismatches: { answer: RouteAnswer; expect: readonly number[] }[];
  /** The app log's last lines, when something failed. */
  appLog: string;
}

export function findMismatches(routes: RequestRoute[], answers: RouteAnswer[]): SetupFindings['mismatches'] {
  return routes.flatMap((route) => {
    const answer = answers.find((candidate) => candidate.route === route.name);
    if (!answer) {
      return [
        {
          answer: { route: route.name, method: route.method, url: route.path, status: null, body: '', error: 'the preflight script gave no answer' },
          expect: route.expect,
        },
      ];
    }
    return isExpected(answer.status, route.expect) ? [] : [{ answer, expect: route.expect }];
  });
}

/** docker logs --timestamps lines, read by a person: the time prefix goes. */
export const withoutTimestamps = (log: string): string => log.replace(/^\d{4}-\d\d-\d\dT[\d:.]+Z /gm, '');

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');

/** The body's first lines, each cut short: enough to tell a 404 page from a traceback. */
function bodyHead(body: string, lines = 5): string {
  const kept = body
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .slice(0, lines)
    .map((line) => (line.length > 160 ? `${line.slice(0, 160)}…` : line));
  return kept.join('\n');
}

function findingsText(findings: SetupFindings): string {
  const parts = [`setup "${findings.setup}":`];
  if (findings.startFailure) parts.push(indent(findings.startFailure, '  '));
  for (const { answer, expect } of findings.mismatches) {
    const got = answer.status === null ? `no answer (${answer.error})` : `${answer.status}`;
    parts.push(`  route "${answer.route}": ${answer.method} ${answer.url} answered ${got}, expected ${expectedText(expect)}`);
    const head = bodyHead(answer.body);
    if (head) parts.push(`    response body:\n${indent(head, '      ')}`);
  }
  if (findings.mismatches.length > 0 && findings.appLog.trim()) parts.push(`  app log, last lines:\n${indent(findings.appLog, '    ')}`);
  return parts.join('\n');
}

/** One error for every setup and route that failed, so a single run shows them all. */
export function routeFailureMessage(findings: SetupFindings[], checked: { setups: number; seconds: number; timing: string }): string {
  const failed = findings.filter((item) => item.startFailure || item.mismatches.length > 0);
  const mismatches = failed.reduce((sum, item) => sum + item.mismatches.length, 0);
  const starts = failed.filter((item) => item.startFailure).length;
  const summary = [
    ...(starts ? [`the app did not start under ${starts} of ${checked.setups} setup${checked.setups === 1 ? '' : 's'}`] : []),
    ...(mismatches ? [`${mismatches} request${mismatches === 1 ? '' : 's'} did not answer as expected`] : []),
  ].join(' and ');
  return [
    `Preflight (every route once per setup at 0 ms, before any cell; ${checked.seconds.toFixed(1)} s: ${checked.timing}): ${summary}. ` +
      `Nothing was measured and the out folder was left as it was.`,
    ...failed.map(findingsText),
    "Fix the route (its path, method, body or expect in async-bench.yml) or the app's view; " +
      "a 500's traceback is in the app log above when the project logs errors to the console.",
  ].join('\n');
}

/** `manage.py check` failed: Django does not load with the project's settings. */
export function settingsFailureMessage(app: Pick<AppSpec, 'settings'>, result: CommandResult): string {
  return (
    `Preflight: Django does not start with app.settings ${JSON.stringify(app.settings)}: manage.py ` +
    `check failed (exit ${result.exitCode}) in a one-off app container, with async-bench's ` +
    `generated settings module importing it. Fix what the output names (or app.settings in ` +
    `async-bench.yml); it ends:\n${tail(`${result.stdout}\n${result.stderr}`.trim(), 15)}`
  );
}

/** One data step: migrate, or the app's prepare entry by its 1-based position. */
export interface PrepareStep {
  /** `migrate: manage.py migrate --noinput`, `app.prepare[1]: manage.py seed_shop --products 5000`. */
  label: string;
  argv: string[];
}

export function prepareSteps(commands: string[][]): PrepareStep[] {
  return commands.map((argv, index) => ({ label: `${index === 0 ? 'migrate' : `app.prepare[${index}]`}: manage.py ${argv.join(' ')}`, argv }));
}

export function stepFailureMessage(step: PrepareStep, result: CommandResult): string {
  return (
    `Preflight: ${step.label} failed (exit ${result.exitCode}) in a one-off app container; nothing ` +
    `was measured. Its output ends:\n${tail(`${result.stdout}\n${result.stderr}`.trim(), 15)}`
  );
}

/** `sync 2.9 s, async-limited 3.1 s`. */
export function timingText(timings: { setup: string; seconds: number }[]): string {
  return timings.map(({ setup, seconds }) => `${setup} ${seconds.toFixed(1)} s`).join(', ');
}

/**
 * The app of a setup never became ready: names the setup and the entry point its server
 * loads (app.wsgi or app.asgi by the setup's interface), and shows the server's own words.
 */
export function appNotReadyMessage(setup: SetupSpec, app: AppSpec, state: string | null, logs: string, timeoutSeconds: number): string {
  const what = state && !state.startsWith('running') ? `the app exited (${state}) before it was ready` : `the app was not ready within ${timeoutSeconds} s`;
  const entry = setup.interface === 'wsgi' ? `app.wsgi ${JSON.stringify(app.wsgi)}` : `app.asgi ${JSON.stringify(app.asgi)}`;
  const said = logs.trim() ? `\nLast app log lines:\n${tail(withoutTimestamps(logs), 15)}` : ' The app wrote no log.';
  return `Setup "${setup.name}": ${what}. Its server loads ${entry}: ${serverCommand(setup, app).join(' ')}.${said}`;
}
