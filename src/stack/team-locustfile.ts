/** A route's own locustfile: checked as text before the build, then by Locust itself in the load image. */
import type { RouteSpec } from '../core/config/build.js';
import { ConfigError } from '../core/config/errors.js';
import { errorMessage } from '../core/error-message.js';
import { readInputText } from '../core/ingest/input-file.js';
import { tail, type Runner } from './exec/command.js';
import { locustArgs, teamLocustfile } from './locust-command.js';
import type { Compose } from './compose.js';

/**
 * A route run by a team's own locustfile: the file must exist and define its user class,
 * said before anything is built. A text check (`class Name(` at the start of a line): it
 * needs no image and no Python, so a typo fails in a second rather than after the build.
 * `checkTeamUserClasses` asks Locust itself once the load image exists.
 */
export async function checkTeamLocustfiles(routes: RouteSpec[], workspace: string): Promise<void> {
  for (const route of routes) {
    const path = teamLocustfile(route, workspace);
    if (path === null) continue;
    const where = `route "${route.name}" locustfile`;
    // A FIFO or a folder is refused before it is opened: reading a FIFO waits for a writer forever.
    const text = await readInputText(path, `${JSON.stringify(route.locustfile)} (${path})`, 'the path of your Locust file, relative to the workspace').catch(
      (error: unknown) => {
        throw new ConfigError(where, errorMessage(error));
      },
    );
    if (text === null) {
      throw new ConfigError(
        where,
        `cannot read ${JSON.stringify(route.locustfile)} (${path}: ENOENT); give the path of your Locust file, relative to the workspace.`,
      );
    }
    const classes = [...text.matchAll(/^class\s+([A-Za-z_]\w*)\s*[(:]/gm)].map((match) => match[1]!);
    if (!classes.includes(route.userClass)) {
      throw new ConfigError(
        `route "${route.name}" user-class`,
        `${JSON.stringify(route.userClass)} is not a class of ${route.locustfile}` +
          (classes.length > 0 ? ` (it defines ${classes.join(', ')})` : ' (it defines no class)') +
          '; name the Locust user class that requests this route.',
      );
    }
  }
}

/** The user classes `locust --list` prints ("Available Users:" then one per line); null when it printed none. */
export function listedUserClasses(output: string): string[] | null {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => line.trim() === 'Available Users:');
  if (start < 0) return null;
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const match = /^\s+([A-Za-z_]\w*)\s*$/.exec(line);
    if (!match) break;
    names.push(match[1]!);
  }
  return names;
}

/**
 * After the build, before any cell: the load image's Locust loads each team locustfile
 * (`locust -f … --list`, about a second), so an import the image lacks or a class that is no
 * Locust user stops the run now, naming the route, instead of failing every cell of it.
 */
export async function checkTeamUserClasses(run: Runner, compose: Compose, routes: RouteSpec[], workspace: string): Promise<void> {
  for (const route of routes) {
    if (route.locustfile === undefined) continue;
    const { args, volumes } = locustArgs(route, { users: 1, spawnRate: 1, runTimeSeconds: 1, processes: 1 }, 'http://app', workspace);
    const result = await run(compose.run('load', ['locust', ...args.slice(0, 2), '--list'], { volumes }));
    const output = `${result.stdout}\n${result.stderr}`;
    const classes = listedUserClasses(result.stdout);
    if (result.exitCode !== 0 || classes === null) {
      throw new ConfigError(`route "${route.name}" locustfile`, `the load image's Locust cannot load ${route.locustfile}:\n${tail(output.trim(), 8)}`);
    }
    if (!classes.includes(route.userClass)) {
      throw new ConfigError(
        `route "${route.name}" user-class`,
        `Locust finds no user class ${JSON.stringify(route.userClass)} in ${route.locustfile} (it ` +
          `lists ${classes.join(', ') || 'none'}); a user class derives from HttpUser or User.`,
      );
    }
  }
}
