import type { CellMetrics } from './schema.js';

/** Locust's CPU over the window, as a share of its cores, from which the load generator is the limit. */
export const LOAD_LIMIT_SHARE = 0.9;

/**
 * Whether Locust, not the app, may have limited the cell: measured from its container's CPU
 * (signals) where the sample has them, else Locust's own warning in its log (the older guess).
 */
export function loadLimited(metrics: Pick<CellMetrics, 'signals' | 'locustCpuWarning'>): boolean {
  const share = metrics.signals?.cpu.load?.share;
  return share === undefined ? metrics.locustCpuWarning : share >= LOAD_LIMIT_SHARE;
}
