import { z } from 'zod';

/**
 * The Config every module works with, as a schema: its types are inferred from here,
 * and results.json stores it under `config` (so a results file is checked against the
 * same bounds a run is). Inputs and async-bench.yml are read by fields.ts and file.ts.
 */

/** Upper bounds of what one run may ask for; each is stated in the error that refuses it. */
export const LIMITS = {
  latencyMs: 10_000,
  users: 100_000,
  spawnRate: 10_000,
  runTimeSeconds: 24 * 3600,
  seedPosts: 100_000_000,
  processes: 64,
  /** Measurements per cell; each costs a whole matrix pass. */
  repeats: 20,
  /** A budget of run time: a day, like one cell's run time. */
  budgetSeconds: 24 * 3600,
  /**
   * Confidence of the verdicts' intervals: below 50 % an interval says less than a coin; above
   * 99.9 % the t quantile of 1–5 runs makes every interval span everything.
   */
  confidence: { min: 0.5, max: 0.999 },
  /** PostgreSQL's own ceiling for max_connections. */
  maxConnections: 262_143,
  port: 65_535,
  workers: 1_000,
  /** A route's share in a mix: only ratios matter, so a bound far above any sensible one. */
  weight: 1_000_000,
} as const;

export const PROFILE_NAMES = ['paper', 'quick', 'ci', 'pr'] as const;
export const LATENCY_METHODS = ['auto', 'netem', 'toxiproxy'] as const;
export const INTERFACES = ['wsgi', 'asgi'] as const;
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
/** What a route is bound by, when a team says so instead of letting the signals decide (core/report/route-class.ts). */
export const ROUTE_KINDS = ['io', 'cpu', 'mixed'] as const;

/**
 * What a cell's verdict can rest on: the steady sRPS, queries per request (exact), and the
 * app's CPU, the database's time and the app's peak memory per request (metered).
 */
export const REGRESSION_SIGNALS = ['throughput', 'queries', 'cpu', 'db', 'memory'] as const;
/** What `fail-on-regression: true` fails on. */
export const DEFAULT_FAIL_SIGNALS = ['throughput', 'queries'] as const;

/**
 * Setup and route names: they make cell ids and folders, so lowercase letters, digits,
 * "-" and "_", never "__" (cellDir joins names with it; "a__b" would be ambiguous).
 */
export const NAME_PATTERN = /^(?!.*__)[a-z0-9][a-z0-9_-]*$/;
const name = z.string().regex(NAME_PATTERN);

/** What a form field written as a bare name (`form: [title]`) sends: random text. */
export const RANDOM_FORM_VALUE = '{string:20}';
const count = (min: number, max: number) => z.number().int().min(min).max(max);

const RequestRouteSchema = z
  .object({
    name,
    title: z.string().describe('Heading of this route\'s table, e.g. "CPU-bound".'),
    method: z.enum(HTTP_METHODS),
    path: z.string().regex(/^\//),
    query: z.record(z.string(), z.string()).default({}).describe('Query parameters; values are templates (route-template.ts).'),
    headers: z.record(z.string(), z.string()).default({}).describe('Request headers; values are templates and may read ${NAME} from the runner.'),
    // Earlier results stored form as a list of fields sent with random text: read as such.
    form: z
      .union([
        z.record(z.string(), z.string()),
        z.array(z.string()).transform((fields) => Object.fromEntries(fields.map((field) => [field, RANDOM_FORM_VALUE]))),
      ])
      .describe('Form body fields; values are templates (a list of names: random text in each, as earlier results stored it).'),
    json: z.unknown().nullable().default(null).describe('JSON body whose strings are templates; null for none.'),
    expect: z
      .array(z.number().int().min(100).max(599))
      .default([])
      .describe('Statuses that count as success; any other is a Locust failure. Empty: any status below 400.'),
    userClass: z.string().describe("Locust user class that requests this route: in locust/locustfile.py, or in the route's own locustfile."),
    weight: z.number().gt(0).optional().describe('Share of this route in a mix (probability ∝ weight); absent: 1.'),
  })
  .describe('A load route of the app under test: what one Locust user requests in a loop.');

export const RouteSpecSchema = RequestRouteSchema.extend({
  mix: z
    .array(RequestRouteSchema)
    .min(1)
    .optional()
    .describe("A mix: these routes' requests in one cell, each picked per request with probability ∝ its weight; the own request fields are unused."),
  locustfile: z
    .string()
    .optional()
    .describe("A team's own Locust file (relative to the workspace) whose userClass requests this route; the request fields are unused."),
  kind: z
    .enum(ROUTE_KINDS)
    .optional()
    .describe("What the route is bound by, as the team states it; absent: measured from the signals (the app's CPU share of the service time)."),
});

export const SetupSpecSchema = z
  .object({
    name,
    label: z.string(),
    interface: z.enum(INTERFACES).describe('Which entry point the server loads; picks app.wsgi or app.asgi for {module}.'),
    command: z.array(z.string()).min(1).describe('Server argv; {module} (wsgi or asgi by interface), {wsgi}, {asgi}, {port} and {workers} are filled in.'),
    workers: count(1, LIMITS.workers)
      .nullable()
      .default(null)
      .describe("{workers} of the command; null: 2 × the app container's cores + 1 (gunicorn's advice)."),
    env: z.record(z.string(), z.string()).describe('Extra environment of the app process (the reference app picks sync/async views here).'),
    database: z.object({ maxConnections: count(1, LIMITS.maxConnections) }),
  })
  .describe('How the app is served and what the database allows: one column of Tables 1-3.');

export const AppSpecSchema = z
  .object({
    name: z.string(),
    context: z.string().describe("Folder holding manage.py, the Docker build context: relative to the workspace; {async-bench} is async-bench's own folder."),
    dockerfile: z
      .string()
      .nullable()
      .describe("The project's own Dockerfile, relative to context; null: async-bench's generic builder (python + requirements)."),
    python: z
      .string()
      .nullable()
      .default(null)
      .describe('Generic builder: the Python version ("3.13"); its base image is python:<version>-slim or ASYNC_BENCH_PYTHON_IMAGES.'),
    requirements: z
      .string()
      .nullable()
      .default(null)
      .describe('Generic builder: a requirements file, or pyproject.toml (the project installed with its dependencies), relative to context.'),
    build: z.array(z.string()).default([]).describe('Generic builder: shell commands run in the image after the install.'),
    wsgi: z.string(),
    asgi: z.string(),
    port: count(1, LIMITS.port),
    healthPath: z.string(),
    settings: z
      .string()
      .default('benchsite.settings')
      .describe("The project's DJANGO_SETTINGS_MODULE; a generated module imports it and points DATABASES at async-bench's PostgreSQL."),
    env: z.record(z.string(), z.string()).default({}).describe('Extra environment of the app container.'),
    prepare: z
      .array(z.array(z.string()).min(1))
      .default([])
      .describe('manage.py commands run once after migrate ({seed-posts} filled in); the database they leave is what every cell starts from.'),
  })
  .describe("The Django project under test: the reference app (the default value) or a team's own, through the same path.");

export const LoadSpecSchema = z.object({
  users: count(1, LIMITS.users),
  spawnRate: z.number().gt(0).max(LIMITS.spawnRate),
  runTimeSeconds: count(1, LIMITS.runTimeSeconds),
  processes: count(1, LIMITS.processes).describe("Locust worker processes (Locust's --processes); 1 = a single process."),
});

export const ShardSchema = z
  .object({ index: z.number().int().min(1).describe('1-based.'), total: z.number().int().min(1) })
  .refine((shard) => shard.index <= shard.total, { error: 'index is above total', path: ['index'] });

export const CompareSpecSchema = z.object({
  baseline: z
    .string()
    .nullable()
    .describe(
      '"paper", a results.json path, "artifact" (base-branch run), "base" (the base commit measured alternately on the same runner), or null for none.',
    ),
  baseRef: z
    .string()
    .nullable()
    .default(null)
    .describe('With baseline "base": the git ref of the base commit; null = the PR\'s base SHA, else the merge-base with the default branch.'),
  threshold: z.number().gt(0).lt(1).describe('Relative drop that counts as a regression (0.1 = 10 %).'),
  confidence: z
    .number()
    .min(LIMITS.confidence.min)
    .max(LIMITS.confidence.max)
    .default(0.95)
    .describe("Confidence of the verdicts' intervals (0.95 = 95 %). Absent from files written before it existed (read as 0.95)."),
  failOnRegression: z.boolean().describe('Whether a regression fails the step: on one of failOnSignals.'),
  failOnSignals: z
    .array(z.enum(REGRESSION_SIGNALS))
    .min(1)
    .default([...DEFAULT_FAIL_SIGNALS])
    .describe(
      'The signals whose regression fails the step when failOnRegression is on. Absent from files written before it existed (read as throughput, queries).',
    ),
});

export const ConfigSchema = z
  .object({
    profile: z.enum(PROFILE_NAMES),
    app: AppSpecSchema,
    setups: z.array(SetupSpecSchema).min(1),
    setupsByDefault: z
      .boolean()
      .optional()
      .describe(
        "True when no source named the setups and a team's app got the default ones; the run then leaves out a pool preset " +
          'the built image cannot use (its driver or Django rules out the pool). Absent: the setups were named, or the reference app’s.',
      ),
    routes: z.array(RouteSpecSchema).min(1),
    latenciesMs: z.array(count(0, LIMITS.latencyMs)).min(1),
    latencyMethod: z.enum(LATENCY_METHODS),
    load: LoadSpecSchema,
    repeats: count(1, LIMITS.repeats)
      .default(1)
      .describe('Measurements per cell, interleaved: every cell once, then every cell again. Absent from files written before it existed (read as 1).'),
    seedPosts: count(0, LIMITS.seedPosts).describe('Posts seeded before the run; every cell starts from this state.'),
    budgetSeconds: count(1, LIMITS.budgetSeconds)
      .nullable()
      .default(null)
      .describe(
        'Time the run may spend from its start (images, seeding, preflight and pairs): pairs (or repeats) go round-robin to the cells still ' +
          'undecided, at most `repeats` a cell, and none starts that cannot finish in it. Null: every cell gets `repeats`.',
      ),
    shard: ShardSchema.nullable(),
    compare: CompareSpecSchema,
    outDir: z.string(),
  })
  .describe('The configuration the run was made with, after defaults, async-bench.yml and inputs.');

export type RouteSpec = z.infer<typeof RouteSpecSchema>;
export type RequestRoute = z.infer<typeof RequestRouteSchema>;
export type SetupSpec = z.infer<typeof SetupSpecSchema>;
export type AppSpec = z.infer<typeof AppSpecSchema>;
export type LoadSpec = z.infer<typeof LoadSpecSchema>;
export type Shard = z.infer<typeof ShardSchema>;
export type CompareSpec = z.infer<typeof CompareSpecSchema>;
export type Config = z.infer<typeof ConfigSchema>;
export type ProfileName = (typeof PROFILE_NAMES)[number];
export type LatencyMethod = (typeof LATENCY_METHODS)[number];
export type RegressionSignal = (typeof REGRESSION_SIGNALS)[number];
