import { REFERENCE_APP } from '../config/defaults.js';
import type { SetupSpec } from '../config/build.js';
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

/** The setup env that turns the pool on (stack/app-settings.ts reads it). */
const POOL_ENV = 'ASYNC_BENCH_DB_POOL';
const POOL_PRESETS = ['gthread-pool', 'async-workers-pool'];

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

/** Why the project cannot have Django's pool, or null when it can (or the stack did not say). */
function poolRuledOut(stack: Record<string, string | null>): string | null {
  const psycopg = stack.psycopg ?? null;
  const psycopg2 = stack.psycopg2 ?? stack['psycopg2-binary'] ?? null;
  const django = stack.django ?? null;
  if (psycopg === null && psycopg2 !== null) return `this project uses psycopg2 ${code(psycopg2)}`;
  const [major, minor] = (django ?? '').split('.').map(Number);
  if (django !== null && major !== undefined && minor !== undefined && (major < 5 || (major === 5 && minor < 1)))
    return `this project has Django ${code(django)}`;
  return null;
}

function poolNotes(results: Results): string[] {
  const { stack } = results.environment;
  if (!['psycopg', 'psycopg2', 'psycopg2-binary'].some((key) => (stack[key] ?? null) !== null)) return [];
  const ruledOut = poolRuledOut(stack);
  const pooled = results.config.setups.filter((setup) => setup.env[POOL_ENV] !== undefined);
  const needs = 'Django’s own connection pool needs psycopg 3 and Django 5.1+';
  if (pooled.length > 0) return ruledOut ? [`${needs}, so ${list(pooled.map((s) => labelText(s.label)))} could not use it: ${ruledOut}.`] : [];
  if (results.config.app.context === REFERENCE_APP.context) return [];
  if (ruledOut) return [`${needs}, which moves these numbers more than the server does; ${ruledOut}, which rules it out.`];
  const presets = list(POOL_PRESETS.map((name) => code(name)));
  const psycopg = code(stack.psycopg ?? '');
  const allows = `Pooling moves these numbers more than the server does: this project’s psycopg ${psycopg} allows Django’s own connection pool`;
  // Recorded as absent (results older than the record say nothing): the pool presets would stop at the preflight.
  if ('psycopg-pool' in stack && stack['psycopg-pool'] === null) {
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
