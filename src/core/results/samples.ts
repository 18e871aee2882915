import type { CellMetrics, CellOutcome, CellSummaryRecord, Sample } from './schema.js';
import { failedOutcome, measuredOutcome } from './cell.js';

type Spread = CellSummaryRecord['maxSrps'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const spread = (values: number[]): Spread => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

/**
 * A repeated cell from its samples. Its metrics are those of its median sample (by
 * steady sRPS, else max sRPS) with the study's two numbers and the steady sRPS replaced
 * by their medians over the samples, so every reader of `metrics` sees the median; the
 * summary keeps the range. A cell none of whose samples measured anything failed.
 */
type MeasuredSample = Sample & { metrics: CellMetrics };

const measuredOf = (samples: readonly Sample[]): MeasuredSample[] =>
  samples.filter((sample): sample is MeasuredSample => sample.status === 'ok' && sample.metrics !== null);

/** The measured sample in the middle by steady sRPS (else max sRPS), the lower one of an even count; null when none was measured. */
export function medianSample(samples: readonly Sample[]): MeasuredSample | null {
  const key = (metrics: CellMetrics) => metrics.steadySrps ?? metrics.maxSrps;
  const byKey = measuredOf(samples).sort((a, b) => key(a.metrics) - key(b.metrics));
  return byKey[Math.floor((byKey.length - 1) / 2)] ?? null;
}

export function summarizeSamples(samples: Sample[]): { outcome: CellOutcome; summary?: CellSummaryRecord } {
  const measured = measuredOf(samples);
  if (measured.length === 0) {
    return { outcome: failedOutcome(`no repeat was measured: ${samples.map((sample) => `r${sample.repeat}: ${sample.reason ?? 'no numbers'}`).join('; ')}`) };
  }
  const steady = measured.flatMap((sample) => (sample.metrics.steadySrps === null ? [] : [sample.metrics.steadySrps]));
  const middle = medianSample(measured)!.metrics;
  const summary: CellSummaryRecord = {
    measured: measured.length,
    maxSrps: spread(measured.map((sample) => sample.metrics.maxSrps)),
    totalSuccesses: spread(measured.map((sample) => sample.metrics.totalSuccesses)),
    steadySrps: steady.length > 0 ? spread(steady) : null,
  };
  const metrics: CellMetrics = {
    ...middle,
    maxSrps: summary.maxSrps.median,
    totalSuccesses: Math.round(summary.totalSuccesses.median),
    steadySrps: summary.steadySrps?.median ?? null,
  };
  const failed = samples.length - measured.length;
  const warnings = failed > 0 ? [`${failed} of ${samples.length} repeats were not measured; the cell is the median of the others.`] : [];
  return { outcome: measuredOutcome(metrics, warnings), summary };
}
