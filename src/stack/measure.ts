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
import type { Sides } from './base-side.js';
import { runCell } from './cell-runner.js';
import type { Runner } from './exec/command.js';
import type { Logger } from './log.js';
import { writeResults, type OwnedOutFolder } from './out-dir.js';
import { progressLine, watchCell, type LiveViewOptions } from './progress.js';
import type { SampleTarget } from './project.js';
import type { RunPlan } from './run-plan.js';
import type { Stack } from './stack.js';

type Sample = PlannedSample & { side?: SampleSide };

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
}

/** How many samples this run measured, and the failure that stopped it (null: none). Never throws. */
export interface MeasureOutcome {
  measured: number;
  failure: unknown;
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

export async function measure(m: Measurement): Promise<MeasureOutcome> {
  const { plan } = m;
  const samples = samplesToRun(plan, m.owned, m.sides !== null);
  const loopStart = Date.now();
  const cellsStarted = new Set<string>();
  let measured = 0;
  let setup: string | null = null;
  try {
    for (const [index, sample] of samples.entries()) {
      if (m.interrupted()) break;
      const stack = m.head.at(sampleTarget(m.head.target, sample, m.sides));
      // A setup of its own: its override, and its database (recreated when max_connections changed).
      if (sample.cell.setup.name !== setup) {
        setup = sample.cell.setup.name;
        await stack.writeSetupOverride();
        await stack.startDatabase();
      }
      // A cell measured again starts empty at its first sample (the first repeat of its first
      // side): no sample of an earlier attempt stays beside this one's (see planResume).
      if ((plan.config.repeats > 1 || m.sides) && !cellsStarted.has(sample.cell.id)) {
        cellsStarted.add(sample.cell.id);
        await rm(join(plan.out.cellsDir, sample.cell.dir), { recursive: true, force: true });
      }
      const watch = m.live ? liveView(m.live, plan, { index, total: samples.length, id: sample.cell.id, loopStart }) : undefined;
      const record = await runCell(m.run, stack, sample.cell, plan.config.load, plan.out.cellsDir, { sampleDir: sample.dir, watch });
      const signal = m.interrupted();
      if (signal) {
        await markInterrupted(join(plan.out.cellsDir, sample.dir), signal);
        break;
      }
      measured += 1;
      await writeResults(plan.out, plan.config, plan.started, m.owned);
      const label = sampleLabel(sample, plan.config.repeats);
      const reading = await readCell(join(plan.out.cellsDir, sample.dir));
      m.log.info(progressLine(index, samples.length, label, (Date.now() - plan.started.getTime()) / 1000, reading));
      for (const warning of record.warnings) m.log.warning(`${label}: ${warning}`);
    }
    return { measured, failure: null };
  } catch (failure) {
    return { measured, failure };
  }
}

/** The live view of one sample's load; the samples after it take what the samples so far took on average. */
function liveView(live: LiveViewOptions, plan: RunPlan, at: { index: number; total: number; id: string; loopStart: number }) {
  const runTimeSeconds = plan.config.load.runTimeSeconds;
  // Before the first sample: the load time plus a little.
  const perCell = at.index > 0 ? (Date.now() - at.loopStart) / 1000 / at.index : runTimeSeconds + 5;
  const laterSeconds = (at.total - at.index - 1) * perCell;
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
