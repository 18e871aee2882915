import type { Signals } from '../results/schema.js';
import { decide, type IntervalVerdict } from '../stats/decide.js';
import { median } from '../stats/describe.js';
import { relativeChangeInterval, type ChangeInterval } from '../stats/interval.js';
import type { NoiseFloor } from '../stats/noise.js';
import { pairedChangeInterval } from '../stats/paired.js';
import { compareQueries, sameCount, type QueryComparison } from './queries.js';
import { pairsOf, type SignalSample } from './signal-samples.js';

/** A signal's verdict; not-measured when a side had no positive value to compare. */
export type SignalVerdict = IntervalVerdict | 'not-measured';

export type MeteredSignal = 'cpu' | 'db' | 'memory';

/** A metered signal of both sides: the medians, the relative change with its interval, the rule. */
export interface MeteredComparison {
  base: number;
  head: number;
  interval: ChangeInterval | null;
  verdict: SignalVerdict;
}

export interface CellSignals {
  /** Exact unless a side's count varies; null when a side collected no SQL. */
  queries: (QueryComparison & { verdict: SignalVerdict }) | null;
  cpu: MeteredComparison | null;
  db: MeteredComparison | null;
  memory: MeteredComparison | null;
  /** Shown beside the others ("bigger responses" is a likely why), never judged. */
  responseBytes: { base: number; head: number } | null;
}

/** How to read one metered signal off a sample. */
export const METERED: Record<MeteredSignal, (signals: Signals) => number | null> = {
  cpu: (signals) => signals.cpu.app?.perRequestMs ?? null,
  db: (signals) => signals.sql?.perRequest.dbMs ?? null,
  memory: (signals) => signals.memory.appPeakBytes,
};

/**
 * The between-run noise each signal's intervals assume until the samples show more: the
 * prior of the same interval the throughput uses (core/stats/interval.ts, paired.ts), with
 * the df of one A/A cell's 6 samples. Measured on the reference app (docs/verdicts.md "Signals
 * beside the throughput", two A/A runs, 12 cells): DB time per request 7.0–26.4 % CoV a cell,
 * floor the median cell's, 15 % (a floor is a typical cell's noise, not the quietest's, or one
 * pair would raise false alarms in the noisier half). Peak memory: 0.2–0.8 % in A/A, but its
 * peak jumps by ~13 % in about one sample of ten (start-up); 3 % keeps one such jump in one
 * pair inconclusive. Queries per request never varied (CoV 0 in every A/A cell): their floor
 * only serves a count that does vary (window edges), kept at 2 %. CPU per request: cpuNoise.
 */
export const SIGNAL_NOISE: Record<Exclude<MeteredSignal, 'cpu'> | 'queries', NoiseFloor> = {
  queries: { cov: 0.02, df: 2, source: 'default for queries per request (never varied in A/A)' },
  db: { cov: 0.15, df: 5, source: 'A/A median cell for DB time per request' },
  memory: { cov: 0.03, df: 5, source: 'A/A peak memory, its rare jumps included' },
};

/**
 * The app's CPU per request jitters by about as many milliseconds on every route (A/A: sd
 * 0.42–0.65 ms a request, median 0.5 ms, on routes of 4–7 ms: 7–11 % CoV; the `cpu` route's
 * 272 ms read 0.2–1.3 %), so its floor is that jitter relative to the route's CPU, beside a
 * relative part: a CPU-bound route calls a 15 % cost in 3 pairs, a 4 ms one needs many more.
 */
export const CPU_NOISE = { jitterMs: 0.5, relative: 0.015, df: 5 } as const;

/** The CPU floor of a route whose base spends `baseMs` of app CPU a request. */
export function cpuNoise(baseMs: number): NoiseFloor {
  const cov = Math.hypot(CPU_NOISE.relative, CPU_NOISE.jitterMs / baseMs);
  return { cov, df: CPU_NOISE.df, source: `A/A: ${CPU_NOISE.jitterMs} ms a request over ${baseMs.toFixed(1)} ms, and ${CPU_NOISE.relative * 100} %` };
}

export interface SignalOptions {
  threshold: number;
  confidence: number;
  /** Against the base side of the same run: intervals pair the samples repeat by repeat. */
  paired: boolean;
  /** False when the loads differ: a per-request count still compares, a metered cost does not. */
  metered: boolean;
}

/** The relative change head ÷ baseline − 1 of positive values: paired by repeat, else Welch; null when a side has none. */
function changeOf(
  head: readonly SignalSample[],
  base: readonly SignalSample[],
  value: (signals: Signals) => number | null,
  noise: NoiseFloor,
  options: SignalOptions,
): ChangeInterval | null {
  const positive = (v: number | null) => (v !== null && v > 0 ? v : null);
  if (options.paired) {
    const pairs = pairsOf(head, base, (signals) => positive(value(signals)));
    return pairs.length === 0
      ? null
      : pairedChangeInterval(
          pairs.map(([b, h]) => ({ base: { value: b }, head: { value: h } })),
          noise,
          options.confidence,
        );
  }
  const values = (samples: readonly SignalSample[]) => samples.flatMap((sample) => positive(value(sample.signals)) ?? []).map((v) => ({ value: v }));
  const [h, b] = [values(head), values(base)];
  return h.length === 0 || b.length === 0 ? null : relativeChangeInterval(h, b, noise, options.confidence);
}

function compareMetered(head: readonly SignalSample[], base: readonly SignalSample[], signal: MeteredSignal, options: SignalOptions): MeteredComparison | null {
  const values = (samples: readonly SignalSample[]) => samples.flatMap((sample) => METERED[signal](sample.signals) ?? []);
  const [h, b] = [values(head), values(base)];
  if (h.length === 0 || b.length === 0) return null;
  const noise = signal === 'cpu' ? cpuNoise(median(b)) : SIGNAL_NOISE[signal];
  const interval = changeOf(head, base, METERED[signal], noise, options);
  return { base: median(b), head: median(h), interval, verdict: interval ? decide(interval, options.threshold, 'lower') : 'not-measured' };
}

/** An exact count: any change beyond the tolerance and one request's share at the window's edge decides; a varying one is judged by its interval. */
function queriesVerdict(queries: QueryComparison, threshold: number): SignalVerdict {
  if (queries.varies) return queries.interval ? decide(queries.interval, threshold, 'lower') : 'not-measured';
  if (sameCount(queries.base, queries.head) || Math.abs(queries.head - queries.base) <= queries.edge) return 'unchanged';
  return queries.head > queries.base ? 'regressed' : 'improved';
}

/** Every signal of a cell against its baseline's; null when either side collected none. */
export function compareSignals(head: readonly SignalSample[], base: readonly SignalSample[], options: SignalOptions): CellSignals | null {
  if (head.length === 0 || base.length === 0) return null;
  const queries = compareQueries(head, base, () => changeOf(head, base, (signals) => signals.sql?.perRequest.queries ?? null, SIGNAL_NOISE.queries, options));
  const metered = (signal: MeteredSignal) => (options.metered ? compareMetered(head, base, signal, options) : null);
  const bytes = (samples: readonly SignalSample[]) => samples.flatMap((sample) => sample.signals.responseBytesPerRequest ?? []);
  const [hb, bb] = [bytes(head), bytes(base)];
  return {
    queries: queries && { ...queries, verdict: queriesVerdict(queries, options.threshold) },
    cpu: metered('cpu'),
    db: metered('db'),
    memory: metered('memory'),
    responseBytes: hb.length > 0 && bb.length > 0 ? { base: median(bb), head: median(hb) } : null,
  };
}
