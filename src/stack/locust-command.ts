import type { LoadSpec, RouteSpec } from '../core/config/build.js';
import { compileRequest, requestEnvNames } from '../core/config/route-request.js';

/** Paths inside the load container: the locustfile and the bind-mounted cell folder. */
export const LOCUSTFILE = '/locust/locustfile.py';
export const CELL_MOUNT = '/out';

export interface LocustInvocation {
  args: string[];
  /** Tells the generic RouteUser which request to make (custom routes). */
  env: Record<string, string>;
  /** Runner variables the container gets by name only (header tokens): their values never appear in a command. */
  passEnv: string[];
}

/**
 * Locust headless for one cell: ramp at the spawn rate, hold until the run time,
 * CSVs with full history (the study reads its graphs), the HTML report and the
 * log beside them. `--exit-code-on-error 0`: failed requests are data, not a
 * failed command.
 */
export function locustArgs(route: RouteSpec, load: LoadSpec, host: string): LocustInvocation {
  const request = compileRequest(route);
  return {
    args: [
      '-f',
      LOCUSTFILE,
      '--headless',
      '--host',
      host,
      '--users',
      String(load.users),
      '--spawn-rate',
      String(load.spawnRate),
      '--run-time',
      `${load.runTimeSeconds}s`,
      '--csv',
      `${CELL_MOUNT}/locust`,
      '--csv-full-history',
      '--html',
      `${CELL_MOUNT}/report.html`,
      '--logfile',
      `${CELL_MOUNT}/locust.log`,
      '--only-summary',
      '--exit-code-on-error',
      '0',
      ...(load.processes > 1 ? ['--processes', String(load.processes)] : []),
      route.userClass,
    ],
    env: { ASYNC_BENCH_ROUTE: JSON.stringify(request) },
    passEnv: requestEnvNames(request),
  };
}
