import type { CellResult } from '../results/schema.js';
import type { RunSample } from '../stats/interval.js';

/**
 * One measurement of the verdict metric. `value` is null when the sample ran but
 * (almost) nothing completed: such a sample is "not measured", never a rate of 0.
 */
export interface VerdictSample {
  value: number | null;
  blocks: number[];
}

/** A sample with fewer successes than this measured nothing worth comparing (the run is too short for that load). */
export const MIN_SUCCESSES = 10;

export function verdictSampleOf(metrics: { steadySrps: number | null; steadyBlocks?: number[]; totalSuccesses: number }): VerdictSample {
  const measured = metrics.steadySrps !== null && metrics.steadySrps > 0 && metrics.totalSuccesses >= MIN_SUCCESSES;
  return { value: measured ? metrics.steadySrps : null, blocks: metrics.steadyBlocks ?? [] };
}

/** A cell's head samples of the verdict metric (steady sRPS): every repeat, or the cell itself. */
export function verdictSamples(cell: CellResult): VerdictSample[] {
  if (cell.samples) {
    return cell.samples.flatMap((sample) => (sample.side === 'head' && sample.status === 'ok' && sample.metrics ? [verdictSampleOf(sample.metrics)] : []));
  }
  return cell.status === 'ok' && cell.metrics ? [verdictSampleOf(cell.metrics)] : [];
}

/** The samples that measured something, as the interval takes them. */
export const measuredSamples = (samples: VerdictSample[]): RunSample[] =>
  samples.flatMap((sample) => (sample.value === null ? [] : [{ value: sample.value, blocks: sample.blocks }]));
