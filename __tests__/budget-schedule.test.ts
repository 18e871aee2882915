import { describe, expect, it } from 'vitest';
import { nextPair, type BudgetState } from '../src/core/plan/budget.js';
import { cellDecided } from '../src/core/compare/decided.js';

const cells = ['a', 'b', 'c'];
const rule = { budgetSeconds: 100, maxPairs: 3 };
const state = (pairs: Record<string, number>, decided: string[] = [], elapsedSeconds = 0): BudgetState => ({
  pairs: new Map(Object.entries(pairs)),
  decided: new Set(decided),
  elapsedSeconds,
});

describe('nextPair: round-robin over the undecided cells within the budget', () => {
  it('gives the next pair to the open cell with the fewest pairs, ties in matrix order', () => {
    expect(nextPair(cells, state({}), rule, 10)).toEqual({ cell: 'a' });
    expect(nextPair(cells, state({ a: 1 }), rule, 10)).toEqual({ cell: 'b' });
    expect(nextPair(cells, state({ a: 1, b: 1, c: 1 }), rule, 10)).toEqual({ cell: 'a' });
    expect(nextPair(cells, state({ a: 1, b: 2, c: 2 }, ['a']), rule, 10)).toEqual({ cell: 'b' });
  });

  it('stops when every cell is decided, or every open one is at its maximum', () => {
    expect(nextPair(cells, state({ a: 1, b: 1, c: 1 }, cells), rule, 10)).toEqual({ stop: 'decided' });
    expect(nextPair(cells, state({ a: 3, b: 3, c: 1 }, ['c']), rule, 10)).toEqual({ stop: 'max-pairs' });
  });

  it('never starts a pair that cannot finish within the budget', () => {
    expect(nextPair(cells, state({}, [], 90), rule, 10)).toEqual({ cell: 'a' });
    expect(nextPair(cells, state({}, [], 91), rule, 10)).toEqual({ stop: 'budget' });
  });
});

describe('cellDecided', () => {
  const signals = (cpu: 'unchanged' | 'inconclusive') => ({
    queries: null,
    cpu: { base: 5, head: 5, interval: null, verdict: cpu },
    db: null,
    memory: null,
    responseBytes: null,
  });
  it('is decided once the cell regressed or improved, whatever else is open', () => {
    expect(cellDecided({ verdict: 'regressed', throughput: 'inconclusive', signals: signals('inconclusive') }, ['throughput', 'cpu'])).toBe(true);
  });
  it('otherwise needs every deciding signal it has decided; one it lacks keeps nothing open', () => {
    const cell = { verdict: 'unchanged' as const, throughput: 'unchanged' as const, signals: signals('inconclusive') };
    expect(cellDecided(cell, ['throughput', 'queries'])).toBe(true);
    expect(cellDecided(cell, ['throughput', 'cpu'])).toBe(false);
    expect(cellDecided({ ...cell, signals: signals('unchanged') }, ['throughput', 'cpu'])).toBe(true);
    expect(cellDecided({ ...cell, throughput: 'inconclusive', verdict: 'inconclusive' }, ['throughput'])).toBe(false);
    expect(cellDecided({ ...cell, throughput: 'not-measured', verdict: 'not-measured' }, ['throughput'])).toBe(true);
  });
});
