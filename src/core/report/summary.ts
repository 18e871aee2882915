import type { RouteSpec, SetupSpec } from '../config/build.js';
import type { CellMetrics } from '../ingest/metrics.js';
import { cellId } from '../plan/cells.js';
import type { Results } from '../results/results.js';
import { classifyRoutes, type RouteClass } from './route-class.js';

/**
 * One number of a cell as the findings, charts and exports read it: `value`, and for a
 * repeated cell `lower` and `upper`, the range of its repeats, for readers that print a spread.
 */
export interface Estimate {
  value: number;
  lower?: number;
  upper?: number;
}

export interface CellSummary {
  id: string;
  setup: SetupSpec;
  route: RouteSpec;
  latencyMs: number;
  maxSrps: Estimate;
  totalSuccesses: Estimate;
  /** The measurement's own details (percentiles, failures, Locust's CPU warning). */
  metrics: CellMetrics;
}

/** The measured cells of a run, looked up by setup, route and latency. */
export interface RunSummary {
  setups: SetupSpec[];
  routes: RouteSpec[];
  /** Added latencies, lowest first (the plan keeps the configured order). */
  latencies: number[];
  /** The cell, when it was measured; failed and missing cells are absent. */
  cell(setup: string, route: string, latencyMs: number): CellSummary | undefined;
  /** What each route is bound by, and how that was decided (route-class.ts). */
  routeClass(route: string): RouteClass;
}

export function summarize(results: Results): RunSummary {
  const { config } = results;
  const setups = new Map(config.setups.map((setup) => [setup.name, setup]));
  const routes = new Map(config.routes.map((route) => [route.name, route]));
  const cells = new Map<string, CellSummary>();
  for (const cell of results.cells) {
    const setup = setups.get(cell.setup);
    const route = routes.get(cell.route);
    if (cell.status !== 'ok' || !cell.metrics || !setup || !route) continue;
    cells.set(cell.id, {
      id: cell.id,
      setup,
      route,
      latencyMs: cell.latencyMs,
      // Repeated cells: the median and the range of the repeats.
      maxSrps: { value: cell.metrics.maxSrps, ...(cell.summary ? { lower: cell.summary.maxSrps.min, upper: cell.summary.maxSrps.max } : {}) },
      totalSuccesses: {
        value: cell.metrics.totalSuccesses,
        ...(cell.summary ? { lower: cell.summary.totalSuccesses.min, upper: cell.summary.totalSuccesses.max } : {}),
      },
      metrics: cell.metrics,
    });
  }
  const classes = classifyRoutes(results);
  return {
    setups: config.setups,
    routes: config.routes,
    latencies: [...new Set(config.latenciesMs)].sort((a, b) => a - b),
    cell: (setup, route, latencyMs) => cells.get(cellId(setup, route, latencyMs)),
    routeClass: (route) => classes.get(route) ?? { kind: 'unclassified', source: 'name', why: 'the route is not in the configuration' },
  };
}
