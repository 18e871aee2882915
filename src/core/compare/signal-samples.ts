import type { CellResult, Signals } from '../results/schema.js';
import { MIN_SUCCESSES } from './samples.js';
import { sideSamples, type Side } from './paired-samples.js';

/** One sample's per-request signals, with its repeat so base and head pair repeat by repeat. */
export interface SignalSample {
  repeat: number;
  signals: Signals;
}

/** Signals over a window with (almost) no successes divide by nothing worth comparing. */
const usable = (signals: Signals | null | undefined): signals is Signals => !!signals && signals.window.successes >= MIN_SUCCESSES;

/**
 * A cell's signal samples of one side, in repeat order: its samples of that side, or, for a
 * cell measured once (no samples), the cell itself as head's repeat 1.
 */
export function signalSamples(cell: CellResult, side: Side): SignalSample[] {
  if (!cell.samples) {
    const signals = cell.status === 'ok' ? cell.metrics.signals : null;
    return side === 'head' && usable(signals) ? [{ repeat: 1, signals }] : [];
  }
  return sideSamples(cell, side).flatMap((sample) =>
    sample.status === 'ok' && usable(sample.metrics?.signals) ? [{ repeat: sample.repeat, signals: sample.metrics!.signals! }] : [],
  );
}

/** The values of one signal per side, paired by repeat where both sides have it. */
export function pairsOf(head: readonly SignalSample[], base: readonly SignalSample[], value: (signals: Signals) => number | null): [number, number][] {
  const heads = new Map(head.map((sample) => [sample.repeat, value(sample.signals)]));
  return base.flatMap((sample) => {
    const b = value(sample.signals);
    const h = heads.get(sample.repeat);
    return b !== null && h !== null && h !== undefined ? [[b, h] as [number, number]] : [];
  });
}
