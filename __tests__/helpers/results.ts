import { buildConfig, type RawInputs } from '../../src/core/config/build.js';
import type { CellMetrics } from '../../src/core/ingest/metrics.js';
import { planShard } from '../../src/core/plan/cells.js';
import { SCHEMA_VERSION, type Results } from '../../src/core/results/results.js';
import { summarizeSamples } from '../../src/core/results/samples.js';

/**
 * Builds results for a planned matrix with chosen numbers; for report and comparison logic.
 * `configFile` is the text of an async-bench.yml (custom setups and routes).
 */
export function makeResults(inputs: RawInputs, metricsFor: (id: string) => Partial<CellMetrics> | null, configFile?: string): Results {
  const config = buildConfig({ inputs, ...(configFile !== undefined ? { file: { path: 'async-bench.yml', text: configFile } } : {}) });
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'async-bench', version: '0.0.0-test' },
    createdAt: '2026-11-28T00:00:00.000Z',
    config,
    environment: {
      cpuCount: 2,
      cpuModel: 'test',
      memoryGiB: 24,
      kernel: '6.0',
      platform: 'linux-x64',
      node: 'v20',
      runner: null,
      docker: null,
      compose: null,
      stack: {},
      latencyMethod: 'toxiproxy',
      latencyFallbackReason: null,
      app: null,
      base: null,
    },
    shard: config.shard,
    cells: planShard(config).map((cell) => {
      const partial = metricsFor(cell.id);
      const base = { id: cell.id, dir: `cells/${cell.dir}`, setup: cell.setup.name, route: cell.route.name, latencyMs: cell.latencyMs, warnings: [] };
      if (partial === null) return { ...base, status: 'failed' as const, reason: 'app not healthy', metrics: null };
      return {
        ...base,
        status: 'ok' as const,
        reason: null,
        metrics: {
          maxSrps: 10,
          totalSuccesses: 1000,
          totalRequests: 1000,
          totalFailures: 0,
          failureRatio: 0,
          steadySrps: 9,
          steadyBlocks: [],
          p50Ms: 10,
          p95Ms: 20,
          p99Ms: 30,
          averageMs: 12,
          peakUsers: 50,
          historySamples: 20,
          locustCpuWarning: false,
          topFailures: [],
          ...partial,
        },
      };
    }),
  };
}

/** The same results with every measured cell repeated: one sample per steady sRPS given (max sRPS 1.1×, successes 20× of it). */
export function withRepeats(results: Results, steadyFor: (id: string) => number[]): Results {
  const cells = results.cells.map((cell) => {
    if (cell.status !== 'ok') return cell;
    const samples = steadyFor(cell.id).map((steady, i) => ({
      repeat: i + 1,
      side: 'head' as const,
      dir: `${cell.dir}/r${i + 1}`,
      status: 'ok' as const,
      reason: null,
      metrics: { ...cell.metrics, steadySrps: steady, maxSrps: steady * 1.1, totalSuccesses: Math.round(steady * 20) },
    }));
    const { outcome, summary } = summarizeSamples(samples);
    return { ...cell, ...outcome, samples, ...(summary ? { summary } : {}) } as Results['cells'][number];
  });
  return { ...results, cells };
}

/**
 * A cell's samples of a same-runner run from [base, head] steady sRPS per pair: base and head of
 * repeat i + 1, each with the cell's metrics, its steady rate, and what `extra` adds for that rate.
 */
export function pairedSamples(
  cell: Results['cells'][number],
  pairs: readonly [number, number][],
  extra: (steady: number) => Partial<CellMetrics> = () => ({}),
) {
  return pairs.flatMap(([base, head], i) =>
    (['base', 'head'] as const).map((side) => {
      const steady = side === 'base' ? base : head;
      return {
        repeat: i + 1,
        side,
        dir: `${cell.dir}/${side}/r${i + 1}`,
        status: 'ok' as const,
        reason: null,
        metrics: { ...cell.metrics!, steadySrps: steady, ...extra(steady) },
      };
    }),
  );
}
