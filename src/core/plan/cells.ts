import { ConfigError } from '../config/errors.js';
import type { Config, RouteSpec, SetupSpec, Shard } from '../config/schema.js';

/** One measurement: a setup serving a route under an added latency. */
export interface Cell {
  /** Stable id, e.g. `async-limited/io_read/100ms`. */
  id: string;
  /** Folder name under `cells/`, e.g. `async-limited__io_read__100ms`. */
  dir: string;
  setup: SetupSpec;
  route: RouteSpec;
  latencyMs: number;
}

/** The folder of a run directory that holds one folder per cell. */
export const CELLS_FOLDER = 'cells';

export function cellId(setup: string, route: string, latencyMs: number): string {
  return `${setup}/${route}/${latencyMs}ms`;
}

export function cellDir(setup: string, route: string, latencyMs: number): string {
  return `${setup}__${route}__${latencyMs}ms`;
}

/** A cell folder relative to the run directory, as results.json records it: `cells/<dir>`. */
export function cellPath(dir: string): string {
  return `${CELLS_FOLDER}/${dir}`;
}

/** Parses a cell folder name back into its parts; null when it is not one. */
export function parseCellDir(dir: string): { setup: string; route: string; latencyMs: number } | null {
  const match = /^([a-z0-9][a-z0-9_-]*?)__([a-z0-9][a-z0-9_-]*?)__(\d+)ms$/.exec(dir);
  if (!match) return null;
  return { setup: match[1]!, route: match[2]!, latencyMs: Number(match[3]) };
}

/**
 * Every cell of the matrix, in a deterministic order: setup-major (one database
 * configuration per setup, so the stack restarts the fewest times), then route,
 * then latency as configured.
 */
export function planCells(config: Pick<Config, 'setups' | 'routes' | 'latenciesMs'>): Cell[] {
  return config.setups.flatMap((setup) =>
    config.routes.flatMap((route) =>
      config.latenciesMs.map((latencyMs) => ({
        id: cellId(setup.name, route.name, latencyMs),
        dir: cellDir(setup.name, route.name, latencyMs),
        setup,
        route,
        latencyMs,
      })),
    ),
  );
}

/** Items with a cell id, sorted into the plan's order (ids the plan does not know go last). */
export function inPlanOrder<T extends { id: string }>(items: T[], config: Pick<Config, 'setups' | 'routes' | 'latenciesMs'>): T[] {
  const position = new Map(planCells(config).map((cell, i) => [cell.id, i]));
  return [...items].sort((a, b) => (position.get(a.id) ?? Infinity) - (position.get(b.id) ?? Infinity));
}

/**
 * The cells of shard i/n: contiguous runs in plan order, sizes differing by at most
 * one, so shards are balanced, disjoint and together complete, and each shard
 * keeps whole setups together where it can.
 */
export function shardCells<T>(cells: T[], shard: Shard | null): T[] {
  if (!shard) return cells;
  const base = Math.floor(cells.length / shard.total);
  const extra = cells.length % shard.total;
  const start = (shard.index - 1) * base + Math.min(shard.index - 1, extra);
  const size = base + (shard.index <= extra ? 1 : 0);
  return cells.slice(start, start + size);
}

export function planShard(config: Pick<Config, 'setups' | 'routes' | 'latenciesMs' | 'shard'>): Cell[] {
  const cells = planCells(config);
  if (config.shard && config.shard.total > cells.length) {
    const { index, total } = config.shard;
    throw new ConfigError(
      'shard',
      `"${index}/${total}" splits ${cells.length} cells into ${total} shards, leaving some ` +
        `empty; use at most ${cells.length} shards (match the matrix size to the cells).`,
    );
  }
  return shardCells(cells, config.shard);
}

/** One measurement of a cell: which repeat, and the folder under `cells/` its Locust files go to. */
export interface PlannedSample {
  cell: Cell;
  /** 1-based. */
  repeat: number;
  /** `<cell>` with one repeat (the folder contract of a single run), `<cell>/r<repeat>` with several. */
  dir: string;
}

export function sampleDir(cellDirName: string, repeat: number, repeats: number): string {
  return repeats === 1 ? cellDirName : `${cellDirName}/r${repeat}`;
}

/**
 * Every sample of `cells`, interleaved: all cells once, then all again, so a runner
 * that drifts (a noisy neighbour, thermal throttling) touches every cell alike
 * instead of one cell's repeats all at once.
 */
export function planSamples(cells: Cell[], repeats: number): PlannedSample[] {
  return Array.from({ length: repeats }, (_, i) => i + 1).flatMap((repeat) =>
    cells.map((cell) => ({ cell, repeat, dir: sampleDir(cell.dir, repeat, repeats) })),
  );
}
