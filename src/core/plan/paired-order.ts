import type { Cell, PlannedSample } from './cells.js';

/** Which code a sample measures: this checkout (head) or the base commit, on the same runner. */
export type SampleSide = 'base' | 'head';

export interface SidedSample extends PlannedSample {
  side: SampleSide;
}

/** `<cell>/<side>/r<repeat>`: a same-runner run keeps both sides' Locust files, always per repeat. */
export function sidedSampleDir(cellDirName: string, side: SampleSide, repeat: number): string {
  return `${cellDirName}/${side}/r${repeat}`;
}

/**
 * The pairs' order within a repeat: base first in odd repeats, head first in even ones
 * (A B, then B A). Each pair runs back to back, so drift slower than a pair (minutes: a
 * neighbour's job, a CPU governor) hits both sides alike and cancels in the pair's ratio;
 * swapping the order every repeat also cancels a linear trend within the pair and any
 * cost of going first (the first app start after a database restart), which a fixed
 * A B would charge to base every time.
 */
export function sideOrder(repeat: number): [SampleSide, SampleSide] {
  return repeat % 2 === 1 ? ['base', 'head'] : ['head', 'base'];
}

/**
 * Every sample of a same-runner run: repeats interleaved as without a base (every cell
 * once, then again), and inside a repeat each cell's base and head back to back.
 */
export function planSidedSamples(cells: Cell[], repeats: number): SidedSample[] {
  return Array.from({ length: repeats }, (_, i) => i + 1).flatMap((repeat) =>
    cells.flatMap((cell) => sideOrder(repeat).map((side) => ({ cell, repeat, side, dir: sidedSampleDir(cell.dir, side, repeat) }))),
  );
}
