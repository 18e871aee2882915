/** The Locust command of one sample, as data: arguments, the environment by value and by name, the mounts. */
import { basename, dirname, resolve } from 'node:path';
import type { LoadSpec, RouteSpec } from '../core/config/build.js';
import { compileLoad, compileRequest, requestEnvNames, routeRequests } from '../core/config/route-request.js';

/** Paths inside the load container: the locustfile, the bind-mounted cell folder, a team's locustfile folder. */
export const LOCUSTFILE = '/locust/locustfile.py';
export const CELL_MOUNT = '/out';
export const TEAM_LOCUST_MOUNT = '/team-locust';
/** --json-file adds ".json": CELL_FILES.finalStats. */
const FINAL_STATS_PREFIX = 'locust_final';

export interface LocustInvocation {
  args: string[];
  /** Tells the generic RouteUser which request to make (custom routes). */
  env: Record<string, string>;
  /** Runner variables the container gets by name only (header tokens): their values never appear in a command. */
  passEnv: string[];
  /** Bind mounts besides the cell folder: a team's locustfile folder, read-only. */
  volumes: string[];
}

/** A route's own locustfile on this machine (relative to the workspace). */
export function teamLocustfile(route: RouteSpec, workspace: string): string | null {
  return route.locustfile === undefined ? null : resolve(workspace, route.locustfile);
}

/**
 * Seconds Locust waits, once the run time is up, for users to finish the request they are
 * in: a request the app served is then one Locust counted, so the window's SQL and CPU
 * divide by the right number (docs/stack.md "Signals"). Fast cells drain in well under a
 * second; a latency-bound one, whose queue would take longer, is cut off here.
 */
export const STOP_TIMEOUT_SECONDS = 5;

/** What Locust logs when the stop timeout cut users off (runners.py, 2.x). */
export const NOT_DRAINED = /Not all users finished their tasks/;

/**
 * Locust headless for one cell: ramp at the spawn rate, hold until the run time,
 * CSVs with full history (the study reads its graphs), the HTML report and the
 * log beside them. `--exit-code-on-error 0`: failed requests are data, not a
 * failed command.
 */
export function locustArgs(route: RouteSpec, load: LoadSpec, host: string, workspace: string = process.cwd()): LocustInvocation {
  // A team's own locustfile: its folder mounted read-only (its imports beside it work), its class picked.
  const own = teamLocustfile(route, workspace);
  return {
    args: [
      '-f',
      own ? `${TEAM_LOCUST_MOUNT}/${basename(own)}` : LOCUSTFILE,
      '--headless',
      '--host',
      host,
      '--users',
      String(load.users),
      '--spawn-rate',
      String(load.spawnRate),
      '--run-time',
      `${load.runTimeSeconds}s`,
      '--stop-timeout',
      String(STOP_TIMEOUT_SECONDS),
      '--csv',
      `${CELL_MOUNT}/locust`,
      '--csv-full-history',
      '--html',
      `${CELL_MOUNT}/report.html`,
      // Locust's final counts, written at exit: locust_stats.csv is rewritten once a second and
      // not at exit, so its last rows lag the end by up to a second (the signals' denominator).
      '--json-file',
      `${CELL_MOUNT}/${FINAL_STATS_PREFIX}`,
      '--logfile',
      `${CELL_MOUNT}/locust.log`,
      '--only-summary',
      '--exit-code-on-error',
      '0',
      ...(load.processes > 1 ? ['--processes', String(load.processes)] : []),
      route.userClass,
    ],
    env: own ? {} : { ASYNC_BENCH_ROUTE: JSON.stringify(compileLoad(route)) },
    passEnv: [...new Set(routeRequests(route).flatMap((request) => requestEnvNames(compileRequest(request))))],
    volumes: own ? [`${dirname(own)}:${TEAM_LOCUST_MOUNT}:ro`] : [],
  };
}
