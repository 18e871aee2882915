import { noiseFloor } from '../compare/verdicts.js';
import { measuredSamples, verdictSamples } from '../compare/samples.js';
import type { SetupSpec } from '../config/build.js';
import type { CellResult, Results } from '../results/schema.js';
import { decide } from '../stats/decide.js';
import { median } from '../stats/describe.js';
import { relativeChangeInterval, type ChangeInterval, type RunSample } from '../stats/interval.js';

/**
 * The report's one answer per app: which setup to serve it with, as data
 * (recommendation-text.ts words it).
 *
 * In every cell group (a route at an added latency) the setups are ranked by the verdict
 * metric (steady sRPS; max sRPS where a cell has none), and the leader is compared with
 * each other setup by the same interval the verdicts use (Welch on log rates, the run's
 * noise floor, its threshold and confidence): "ahead" when the whole interval lies beyond
 * the threshold, "tied" when it lies within, "unclear" otherwise. A setup is beaten in a
 * group when another is ahead of it there, or when its cell failed. The answer is the
 * setup beaten nowhere that is ahead somewhere; when none is beaten nowhere the evidence
 * is mixed, and when no setup is ahead anywhere they do not differ beyond noise. Either
 * way the answer says so rather than pick one.
 */

/** The recommended setup against the best of the others at one latency, over the routes. */
export interface LatencyStanding {
  latencyMs: number;
  status: 'ahead' | 'tied' | 'unclear';
  /** Recommended ÷ the best other, per route where it was ahead (status ahead), or every route. */
  factors: number[];
  /** The setups it was compared with (the best other on each route). */
  others: SetupSpec[];
  /** The routes `factors` are of; when ahead on only some, the rest are where it was not beaten beyond the noise. */
  routes: string[];
  /** Whether `routes` are all the routes compared at this latency. */
  everyRoute: boolean;
  /** The widest bound of the intervals at this latency, as a relative change (for "±8 %"). */
  spread: number;
}

export interface SetupCost {
  setup: SetupSpec;
  /** Highest failure ratio over its measured cells. */
  failureRatio: number;
  /** Median peak memory per worker over its cells; null without signals. */
  perWorkerBytes: number | null;
  /** Workers the samples counted (median); null without signals. */
  workers: number | null;
  /**
   * The app database's connections, medians over the routes that open any: opened per request,
   * and open on average over the window (null where a kept connection made it inexact); null when not read.
   */
  connections: { openedPerRequest: number; meanOpen: number | null } | null;
}

export type Recommendation =
  | { kind: 'serve'; setup: SetupSpec; latencies: LatencyStanding[]; costs: SetupCost[] }
  | { kind: 'no-clear-winner'; why: 'noise'; setups: SetupSpec[]; spread: number }
  | { kind: 'no-clear-winner'; why: 'mixed'; leads: { setup: SetupSpec; latenciesMs: number[]; routes: string[] }[] }
  | { kind: 'nothing-to-compare'; setups: SetupSpec[] };

interface Entry {
  setup: SetupSpec;
  samples: RunSample[];
  value: number;
}

interface Group {
  route: string;
  latencyMs: number;
  leader: Entry;
  /** Every other setup against the leader; failed: its cell failed or measured nothing. */
  others: { setup: SetupSpec; entry: Entry | null; interval: ChangeInterval | null; verdict: 'ahead' | 'tied' | 'unclear' | 'failed' }[];
}

function samplesOf(cell: CellResult): RunSample[] {
  const steady = measuredSamples(verdictSamples(cell));
  if (steady.length > 0 || cell.status !== 'ok') return steady;
  return cell.metrics.maxSrps > 0 ? [{ value: cell.metrics.maxSrps }] : [];
}

function groups(results: Results): Group[] {
  const { config } = results;
  const byId = new Map(results.cells.map((cell) => [cell.id, cell]));
  const latencies = [...new Set(config.latenciesMs)].sort((a, b) => a - b);
  return config.routes.flatMap((route) =>
    latencies.flatMap((latencyMs): Group[] => {
      const cells = config.setups.map((setup) => ({ setup, cell: byId.get(`${setup.name}/${route.name}/${latencyMs}ms`) }));
      if (cells.every(({ cell }) => cell === undefined)) return [];
      const entries = cells.flatMap(({ setup, cell }) => {
        const samples = cell ? samplesOf(cell) : [];
        return samples.length ? [{ setup, samples, value: median(samples.map((s) => s.value)) }] : [];
      });
      const leader = [...entries].sort((a, b) => b.value - a.value)[0];
      if (!leader) return [];
      const { threshold, confidence } = config.compare;
      const others = cells
        .filter(({ setup, cell }) => setup !== leader.setup && cell !== undefined)
        .map(({ setup }) => {
          const entry = entries.find((e) => e.setup === setup) ?? null;
          if (!entry) return { setup, entry, interval: null, verdict: 'failed' as const };
          const interval = relativeChangeInterval(
            leader.samples,
            entry.samples,
            noiseFloor(`${setup.name}/${route.name}/${latencyMs}ms`, results.noise),
            confidence,
          );
          const verdict = decide(interval, threshold);
          return {
            setup,
            entry,
            interval,
            verdict: verdict === 'improved' ? ('ahead' as const) : verdict === 'unchanged' ? ('tied' as const) : ('unclear' as const),
          };
        });
      return [{ route: route.name, latencyMs, leader, others }];
    }),
  );
}

const beatenIn = (group: Group, setup: SetupSpec): boolean =>
  group.others.some((other) => other.setup === setup && (other.verdict === 'ahead' || other.verdict === 'failed'));
const aheadIn = (group: Group, setup: SetupSpec): boolean =>
  group.leader.setup === setup && group.others.length > 0 && group.others.every((other) => other.verdict === 'ahead' || other.verdict === 'failed');
const spreadOf = (intervals: (ChangeInterval | null)[]): number => Math.max(0, ...intervals.flatMap((i) => (i ? [Math.abs(i.lower), Math.abs(i.upper)] : [])));

/** At each latency: the recommended setup against the best other setup on each route. */
function standings(all: Group[], setup: SetupSpec): LatencyStanding[] {
  const latencies = [...new Set(all.map((group) => group.latencyMs))];
  return latencies.flatMap((latencyMs): LatencyStanding[] => {
    const at = all.filter((group) => group.latencyMs === latencyMs);
    const pairs = at.flatMap((group) => {
      const mine = group.leader.setup === setup ? group.leader : group.others.find((o) => o.setup === setup)?.entry;
      const rivals = [group.leader, ...group.others.flatMap((o) => (o.entry ? [o.entry] : []))].filter((e) => e.setup !== setup);
      const best = rivals.sort((a, b) => b.value - a.value)[0];
      if (!mine || !best) return [];
      // Against the leader's interval: the best other's when it leads, else its own.
      const interval = group.others.find((o) => o.setup === (group.leader.setup === setup ? best.setup : setup))?.interval ?? null;
      const tied = group.others.every((o) => o.verdict === 'tied');
      return [{ route: group.route, ahead: aheadIn(group, setup), tied, factor: mine.value / best.value, best, interval }];
    });
    if (pairs.length === 0) return [];
    const ahead = pairs.filter((pair) => pair.ahead);
    const status = ahead.length > 0 ? 'ahead' : pairs.every((pair) => pair.tied) ? 'tied' : 'unclear';
    const shown = status === 'ahead' ? ahead : pairs;
    const others = [...new Set(shown.map((pair) => pair.best.setup))];
    return [
      {
        latencyMs,
        status,
        factors: shown.map((pair) => pair.factor),
        others,
        routes: shown.map((pair) => pair.route),
        everyRoute: shown.length === pairs.length,
        spread: spreadOf(pairs.map((pair) => pair.interval)),
      },
    ];
  });
}

/**
 * The routes whose requests open database connections under some setup: a route that never
 * queries opens none under any, and would read as "0 a request" beside one that opens one each.
 */
function connectingRoutes(results: Results): Set<string> {
  const opened = results.cells.flatMap((cell) => (cell.status === 'ok' && (cell.metrics.signals?.connections?.opened ?? 0) > 0 ? [cell.route] : []));
  return new Set(opened.length ? opened : results.config.routes.map((route) => route.name));
}

function costOf(results: Results, setup: SetupSpec, routes: Set<string>): SetupCost {
  const cells = results.cells.filter((cell) => cell.setup === setup.name && cell.status === 'ok');
  const metrics = cells.flatMap((cell) => (cell.metrics ? [cell.metrics] : []));
  const connections = cells.flatMap((cell) => {
    const read = cell.metrics?.signals?.connections;
    return routes.has(cell.route) && read ? [read] : [];
  });
  const means = connections.map((read) => read.meanOpen);
  const memory = metrics.flatMap((m) => (m.signals?.memory.perWorkerPeakBytes != null ? [m.signals.memory.perWorkerPeakBytes] : []));
  const workers = metrics.flatMap((m) => (m.signals?.memory.workers != null ? [m.signals.memory.workers] : []));
  return {
    setup,
    failureRatio: Math.max(0, ...metrics.map((m) => m.failureRatio)),
    perWorkerBytes: memory.length ? median(memory) : null,
    workers: workers.length ? median(workers) : null,
    connections: connections.length
      ? {
          openedPerRequest: median(connections.map((read) => read.openedPerRequest)),
          meanOpen: means.every((mean) => mean !== null) ? median(means as number[]) : null,
        }
      : null,
  };
}

export function recommend(results: Results): Recommendation {
  const { setups } = results.config;
  const all = groups(results);
  if (setups.length < 2 || all.every((group) => group.others.length === 0)) return { kind: 'nothing-to-compare', setups };
  const unbeaten = setups.filter((setup) => !all.some((group) => beatenIn(group, setup)));
  const leading = setups.filter((setup) => all.some((group) => aheadIn(group, setup)));
  const winner = unbeaten.find((setup) => leading.includes(setup));
  if (winner) {
    const latencies = standings(all, winner);
    const compared = [...new Set(latencies.flatMap((l) => l.others))];
    const routes = connectingRoutes(results);
    return { kind: 'serve', setup: winner, latencies, costs: [winner, ...compared].map((setup) => costOf(results, setup, routes)) };
  }
  if (leading.length === 0) {
    return { kind: 'no-clear-winner', why: 'noise', setups, spread: spreadOf(all.flatMap((group) => group.others.map((o) => o.interval))) };
  }
  const leads = leading.map((setup) => {
    const groupsLed = all.filter((group) => aheadIn(group, setup));
    return { setup, latenciesMs: [...new Set(groupsLed.map((g) => g.latencyMs))], routes: [...new Set(groupsLed.map((g) => g.route))] };
  });
  return { kind: 'no-clear-winner', why: 'mixed', leads };
}
