import type { CellResult, Results, Sample } from '../results/schema.js';
import type { SamplePair } from '../stats/paired.js';
import { verdictSampleOf, type VerdictSample } from './samples.js';

export type Side = Sample['side'];

/** A cell's measured samples of one side, in repeat order. */
export function sideSamples(cell: CellResult, side: Side): Sample[] {
  return (cell.samples ?? []).filter((sample) => sample.side === side).sort((a, b) => a.repeat - b.repeat);
}

export const verdictOf = (sample: Sample): VerdictSample | null => (sample.status === 'ok' && sample.metrics ? verdictSampleOf(sample.metrics) : null);

/** Whether these results measured the base beside head (a same-runner run). */
export const hasBaseSide = (results: Results): boolean => results.cells.some((cell) => sideSamples(cell, 'base').length > 0);

/**
 * The pairs of a cell: each repeat whose base and head samples both measured a rate.
 * A repeat with one side unmeasured drops out whole, so no pair mixes repeats.
 */
export function samplePairs(cell: CellResult): SamplePair[] {
  const heads = new Map(sideSamples(cell, 'head').map((sample) => [sample.repeat, verdictOf(sample)]));
  return sideSamples(cell, 'base').flatMap((sample) => {
    const base = verdictOf(sample);
    const head = heads.get(sample.repeat);
    return base?.value && head?.value ? [{ base: { value: base.value, blocks: base.blocks }, head: { value: head.value, blocks: head.blocks } }] : [];
  });
}

/** `base 1a2b3c4 (same runner, alternating)`: what the report calls the baseline. */
export function baseLabel(results: Results): string {
  const commit = results.environment.base?.commit;
  return `base ${commit ? commit.slice(0, 7) : (results.config.compare.baseRef ?? 'commit')} (same runner, alternating with head)`;
}
