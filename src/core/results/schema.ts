import { z } from 'zod';
import { ConfigSchema, LIMITS, NAME_PATTERN, ShardSchema } from '../config/schema.js';
import { cellDir, cellId, cellPath } from '../plan/cells.js';

/**
 * results.json, as a schema. It is read from elsewhere (a baseline artifact, a fork's
 * shard), so every value the report prints must be what it claims: a crafted file can
 * neither crash the report nor smuggle markup in as a number. Objects are not strict:
 * a newer 1.x may add fields, and this version reads it.
 */

const CELL_STATUSES = ['ok', 'failed'] as const;

const count = z.number().int().min(0);
const rate = z.number().min(0);
const milliseconds = z.number().min(0).nullable();

/** A count or amount per successful request: a ratio, so not an integer. */
const perRequest = z.number().min(0);
const cpuOf = z.object({ cpuMs: rate, perRequestMs: perRequest }).nullable();

/**
 * What a request cost beyond its time (issue 17, docs/stack.md "Signals"): the app's SQL from
 * pg_stat_statements, CPU from each container's cgroup, the app's peak memory and the response size,
 * over the sample's measured window. Read from the sample's signals.json by ingest.
 */
const SignalsSchema = z
  .object({
    window: z
      .object({
        seconds: rate.describe("From the counters' reset (the app ready, latency applied, just before Locust) to their reading (Locust exited)."),
        requests: count.describe('Locust requests in the window: every request of the final Aggregated row.'),
        successes: count.describe('The per-request denominator: requests − failures of the final Aggregated row.'),
      })
      .describe('The measured window these numbers cover and its denominator.'),
    sql: z
      .object({
        calls: count,
        rows: count,
        totalMs: rate,
        perRequest: z.object({ queries: perRequest, rows: perRequest, dbMs: perRequest }).describe('The sums ÷ window.successes.'),
        statements: z
          .array(
            z.object({
              id: z
                .string()
                .regex(/^[0-9a-f]{12}$/)
                .describe("sha1 hex of the normalised text, first 12 characters (not PostgreSQL's queryid, which depends on OIDs)."),
              query: z.string().describe("pg_stat_statements' normalised text ($1, $2 …)."),
              calls: count,
              rows: count,
              totalMs: rate,
            }),
          )
          .describe('Sorted by calls, largest first, then id.'),
      })
      .nullable()
      .describe("The app's top-level statements in its database; null when not collected (the reason is in the warnings)."),
    cpu: z
      .object({
        app: cpuOf,
        db: cpuOf,
        load: z
          .object({
            cpuMs: rate,
            perRequestMs: perRequest,
            share: rate.describe("Load CPU-seconds ÷ window seconds ÷ Locust's cores: 0.9 or more means Locust was the limit."),
          })
          .nullable(),
      })
      .describe('Cumulative CPU of each container over the window, from its cgroup (v1 or v2); null when unreadable.'),
    memory: z.object({
      appPeakBytes: count.nullable().describe("The app container's peak memory over its life: one sample (it starts fresh for each)."),
      workers: count.min(1).nullable().describe("The setup's worker processes; null when unknown."),
      perWorkerPeakBytes: rate.nullable(),
    }),
    responseBytesPerRequest: rate.nullable().describe('Locust\'s "Average Content Size" of the Aggregated row.'),
    connections: z
      .object({
        opened: count.describe("Client sessions established to the app's database over the window (pg_stat_database.sessions, PostgreSQL 14+)."),
        openedPerRequest: perRequest.describe('opened ÷ window.successes: about 1 with a connection per request (CONN_MAX_AGE = 0), about 0 when kept.'),
        openAtStart: count.describe("Connections open to the app's database when the window opened (numbackends)."),
        openAtEnd: count.describe('The same when it closed.'),
        meanOpen: rate
          .nullable()
          .describe(
            'Connections open on average over the window: session_time ÷ window.seconds; null when one was open at an edge ' +
              '(a kept connection reports its time late), so it is exact where given.',
          ),
      })
      .nullable()
      .optional()
      .describe(
        "The app's database connections over the window; null when not read (the reason is in the warnings), absent from files written before it existed.",
      ),
  })
  .nullable();

const CellMetricsSchema = z
  .object({
    maxSrps: rate.describe('Max over the history\'s Aggregated rows of (Requests/s − Failures/s): the study\'s "max sRPS".'),
    totalSuccesses: count.describe('Request Count − Failure Count of the final Aggregated row of locust_stats.csv: the study\'s "total successes".'),
    totalRequests: count,
    totalFailures: count,
    failureRatio: z.number().min(0).max(1).describe('Failures ÷ requests; 0 when nothing was requested.'),
    steadySrps: rate
      .nullable()
      .describe(
        "Median sRPS over the hold phase (full users, after the rate window settled); below 10 sRPS (where the rows' 0.1 step is " +
          'over 1 %) and with a hold longer than the window, successes counted over the hold ÷ its seconds. Null if no hold.',
      ),
    steadyBlocks: z
      .array(rate)
      .default([])
      .describe(
        "The hold phase's sRPS one rate window (10 s) apart, from the first settled row (a rate from counts: the successes of " +
          'each 10 s stretch of the hold): non-overlapping within-run samples of the verdict metric. Absent from files written before it existed (read as []).',
      ),
    p50Ms: milliseconds,
    p95Ms: milliseconds,
    p99Ms: milliseconds,
    averageMs: milliseconds,
    peakUsers: count.describe('Highest user count Locust reached.'),
    historySamples: count.describe('Aggregated history samples the max was taken over.'),
    locustCpuWarning: z.boolean().describe('Locust logged that its own CPU was above 90 %: the load generator may have been the bottleneck.'),
    topFailures: z.array(z.object({ error: z.string(), occurrences: count })).describe('The most frequent failures, largest first (at most 3).'),
    signals: SignalsSchema.optional().describe(
      'SQL, CPU, memory and size per request over the measured window. Absent from files written before it existed and from samples without signals.json.',
    ),
  })
  .refine((metrics) => metrics.totalFailures <= metrics.totalRequests, {
    error: (issue) => {
      const { totalFailures, totalRequests } = issue.input as { totalFailures: number; totalRequests: number };
      return `is ${totalFailures}, more than totalRequests ${totalRequests}`;
    },
    path: ['totalFailures'],
  })
  .describe("Per-cell numbers. The first two are the study's; the rest explain them.");

/** What became of a cell: measured, with numbers, or failed, with the reason. */
const MeasuredOutcomeSchema = z.object({
  status: z.literal(CELL_STATUSES[0]),
  reason: z.null(),
  metrics: CellMetricsSchema,
  warnings: z.array(z.string()),
});
const FailedOutcomeSchema = z.object({
  status: z.literal(CELL_STATUSES[1]),
  reason: z.string().describe('Why the cell has no numbers.'),
  metrics: z.null(),
  warnings: z.array(z.string()),
});

/** Which code a sample measured: this run's (head) or, measured on the same runner, the baseline's (base). */
export const SAMPLE_SIDES = ['head', 'base'] as const;

const SampleSchema = z
  .object({
    repeat: count.min(1).describe('1-based: repeats run interleaved, every cell once before any cell again.'),
    side: z.enum(SAMPLE_SIDES).default('head'),
    dir: z
      .string()
      .describe("Folder of this sample's Locust files, relative to results.json: cells/<cell>/r<repeat> (cells/<cell> when the run has one repeat)."),
    status: z.enum(CELL_STATUSES),
    reason: z.string().nullable(),
    metrics: CellMetricsSchema.nullable(),
  })
  .describe('One measurement of a cell.');

/** Median and range of one number over a cell's measured samples. */
const SpreadSchema = z.object({ median: z.number().min(0), min: z.number().min(0), max: z.number().min(0) });

const SummarySchema = z
  .object({
    measured: count.describe('Samples with numbers.'),
    maxSrps: SpreadSchema,
    totalSuccesses: SpreadSchema,
    steadySrps: SpreadSchema.nullable().describe('Over the samples that had a hold phase; null when none had.'),
  })
  .describe("The cell over its head samples: the median (what the cell's metrics show) and the range.");

const identity = {
  id: z
    .string()
    .regex(/^[^/]+\/[^/]+\/\d+ms$/)
    .describe('<setup>/<route>/<latency>ms, e.g. "async-limited/io_read/100ms".'),
  dir: z.string().describe('Folder of its Locust files, relative to results.json: cells/<setup>__<route>__<latency>ms.'),
  setup: z.string().regex(NAME_PATTERN),
  route: z.string().regex(NAME_PATTERN),
  latencyMs: count.max(LIMITS.latencyMs),
  samples: z
    .array(SampleSchema)
    .optional()
    .describe('Every measurement of the cell when it was measured more than once; absent with one repeat (the cell is its one sample).'),
  summary: SummarySchema.optional().describe('Present with samples.'),
  resumedFrom: z.string().optional().describe('createdAt of the earlier attempt that measured this cell, when a resumed run kept it.'),
};

const CellResultSchema = z
  .discriminatedUnion('status', [z.object({ ...identity, ...MeasuredOutcomeSchema.shape }), z.object({ ...identity, ...FailedOutcomeSchema.shape })])
  .superRefine((cell, ctx) => {
    const id = cellId(cell.setup, cell.route, cell.latencyMs);
    if (cell.id !== id)
      ctx.addIssue({ code: 'custom', path: ['id'], message: `is ${JSON.stringify(cell.id)}, but its setup, route and latency make ${JSON.stringify(id)}` });
    const dir = cellPath(cellDir(cell.setup, cell.route, cell.latencyMs));
    if (cell.dir !== dir)
      ctx.addIssue({ code: 'custom', path: ['dir'], message: `is ${JSON.stringify(cell.dir)}, but its setup, route and latency make ${JSON.stringify(dir)}` });
  })
  .describe('One cell: a setup serving a route under an added latency, and what became of it.');

const AppIdentitySchema = z.object({
  path: z.string().describe("The app's folder as built (absolute on the machine that ran)."),
  commit: z.string().nullable().describe("`git rev-parse HEAD` of the app's folder; null outside a git checkout."),
  image: z.string().nullable().describe("The app image's id (sha256:…) as built."),
});

/** How one setup served the routes, as its preflight asked Django in the running app container. */
export const SetupViewsSchema = z
  .object({
    middleware: z
      .array(z.object({ path: z.string(), async: z.boolean().nullable().describe('async_capable; null: the class did not import.') }))
      .describe('settings.MIDDLEWARE in order: under ASGI one that is not async-capable makes Django adapt every request to a thread.'),
    routes: z
      .record(
        z.string(),
        z.object({
          path: z.string().describe("The path resolved: the route's with each placeholder at its first value."),
          view: z.string().nullable().describe('module.name of the view function or class; null: the path resolved to none.'),
          async: z.boolean().nullable().describe('An async view (async def, or a class whose view_is_async); null: unresolved.'),
        }),
      )
      .describe("Per request route (a mix's members by their own names)."),
  })
  .describe('Views and middleware as Django resolved them under this setup.');

const EnvironmentSchema = z
  .object({
    cpuCount: count.nullable(),
    cpuModel: z.string().nullable(),
    memoryGiB: rate.nullable(),
    kernel: z.string().nullable(),
    platform: z.string().nullable(),
    node: z.string().nullable(),
    runner: z.string().nullable(),
    docker: z.string().nullable(),
    compose: z.string().nullable(),
    stack: z.record(z.string(), z.string().nullable()).describe('Python packages and servers inside the stack, e.g. django, gunicorn, locust, postgresql.'),
    latencyMethod: z.enum(['netem', 'toxiproxy']).nullable(),
    latencyFallbackReason: z
      .string()
      .nullable()
      .default(null)
      .describe(
        'Why latency-method auto did not use netem; null when it did or was not asked to choose. Absent from files written before it existed (read as null).',
      ),
    app: AppIdentitySchema.nullable().default(null).describe('Which app was measured. Absent from files written before it existed (read as null).'),
    views: z
      .record(z.string(), SetupViewsSchema)
      .optional()
      .describe('Per setup name, the views and middleware its preflight resolved. Absent from files written before it existed, and when no probe answered.'),
    base: AppIdentitySchema.nullable()
      .default(null)
      .describe('The base commit measured on the same runner (`baseline: base`): its worktree, commit and image; null otherwise.'),
  })
  .describe('What ran: enough to tell, when two results differ, whether the machine or the software did. Unknown fields are null.');

const NoiseEstimateSchema = z.object({
  cov: z.number().min(0).describe('Between-run coefficient of variation of the steady sRPS.'),
  df: z.number().min(0).describe('Degrees of freedom of the estimate.'),
});

const NoiseRecordSchema = z
  .object({
    measuredAt: z.iso.datetime(),
    repeats: count.min(1).describe('Samples per side (A and B) per cell.'),
    pooled: NoiseEstimateSchema.describe('Over every measured cell.'),
    cells: z.record(z.string(), NoiseEstimateSchema).describe('Per cell id.'),
    paired: z
      .object({
        sd: z.number().min(0).describe('Standard deviation of ln(head ÷ base) of one pair, measured back to back.'),
        df: z.number().min(0).describe('Degrees of freedom of the estimate.'),
      })
      .optional()
      .describe(
        'Paired noise, from a calibration under `baseline: base` (the same code as base and head, pairs back to back): ' +
          'sd of ln(head ÷ base) per pair, pooled over the cells (Σ(pairs − 1) df); the prior of the pooled paired interval. Absent otherwise.',
      ),
  })
  .describe('Between-run noise of the steady sRPS, as a calibration measured it.');

/** Why a budgeted run stopped measuring: every cell decided, every open cell at its maximum, or the budget spent; or it was cut short. */
export const BUDGET_STOPS = ['decided', 'futile', 'max-pairs', 'budget', 'interrupted', 'failed'] as const;

const BudgetRunSchema = z.object({
  shard: ShardSchema.nullable().describe('The shard this part of the budget measured; null for a run of the whole matrix.'),
  budgetSeconds: count.min(1).describe('The budget this run (or shard) had: each shard has its own.'),
  spentSeconds: z.number().min(0).describe('Measuring time spent, from the first pair to the last one finished.'),
  stoppedBy: z.enum(BUDGET_STOPS),
});

const BudgetRecordSchema = z
  .object({
    runs: z.array(BudgetRunSchema).min(1).describe("One per run; a merge of shards keeps every shard's."),
    cells: z
      .record(
        z.string(),
        z.object({
          pairs: count.describe('Pairs of base and head measured (without baseline: base, repeats).'),
          decided: z.boolean().describe('Whether the run saw every deciding signal decided when it stopped measuring the cell.'),
        }),
      )
      .describe('Per cell id the budget measured.'),
  })
  .describe('What a budget (config.budgetSeconds) bought: the time spent, why it stopped, the pairs each cell took.');

export const ResultsSchema = z
  .object({
    schemaVersion: z
      .string()
      .regex(/^\d+\.\d+$/)
      .describe('major.minor: readers accept any minor of their major.'),
    tool: z.object({ name: z.literal('async-bench'), version: z.string() }),
    createdAt: z.iso.datetime(),
    config: ConfigSchema,
    environment: EnvironmentSchema,
    shard: ShardSchema.nullable(),
    cells: z.array(CellResultSchema).describe('In plan order: setup, then route, then latency as configured.'),
    noise: NoiseRecordSchema.optional().describe('The noise a calibration (A/A) measured on this runner; later comparisons use it. Absent from other runs.'),
    budget: BudgetRecordSchema.optional().describe('Present when the run had a budget: what it bought. Absent from runs of fixed repeats and older files.'),
  })
  .superRefine((results, ctx) => {
    const seen = new Set<string>();
    results.cells.forEach((cell, index) => {
      if (seen.has(cell.id))
        ctx.addIssue({ code: 'custom', path: ['cells', index, 'id'], message: `is ${JSON.stringify(cell.id)} again; each cell appears once` });
      seen.add(cell.id);
    });
  })
  .meta({
    title: 'async-bench results.json',
    description:
      'One benchmark run of async-bench: the configuration, the machine and, per cell (setup × route × added latency), ' +
      "the study's max sRPS and total successes with the numbers that explain them. Beyond this schema, async-bench " +
      'refuses a file whose cell ids repeat or do not match their setup, route and latency, or whose failures exceed its requests.',
  });

export type CellMetrics = z.infer<typeof CellMetricsSchema>;
export type Signals = NonNullable<CellMetrics['signals']>;
export type MeasuredOutcome = z.infer<typeof MeasuredOutcomeSchema>;
export type FailedOutcome = z.infer<typeof FailedOutcomeSchema>;
export type CellOutcome = MeasuredOutcome | FailedOutcome;
export type CellResult = z.infer<typeof CellResultSchema>;
export type FailedCell = Extract<CellResult, { status: 'failed' }>;
export type Environment = z.infer<typeof EnvironmentSchema>;
export type SetupViews = z.infer<typeof SetupViewsSchema>;
export type Sample = z.infer<typeof SampleSchema>;
export type CellSummaryRecord = z.infer<typeof SummarySchema>;
export type NoiseRecord = z.infer<typeof NoiseRecordSchema>;
export type Results = z.infer<typeof ResultsSchema>;
export type BudgetRecord = z.infer<typeof BudgetRecordSchema>;
export type BudgetRunStop = (typeof BUDGET_STOPS)[number];
