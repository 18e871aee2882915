import type { SetupSpec } from '../config/build.js';

/**
 * What the findings need to know about setups and routes that the configuration
 * does not say in so many words: is a setup Sync or Async, is a route I/O- or
 * CPU-bound, how many requests can a Sync setup serve at once.
 */

export type SetupKind = 'sync' | 'async';
export type RouteKind = 'io' | 'cpu' | 'mixed' | 'unclassified';

/** A WSGI server serves a request per worker thread; an ASGI one interleaves them on an event loop. */
export const setupKind = (setup: Pick<SetupSpec, 'interface'>): SetupKind => (setup.interface === 'asgi' ? 'async' : 'sync');

/** The study's routes, as its Methods section describes them. */
const BUILT_IN_ROUTE_KINDS: Record<string, Exclude<RouteKind, 'unclassified' | 'mixed'>> = { cpu: 'cpu', io_read: 'io', io_create: 'io' };

/** What the study calls a route by its name; unclassified for any other name. */
export const kindByName = (name: string): RouteKind => BUILT_IN_ROUTE_KINDS[name] ?? 'unclassified';

export interface Concurrency {
  /** Requests the setup serves at once: workers × threads. */
  workers: number;
  /** Where the number came from, for the report; `measured`: the workers the signals counted in the app container. */
  source: 'command' | 'setup' | 'WEB_CONCURRENCY' | 'measured' | 'default';
}

/** `--name N`, `--name=N`, and for one-letter flags `-xN`, anywhere in argv. */
function option(argv: string[], long: string, short: string | null): number | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    let text: string | undefined;
    if (arg === long || (short !== null && arg === short)) text = argv[i + 1];
    else if (arg.startsWith(`${long}=`)) text = arg.slice(long.length + 1);
    else if (short !== null && arg.startsWith(short) && arg.length > short.length && !arg.startsWith('--')) text = arg.slice(short.length);
    if (text !== undefined && /^\d+$/.test(text) && Number(text) > 0) return Number(text);
  }
  return null;
}

/**
 * W of the theory line: how many requests a Sync setup serves at once. From a
 * `workers` field when the setup has one (read defensively), else gunicorn's
 * `--workers`/`-w` times `--threads` in the command, else `WEB_CONCURRENCY` (gunicorn's
 * default for `--workers`), else the workers a sample counted (`{workers}` is filled in at
 * run time from the cores), else 1 (gunicorn's own default, and the study's Sync).
 */
export function concurrency(setup: Pick<SetupSpec, 'command' | 'env'>, measuredWorkers: number | null = null): Concurrency {
  const own = (setup as { workers?: unknown }).workers;
  if (typeof own === 'number' && Number.isInteger(own) && own > 0) return { workers: own, source: 'setup' };
  const workers = option(setup.command, '--workers', '-w');
  const threads = option(setup.command, '--threads', null) ?? 1;
  if (workers !== null) return { workers: workers * threads, source: 'command' };
  const fromEnv = setup.env.WEB_CONCURRENCY;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv) && Number(fromEnv) > 0) return { workers: Number(fromEnv) * threads, source: 'WEB_CONCURRENCY' };
  if (measuredWorkers !== null && measuredWorkers > 0) return { workers: measuredWorkers * threads, source: 'measured' };
  return { workers: threads, source: threads > 1 ? 'command' : 'default' };
}
