import { loadLimited } from '../results/load-limit.js';
import type { RouteSpec, SetupSpec } from '../config/build.js';
import { concurrency, setupKind, type Concurrency } from './classify.js';
import type { CellSummary, RunSummary } from './summary.js';

/**
 * The theory line for Sync on I/O routes. A pool of W workers that each hold a
 * request for its service time s plus k round trips of added latency L serves at most
 *
 *     X ≤ W / (s + k·L)
 *
 * - s is the service time at 0 ms added latency, taken as W / X(0) from the 0 ms
 *   cell's max sRPS. Not the median response time: under a closed-loop load of many
 *   more users than workers, the response time is mostly queueing (Little's law:
 *   R = users / X), while a saturated pool completes one request per worker every s
 *   seconds, so W / X(0) is the service time itself.
 * - k is fitted per route by least squares over the added latencies above 0:
 *   W/X(L) − s = k·L, so k = Σ L·(W/X(L) − s) / Σ L², from the Sync setup(s) with the
 *   fewest workers: a small pool waits on latency alone, while a larger one meets
 *   limits outside it (database, load) first and would drag k with it. A request
 *   makes whole round trips, so when the fit is within WHOLE of a whole number the
 *   bound uses that number (the fit itself is reported): a bound from the fitted k
 *   would only echo the measurements it was fitted to. A fit between whole numbers
 *   is used as it is, and said to be odd.
 *
 * A measurement below half its bound, or above it by more than the run's threshold
 * (the noise it declares), is called out with what it points at.
 */

export const BELOW_BOUND = 0.5;
/** How close to a whole number a fitted k must be to count as that many round trips. */
export const WHOLE = 0.25;

export interface TheoryPoint {
  latencyMs: number;
  measured: number;
  bound: number;
  /** measured ÷ bound. */
  ratio: number;
  /** What a measurement far from its bound points at; null when it is near it. */
  callout: string | null;
}

export interface SetupTheory {
  setup: SetupSpec;
  concurrency: Concurrency;
  /** Seconds. */
  serviceTime: number;
  points: TheoryPoint[];
}

export interface RouteTheory {
  route: RouteSpec;
  /** Round trips per request as fitted; null when no latency above 0 was measured. */
  k: number | null;
  /** The k the bound uses: the nearest whole number when k is within WHOLE of one, else k itself. */
  roundTrips: number | null;
  setups: SetupTheory[];
  /** Why there is no line, or a caveat about the fit. */
  note: string | null;
}

function pointsAt(cell: CellSummary, concurrencyOf: Concurrency, direction: 'below' | 'above'): string {
  const m = cell.metrics;
  if (loadLimited(m)) return 'the load generator: Locust’s CPU passed 90 %, raise processes';
  if (m.peakUsers > 0 && m.peakUsers < concurrencyOf.workers) return `the load: ${m.peakUsers} users cannot keep ${concurrencyOf.workers} workers busy`;
  if (direction === 'below') {
    if (m.failureRatio > 0.01) return `failures (${Math.round(m.failureRatio * 100)} % of requests): the database or the app turned work away`;
    return 'a limit outside the worker pool: the database (connections, locks) or more round trips at this latency than the fit';
  }
  return (
    `more concurrency than W = ${concurrencyOf.workers} (threads or workers the command ` +
    `does not show), or latency that missed some round trips (check the latency method)`
  );
}

export function computeTheory(summary: RunSummary, noise: number): RouteTheory[] {
  const syncSetups = summary.setups.filter((setup) => setupKind(setup) === 'sync');
  const above = summary.latencies.filter((ms) => ms > 0);
  return summary.routes
    .filter((route) => summary.routeClass(route.name).kind === 'io' && syncSetups.length > 0)
    .map((route): RouteTheory => {
      if (!summary.latencies.includes(0)) return { route, k: null, roundTrips: null, setups: [], note: 'no 0 ms cell to measure the service time s' };
      const bases = syncSetups.flatMap((setup) => {
        const zero = summary.cell(setup.name, route.name, 0);
        if (!zero || zero.maxSrps.value <= 0) return [];
        const c = concurrency(setup, zero.metrics.signals?.memory.workers ?? null);
        return [{ setup, concurrency: c, serviceTime: c.workers / zero.maxSrps.value }];
      });
      let sumLy = 0;
      let sumLL = 0;
      const fewest = Math.min(...bases.map((base) => base.concurrency.workers));
      for (const base of bases.filter((b) => b.concurrency.workers === fewest)) {
        for (const ms of above) {
          const cell = summary.cell(base.setup.name, route.name, ms);
          if (!cell || cell.maxSrps.value <= 0) continue;
          const L = ms / 1000;
          sumLy += L * (base.concurrency.workers / cell.maxSrps.value - base.serviceTime);
          sumLL += L * L;
        }
      }
      if (bases.length === 0) return { route, k: null, roundTrips: null, setups: [], note: 'no Sync setup served anything at 0 ms' };
      if (sumLL === 0) return { route, k: null, roundTrips: null, setups: [], note: 'no Sync cell above 0 ms to fit k' };
      const k = sumLy / sumLL;
      const whole = Math.abs(k - Math.round(k)) <= WHOLE && Math.round(k) > 0;
      const roundTrips = whole ? Math.round(k) : Math.max(k, 0);
      const setups = bases.map((base): SetupTheory => ({
        ...base,
        points: above.flatMap((ms) => {
          const cell = summary.cell(base.setup.name, route.name, ms);
          if (!cell) return [];
          const bound = base.concurrency.workers / (base.serviceTime + roundTrips * (ms / 1000));
          const measured = cell.maxSrps.value;
          const ratio = measured / bound;
          const callout =
            ratio < BELOW_BOUND ? pointsAt(cell, base.concurrency, 'below') : ratio > 1 + noise ? pointsAt(cell, base.concurrency, 'above') : null;
          return [{ latencyMs: ms, measured, bound, ratio, callout }];
        }),
      }));
      const note =
        k < 0.5
          ? 'added latency barely slows Sync here: check that the latency reached the app'
          : !whole
            ? 'not near a whole number of round trips: requests differ in how many they make, or something besides the pool grows with latency'
            : null;
      return { route, k, roundTrips, setups, note };
    });
}
