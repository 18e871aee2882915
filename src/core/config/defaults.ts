import { SEED_POSTS } from './seed-posts.js';
import { DEFAULT_FAIL_SIGNALS, type AppSpec, type CompareSpec, type LoadSpec, type ProfileName, type RouteSpec, type SetupSpec } from './schema.js';

/** Stands for async-bench's own folder in an app's context (the edge that runs it knows where that is). */
export const ASYNC_BENCH_ROOT = '{async-bench}';

/** The reference app in compose/app: the study's Django project. */
export const REFERENCE_APP: AppSpec = {
  name: 'reference',
  context: `${ASYNC_BENCH_ROOT}/compose/app`,
  dockerfile: 'Dockerfile',
  python: null,
  requirements: null,
  build: [],
  wsgi: 'benchsite.wsgi:application',
  asgi: 'benchsite.asgi:application',
  port: 8000,
  healthPath: '/healthz/',
  settings: 'benchsite.settings',
  env: {},
  prepare: [['seed_posts', '--count', SEED_POSTS]],
};

// One worker, as in the study; a long timeout so a slow cell is measured, not killed.
const GUNICORN_ONE_WORKER = ['gunicorn', '--workers', '1', '--timeout', '180', '--graceful-timeout', '5', '--bind', '0.0.0.0:{port}'];
const GUNICORN_WORKERS = ['gunicorn', '--workers', '{workers}', '--timeout', '180', '--graceful-timeout', '5', '--bind', '0.0.0.0:{port}'];

/** The study's three setups (its "Server Worker Thread Setup"). */
export const BUILT_IN_SETUPS: SetupSpec[] = [
  {
    name: 'sync',
    label: 'Sync',
    interface: 'wsgi',
    command: [...GUNICORN_ONE_WORKER, '--worker-class', 'sync', '{module}'],
    workers: null,
    env: { ASYNC_BENCH_VIEWS: 'sync' },
    database: { maxConnections: 100 },
  },
  {
    name: 'async-limited',
    label: 'Async Limited',
    interface: 'asgi',
    command: [...GUNICORN_ONE_WORKER, '--worker-class', 'uvicorn_worker.UvicornWorker', '{module}'],
    workers: null,
    env: { ASYNC_BENCH_VIEWS: 'async' },
    database: { maxConnections: 100 },
  },
  {
    name: 'async-unlimited',
    label: 'Async Unlimited',
    interface: 'asgi',
    command: [...GUNICORN_ONE_WORKER, '--worker-class', 'uvicorn_worker.UvicornWorker', '{module}'],
    workers: null,
    env: { ASYNC_BENCH_VIEWS: 'async' },
    database: { maxConnections: 1000 },
  },
];

const GTHREAD: SetupSpec = {
  name: 'gthread',
  label: 'gthread',
  interface: 'wsgi',
  command: [...GUNICORN_WORKERS, '--worker-class', 'gthread', '--threads', '4', '{wsgi}'],
  workers: null,
  env: { ASYNC_BENCH_VIEWS: 'sync' },
  database: { maxConnections: 100 },
};

const ASYNC_WORKERS: SetupSpec = {
  name: 'async-workers',
  label: 'Async workers',
  interface: 'asgi',
  command: [...GUNICORN_WORKERS, '--worker-class', 'uvicorn_worker.UvicornWorker', '{asgi}'],
  workers: null,
  env: { ASYNC_BENCH_VIEWS: 'async' },
  database: { maxConnections: 1000 },
};

/** A preset with Django's own connection pool (app-settings.ts reads ASYNC_BENCH_DB_POOL), per process. */
const withPool = (setup: SetupSpec, pool: { min_size: number; max_size: number }): SetupSpec => ({
  ...setup,
  name: `${setup.name}-pool`,
  label: `${setup.label} + pool`,
  env: { ...setup.env, ASYNC_BENCH_DB_POOL: JSON.stringify(pool) },
});

/**
 * Setups teams deploy with, selectable by name (not run unless named): N workers
 * ({workers}: 2 × the app container's cores + 1 unless the setup sets `workers`).
 * ASYNC_BENCH_VIEWS picks the reference app's view module and means nothing to others.
 */
export const PRESET_SETUPS: SetupSpec[] = [
  GTHREAD,
  {
    name: 'sync-workers',
    label: 'Sync workers',
    interface: 'wsgi',
    command: [...GUNICORN_WORKERS, '--worker-class', 'sync', '{wsgi}'],
    workers: null,
    env: { ASYNC_BENCH_VIEWS: 'sync' },
    database: { maxConnections: 100 },
  },
  ASYNC_WORKERS,
  // Threads' worth of connections for gthread, more for an event loop.
  withPool(GTHREAD, { min_size: 4, max_size: 4 }),
  withPool(ASYNC_WORKERS, { min_size: 4, max_size: 16 }),
  {
    name: 'uvicorn',
    label: 'uvicorn',
    interface: 'asgi',
    command: ['uvicorn', '--host', '0.0.0.0', '--port', '{port}', '--no-access-log', '{asgi}'],
    workers: null,
    env: { ASYNC_BENCH_VIEWS: 'async' },
    database: { maxConnections: 1000 },
  },
];

/**
 * A team's app runs these by default: what teams deploy, each with the same {workers} processes
 * from the runner's cores, so they compare at equal resources. The study's one-worker Sync and
 * Async are not among them: nobody deploys one worker, and two more setups would add two
 * thirds to the run's time (a setup is routes × latencies cells); name them (`setups: sync,
 * async-limited`) to compare with the study. The reference app and `profile: paper` keep the
 * study's three.
 * The two pool presets are among them because Django's pool moved the example shop's numbers more
 * than any server did (docs/own-project.md: at 0 ms its database routes served 2.9–4.4× with
 * async-workers-pool than with async-workers and 8–11× with gthread-pool than with gthread, so
 * without gthread-pool the answer would name the wrong setup); the run leaves them out when the
 * built image cannot use the pool (core/config/pool.ts). Last, so the stack's first setup is never one left out.
 */
export const TEAM_DEFAULT_SETUPS = ['sync-workers', 'gthread', 'async-workers', 'gthread-pool', 'async-workers-pool'] as const;

/** A route with no query, headers or body, answered by any status below 400. */
function plainRoute(route: Pick<RouteSpec, 'name' | 'title' | 'method' | 'path' | 'userClass'> & Partial<RouteSpec>): RouteSpec {
  return { query: {}, headers: {}, form: {}, json: null, expect: [], ...route };
}

/** The study's routes, in the order of its Tables 1–3. */
export const BUILT_IN_ROUTES: RouteSpec[] = [
  plainRoute({ name: 'cpu', title: 'CPU-bound', method: 'GET', path: '/posts/cpu/', userClass: 'CpuUser' }),
  plainRoute({ name: 'io_read', title: 'I/O-bound DB read', method: 'GET', path: '/posts/io_read/', userClass: 'IoReadUser' }),
  plainRoute({
    name: 'io_create',
    title: 'I/O-bound DB create',
    method: 'POST',
    path: '/posts/io_create/',
    form: { title: 'Post {string:10}', content: 'Content {string:100}' },
    userClass: 'IoCreateUser',
  }),
];

export const DEFAULT_COMPARE: CompareSpec = {
  baseline: null,
  baseRef: null,
  threshold: 0.1,
  confidence: 0.95,
  failOnRegression: false,
  failOnSignals: [...DEFAULT_FAIL_SIGNALS],
};

export interface Profile {
  description: string;
  load: LoadSpec;
  latenciesMs: number[];
  seedPosts: number;
  /**
   * Measurements per cell. 1 everywhere: a repeat costs a whole matrix pass (quick: 20 more
   * minutes), so gating runs opt in (`repeats: 3`, see docs/verdicts.md) after a calibration.
   */
  repeats: number;
  /** The time a run may spend from its start (config.budgetSeconds); absent: none, every cell gets `repeats`. */
  budgetSeconds?: number;
  /** What the profile compares with unless an input or the file says (absent: the caller's default, else DEFAULT_COMPARE). */
  baseline?: string;
}

/**
 * Under a budget, `repeats` is the most pairs (or repeats) a cell may get, and the number of looks the
 * intervals are corrected for; when no source sets it, 8. Each look widens every interval a little
 * (its confidence is 1 − (1 − confidence) ÷ looks), so a larger maximum costs width on every cell for a
 * few noisy ones; 8 pairs of a cell with 5 % paired noise narrow its interval to about ±7 %, inside a
 * 10 % threshold, and a budget of minutes rarely reaches more.
 */
export const DEFAULT_BUDGET_MAX_PAIRS = 8;

/**
 * `paper` is the seed's experiment; `quick` fits a pull request; `ci` is this
 * repository's own end-to-end run on a 2-core machine (Toxiproxy, every cell); `pr` gates a
 * pull request: base and head measured in pairs on the runner, until decided or 15 minutes.
 */
export const PROFILES: Record<ProfileName, Profile> = {
  paper: {
    description: 'the study: 500 users at 5/s, 180 s per cell (100 s ramp, 80 s hold), 1,000,000 posts',
    load: { users: 500, spawnRate: 5, runTimeSeconds: 180, processes: 1 },
    latenciesMs: [0, 100, 200],
    seedPosts: 1_000_000,
    repeats: 1,
  },
  quick: {
    description: 'a pull-request run: 100 users at 20/s, 40 s per cell (5 s ramp), 1,000,000 posts',
    load: { users: 100, spawnRate: 20, runTimeSeconds: 40, processes: 1 },
    latenciesMs: [0, 100, 200],
    seedPosts: 1_000_000,
    repeats: 1,
  },
  ci: {
    description: "async-bench's own end-to-end run on 2 cores: 150 users at 50/s, 25 s per cell, 1,000,000 posts",
    load: { users: 150, spawnRate: 50, runTimeSeconds: 25, processes: 1 },
    latenciesMs: [0, 100, 200],
    seedPosts: 1_000_000,
    repeats: 1,
  },
  pr: {
    // For the reference app on 2 cores (docs/configuration.md "Profiles"): 10 users saturate every
    // setup's workers and keep the queue Locust must drain at a sample's end short (the cpu route's
    // 250 ms requests: 20 users left 5 s of it); 15 s samples are the shortest with a settled 10 s rate window beside
    // the counts (a pair costs about 36 s here); at most 4 pairs a cell: 15 minutes give 8 cells about
    // three each, so the looks' correction (K = 4) is not spent on pairs the budget never affords.
    description: 'gating a pull request: base vs head in pairs, 10 users at 10/s, 15 s per sample, at most 4 pairs a cell, until decided or 15 min',
    load: { users: 10, spawnRate: 10, runTimeSeconds: 15, processes: 1 },
    latenciesMs: [0, 200],
    seedPosts: 1_000_000,
    repeats: 4,
    budgetSeconds: 15 * 60,
    baseline: 'base',
  },
};

export const DEFAULT_OUT_DIR = 'async-bench-results';
