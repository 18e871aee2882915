import { isPrecise, pairsToDecide, precisionInterval } from '../compare/budget-judge.js';
import { cellDecided } from '../compare/decided.js';
import { measuresBaseSide } from '../config/baseline.js';
import type { CellComparison, Comparison } from '../compare/verdicts.js';
import type { BudgetRecord, BudgetRunStop, Results } from '../results/schema.js';
import type { ChangeInterval } from '../stats/interval.js';
import { code } from './escape.js';
import { formatChange, formatPercent } from './format.js';
import { formatInterval, VERDICT_MARK, VERDICT_WORD } from './verdict-text.js';

/** What the budget bought, for the comment: the time it spent, why it stopped, per cell the pairs and whether they decided it. */

const STOPPED: Record<BudgetRunStop, string> = {
  decided: 'every cell decided',
  futile: 'the cells left open would need far more pairs than repeats allows',
  'max-pairs': 'every open cell reached its maximum pairs',
  budget: 'the next pair would not have fit',
  interrupted: 'interrupted',
  failed: 'a failure stopped it',
};

const minutes = (seconds: number): string => (seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`);

/** What a cell's row says: its interval and whether it is decided, from the comparison or, without one, its own precision. */
interface BudgetRow {
  id: string;
  pairs: number;
  decided: boolean;
  word: string;
  interval: ChangeInterval | null;
}

function rowOf(results: Results, comparison: Comparison | null, id: string, pairs: number): BudgetRow {
  const { failOnSignals } = results.config.compare;
  if (!comparison) {
    if (results.cells.find((cell) => cell.id === id)?.status !== 'ok') return { id, pairs, decided: true, word: 'failed', interval: null };
    const decided = isPrecise(results, id);
    return { id, pairs, decided, word: decided ? 'precise' : 'imprecise', interval: precisionInterval(results, id) };
  }
  const cell: CellComparison | undefined = comparison.cells.get(id);
  if (!cell) return { id, pairs, decided: false, word: 'not compared', interval: null };
  const mark = VERDICT_MARK[cell.verdict];
  return { id, pairs, decided: cellDecided(cell, failOnSignals), word: `${mark ? `${mark} ` : ''}${VERDICT_WORD[cell.verdict]}`, interval: cell.interval };
}

/** `≈ 9 pairs (6 more, ≈ 5 min)`, past the run's maximum said so, or why there is no estimate. */
function estimateText(row: BudgetRow, pace: { threshold: number; secondsPerPair: number | null; unit: string; maximum: number }): string {
  if (row.decided) return '—';
  if (!row.interval) return 'no interval to extend';
  const needed = pairsToDecide(row.interval, pace.threshold, row.pairs);
  if (needed === null) return 'on the threshold: no estimate';
  const more = needed - row.pairs;
  const time = pace.secondsPerPair !== null ? `, ≈ ${minutes(more * pace.secondsPerPair)}` : '';
  const beyond = needed > pace.maximum ? `; beyond repeats ${pace.maximum}` : '';
  return `≈ ${needed} ${pace.unit} (${more} more${time}${beyond})`;
}

/** `15 min budget: 12 min spent, stopped because …` per run (a merge of shards: per shard). */
function runLines(budget: BudgetRecord): string[] {
  return budget.runs.map((run) => {
    const shard = run.shard ? `shard ${run.shard.index}/${run.shard.total}: ` : '';
    return `${shard}${minutes(run.spentSeconds)} of ${minutes(run.budgetSeconds)} spent, stopped because ${STOPPED[run.stoppedBy]}`;
  });
}

/** The first lines: what the budget bought in one sentence, whatever the size of the matrix (the section's floor). */
export function budgetSummary(results: Results, comparison: Comparison | null): string {
  const { budget } = results;
  if (!budget) return '';
  const ids = Object.keys(budget.cells);
  const decided = ids.filter((id) => rowOf(results, comparison, id, budget.cells[id]!.pairs).decided).length;
  const pairs = ids.reduce((sum, id) => sum + budget.cells[id]!.pairs, 0);
  const unit = measuredInPairs(results) ? 'pairs' : 'repeats';
  return `**Budget**: ${runLines(budget).join('; ')}. ${pairs} ${unit} decided ${decided} of ${ids.length} cells.`;
}

const measuredInPairs = (results: Results): boolean => measuresBaseSide(results.config.compare.baseline);

/**
 * Per cell the pairs it took and whether they decided it; for an open cell, its interval and about
 * how many pairs would likely decide it (pairsToDecide: an estimate from how intervals shrink), in
 * minutes at the run's own pace. Without a baseline, decided means the cell's own interval lies
 * within ±threshold (precise).
 */
export function renderBudget(results: Results, comparison: Comparison | null): string {
  const { budget } = results;
  if (!budget) return '';
  const threshold = results.config.compare.threshold;
  const entries = Object.entries(budget.cells);
  const spent = budget.runs.reduce((sum, run) => sum + run.spentSeconds, 0);
  const total = entries.reduce((sum, [, cell]) => sum + cell.pairs, 0);
  const secondsPerPair = total > 0 ? spent / total : null;
  const unit = measuredInPairs(results) ? 'pairs' : 'repeats';
  const pace = { threshold, secondsPerPair, unit, maximum: results.config.repeats };
  const rows = entries.map(([id, cell]) => {
    const row = rowOf(results, comparison, id, cell.pairs);
    const interval = row.interval ? (comparison ? formatInterval(row.interval) : `±${formatChange(row.interval.upper).slice(1)}`) : '—';
    return `| ${code(id)} | ${row.pairs} | ${row.decided ? 'yes' : 'no'} (${row.word}) | ${row.decided ? '—' : interval} | ${estimateText(row, pace)} |`;
  });
  return [
    budgetSummary(results, comparison),
    '',
    `| Cell | ${unit === 'pairs' ? 'Pairs' : 'Repeats'} | Decided | Interval (open cells) | Would likely decide it (an estimate) |`,
    '| --- | ---: | --- | --- | --- |',
    ...rows,
    '',
    `<sub>An open cell's estimate is n × (half-width ÷ room)², room being how far its interval must narrow to clear the threshold ` +
      `(${formatPercent(threshold)}) or sit within it; it assumes the estimate holds still. Time at the run's pace.</sub>`,
  ].join('\n');
}
