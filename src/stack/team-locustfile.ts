import { readFile } from 'node:fs/promises';
import type { RouteSpec } from '../core/config/build.js';
import { ConfigError } from '../core/config/errors.js';
import { teamLocustfile } from './locust-command.js';

/**
 * A route run by a team's own locustfile: the file must exist and define its user class,
 * said before anything is built. A text check (`class Name(` at the start of a line), not
 * `locust --list`: it needs no image and no Python, so a typo fails in a second rather than
 * after the build; Locust itself still refuses, in the cell's error, a class that is
 * defined but is no User (or one only imported from elsewhere).
 */
export async function checkTeamLocustfiles(routes: RouteSpec[], workspace: string): Promise<void> {
  for (const route of routes) {
    const path = teamLocustfile(route, workspace);
    if (path === null) continue;
    const where = `route "${route.name}" locustfile`;
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ConfigError(
        where,
        `cannot read ${JSON.stringify(route.locustfile)} (${path}: ${code}); give the path of your Locust file, relative to the workspace.`,
      );
    }
    const classes = [...text.matchAll(/^class\s+([A-Za-z_]\w*)\s*[(:]/gm)].map((match) => match[1]!);
    if (!classes.includes(route.userClass)) {
      throw new ConfigError(
        `route "${route.name}" user-class`,
        `${JSON.stringify(route.userClass)} is not a class of ${route.locustfile}${classes.length > 0 ? ` (it defines ${classes.join(', ')})` : ' (it defines no class)'}; name the Locust user class that requests this route.`,
      );
    }
  }
}
