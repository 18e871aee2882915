import type { RegressionSignal } from '../config/schema.js';
import { signalVerdict, type CellComparison, type Verdict } from './verdicts.js';

/** Verdicts that more pairs cannot change: a decision, or nothing to judge. */
const FINAL: ReadonlySet<Verdict> = new Set(['regressed', 'improved', 'unchanged', 'not-measured', 'not-comparable', 'new', 'missing']);

/**
 * Whether a cell needs no more pairs: it regressed or improved (on any signal), or every one of
 * `deciding` (the gate's signals) that the cell has is decided. A signal the cell lacks (no SQL
 * collected) decides nothing, so it does not keep the cell open.
 */
export function cellDecided(cell: Pick<CellComparison, 'verdict' | 'throughput' | 'signals'>, deciding: readonly RegressionSignal[]): boolean {
  if (cell.verdict === 'regressed' || cell.verdict === 'improved') return true;
  return deciding.every((signal) => {
    const verdict = signalVerdict(cell, signal);
    return verdict === null || FINAL.has(verdict);
  });
}
