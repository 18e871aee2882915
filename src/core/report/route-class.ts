import type { RouteSpec, SetupSpec } from '../config/build.js';
import type { CellResult, Results, Signals } from '../results/schema.js';
import { median } from '../stats/describe.js';
import { concurrency, kindByName, setupKind, type RouteKind } from './classify.js';

/**
 * What a route is bound by, decided from what its requests cost rather than from its name.
 *
 * The measure is the share c of a request's service time the app spends on the CPU, at the
 * lowest added latency measured, under a Sync (WSGI) setup: there a worker holds one request
 * for its whole service time, so a pool of W busy workers serving X requests a second has a
 * service time of s = W / X (Little's law; not the response time, which under many users is
 * mostly queueing), and c = the app's CPU per request ÷ s = the app's CPU-seconds per second
 * ÷ W. W is capped by the users (fewer users keep fewer workers busy) and by the cores (more
 * workers than cores wait for a core, not for I/O). The Sync setup with the fewest workers is
 * used, as for the theory line: a small pool meets the limits of the route itself first.
 * Under ASGI an event loop interleaves requests, so its busy time is no one request's.
 *
 * - I/O-bound when c < 1/3: the request waits at least twice as long as it computes, so one
 *   process that overlaps its waits could serve at least 3× as many (1 ÷ c), which leaves room
 *   for the event loop's own cost and still clears the study's 2× bar (findings.ts).
 * - CPU-bound when c ≥ 0.4 and the app's CPU per request is at least its database time (a
 *   request that spends as long in the database as on the CPU is not bound by the CPU alone).
 *   Not 0.5: a host shared with other work counts waiting for a core as waiting, which lowers
 *   every share; the reference app's cpu route (a pure Python loop, 100 % CPU alone) read
 *   0.37–0.66 on a 2-core machine at a load average of 10–12, while its I/O routes read
 *   0.14–0.30 (docs/report.md, "How a route is classified").
 * - Mixed in between.
 *
 * An explicit `kind:` on the route overrides the measurement; without signals (older results,
 * a run that did not collect them, no Sync setup), the study's routes are classed by name and
 * any other route is unclassified.
 */
export const ROUTE_CLASS_CUTOFFS = { ioBelow: 1 / 3, cpuFrom: 0.4 } as const;

export interface CpuShare {
  /** The Sync setup and latency the share was measured at. */
  setup: SetupSpec;
  latencyMs: number;
  /** Workers kept busy: min(workers × threads, users, cores). */
  busyWorkers: number;
  /** Medians over the cell's samples. */
  cpuMsPerRequest: number;
  serviceMs: number;
  share: number;
  /** Statement time in the database per request; null when SQL was not collected. */
  dbMsPerRequest: number | null;
  samples: number;
}

export type RouteClass =
  | { kind: Exclude<RouteKind, 'unclassified'>; source: 'given' }
  | { kind: Exclude<RouteKind, 'unclassified'>; source: 'measured'; share: CpuShare; byName: RouteKind }
  | { kind: RouteKind; source: 'name'; why: string };

/** One sample's share, or null when its signals cannot give one. */
function sampleShare(setup: SetupSpec, signals: Signals | null | undefined, users: number, cores: number | null) {
  const app = signals?.cpu.app;
  if (!signals || !app || signals.window.successes <= 0 || signals.window.seconds <= 0) return null;
  const workers = concurrency(setup, signals.memory.workers).workers;
  const busyWorkers = Math.max(1, Math.min(workers, users > 0 ? users : workers, cores ?? workers));
  const serviceMs = (busyWorkers * signals.window.seconds * 1000) / signals.window.successes;
  return { busyWorkers, cpuMsPerRequest: app.perRequestMs, serviceMs, share: app.perRequestMs / serviceMs, dbMs: signals.sql?.perRequest.dbMs ?? null };
}

function cellShare(cell: CellResult, setup: SetupSpec, results: Results): CpuShare | null {
  const metrics = cell.samples
    ? cell.samples.flatMap((sample) => (sample.side === 'head' && sample.status === 'ok' && sample.metrics ? [sample.metrics] : []))
    : cell.metrics
      ? [cell.metrics]
      : [];
  const shares = metrics.flatMap((m) => sampleShare(setup, m.signals, m.peakUsers || results.config.load.users, results.environment.cpuCount) ?? []);
  if (shares.length === 0) return null;
  const dbs = shares.flatMap((s) => (s.dbMs === null ? [] : [s.dbMs]));
  return {
    setup,
    latencyMs: cell.latencyMs,
    busyWorkers: median(shares.map((s) => s.busyWorkers)),
    cpuMsPerRequest: median(shares.map((s) => s.cpuMsPerRequest)),
    serviceMs: median(shares.map((s) => s.serviceMs)),
    share: median(shares.map((s) => s.share)),
    dbMsPerRequest: dbs.length ? median(dbs) : null,
    samples: shares.length,
  };
}

/** The share at the lowest latency with one, from the Sync setup with the fewest busy workers; null without signals. */
export function measureCpuShare(results: Results, route: string): CpuShare | null {
  const setups = new Map(results.config.setups.map((setup) => [setup.name, setup]));
  const shares = results.cells.flatMap((cell) => {
    const setup = setups.get(cell.setup);
    if (cell.route !== route || cell.status !== 'ok' || !setup || setupKind(setup) !== 'sync') return [];
    return cellShare(cell, setup, results) ?? [];
  });
  const lowest = Math.min(...shares.map((share) => share.latencyMs));
  const order = (share: CpuShare) => results.config.setups.indexOf(share.setup);
  return shares.filter((share) => share.latencyMs === lowest).sort((a, b) => a.busyWorkers - b.busyWorkers || order(a) - order(b))[0] ?? null;
}

/** The class a measured share gives, by the cut-offs above. */
export function kindOfShare(share: Pick<CpuShare, 'share' | 'cpuMsPerRequest' | 'dbMsPerRequest'>): Exclude<RouteKind, 'unclassified'> {
  if (share.share < ROUTE_CLASS_CUTOFFS.ioBelow) return 'io';
  const dbBelowCpu = share.dbMsPerRequest === null || share.dbMsPerRequest < share.cpuMsPerRequest;
  return share.share >= ROUTE_CLASS_CUTOFFS.cpuFrom && dbBelowCpu ? 'cpu' : 'mixed';
}

/** A route's class: its `kind:` when given, else measured, else by name. */
export function classifyRoute(results: Results, route: Pick<RouteSpec, 'name' | 'kind'>): RouteClass {
  if (route.kind !== undefined) return { kind: route.kind, source: 'given' };
  const share = measureCpuShare(results, route.name);
  const byName = kindByName(route.name);
  if (share) return { kind: kindOfShare(share), source: 'measured', share, byName };
  const hasSync = results.config.setups.some((setup) => setupKind(setup) === 'sync');
  const why = hasSync ? 'no CPU signals were collected' : 'no Sync setup ran, and an event loop’s CPU is no one request’s';
  return { kind: byName, source: 'name', why };
}

/** Every route of the run by name. */
export function classifyRoutes(results: Results): Map<string, RouteClass> {
  return new Map(results.config.routes.map((route) => [route.name, classifyRoute(results, route)]));
}
