/** --resume: whether an earlier run measured with the same instrument, and which of its cells are kept. */
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Config } from '../core/config/build.js';
import { readCell } from '../core/ingest/cell.js';
import { cellLatencyMethod, CELLS_FOLDER } from '../core/ingest/run-dir.js';
import { sampleDir, type Cell } from '../core/plan/cells.js';
import type { Environment } from '../core/results/environment.js';
import type { Results } from '../core/results/results.js';

/** `users 500 → 100`: one difference, named as the user sets it. */
const change = (name: string, before: unknown, after: unknown): string => `${name} ${show(before)} → ${show(after)}`;
const show = (value: unknown): string => (value === null || value === undefined ? 'none' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/**
 * What makes every cell of a run a different measurement: the load, the app, the
 * latency method asked for, the seed, the shard. Setups and routes are compared
 * per cell (see cellsToKeep), so a run can grow by a latency or a setup and resume.
 */
export function configDifferences(before: Config, now: Config): string[] {
  const fields: [string, unknown, unknown][] = [
    ['users', before.load.users, now.load.users],
    ['spawn-rate', before.load.spawnRate, now.load.spawnRate],
    ['run-time', `${before.load.runTimeSeconds}s`, `${now.load.runTimeSeconds}s`],
    ['processes', before.load.processes, now.load.processes],
    ['repeats', before.repeats, now.repeats],
    ['seed-posts', before.seedPosts, now.seedPosts],
    ['latency-method', before.latencyMethod, now.latencyMethod],
    ['shard', before.shard && `${before.shard.index}/${before.shard.total}`, now.shard && `${now.shard.index}/${now.shard.total}`],
  ];
  const differences = fields.filter(([, a, b]) => !isDeepStrictEqual(a, b)).map(([name, a, b]) => change(name, a, b));
  if (!isDeepStrictEqual(before.app, now.app)) differences.push(`the app definition (${before.app.name} → ${now.app.name})`);
  return differences;
}

/**
 * What makes the stack a different instrument: the engine, the versions inside
 * the images (Python, Django, servers, Locust, PostgreSQL, base image), the CPUs
 * Docker has, and the latency method that ran.
 */
export function environmentDifferences(before: Environment, now: Environment): string[] {
  const fields: [string, unknown, unknown][] = [
    ['Docker', before.docker, now.docker],
    ['Compose', before.compose, now.compose],
    ['CPUs', before.cpuCount, now.cpuCount],
    ['latency method', before.latencyMethod, now.latencyMethod],
    ...[...new Set([...Object.keys(before.stack), ...Object.keys(now.stack)])].map((name): [string, unknown, unknown] => [
      name,
      before.stack[name],
      now.stack[name],
    ]),
  ];
  return fields.filter(([, a, b]) => (a ?? null) !== (b ?? null)).map(([name, a, b]) => change(name, a, b));
}

export interface ResumePlan {
  /** Cell id → createdAt of the attempt that measured it; these are not run again. */
  kept: Map<string, string>;
  /** Cells the earlier attempt measured that run again, with why. */
  remeasured: { id: string; why: string }[];
}

/**
 * The cells of `cells` an earlier attempt already measured under the same
 * definitions: ok in its results.json, still readable on disk, same setup and
 * route definitions, same latency method. A cell kept twice keeps its first origin.
 *
 * With repeats, a cell is kept only when every repeat was measured. One with some
 * repeats measured runs again in full: its missing repeats alone would run back to
 * back (not interleaved with the other cells) in another session, so its spread
 * would mix two sessions' drift and miss this one's; run.ts clears its folder when
 * its first repeat starts again, so its samples always come from one attempt.
 */
export async function planResume(outDir: string, earlier: Results, cells: Cell[], latencyMethod: string): Promise<ResumePlan> {
  const plan: ResumePlan = { kept: new Map(), remeasured: [] };
  for (const cell of cells) {
    const before = earlier.cells.find((c) => c.id === cell.id);
    if (before?.status !== 'ok') continue;
    const why =
      earlier.config.budgetSeconds !== null
        ? await undecidedUnderBudget(outDir, earlier, before, cell, latencyMethod)
        : (unmeasuredRepeats(before, earlier.config.repeats) ?? (await reasonToRemeasure(outDir, earlier, cell, latencyMethod)));
    if (why) plan.remeasured.push({ id: cell.id, why });
    else plan.kept.set(cell.id, before.resumedFrom ?? earlier.createdAt);
  }
  return plan;
}

/**
 * Under a budget a cell is kept when the earlier attempt decided it and every sample it recorded
 * still reads as measured: an undecided one is measured again from its first pair, so its pairs
 * come from one session, like the repeats of a fixed run.
 */
async function undecidedUnderBudget(
  outDir: string,
  earlier: Results,
  before: Results['cells'][number],
  cell: Cell,
  latencyMethod: string,
): Promise<string | null> {
  if (!earlier.budget?.cells[cell.id]?.decided) return 'the budget left it undecided; its pairs run again, from the first';
  const changed = definitionChange(earlier, cell);
  if (changed) return changed;
  // One pair at most (repeats 1): the cell's folder is its one sample.
  const samples = before.samples ?? [{ dir: before.dir, status: 'ok' as const }];
  for (const sample of samples.filter((recorded) => recorded.status === 'ok')) {
    const path = join(outDir, sample.dir);
    const reading = await readCell(path);
    if (reading.status !== 'ok') return `its sample ${sample.dir} no longer reads as measured (${reading.reason})`;
    const method = await cellLatencyMethod(path);
    if (method !== null && method !== latencyMethod) return `its sample ${sample.dir} ran with ${method}, this run with ${latencyMethod}`;
  }
  return null;
}

/** Why a repeated cell is not complete (some repeat failed or never ran); null when every repeat was measured. */
function unmeasuredRepeats(cell: Results['cells'][number], repeats: number): string | null {
  if (repeats === 1) return null;
  const measured = (cell.samples ?? []).filter((sample) => sample.status === 'ok').length;
  if (measured === repeats) return null;
  return `${measured} of its ${repeats} repeats were measured; all ${repeats} run again, interleaved with the other cells`;
}

/** A cell's setup or route defined otherwise now than when the earlier attempt measured it; null: the same. */
function definitionChange(earlier: Results, cell: Cell): string | null {
  if (
    !isDeepStrictEqual(
      earlier.config.setups.find((s) => s.name === cell.setup.name),
      cell.setup,
    )
  )
    return `setup ${cell.setup.name} is defined differently now`;
  if (
    !isDeepStrictEqual(
      earlier.config.routes.find((r) => r.name === cell.route.name),
      cell.route,
    )
  )
    return `route ${cell.route.name} is defined differently now`;
  return null;
}

async function reasonToRemeasure(outDir: string, earlier: Results, cell: Cell, latencyMethod: string): Promise<string | null> {
  const changed = definitionChange(earlier, cell);
  if (changed) return changed;
  const { repeats } = earlier.config;
  for (let repeat = 1; repeat <= repeats; repeat += 1) {
    const dir = join(outDir, CELLS_FOLDER, sampleDir(cell.dir, repeat, repeats));
    const which = repeats === 1 ? 'its folder' : `its repeat ${repeat}`;
    const reading = await readCell(dir);
    if (reading.status !== 'ok') return `${which} no longer reads as measured (${reading.reason})`;
    const method = await cellLatencyMethod(dir);
    if (method !== null && method !== latencyMethod) return `${repeats === 1 ? 'it' : which} ran with ${method}, this run with ${latencyMethod}`;
  }
  return null;
}
