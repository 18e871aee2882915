/**
 * The measuring phase under a budget: pair by pair (base and head back to back, the order
 * alternating; without baseline: base, one repeat at a time), each to the undecided cell with
 * the fewest pairs (nextPair), until every cell is decided or at its maximum (`repeats`), or
 * the next pair could not finish in the budget. After each pair results.json is rewritten
 * and every cell judged again (judgeBudget): a decided cell gets no more pairs.
 */
import { judgeBudget } from '../core/compare/budget-judge.js';
import { firstPairSeconds } from '../core/config/build.js';
import { sampleDir, type Cell } from '../core/plan/cells.js';
import { nextPair, type BudgetStop } from '../core/plan/budget.js';
import { sidedSampleDir, sideOrder } from '../core/plan/paired-order.js';
import type { BudgetRecord, BudgetRunStop } from '../core/results/schema.js';
import { measureSample, newSampleState, type Measurement, type MeasureOutcome, type Sample } from './measure.js';
import { writeResults } from './out-dir.js';
import { formatDuration } from './progress.js';

/** What the loop knows between pairs: pairs per cell, the cells decided, the longest pair timed (null: none yet). */
interface BudgetProgress {
  pairs: Map<string, number>;
  decided: Set<string>;
  /** Open cells more pairs would very likely not decide (judgeBudget): they get no more either. */
  futile: Set<string>;
  longestSeconds: number | null;
  /** Until the loop stops, `interrupted`: what a results.json left by a killed run should say. */
  stoppedBy: BudgetRunStop;
}

/** One pair of a cell (or one repeat, without a base side): its samples in order. */
function pairSamples(cell: Cell, pair: number, sided: boolean, repeats: number): Sample[] {
  if (!sided) return [{ cell, repeat: pair, dir: sampleDir(cell.dir, pair, repeats) }];
  return sideOrder(pair).map((side) => ({ cell, repeat: pair, side, dir: sidedSampleDir(cell.dir, side, pair) }));
}

export async function measureWithinBudget(m: Measurement): Promise<MeasureOutcome> {
  const { config } = m.plan;
  const clock = m.now ?? Date.now;
  const cells = m.plan.cells.filter((cell) => !m.owned.kept.has(cell.id));
  const ids = cells.map((cell) => cell.id);
  const sided = m.sides !== null;
  const rule = { budgetSeconds: config.budgetSeconds!, maxPairs: config.repeats };
  const progress: BudgetProgress = { pairs: new Map(), decided: new Set(), futile: new Set(), longestSeconds: null, stoppedBy: 'interrupted' };
  const state = newSampleState();
  // The budget counts from the run's start (images, seeding and preflight included): a verdict within
  // 15 minutes of the job, not of its pairs. An injected clock (tests) starts with the loop.
  const start = m.now ? clock() : m.plan.started.getTime();
  const elapsed = () => (clock() - start) / 1000;
  // A resumed run keeps the cells the earlier attempt decided (planResume), with the pairs it recorded.
  const earlier = m.plan.out.earlier?.results?.budget?.cells ?? {};
  const kept = Object.fromEntries([...m.owned.kept.keys()].flatMap((id) => (earlier[id] ? [[id, earlier[id]] as const] : [])));
  const record = (): BudgetRecord => budgetRecord(config, progress, elapsed(), kept);
  // The most samples the loop may take, for the progress line's count.
  const total = ids.length * config.repeats * (sided ? 2 : 1);
  try {
    for (;;) {
      if (m.interrupted()) return stopped(m, progress, 'interrupted', state.measured, record);
      const estimate = progress.longestSeconds ?? firstPairSeconds(config).seconds;
      const closed = new Set([...progress.decided, ...progress.futile]);
      const next = nextPair(ids, { pairs: progress.pairs, decided: closed, elapsedSeconds: elapsed() }, rule, estimate);
      if ('stop' in next) return stopped(m, progress, next.stop === 'decided' && progress.futile.size > 0 ? 'futile' : next.stop, state.measured, record);
      const cell = cells.find((candidate) => candidate.id === next.cell)!;
      const pair = (progress.pairs.get(cell.id) ?? 0) + 1;
      const pairStart = clock();
      for (const sample of pairSamples(cell, pair, sided, config.repeats)) {
        if (!(await measureSample(m, state, sample, { index: state.measured, total, budgetEndMs: start + rule.budgetSeconds * 1000 }, record()))) {
          return stopped(m, progress, 'interrupted', state.measured, record);
        }
      }
      progress.pairs.set(cell.id, pair);
      progress.longestSeconds = Math.max(progress.longestSeconds ?? 0, (clock() - pairStart) / 1000);
      const results = await writeResults(m.plan.out, config, m.plan.started, m.owned, record());
      // Only cells that have a pair can be decided: the rest read "not run" until theirs.
      const judged = judgeBudget(results, m.baseline ?? null);
      const measuredNow = (id: string) => (progress.pairs.get(id) ?? 0) > 0;
      progress.decided = new Set(ids.filter((id) => judged.decided.has(id) && measuredNow(id)));
      // A cell at its maximum stops for that (max-pairs), not for futility.
      progress.futile = new Set(ids.filter((id) => judged.futile.has(id) && measuredNow(id) && progress.pairs.get(id)! < rule.maxPairs));
      m.log.info(budgetLine(cell.id, pair, progress, elapsed(), rule.budgetSeconds, ids.length));
    }
  } catch (failure) {
    progress.stoppedBy = 'failed';
    return { measured: state.measured, failure, budget: record() };
  }
}

function stopped(
  m: Measurement,
  progress: BudgetProgress,
  why: BudgetStop | 'futile' | 'interrupted',
  measured: number,
  record: () => BudgetRecord,
): MeasureOutcome {
  progress.stoppedBy = why;
  m.log.info(`budget: stopped (${STOP_TEXT[why]}) after ${[...progress.pairs.values()].reduce((sum, n) => sum + n, 0)} pairs.`);
  return { measured, failure: null, budget: record() };
}

const STOP_TEXT: Record<BudgetStop | 'futile' | 'interrupted', string> = {
  decided: 'every cell decided',
  futile: 'the cells left open would need far more pairs than repeats allows',
  'max-pairs': 'every open cell at its maximum pairs',
  budget: 'the next pair would overrun the budget',
  interrupted: 'interrupted',
};

/** `budget: sync/cpu/0ms pair 2 · 3 of 8 cells decided · 4m10s of 15m0s spent`. */
function budgetLine(id: string, pair: number, progress: BudgetProgress, elapsedSeconds: number, budgetSeconds: number, cells: number): string {
  const state = progress.decided.has(id) ? 'decided' : progress.futile.has(id) ? 'futile: more pairs would not decide it' : 'open';
  return (
    `budget: ${id} pair ${pair} (${state}) · ${progress.decided.size} of ${cells} cells decided · ` +
    `${formatDuration(elapsedSeconds)} of ${formatDuration(budgetSeconds)} spent`
  );
}

/** The record results.json keeps: this run's budget, its time spent, why it stopped, every cell's pairs. */
function budgetRecord(config: Measurement['plan']['config'], progress: BudgetProgress, spentSeconds: number, kept: BudgetRecord['cells']): BudgetRecord {
  const cells = { ...kept, ...Object.fromEntries([...progress.pairs].map(([id, pairs]) => [id, { pairs, decided: progress.decided.has(id) }])) };
  return {
    runs: [{ shard: config.shard, budgetSeconds: config.budgetSeconds!, spentSeconds: Math.round(spentSeconds * 10) / 10, stoppedBy: progress.stoppedBy }],
    cells,
  };
}
