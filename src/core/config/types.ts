/** A load route of the app under test: what one Locust user requests in a loop. */
export interface RouteSpec {
  name: string;
  /** Heading of this route's table, e.g. "CPU-bound". */
  title: string;
  method: 'GET' | 'POST';
  path: string;
  /** Form fields sent with random text on each request (POST routes). */
  form: string[];
  /** Locust user class in locust/locustfile.py that requests this route. */
  userClass: string;
}

/** How the app is served and what the database allows: one column of Tables 1–3. */
export interface SetupSpec {
  name: string;
  label: string;
  /** Which entry point the server loads; picks `app.wsgi` or `app.asgi` for `{module}`. */
  interface: 'wsgi' | 'asgi';
  /** Server argv; `{module}` and `{port}` are filled from the app. */
  command: string[];
  /** Extra environment of the app process (the reference app picks sync/async views here). */
  env: Record<string, string>;
  database: { maxConnections: number };
}

/** The Django project under test: the built-in reference app or a user's own. */
export interface AppSpec {
  name: string;
  /** True for compose/app shipped with async-bench; contexts are then relative to it. */
  builtIn: boolean;
  /** Docker build context (relative to the workspace for a user's app). */
  context: string;
  dockerfile: string;
  wsgi: string;
  asgi: string;
  port: number;
  healthPath: string;
}

export type LatencyMethod = 'auto' | 'netem' | 'toxiproxy';

export interface LoadSpec {
  users: number;
  spawnRate: number;
  runTimeSeconds: number;
  /** Locust worker processes (Locust's --processes); 1 = a single process. */
  processes: number;
}

export interface Shard {
  /** 1-based. */
  index: number;
  total: number;
}

export interface CompareSpec {
  /** `paper`, a results.json path, `artifact` (base-branch run), or null for none. */
  baseline: string | null;
  /** Relative drop that counts as a regression (0.1 = 10 %). */
  threshold: number;
  failOnRegression: boolean;
}

export interface Config {
  profile: ProfileName;
  app: AppSpec;
  setups: SetupSpec[];
  routes: RouteSpec[];
  latenciesMs: number[];
  latencyMethod: LatencyMethod;
  load: LoadSpec;
  /** Posts seeded before the run; every cell starts from this state. */
  seedPosts: number;
  shard: Shard | null;
  compare: CompareSpec;
  outDir: string;
}

export const PROFILE_NAMES = ['paper', 'quick', 'ci'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];
