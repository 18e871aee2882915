import type { RouteSpec, SetupSpec } from '../config/build.js';
import { setupKind, type RouteKind, type SetupKind } from './classify.js';
import type { RouteClass } from './route-class.js';
import type { RunSummary } from './summary.js';

/**
 * What a run shows, as data: per route, who serves the most at each latency, where
 * Async and Sync cross, and whether the study's hypothesis holds. findings-text.ts
 * words it; nothing here formats.
 */

export type Metric = 'maxSrps' | 'totalSuccesses';

/**
 * "The hypothesis holds", precisely (README, "Reading the report"):
 *
 * - On an I/O route, with K(L) the best max sRPS among the setups of kind K at added
 *   latency L, L0 the lowest and Lmax the highest latency where both kinds were
 *   measured (Lmax > L0):
 *   1. Async(Lmax) ≥ IO_MIN_FACTOR × Sync(Lmax): Async is clearly ahead under the most
 *      latency, not within noise of Sync; and
 *   2. Async(Lmax) / Async(L0) > Sync(Lmax) / Sync(L0): Async keeps a larger share of its
 *      throughput than Sync does ("keeps throughput high despite latency").
 * - On a CPU route, Sync holds its own: at every latency where both kinds were
 *   measured, Sync's best total successes ≥ CPU_MIN_SHARE × Async's best (the study's
 *   Table 1 reasoning: "Sync ... had higher overall successes", allowing for runner
 *   noise of about the default threshold).
 * - Mixed routes (neither bound clearly, route-class.ts) and unclassified ones are not tested.
 *
 * A route's class is measured from its signals where it can be, so the hypothesis is tested
 * on every route a team measures, not only on routes named like the study's.
 */
export const HYPOTHESIS = { ioMinFactor: 2, cpuMinShare: 0.9 } as const;

export interface Standing {
  setup: SetupSpec;
  value: number;
}

/** Who served the most at one latency, and the next best. */
export interface Lead {
  latencyMs: number;
  winner: Standing;
  /** The next best setup at this latency; null when only one was measured. */
  runnerUp: Standing | null;
  /** winner ÷ runner-up: null without a runner-up, Infinity when the runner-up served nothing. */
  factor: number | null;
}

export interface Crossover {
  /** The kind that goes ahead at this latency. */
  overtaker: SetupKind;
  latencyMs: number;
  /** True when the latency lies between two measured ones (linear interpolation). */
  interpolated: boolean;
  between: [number, number];
}

export type HypothesisCheck =
  | {
      kind: 'io';
      latencyMs: number;
      baseMs: number;
      async: number;
      sync: number;
      factor: number;
      asyncKept: number;
      syncKept: number;
      aheadOk: boolean;
      keptOk: boolean;
    }
  | { kind: 'cpu'; shares: { latencyMs: number; sync: number; async: number; share: number }[]; lowest: { latencyMs: number; share: number } };

export type Hypothesis = { status: 'holds' | 'fails'; check: HypothesisCheck } | { status: 'untested'; reason: string };

export interface RouteFindings {
  route: RouteSpec;
  kind: RouteKind;
  /** How the kind was decided: given, measured (with the CPU share) or by name. */
  routeClass: RouteClass;
  bySrps: Lead[];
  bySuccesses: Lead[];
  /** Best max sRPS of each kind per latency where both were measured, lowest latency first. */
  kinds: { latencyMs: number; sync: Standing; async: Standing }[];
  crossovers: Crossover[];
  hypothesis: Hypothesis;
}

export interface Findings {
  routes: RouteFindings[];
  /** Setups of each kind in the configuration. */
  hasSync: boolean;
  hasAsync: boolean;
}

function standings(summary: RunSummary, route: string, latencyMs: number, metric: Metric, kind?: SetupKind): Standing[] {
  return summary.setups
    .filter((setup) => kind === undefined || setupKind(setup) === kind)
    .flatMap((setup) => {
      const cell = summary.cell(setup.name, route, latencyMs);
      return cell ? [{ setup, value: cell[metric].value }] : [];
    })
    .sort((a, b) => b.value - a.value);
}

const best = (summary: RunSummary, route: string, latencyMs: number, metric: Metric, kind: SetupKind): Standing | null =>
  standings(summary, route, latencyMs, metric, kind)[0] ?? null;

function leads(summary: RunSummary, route: string, metric: Metric): Lead[] {
  return summary.latencies.flatMap((latencyMs) => {
    const [winner, runnerUp] = standings(summary, route, latencyMs, metric);
    if (!winner) return [];
    const factor = !runnerUp ? null : runnerUp.value === 0 ? (winner.value === 0 ? 1 : Infinity) : winner.value / runnerUp.value;
    return [{ latencyMs, winner, runnerUp: runnerUp ?? null, factor }];
  });
}

/**
 * Latencies where Async and Sync swap places, by max sRPS. Between two measured
 * latencies the curves are taken as straight lines, so the crossing is where
 * (Async − Sync) is zero on the segment; a tie at a measured latency is the crossing itself.
 */
export function crossovers(points: { latencyMs: number; sync: number; async: number }[]): Crossover[] {
  const found: Crossover[] = [];
  let previous: { latencyMs: number; diff: number } | null = null;
  let firstTie: number | null = null;
  for (const point of points) {
    const diff = point.async - point.sync;
    if (diff === 0) {
      firstTie ??= point.latencyMs;
      continue;
    }
    if (previous && Math.sign(diff) !== Math.sign(previous.diff)) {
      const overtaker: SetupKind = diff > 0 ? 'async' : 'sync';
      if (firstTie !== null) {
        found.push({ overtaker, latencyMs: firstTie, interpolated: false, between: [previous.latencyMs, point.latencyMs] });
      } else {
        const at = previous.latencyMs + ((point.latencyMs - previous.latencyMs) * previous.diff) / (previous.diff - diff);
        found.push({ overtaker, latencyMs: at, interpolated: true, between: [previous.latencyMs, point.latencyMs] });
      }
    }
    previous = { latencyMs: point.latencyMs, diff };
    firstTie = null;
  }
  return found;
}

function ioHypothesis(kinds: RouteFindings['kinds']): Hypothesis {
  if (kinds.length < 2) return { status: 'untested', reason: 'Async and Sync were both measured at fewer than two latencies' };
  const base = kinds[0]!;
  const top = kinds.at(-1)!;
  if (base.async.value === 0 || base.sync.value === 0) {
    return {
      status: 'untested',
      reason: `${base.async.value === 0 ? 'Async' : 'Sync'} served nothing at ${base.latencyMs} ms, so there is no throughput to keep`,
    };
  }
  const factor = top.sync.value === 0 ? (top.async.value > 0 ? Infinity : 0) : top.async.value / top.sync.value;
  const asyncKept = top.async.value / base.async.value;
  const syncKept = top.sync.value / base.sync.value;
  const aheadOk = factor >= HYPOTHESIS.ioMinFactor;
  const keptOk = asyncKept > syncKept;
  return {
    status: aheadOk && keptOk ? 'holds' : 'fails',
    check: {
      kind: 'io',
      latencyMs: top.latencyMs,
      baseMs: base.latencyMs,
      async: top.async.value,
      sync: top.sync.value,
      factor,
      asyncKept,
      syncKept,
      aheadOk,
      keptOk,
    },
  };
}

function cpuHypothesis(summary: RunSummary, route: string): Hypothesis {
  const shares = summary.latencies.flatMap((latencyMs) => {
    const sync = best(summary, route, latencyMs, 'totalSuccesses', 'sync');
    const async = best(summary, route, latencyMs, 'totalSuccesses', 'async');
    if (!sync || !async) return [];
    const share = async.value === 0 ? (sync.value > 0 ? Infinity : 1) : sync.value / async.value;
    return [{ latencyMs, sync: sync.value, async: async.value, share }];
  });
  if (shares.length === 0) return { status: 'untested', reason: 'Async and Sync were not both measured at any latency' };
  const lowest = shares.reduce((low, item) => (item.share < low.share ? item : low));
  return {
    status: lowest.share >= HYPOTHESIS.cpuMinShare ? 'holds' : 'fails',
    check: { kind: 'cpu', shares, lowest: { latencyMs: lowest.latencyMs, share: lowest.share } },
  };
}

export function computeFindings(summary: RunSummary): Findings {
  const hasSync = summary.setups.some((setup) => setupKind(setup) === 'sync');
  const hasAsync = summary.setups.some((setup) => setupKind(setup) === 'async');
  const routes = summary.routes.map((route): RouteFindings => {
    const routeClass = summary.routeClass(route.name);
    const kind = routeClass.kind;
    const kinds = summary.latencies.flatMap((latencyMs) => {
      const sync = best(summary, route.name, latencyMs, 'maxSrps', 'sync');
      const async = best(summary, route.name, latencyMs, 'maxSrps', 'async');
      return sync && async ? [{ latencyMs, sync, async }] : [];
    });
    const hypothesis: Hypothesis =
      !hasSync || !hasAsync
        ? { status: 'untested', reason: `the run has no ${hasSync ? 'Async (ASGI)' : 'Sync (WSGI)'} setup` }
        : kind === 'io'
          ? ioHypothesis(kinds)
          : kind === 'cpu'
            ? cpuHypothesis(summary, route.name)
            : {
                status: 'untested',
                reason: kind === 'mixed' ? 'the route is bound by neither CPU nor I/O alone' : 'the route is neither an I/O nor a CPU route',
              };
    return {
      route,
      kind,
      routeClass,
      bySrps: leads(summary, route.name, 'maxSrps'),
      bySuccesses: leads(summary, route.name, 'totalSuccesses'),
      kinds,
      crossovers: crossovers(kinds.map(({ latencyMs, sync, async }) => ({ latencyMs, sync: sync.value, async: async.value }))),
      hypothesis,
    };
  });
  return { routes, hasSync, hasAsync };
}
