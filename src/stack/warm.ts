/**
 * What a run keeps between samples instead of redoing it (docs/stack.md "What is kept warm"): the database as
 * the snapshot left it while only reads touched it, and each side's app container while its target stays the
 * same. The decisions are pure; WarmState is the run's memory of them, shared by every target's Stack.
 */
import type { RouteSpec } from '../core/config/schema.js';
import type { RawSignals } from '../core/ingest/signals.js';

const READ_METHODS = new Set(['GET', 'HEAD']);

/** A route whose every request is a GET or HEAD the runner builds itself; a team's locustfile may send anything. */
export function declaresReadOnly(route: RouteSpec): boolean {
  if (route.locustfile !== undefined) return false;
  const requests = route.mix ?? [route];
  return requests.every((request) => READ_METHODS.has(request.method));
}

/** Writes anything, or may: a data-changing statement, a lock for update, a sequence advanced, a COPY. */
const WRITES = /\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY|CREATE|DROP|ALTER|GRANT|VACUUM|CLUSTER|REINDEX|nextval|setval|lo_\w+)\b/i;

/** A statement (pg_stat_statements' normalised text) that only reads: a SELECT, WITH, SHOW or VALUES writing nothing. */
export function readOnlyStatement(query: string): boolean {
  const text = query.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--[^\n]*/g, ' ');
  return /^\s*(SELECT|WITH|SHOW|VALUES|TABLE)\b/i.test(text) && !WRITES.test(text);
}

/**
 * Whether the database is still as the snapshot left it after a sample: it was before, the route declares only
 * reads, and the sample's own statements (its signals) show only reads. Unknown statements (no signals) count
 * as writes. The restore before a sample is skipped only while this holds.
 */
export function stillPristine(before: boolean, route: RouteSpec, signals: Pick<RawSignals, 'sql'> | null): boolean {
  if (!before || !declaresReadOnly(route) || !signals?.sql) return false;
  return signals.sql.statements.every((statement) => readOnlyStatement(statement.query));
}

/** What an app container was started for: a sample reuses it only for the same image, setup and latency method. */
export function appKey(target: { app: { image: string }; setup: { name: string }; latencyMethod: string }): string {
  return JSON.stringify([target.app.image, target.setup.name, target.latencyMethod]);
}

interface WarmApp {
  key: string;
  /** The netem delay its network has now (0: none). */
  latencyMs: number;
}

/** The run's memory of what is warm; one instance shared by every target's Stack. */
export class WarmState {
  /** The database is the snapshot's: nothing wrote since the last restore. False until the first restore. */
  pristine = false;
  private readonly apps = new Map<string, WarmApp>();

  /** The running app container of `service`, when it was started for `key`. */
  app(service: string, key: string): WarmApp | null {
    const app = this.apps.get(service);
    return app && app.key === key ? app : null;
  }

  started(service: string, key: string): void {
    this.apps.set(service, { key, latencyMs: 0 });
  }

  /** The netem delay the service's container has now: 0 for one not known warm (a fresh container has none). */
  latencyOf(service: string): number {
    return this.apps.get(service)?.latencyMs ?? 0;
  }

  latencyApplied(service: string, latencyMs: number): void {
    const app = this.apps.get(service);
    if (app) app.latencyMs = latencyMs;
  }

  /** The container stopped or cannot be trusted: the next sample starts a fresh one. */
  forgetApp(service: string): void {
    this.apps.delete(service);
  }

  /** The database was restored or restarted: every app's connections were cut, so each starts afresh. */
  forgetApps(): void {
    this.apps.clear();
  }
}
