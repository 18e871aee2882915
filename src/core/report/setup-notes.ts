import { PRESET_SETUPS, REFERENCE_APP } from '../config/defaults.js';
import type { SetupSpec } from '../config/build.js';
import { blockerText, poolBlocker, POOL_NEEDS, usesPool } from '../config/pool.js';
import type { Results, SetupViews } from '../results/schema.js';
import { code, labelText } from './escape.js';

/**
 * What was really measured under each setup, when it is not what the setup's name says:
 * sync views an ASGI server ran through Django's thread adaptation (so threads, not async
 * I/O, were measured), middleware that forces that adaptation, async views a WSGI server
 * ran through async_to_sync; and whether the project's database driver allows Django's own
 * connection pool (psycopg 3 and Django 5.1+), which moves these numbers more than the
 * server does.
 */

/** The presets that turn Django's pool on, by name, as the defaults define them. */
const POOL_PRESETS = PRESET_SETUPS.filter(usesPool).map((setup) => setup.name);

/** "a", "a and b", "a, b and c". */
const list = (items: string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

function viewNotes(setup: SetupSpec, views: SetupViews): string[] {
  const label = `${labelText(setup.label)} (${setup.interface.toUpperCase()})`;
  const routes = Object.entries(views.routes);
  const byKind = (async: boolean) => routes.filter(([, view]) => view.async === async).map(([name]) => code(name));
  if (setup.interface === 'asgi') {
    const notes: string[] = [];
    const sync = byKind(false);
    if (sync.length > 0) {
      const all = sync.length === routes.length ? 'every route' : list(sync);
      notes.push(
        `Under ${label}, ${all} ran sync views through Django’s thread adaptation (${code('sync_to_async')}): that, not async I/O, is what was measured.`,
      );
    }
    const blocking = views.middleware.filter((m) => m.async === false).map((m) => code(m.path));
    if (blocking.length > 0) {
      notes.push(`Under ${label}, middleware that is not async-capable (${list(blocking)}) made Django adapt every request to a thread.`);
    }
    return notes;
  }
  const async = byKind(true);
  return async.length > 0
    ? [`Under ${label}, ${list(async)} ran async views through ${code('async_to_sync')}: an event loop per request, on a worker thread.`]
    : [];
}

/**
 * Whether the project could have Django's pool, and what became of the pool presets: left out of a
 * team's defaults (config.setupsByDefault) or unusable when named, with the reason; suggested to a
 * team's app that ran without them.
 */
function poolNotes(results: Results): string[] {
  const { stack } = results.environment;
  if (!['psycopg', 'psycopg2', 'psycopg2-binary'].some((key) => (stack[key] ?? null) !== null)) return [];
  const blocker = poolBlocker(stack);
  const reason = blocker && blockerText(blocker, code);
  const pooled = results.config.setups.filter(usesPool);
  if (pooled.length > 0) return reason ? [`${POOL_NEEDS}, so ${list(pooled.map((s) => labelText(s.label)))} could not use it: ${reason}.`] : [];
  if (results.config.app.context === REFERENCE_APP.context) return [];
  const presets = list(POOL_PRESETS.map((name) => code(name)));
  const moves = 'which moves these numbers more than the server does';
  if (reason && results.config.setupsByDefault) return [`${presets}, of a team’s default setups, were left out: ${POOL_NEEDS}, ${moves}; ${reason}.`];
  if (reason && blocker?.kind !== 'no-pool') return [`${POOL_NEEDS}, ${moves}; ${reason}, which rules it out.`];
  const psycopg = code(stack.psycopg ?? '');
  const allows = `Pooling moves these numbers more than the server does: this project’s psycopg ${psycopg} allows Django’s own connection pool`;
  if (reason) {
    return [`${allows} once psycopg’s pool is installed (${code('psycopg[pool]')} in its requirements; it has none); then try the setups ${presets}.`];
  }
  return [`${allows}, so try the setups ${presets}.`];
}

/** The notes as one block, or "" when there is nothing to say. */
export function renderSetupNotes(results: Results): string {
  const views = results.environment.views ?? {};
  const notes = [...results.config.setups.flatMap((setup) => (views[setup.name] ? viewNotes(setup, views[setup.name]!) : [])), ...poolNotes(results)];
  return notes.length === 0 ? '' : [`**What the setups really ran.**`, ...notes.map((note) => `- ${note}`)].join('\n');
}
