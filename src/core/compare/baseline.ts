import { resolve } from 'node:path';
import { baselineChoice, type BaselineChoice, type BaselineSetting } from '../config/baseline.js';
import { errorMessage } from '../error-message.js';
import { readInputText } from '../ingest/input-file.js';
import { PROFILES } from '../config/defaults.js';
import type { LoadSpec } from '../config/schema.js';
import { cellId } from '../plan/cells.js';
import { parseResults, type CellMetrics, type Results } from '../results/results.js';
import type { NoiseRecord } from '../results/schema.js';
import { verdictSamples, type VerdictSample } from './samples.js';
import { signalSamples, type SignalSample } from './signal-samples.js';
import { baseLabel, sideSamples, verdictOf } from './paired-samples.js';

/** The study's two numbers of one cell, all the paper baseline knows of it. */
export type StudyNumbers = Pick<CellMetrics, 'maxSrps' | 'totalSuccesses'>;

/** A baseline cell: the study's numbers, and the samples of the verdict metric when it has them. */
export interface BaselineCell extends StudyNumbers {
  /** Steady-sRPS samples (one per repeat); empty for the paper, which published none. */
  samples: VerdictSample[];
  /** Per-request signals, one per measured sample that collected them; absent for the paper, empty for older files. */
  signals?: SignalSample[];
}

export interface Baseline {
  /** Shown in the report: `paper`, a path, or an artifact's run. */
  label: string;
  /** Cells the baseline measured; a baseline cell that failed has no numbers. */
  cells: Map<string, BaselineCell | null>;
  /** The load every cell ran with: runs under another load are not comparable. Absent for an empty baseline. */
  load?: LoadSpec;
  /** The noise the baseline recorded when it was a calibration. */
  noise?: NoiseRecord;
  /** The base side of this very run (`baseline: base`): its samples pair with head's, repeat by repeat. */
  paired?: boolean;
}

/** Tables 1–3 of the study, as published: [max sRPS, total successes] per latency 0/100/200 ms. */
const PAPER_TABLES: Record<string, Record<string, [number, number][]>> = {
  cpu: {
    sync: [
      [1.5, 255],
      [1.5, 255],
      [1.5, 200],
    ],
    'async-limited': [
      [0.1, 24],
      [0.2, 30],
      [0.5, 86],
    ],
    'async-unlimited': [
      [3.3, 91],
      [1.3, 97],
      [2.7, 90],
    ],
  },
  io_read: {
    sync: [
      [23.0, 3927],
      [1.2, 200],
      [0.6, 105],
    ],
    'async-limited': [
      [28.3, 3053],
      [28.6, 4555],
      [28.4, 4312],
    ],
    'async-unlimited': [
      [34.1, 4680],
      [36, 5313],
      [34.2, 5123],
    ],
  },
  io_create: {
    sync: [
      [143.6, 24328],
      [1.4, 242],
      [0.7, 124],
    ],
    'async-limited': [
      [188.8, 11325],
      [129.0, 12963],
      [82.6, 8644],
    ],
    'async-unlimited': [
      [187.5, 20163],
      [171.4, 26145],
      [185, 23030],
    ],
  },
};
const PAPER_LATENCIES = [0, 100, 200];

export function paperBaseline(): Baseline {
  const cells = new Map<string, BaselineCell>();
  for (const [route, setups] of Object.entries(PAPER_TABLES)) {
    for (const [setup, rows] of Object.entries(setups)) {
      rows.forEach(([maxSrps, totalSuccesses], i) => {
        cells.set(cellId(setup, route, PAPER_LATENCIES[i]!), { maxSrps, totalSuccesses, samples: [] });
      });
    }
  }
  return { label: 'the study (paper)', cells, load: PROFILES.paper.load };
}

export function baselineFromResults(label: string, results: Results): Baseline {
  return {
    label,
    cells: new Map(
      results.cells.map((cell) => [
        cell.id,
        cell.status === 'ok' && cell.metrics
          ? { maxSrps: cell.metrics.maxSrps, totalSuccesses: cell.metrics.totalSuccesses, samples: verdictSamples(cell), signals: signalSamples(cell, 'head') }
          : null,
      ]),
    ),
    load: results.config.load,
    ...(results.noise ? { noise: results.noise } : {}),
  };
}

/** The base side of a same-runner run as a baseline: every cell's base samples; the verdicts pair them with head's. */
export function baseSideBaseline(results: Results): Baseline {
  return {
    label: baseLabel(results),
    cells: new Map(
      results.cells.map((cell) => {
        const base = sideSamples(cell, 'base').filter((sample) => sample.status === 'ok' && sample.metrics);
        if (base.length === 0) return [cell.id, null];
        const middle = [...base].sort((a, b) => a.metrics!.maxSrps - b.metrics!.maxSrps)[Math.floor((base.length - 1) / 2)]!.metrics!;
        return [
          cell.id,
          {
            maxSrps: middle.maxSrps,
            totalSuccesses: middle.totalSuccesses,
            samples: base.map((sample) => verdictOf(sample)!),
            signals: signalSamples(cell, 'base'),
          },
        ];
      }),
    ),
    load: results.config.load,
    paired: true,
    ...(results.noise ? { noise: results.noise } : {}),
  };
}

export interface BaselineSources {
  /** A results.json path is relative to this. */
  cwd: string;
  /** `base`: this run's results, whose base side is the baseline. Absent before the run: no baseline yet. */
  current?: Results;
  /**
   * `artifact`: the base branch's results, fetched by whoever can (the action). Absent (the
   * CLI): no baseline, and the caller says why.
   */
  artifact?: () => Promise<Baseline | null>;
}

/**
 * The one baseline resolver: `paper`, a results.json path, `artifact`, `base`, or none (null).
 * Takes the setting as Config records it, or its parsed choice.
 */
export async function resolveBaseline(setting: BaselineChoice | BaselineSetting | undefined, sources: BaselineSources): Promise<Baseline | null> {
  const choice = typeof setting === 'object' && setting !== null ? setting : baselineChoice(setting);
  switch (choice.kind) {
    case 'none':
      return null;
    case 'paper':
      return paperBaseline();
    case 'artifact':
      return sources.artifact ? sources.artifact() : null;
    case 'base':
      return sources.current ? baseSideBaseline(sources.current) : null;
    case 'file':
      return loadBaseline(choice.path, sources.cwd);
  }
}

/** A results.json as the baseline; `path` is relative to `cwd`. */
export async function loadBaseline(path: string, cwd = process.cwd()): Promise<Baseline> {
  const source = resolve(cwd, path);
  const expected = '"paper" or the path of a results.json';
  const text = await readInputText(source, source, expected).catch((error: unknown) => {
    throw new Error(`Invalid baseline: ${errorMessage(error)}`);
  });
  if (text === null) throw new Error(`Invalid baseline: cannot read ${JSON.stringify(source)} (ENOENT); give ${expected}.`);
  return baselineFromResults(source, parseResults(source, text));
}
