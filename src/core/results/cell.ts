import { cellPath, type Cell } from '../plan/cells.js';
import type { CellMetrics, CellOutcome, CellResult, FailedCell, FailedOutcome, MeasuredOutcome } from './schema.js';

/** The one way each kind of cell entry is made, so every failed cell looks the same. */

export function measuredOutcome(metrics: CellMetrics, warnings: string[] = []): MeasuredOutcome {
  return { status: 'ok', reason: null, metrics, warnings };
}

export function failedOutcome(reason: string, warnings: string[] = []): FailedOutcome {
  return { status: 'failed', reason, metrics: null, warnings };
}

/** A planned cell with what became of it: its results.json entry. */
export function cellResult(cell: Pick<Cell, 'id' | 'dir' | 'setup' | 'route' | 'latencyMs'>, outcome: CellOutcome): CellResult {
  return { id: cell.id, dir: cellPath(cell.dir), setup: cell.setup.name, route: cell.route.name, latencyMs: cell.latencyMs, ...outcome };
}

/** A planned cell with no numbers, and why (not run, no CSV, a shard that never reported…). */
export function failedCell(cell: Pick<Cell, 'id' | 'dir' | 'setup' | 'route' | 'latencyMs'>, reason: string): CellResult {
  return cellResult(cell, failedOutcome(reason));
}

export function failedCells(cells: CellResult[]): FailedCell[] {
  return cells.filter((cell): cell is FailedCell => cell.status === 'failed');
}
