import { requestTarget } from '../../config/route-request.js';
import type { Estimate, RunSummary } from '../summary.js';

/**
 * github-action-benchmark's `customBiggerIsBetter` input: a JSON array of
 * `{ name, unit, value, range?, extra? }`, where name, unit, range and extra are
 * strings and value a number (its README, "Examples"; its extract.ts checks exactly
 * these fields). Both of the study's metrics are bigger-is-better, so one file
 * holds them; each name is one chart on its benchmark pages.
 */
export interface BenchmarkActionEntry {
  name: string;
  unit: string;
  value: number;
  range?: string;
  extra?: string;
}

/** `± half the interval` when a cell carries one (repeats); absent for a single measurement. */
function range(estimate: Estimate): { range?: string } {
  if (estimate.lower === undefined || estimate.upper === undefined) return {};
  return { range: `± ${Number(((estimate.upper - estimate.lower) / 2).toFixed(3))}` };
}

export function renderBenchmarkAction(summary: RunSummary): BenchmarkActionEntry[] {
  return summary.setups.flatMap((setup) =>
    summary.routes.flatMap((route) =>
      summary.latencies.flatMap((ms) => {
        const cell = summary.cell(setup.name, route.name, ms);
        if (!cell) return [];
        const m = cell.metrics;
        const extra = [
          `setup: ${setup.label} (${setup.interface})`,
          `route: ${route.method} ${requestTarget(route)}`,
          `added latency: ${ms} ms`,
          `failure ratio: ${(m.failureRatio * 100).toFixed(1)} %`,
          ...(m.p95Ms !== null ? [`p95: ${m.p95Ms} ms`] : []),
        ].join('\n');
        return [
          { name: `${cell.id} max sRPS`, unit: 'sRPS', value: cell.maxSrps.value, ...range(cell.maxSrps), extra },
          { name: `${cell.id} total successes`, unit: 'successes', value: cell.totalSuccesses.value, ...range(cell.totalSuccesses), extra },
        ];
      }),
    ),
  );
}
