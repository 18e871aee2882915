import type { Estimate, RunSummary } from '../summary.js';

/**
 * Bencher Metric Format: `{ "<benchmark>": { "<measure>": { value, lower_value?,
 * upper_value? } } }` (bencher.dev, "Bencher Metric Format"). Benchmarks are the
 * cell ids; measures are slugs (at most 64 characters), created on first upload.
 * lower_value and upper_value carry a cell's interval once cells have repeats.
 */
export interface BmfMetric {
  value: number;
  lower_value?: number;
  upper_value?: number;
}

export type Bmf = Record<string, Record<string, BmfMetric>>;

export const BMF_MEASURES = {
  maxSrps: 'max-srps',
  totalSuccesses: 'total-successes',
  steadySrps: 'steady-srps',
  failureRatio: 'failure-ratio',
  p50Ms: 'response-time-p50-ms',
  p95Ms: 'response-time-p95-ms',
  p99Ms: 'response-time-p99-ms',
  queriesPerRequest: 'queries-per-request',
  rowsPerRequest: 'rows-per-request',
  dbMsPerRequest: 'db-time-ms-per-request',
  appCpuMsPerRequest: 'app-cpu-ms-per-request',
  appPeakMemory: 'app-peak-memory-bytes',
  responseBytesPerRequest: 'response-bytes-per-request',
} as const;

const metric = (estimate: Estimate): BmfMetric => ({
  value: estimate.value,
  ...(estimate.lower !== undefined ? { lower_value: estimate.lower } : {}),
  ...(estimate.upper !== undefined ? { upper_value: estimate.upper } : {}),
});

export function renderBencher(summary: RunSummary): Bmf {
  const bmf: Bmf = {};
  for (const setup of summary.setups) {
    for (const route of summary.routes) {
      for (const ms of summary.latencies) {
        const cell = summary.cell(setup.name, route.name, ms);
        if (!cell) continue;
        const m = cell.metrics;
        const optional = (value: number | null) => (value === null ? undefined : metric({ value }));
        const measures: Record<string, BmfMetric | undefined> = {
          [BMF_MEASURES.maxSrps]: metric(cell.maxSrps),
          [BMF_MEASURES.totalSuccesses]: metric(cell.totalSuccesses),
          [BMF_MEASURES.steadySrps]: optional(m.steadySrps),
          [BMF_MEASURES.failureRatio]: metric({ value: m.failureRatio }),
          [BMF_MEASURES.p50Ms]: optional(m.p50Ms),
          [BMF_MEASURES.p95Ms]: optional(m.p95Ms),
          [BMF_MEASURES.p99Ms]: optional(m.p99Ms),
          // The per-request signals of the cell's median sample, when it collected them.
          [BMF_MEASURES.queriesPerRequest]: optional(m.signals?.sql?.perRequest.queries ?? null),
          [BMF_MEASURES.rowsPerRequest]: optional(m.signals?.sql?.perRequest.rows ?? null),
          [BMF_MEASURES.dbMsPerRequest]: optional(m.signals?.sql?.perRequest.dbMs ?? null),
          [BMF_MEASURES.appCpuMsPerRequest]: optional(m.signals?.cpu.app?.perRequestMs ?? null),
          [BMF_MEASURES.appPeakMemory]: optional(m.signals?.memory.appPeakBytes ?? null),
          [BMF_MEASURES.responseBytesPerRequest]: optional(m.signals?.responseBytesPerRequest ?? null),
        };
        bmf[cell.id] = Object.fromEntries(Object.entries(measures).filter((entry): entry is [string, BmfMetric] => entry[1] !== undefined));
      }
    }
  }
  return bmf;
}
