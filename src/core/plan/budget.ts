/**
 * The budget's schedule: which cell gets the next pair (or repeat), given what is decided and
 * how much time is left. Pure, so the simulations in __tests__ run the very rule the run applies.
 */

export interface BudgetRule {
  /** Measuring time the run may spend, in seconds. */
  budgetSeconds: number;
  /** At most this many pairs (or repeats) a cell: the run's `repeats`, and the looks the intervals allow for. */
  maxPairs: number;
}

export interface BudgetState {
  /** Pairs measured so far, per cell id (absent: none). */
  pairs: ReadonlyMap<string, number>;
  /** Cells whose every deciding signal is decided (core/compare/decided.ts): they get no more pairs. */
  decided: ReadonlySet<string>;
  /** Measuring time spent so far, in seconds. */
  elapsedSeconds: number;
}

/** Why the schedule stopped, for the report. */
export type BudgetStop = 'decided' | 'max-pairs' | 'budget';

export type NextPair = { cell: string } | { stop: BudgetStop };

/**
 * The undecided cell with the fewest pairs (ties: matrix order), so pairs go round-robin to what
 * is still open; none once every cell is decided or at its maximum, or when a pair of
 * `pairSeconds` would overrun the budget (a pair never starts that cannot finish in it).
 */
export function nextPair(cellIds: readonly string[], state: BudgetState, rule: BudgetRule, pairSeconds: number): NextPair {
  const open = cellIds.filter((id) => !state.decided.has(id));
  if (open.length === 0) return { stop: 'decided' };
  const pairsOf = (id: string) => state.pairs.get(id) ?? 0;
  const wanting = open.filter((id) => pairsOf(id) < rule.maxPairs);
  if (wanting.length === 0) return { stop: 'max-pairs' };
  if (state.elapsedSeconds + pairSeconds > rule.budgetSeconds) return { stop: 'budget' };
  const fewest = Math.min(...wanting.map(pairsOf));
  return { cell: wanting.find((id) => pairsOf(id) === fewest)! };
}
