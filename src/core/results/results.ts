import type { Config, Shard } from '../config/build.js';
import type { Environment } from './environment.js';
import type { CellMetrics } from '../ingest/metrics.js';
import { planCells } from '../plan/cells.js';
import { ResultsError } from './errors.js';
import { checkResultsShape } from './schema.js';
import { VERSION } from '../version.js';

/** `major.minor`: readers accept any minor of their major and refuse other majors. */
export const SCHEMA_VERSION = '1.0';
const SCHEMA_MAJOR = 1;

export interface CellResult {
  id: string;
  dir: string;
  setup: string;
  route: string;
  latencyMs: number;
  status: 'ok' | 'failed';
  /** Why a failed cell has no numbers. */
  reason: string | null;
  metrics: CellMetrics | null;
  warnings: string[];
  /** createdAt of the earlier attempt that measured this cell, when a resumed run kept it. */
  resumedFrom?: string;
}

export interface Results {
  schemaVersion: string;
  tool: { name: 'async-bench'; version: string };
  createdAt: string;
  config: Config;
  environment: Environment;
  shard: Shard | null;
  cells: CellResult[];
}

export { ResultsError } from './errors.js';

/** Parses results.json text, refusing what this version cannot read faithfully. */
export function parseResults(source: string, text: string): Results {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ResultsError(`${source} is not JSON: ${(error as Error).message}`);
  }
  const record = data as Partial<Results> | null;
  if (record === null || typeof record !== 'object' || typeof record.schemaVersion !== 'string') {
    throw new ResultsError(`${source} has no "schemaVersion"; is it an async-bench results.json?`);
  }
  const major = Number(record.schemaVersion.split('.')[0]);
  if (major !== SCHEMA_MAJOR) {
    throw new ResultsError(
      `${source} has schemaVersion ${record.schemaVersion}; this async-bench reads ${SCHEMA_MAJOR}.x. ` +
        (major > SCHEMA_MAJOR ? 'Upgrade async-bench to read it.' : 'Re-run the benchmark to produce a current file.'),
    );
  }
  const shapeError = (() => {
    try {
      checkResultsShape(record, 'results');
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  })();
  if (shapeError) throw new ResultsError(`${source} is not a valid results.json: ${shapeError}.`);
  for (const cell of record.cells!) {
    if (cell.status === 'ok' && cell.metrics === null) throw new ResultsError(`${source}: cell ${cell.id} is "ok" but has no metrics.`);
  }
  return record as Results;
}

/** Results with no cells yet, for a run or an aggregate that has nothing to show. */
export function emptyResults(config: Config, environment: Environment, now = new Date()): Results {
  return { schemaVersion: SCHEMA_VERSION, tool: { name: 'async-bench', version: VERSION }, createdAt: now.toISOString(), config, environment, shard: config.shard, cells: [] };
}

export function serializeResults(results: Results): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

/** What two shards must share to be merged: everything but the shard and where they wrote. */
function comparableConfig(config: Config): string {
  const { shard: _shard, outDir: _outDir, ...rest } = config;
  return JSON.stringify(rest);
}

/**
 * Merges shard results into one run. Refuses different configs (they would be
 * different experiments) and cells measured twice (which one would be true?).
 */
export function mergeResults(parts: { source: string; results: Results }[]): Results {
  const [first, ...rest] = parts;
  if (!first) throw new ResultsError('nothing to merge: no results were given.');
  const expected = comparableConfig(first.results.config);
  const seen = new Map<string, string>();
  for (const part of parts) {
    if (comparableConfig(part.results.config) !== expected) {
      throw new ResultsError(`${part.source} was run with a different configuration than ${first.source}; only shards of one run merge.`);
    }
    // Under latency-method auto, one runner may get netem and another Toxiproxy: not one experiment.
    const method = part.results.environment.latencyMethod;
    if (method !== first.results.environment.latencyMethod) {
      throw new ResultsError(
        `${part.source} added latency with ${method} and ${first.source} with ${first.results.environment.latencyMethod}; pin latency-method so every shard uses one.`,
      );
    }
    for (const cell of part.results.cells) {
      const other = seen.get(cell.id);
      if (other !== undefined) throw new ResultsError(`cell ${cell.id} is in both ${other} and ${part.source}; shards must not overlap.`);
      seen.set(cell.id, part.source);
    }
  }
  const order = planOrder(first.results.config);
  const cells = parts.flatMap((part) => part.results.cells);
  cells.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  return {
    ...first.results,
    config: { ...first.results.config, shard: null },
    shard: null,
    environment: first.results.environment,
    cells,
    createdAt: [first, ...rest].map((part) => part.results.createdAt).sort().at(-1)!,
  };
}

/** Position of each cell id in the plan: results list cells in plan order. */
function planOrder(config: Config): Map<string, number> {
  return new Map(planCells(config).map((cell, i) => [cell.id, i]));
}

/**
 * Adds a failed entry for every planned cell that has none (a shard that never
 * reported), so the report shows the hole instead of a smaller matrix.
 */
export function withMissingCells(results: Results, reason: string): { results: Results; missing: string[] } {
  const present = new Set(results.cells.map((cell) => cell.id));
  const missing: CellResult[] = planCells(results.config)
    .filter((cell) => !present.has(cell.id))
    .map((cell) => ({
      id: cell.id,
      dir: `cells/${cell.dir}`,
      setup: cell.setup.name,
      route: cell.route.name,
      latencyMs: cell.latencyMs,
      status: 'failed' as const,
      reason,
      metrics: null,
      warnings: [],
    }));
  if (missing.length === 0) return { results, missing: [] };
  const order = planOrder(results.config);
  const cells = [...results.cells, ...missing].sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  return { results: { ...results, cells }, missing: missing.map((cell) => cell.id) };
}
