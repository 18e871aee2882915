import { describe, expect, it } from 'vitest';
import { decide, type IntervalVerdict } from '../../src/core/stats/decide.js';
import { relativeChangeInterval } from '../../src/core/stats/interval.js';
import { DEFAULT_NOISE, type NoiseFloor } from '../../src/core/stats/noise.js';
import { pairedChangeInterval, type SamplePair } from '../../src/core/stats/paired.js';
import { normals } from './simulate.js';

const CONFIDENCE = 0.95;
const LEVEL = 1 - CONFIDENCE;
const THRESHOLD = 0.1;
const SIMULATIONS = 2000;

/**
 * The noise of a same-runner run, on the log scale: `drift` moves both runs of a pair
 * alike (the runner got slower for a minute), `own` moves each run alone. This machine's
 * calibration measured a 24 % CoV between runs across a session, most of it drift (docs/verdicts.md).
 */
interface Noise {
  drift: number;
  own: number;
}

/** `n` pairs of a rate of 100 (base) and 100 × (1 + effect) (head). */
function pairs(normal: () => number, n: number, effect: number, noise: Noise): SamplePair[] {
  return Array.from({ length: n }, () => {
    const shared = noise.drift * normal();
    return { base: { value: 100 * Math.exp(shared + noise.own * normal()) }, head: { value: 100 * (1 + effect) * Math.exp(shared + noise.own * normal()) } };
  });
}

type Rates = Record<IntervalVerdict, number>;

function rates(options: { n: number; effect: number; noise: Noise; seed: number; paired?: boolean; floor?: NoiseFloor }): Rates {
  const normal = normals(options.seed);
  const counts: Rates = { regressed: 0, improved: 0, unchanged: 0, inconclusive: 0 };
  for (let i = 0; i < SIMULATIONS; i += 1) {
    const drawn = pairs(normal, options.n, options.effect, options.noise);
    const interval =
      options.paired === false
        ? relativeChangeInterval(
            drawn.map((pair) => pair.head),
            drawn.map((pair) => pair.base),
            DEFAULT_NOISE,
            CONFIDENCE,
          )
        : pairedChangeInterval(drawn, options.floor ?? DEFAULT_NOISE, CONFIDENCE);
    counts[decide(interval, THRESHOLD)] += 1;
  }
  return Object.fromEntries(Object.entries(counts).map(([verdict, count]) => [verdict, count / SIMULATIONS])) as Rates;
}

const falseAlarms = (r: Rates) => r.regressed + r.improved;

describe('pairedChangeInterval', () => {
  it('is exact with no noise: every pair 90 vs 100 is −10 %', () => {
    const interval = pairedChangeInterval([{ base: { value: 100 }, head: { value: 90 } }], { cov: 0, df: 1e9, source: 'test' }, CONFIDENCE);
    expect(interval.estimate).toBeCloseTo(-0.1, 12);
    expect(interval.upper - interval.lower).toBeCloseTo(0, 12);
  });

  it('drift shared by a pair cancels: the runner twice as fast in one pair changes nothing', () => {
    const steady = [
      { base: { value: 100 }, head: { value: 70 } },
      { base: { value: 100 }, head: { value: 75 } },
      { base: { value: 100 }, head: { value: 72 } },
    ];
    const drifting = steady.map((pair, i) => ({ base: { value: pair.base.value * (i + 1) }, head: { value: pair.head.value * (i + 1) } }));
    const [a, b] = [pairedChangeInterval(drifting, DEFAULT_NOISE, CONFIDENCE), pairedChangeInterval(steady, DEFAULT_NOISE, CONFIDENCE)];
    for (const key of ['estimate', 'lower', 'upper', 'df'] as const) expect(a[key]).toBeCloseTo(b[key], 12);
    // Unpaired, the same drift buries the change.
    const unpaired = relativeChangeInterval(
      drifting.map((pair) => pair.head),
      drifting.map((pair) => pair.base),
      DEFAULT_NOISE,
      CONFIDENCE,
    );
    expect(decide(unpaired, THRESHOLD)).toBe('inconclusive');
    expect(decide(pairedChangeInterval(drifting, DEFAULT_NOISE, CONFIDENCE), THRESHOLD)).toBe('regressed');
  });

  it("widens when the pairs disagree, and never trusts less variance than the runs' own blocks show", () => {
    const agree = pairedChangeInterval(
      [70, 72, 71].map((head) => ({ base: { value: 100 }, head: { value: head } })),
      DEFAULT_NOISE,
      CONFIDENCE,
    );
    const disagree = pairedChangeInterval(
      [50, 95, 71].map((head) => ({ base: { value: 100 }, head: { value: head } })),
      DEFAULT_NOISE,
      CONFIDENCE,
    );
    expect(disagree.upper - disagree.lower).toBeGreaterThan(agree.upper - agree.lower);
    const blocky = pairedChangeInterval(
      [70, 72, 71].map((head) => ({ base: { value: 100, blocks: [40, 160, 100] }, head: { value: head, blocks: [30, 110, 70] } })),
      DEFAULT_NOISE,
      CONFIDENCE,
    );
    expect(blocky.upper - blocky.lower).toBeGreaterThan(agree.upper - agree.lower);
  });

  it('refuses no pairs and rates ≤ 0', () => {
    expect(() => pairedChangeInterval([], DEFAULT_NOISE, CONFIDENCE)).toThrow(/no pairs/);
    expect(() => pairedChangeInterval([{ base: { value: 0 }, head: { value: 1 } }], DEFAULT_NOISE, CONFIDENCE)).toThrow(/≤ 0/);
  });
});

describe(`paired verdicts on ${SIMULATIONS} simulated comparisons a case`, () => {
  // This machine: 24 % between runs over a session, mostly drift; a pair's own noise ~10 % a run.
  const MEASURED: Noise = { drift: 0.22, own: 0.1 };

  it.each([
    ['the default floor (8 %), 3 pairs', { drift: 0, own: 0.08 }, 3],
    ["this machine's noise, 3 pairs", MEASURED, 3],
    ['no drift, 20 % own noise a run, 3 pairs', { drift: 0, own: 0.2 }, 3],
    // 10 s cells on this busy machine: the pairs' log ratios spread by up to ~1 (the verdicts e2e).
    ['80 % own noise a run (short cells on a busy machine), 3 pairs', { drift: 0.2, own: 0.8 }, 3],
    ["this machine's noise, 1 pair", MEASURED, 1],
    ["this machine's noise, 5 pairs", MEASURED, 5],
  ])(`A/A, %s: false alarms ≤ ${LEVEL * 100} %`, (_, noise, n) => {
    const result = rates({ n, effect: 0, noise, seed: 11 + n });
    expect(falseAlarms(result)).toBeLessThanOrEqual(LEVEL);
  });

  it("a 30 % slowdown at this machine's noise is regressed in ≥ 90 % with 6 pairs; unpaired, the drift costs at least a fifth of that", () => {
    const paired = rates({ n: 6, effect: -0.3, noise: MEASURED, seed: 7 });
    const unpaired = rates({ n: 6, effect: -0.3, noise: MEASURED, seed: 7, paired: false });
    expect(paired.regressed).toBeGreaterThanOrEqual(0.9);
    expect(unpaired.regressed).toBeLessThan(paired.regressed - 0.2);
  });

  it('a planted halving is regressed in ≥ 90 % with 3 pairs', () => {
    expect(rates({ n: 3, effect: -0.5, noise: MEASURED, seed: 8 }).regressed).toBeGreaterThanOrEqual(0.9);
  });

  it('inconclusive when the data cannot tell: equal code with one pair, or a 10 % slowdown (the threshold itself) with 3', () => {
    expect(rates({ n: 1, effect: 0, noise: MEASURED, seed: 9 }).inconclusive).toBeGreaterThanOrEqual(0.95);
    const small = rates({ n: 3, effect: -0.1, noise: MEASURED, seed: 10 });
    expect(small.inconclusive).toBeGreaterThanOrEqual(0.7);
    expect(small.improved).toBe(0);
  });

  it('says unchanged for equal code when the pairs agree closely (own noise 2 %, a calibrated floor of 2 %, 5 pairs), whatever the drift', () => {
    const floor = { cov: 0.02, df: 20, source: 'test' };
    expect(rates({ n: 5, effect: 0, noise: { drift: 0.3, own: 0.02 }, seed: 12, floor }).unchanged).toBeGreaterThanOrEqual(0.9);
    // The default floor (8 %) cannot vouch for ±10 % with 5 pairs, however well they agree: inconclusive, never a false "unchanged".
    expect(rates({ n: 5, effect: 0, noise: { drift: 0.3, own: 0.02 }, seed: 12 }).inconclusive).toBe(1);
  });
});
