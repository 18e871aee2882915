/**
 * The measuring phase: every planned sample in order, each against a target of its own (its side's
 * app, its setup, the chosen latency method), results.json rewritten after each one.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CELL_FILES, readCell } from '../core/ingest/cell.js';
import { planSamples, type PlannedSample } from '../core/plan/cells.js';
import { parseCellRecord, serializeCellRecord } from '../core/results/cell-record.js';
import { planSidedSamples, type SampleSide } from '../core/plan/paired-order.js';
import type { Baseline } from '../core/compare/baseline.js';
import type { BudgetRecord } from '../core/results/schema.js';
import type { Sides } from './base-side.js';
import { runCell } from './cell-runner.js';
import type { Runner } from './exec/command.js';
import type { Logger } from './log.js';
import { writeResults, type OwnedOutFolder } from './out-dir.js';
import { progressLine, watchCell, type LiveViewOptions } from './progress.js';
import type { SampleTarget } from './project.js';
import type { RunPlan } from './run-plan.js';
import type { Stack } from './stack.js';

export type Sample = PlannedSample & { side?: SampleSide };

export interface Measurement {
  run: Runner;
  log: Logger;
  plan: RunPlan;
  owned: OwnedOutFolder;
  /** Head's stack with the chosen latency method: every sample's target is made from its. */
  head: Stack;
  sides: Sides | null;
  /** The signal that stops the run, once one came: no sample starts after it. */
  interrupted: () => string | null;
  live?: LiveViewOptions | undefined;
  /** Under a budget: the baseline each cell is judged against when it is not the base side (a file, the paper); null: none. */
  baseline?: Baseline | null;
  /** Under a budget: its clock in milliseconds (tests pass their own). */
  now?: () => number;
}

/** How many samples this run measured, and the failure that stopped it (null: none). Never throws. */
export interface MeasureOutcome {
  measured: number;
  failure: unknown;
  /** Under a budget: what it bought, for the final results.json. */
  budget?: BudgetRecord;
}

/** The samples still to measure: repeats interleave (every cell once, then again), so runner drift touches every cell alike. */
function samplesToRun(plan: RunPlan, owned: OwnedOutFolder, sided: boolean): Sample[] {
  const cells = plan.cells.filter((cell) => !owned.kept.has(cell.id));
  return sided ? planSidedSamples(cells, plan.config.repeats) : planSamples(cells, plan.config.repeats);
}

/** What one sample runs against: its side's app, its cell's setup, the run's latency method. */
function sampleTarget(head: SampleTarget, sample: Sample, sides: Sides | null): SampleTarget {
  const side = sides && sample.side ? sample.side : null;
  return { side, app: side ? sides!.app(side) : head.app, latencyMethod: head.latencyMethod, setup: sample.cell.setup };
}

/** Measures every planned sample (fixed repeats); under a budget, measure-budget.ts measures pair by pair instead. */
export async function measure(m: Measurement): Promise<MeasureOutcome> {
  const samples = samplesToRun(m.plan, m.owned, m.sides !== null);
  const state = newSampleState();
  try {
    for (const [index, sample] of samples.entries()) {
      if (m.interrupted()) break;
      if (!(await measureSample(m, state, sample, { index, total: samples.length }))) break;
    }
    return { measured: state.measured, failure: null };
  } catch (failure) {
    return { measured: state.measured, failure };
  }
}

/** What the samples of one measuring phase share: the setup running, the cells already emptied, the count. */
export interface SampleState {
  setup: string | null;
  cellsStarted: Set<string>;
  measured: number;
  loopStart: number;
}

export const newSampleState = (): SampleState => ({ setup: null, cellsStarted: new Set(), measured: 0, loopStart: Date.now() });

/**
 * One sample, against its own target; results.json rewritten after it (with the budget's record so
 * far, under a budget). False when a signal cut it short (it is marked so and not counted); a
 * failure of the stack throws.
 */
export async function measureSample(
  m: Measurement,
  state: SampleState,
  sample: Sample,
  at: { index: number; total: number; budgetEndMs?: number },
  budget?: BudgetRecord,
): Promise<boolean> {
  const { plan } = m;
  const stack = m.head.at(sampleTarget(m.head.target, sample, m.sides));
  // A setup of its own: its override, and its database (recreated when max_connections changed).
  if (sample.cell.setup.name !== state.setup) {
    state.setup = sample.cell.setup.name;
    await stack.writeSetupOverride();
    await stack.startDatabase();
  }
  // A cell measured again starts empty at its first sample (the first repeat of its first
  // side): no sample of an earlier attempt stays beside this one's (see planResume).
  if ((plan.config.repeats > 1 || m.sides) && !state.cellsStarted.has(sample.cell.id)) {
    state.cellsStarted.add(sample.cell.id);
    await rm(join(plan.out.cellsDir, sample.cell.dir), { recursive: true, force: true });
  }
  const watch = m.live ? liveView(m.live, plan, { ...at, id: sample.cell.id, loopStart: state.loopStart }) : undefined;
  const record = await runCell(m.run, stack, sample.cell, plan.config.load, plan.out.cellsDir, { sampleDir: sample.dir, watch });
  const signal = m.interrupted();
  if (signal) {
    await markInterrupted(join(plan.out.cellsDir, sample.dir), signal);
    return false;
  }
  state.measured += 1;
  await writeResults(plan.out, plan.config, plan.started, m.owned, budget);
  const label = sampleLabel(sample, plan.config.repeats);
  const reading = await readCell(join(plan.out.cellsDir, sample.dir));
  const left = at.budgetEndMs === undefined ? undefined : (at.budgetEndMs - Date.now()) / 1000;
  m.log.info(progressLine(at.index, at.total, label, (Date.now() - plan.started.getTime()) / 1000, reading, left));
  for (const warning of record.warnings) m.log.warning(`${label}: ${warning}`);
  return true;
}

/** The live view of one sample's load; the samples after it take what the samples so far took on average. */
function liveView(live: LiveViewOptions, plan: RunPlan, at: { index: number; total: number; id: string; loopStart: number; budgetEndMs?: number }) {
  const runTimeSeconds = plan.config.load.runTimeSeconds;
  // Before the first sample: the load time plus a little.
  const perCell = at.index > 0 ? (Date.now() - at.loopStart) / 1000 / at.index : runTimeSeconds + 5;
  const pace = (at.total - at.index - 1) * perCell;
  // Under a budget: never beyond what it has left after this sample.
  const laterSeconds = at.budgetEndMs === undefined ? pace : Math.min(pace, Math.max(0, (at.budgetEndMs - Date.now()) / 1000 - runTimeSeconds));
  return (dir: string) => watchCell(join(dir, CELL_FILES.history), { index: at.index, total: at.total, id: at.id, runTimeSeconds, laterSeconds }, live);
}

function sampleLabel(sample: Sample, repeats: number): string {
  const { cell, repeat } = sample;
  return sample.side ? `${cell.id} r${repeat} ${sample.side}` : repeats > 1 ? `${cell.id} r${repeat}` : cell.id;
}

/** A cell cut short by a signal is not a measurement: its numbers cover part of the load. */
async function markInterrupted(dir: string, signal: string): Promise<void> {
  const path = join(dir, CELL_FILES.runner);
  const parsed = parseCellRecord(CELL_FILES.runner, await readFile(path, 'utf8').catch(() => '{}'));
  const record = 'record' in parsed ? parsed.record : {};
  await writeFile(path, serializeCellRecord({ ...record, error: `interrupted by ${signal} before the cell finished` }));
}
