import { createHash } from 'node:crypto';
import { z } from 'zod';
import { errorMessage } from '../error-message.js';
import type { Signals } from '../results/schema.js';

/**
 * signals.json: what the stack read over a sample's measured window, as raw counters
 * (src/stack/signals/). Ingest turns it into per-request numbers with Locust's own
 * denominator; nothing here knows how the counters were read.
 */

const count = z.number().int().min(0);
const amount = z.number().min(0);
/** A cgroup's cumulative CPU counter (µs) at the window's start and end. */
const CpuSpan = z.object({ startUsec: amount, endUsec: amount }).nullable();

const ConnectionCounters = z.object({ sessions: count, backends: count, sessionMs: amount });

export const RawSignalsSchema = z.object({
  version: z.literal(1),
  window: z.object({
    startedAt: z.string(),
    seconds: amount,
    /** Whether every Locust user finished its request before Locust exited (--stop-timeout); null when unknown. */
    drained: z.boolean().nullable(),
  }),
  /** Wall seconds the collection added to the sample (resets and reads). */
  collectSeconds: amount,
  cgroup: z.enum(['v1', 'v2']).nullable(),
  sql: z
    .object({
      statements: z.array(z.object({ query: z.string(), calls: count, rows: count, totalMs: amount })),
    })
    .nullable(),
  cpu: z.object({
    app: CpuSpan,
    db: CpuSpan,
    /** The load container lives only inside the window: its whole counter, and the cores Locust can use. */
    load: z.object({ usageUsec: amount, cpus: count.min(1) }).nullable(),
  }),
  memory: z.object({ appPeakBytes: count.nullable(), workers: count.min(1).nullable() }),
  /**
   * The app database's pg_stat_database at the window's edges: `sessions` (cumulative client sessions
   * established), `backends` (connections open then) and `sessionMs` (cumulative session_time).
   * Absent from files written before it existed.
   */
  connections: z.object({ start: ConnectionCounters, end: ConnectionCounters }).nullable().optional(),
  /** What could not be read, and why. */
  warnings: z.array(z.string()),
});

export type RawSignals = z.infer<typeof RawSignalsSchema>;

export const SIGNALS_VERSION = 1;

/** The statement's id across samples, runs and sides: its normalised text, never PostgreSQL's queryid (OID-dependent). */
export function statementId(query: string): string {
  return createHash('sha1').update(query).digest('hex').slice(0, 12);
}

/** What Locust's final Aggregated row says of the window. */
export interface WindowCounts {
  requests: number;
  successes: number;
  /** "Average Content Size" (bytes); null when the CSV has no such column. */
  averageContentSize: number | null;
}

/**
 * Locust's --json-file: one entry per request name with its final counts. The sums are the
 * Aggregated row as it stood at exit (the CSV's last rewrite can be up to a second older).
 */
export function parseFinalStats(label: string, text: string): WindowCounts {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${label} is not JSON (${errorMessage(error)})`);
  }
  const entries = z.array(z.object({ num_requests: count, num_failures: count, total_content_length: amount })).safeParse(data);
  if (!entries.success) {
    const issue = entries.error.issues[0]!;
    throw new Error(`${label} is not Locust's final statistics: [${issue.path.join('].')}] ${issue.message}`);
  }
  const sum = (key: 'num_requests' | 'num_failures' | 'total_content_length') => entries.data.reduce((total, entry) => total + entry[key], 0);
  const requests = sum('num_requests');
  return { requests, successes: requests - sum('num_failures'), averageContentSize: requests === 0 ? null : sum('total_content_length') / requests };
}

export interface DerivedSignals {
  /** null when there is nothing to divide by (no successful request). */
  signals: Signals | null;
  warnings: string[];
}

/** Parses signals.json's text; the error names the file and what is wrong. */
export function parseRawSignals(label: string, text: string): RawSignals {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${label} is not JSON (${errorMessage(error)})`);
  }
  const parsed = RawSignalsSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${label} is not a signals record: ${['signals', ...issue.path].join('.')} ${issue.message}`);
  }
  return parsed.data;
}

const round = (value: number, digits = 6) => Number(value.toFixed(digits));

/** Statements merged by id (one normalised text may have several queryids), largest calls first, then id. */
function statementsOf(raw: NonNullable<RawSignals['sql']>): NonNullable<Signals['sql']>['statements'] {
  const byId = new Map<string, { id: string; query: string; calls: number; rows: number; totalMs: number }>();
  for (const statement of raw.statements) {
    const id = statementId(statement.query);
    const kept = byId.get(id);
    if (kept) {
      kept.calls += statement.calls;
      kept.rows += statement.rows;
      kept.totalMs += statement.totalMs;
    } else byId.set(id, { id, ...statement });
  }
  return [...byId.values()]
    .map((statement) => ({ ...statement, totalMs: round(statement.totalMs) }))
    .sort((a, b) => b.calls - a.calls || a.id.localeCompare(b.id));
}

function sqlOf(raw: RawSignals['sql'], successes: number): Signals['sql'] {
  if (raw === null) return null;
  const statements = statementsOf(raw);
  const calls = statements.reduce((sum, statement) => sum + statement.calls, 0);
  const rows = statements.reduce((sum, statement) => sum + statement.rows, 0);
  const totalMs = statements.reduce((sum, statement) => sum + statement.totalMs, 0);
  return {
    calls,
    rows,
    totalMs: round(totalMs),
    perRequest: { queries: round(calls / successes), rows: round(rows / successes), dbMs: round(totalMs / successes) },
    statements,
  };
}

/** A counter that went backwards (a restarted container) is no measurement. */
function spanMs(span: RawSignals['cpu']['app'], name: string, warnings: string[]): number | null {
  if (span === null) return null;
  if (span.endUsec < span.startUsec) {
    warnings.push(`The ${name} container's CPU counter went backwards over the window (restarted?): no ${name} CPU for this sample.`);
    return null;
  }
  return (span.endUsec - span.startUsec) / 1000;
}

/**
 * Sessions opened over the window, per successful request, those open at its edges, and the
 * mean open over it. The mean only when none was open at either edge: then every session that
 * counts began and ended inside the window and added its whole time when it ended, while a
 * kept one (persistent, pooled) adds its time only when it next reports (an idle one, not at all).
 */
function connectionsOf(raw: RawSignals['connections'], window: RawSignals['window'], successes: number, warnings: string[]): Signals['connections'] {
  if (!raw) return null;
  const [opened, sessionMs] = [raw.end.sessions - raw.start.sessions, raw.end.sessionMs - raw.start.sessionMs];
  if (opened < 0 || sessionMs < 0) {
    warnings.push("The app database's session counters went backwards over the window (re-created?): no connections for this sample.");
    return null;
  }
  const exact = raw.start.backends === 0 && raw.end.backends === 0 && window.seconds > 0;
  return {
    opened,
    openedPerRequest: round(opened / successes),
    openAtStart: raw.start.backends,
    openAtEnd: raw.end.backends,
    meanOpen: exact ? round(sessionMs / 1000 / window.seconds, 3) : null,
  };
}

/**
 * The per-request numbers of one sample: the raw counters ÷ the successful requests of
 * Locust's final Aggregated row (a mix's cell: per request of the mix).
 */
export function deriveSignals(raw: RawSignals, counts: WindowCounts): DerivedSignals {
  const warnings = [...raw.warnings];
  if (raw.window.drained === false) {
    warnings.push('Some Locust users were still waiting for a response when the load stopped: the SQL and CPU counts include requests Locust did not count.');
  }
  const { successes } = counts;
  if (successes === 0) return { signals: null, warnings: [...warnings, 'No request succeeded: no signals per request.'] };
  const perRequest = (ms: number | null) => (ms === null ? null : { cpuMs: round(ms, 3), perRequestMs: round(ms / successes) });
  const load = raw.cpu.load && {
    ...perRequest(raw.cpu.load.usageUsec / 1000)!,
    share: raw.window.seconds > 0 ? round(raw.cpu.load.usageUsec / 1e6 / raw.window.seconds / raw.cpu.load.cpus, 4) : 0,
  };
  const { appPeakBytes, workers } = raw.memory;
  return {
    signals: {
      window: { seconds: round(raw.window.seconds, 3), requests: counts.requests, successes },
      sql: sqlOf(raw.sql, successes),
      cpu: { app: perRequest(spanMs(raw.cpu.app, 'app', warnings)), db: perRequest(spanMs(raw.cpu.db, 'database', warnings)), load },
      memory: { appPeakBytes, workers, perWorkerPeakBytes: appPeakBytes !== null && workers !== null ? round(appPeakBytes / workers, 0) : null },
      responseBytesPerRequest: counts.averageContentSize === null ? null : round(counts.averageContentSize, 3),
      // Absent, not null, from a signals.json written before connections were read: results.json says "not measured" the same way.
      ...(raw.connections === undefined ? {} : { connections: connectionsOf(raw.connections, raw.window, successes, warnings) }),
    },
    warnings,
  };
}
