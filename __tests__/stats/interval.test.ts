import { describe, expect, it } from 'vitest';
import { decide, type IntervalVerdict } from '../../src/core/stats/decide.js';
import { relativeChangeInterval } from '../../src/core/stats/interval.js';
import { DEFAULT_NOISE, type NoiseFloor } from '../../src/core/stats/noise.js';
import { normals, runs } from './simulate.js';

const CONFIDENCE = 0.95;
const THRESHOLD = 0.1;
const SIMULATIONS = 2000;

/** How often each verdict comes out of `SIMULATIONS` comparisons of head (level × (1 + effect)) with a baseline. */
function verdictRates(options: { n: number; cov: number; effect: number; noise?: NoiseFloor; seed: number }): Record<IntervalVerdict, number> {
  const normal = normals(options.seed);
  const counts: Record<IntervalVerdict, number> = { regressed: 0, improved: 0, unchanged: 0, inconclusive: 0 };
  for (let i = 0; i < SIMULATIONS; i += 1) {
    const baseline = runs(normal, options.n, 100, options.cov);
    const head = runs(normal, options.n, 100 * (1 + options.effect), options.cov);
    counts[decide(relativeChangeInterval(head, baseline, options.noise ?? DEFAULT_NOISE, CONFIDENCE), THRESHOLD)] += 1;
  }
  return Object.fromEntries(Object.entries(counts).map(([verdict, count]) => [verdict, count / SIMULATIONS])) as Record<IntervalVerdict, number>;
}

const falseAlarms = (rates: Record<IntervalVerdict, number>) => rates.regressed + rates.improved;

describe('relativeChangeInterval', () => {
  it('is exact with no noise and no uncertainty: 90 → 100 is −10 %', () => {
    const interval = relativeChangeInterval([{ value: 90 }], [{ value: 100 }], { cov: 0, df: 1e9, source: 'test' }, CONFIDENCE);
    expect(interval.estimate).toBeCloseTo(-0.1, 12);
    expect(interval.lower).toBeCloseTo(-0.1, 12);
    expect(interval.upper).toBeCloseTo(-0.1, 12);
  });

  it('contains the estimate, and widens with noise and narrows with repeats', () => {
    const one = relativeChangeInterval([{ value: 80 }], [{ value: 100 }], DEFAULT_NOISE, CONFIDENCE);
    expect(one.lower).toBeLessThan(one.estimate);
    expect(one.upper).toBeGreaterThan(one.estimate);
    const noisier = relativeChangeInterval([{ value: 80 }], [{ value: 100 }], { ...DEFAULT_NOISE, cov: 0.2 }, CONFIDENCE);
    expect(noisier.upper - noisier.lower).toBeGreaterThan(one.upper - one.lower);
    const three = relativeChangeInterval(
      [{ value: 80 }, { value: 80 }, { value: 80 }],
      [{ value: 100 }, { value: 100 }, { value: 100 }],
      DEFAULT_NOISE,
      CONFIDENCE,
    );
    expect(three.upper - three.lower).toBeLessThan(one.upper - one.lower);
  });

  it('repeats that scatter more than the noise floor widen the interval', () => {
    const steady = relativeChangeInterval([{ value: 80 }, { value: 80 }, { value: 80 }], [{ value: 100 }, { value: 100 }, { value: 100 }], DEFAULT_NOISE, 0.95);
    const scattered = relativeChangeInterval(
      [{ value: 60 }, { value: 80 }, { value: 105 }],
      [{ value: 100 }, { value: 100 }, { value: 100 }],
      DEFAULT_NOISE,
      0.95,
    );
    expect(scattered.upper - scattered.lower).toBeGreaterThan(steady.upper - steady.lower);
  });

  it("a single run's own blocks widen its interval when they scatter beyond the floor", () => {
    const floor = relativeChangeInterval([{ value: 80 }], [{ value: 100 }], DEFAULT_NOISE, CONFIDENCE);
    const blocks = relativeChangeInterval([{ value: 80, blocks: [40, 120, 60, 100] }], [{ value: 100 }], DEFAULT_NOISE, CONFIDENCE);
    expect(blocks.upper - blocks.lower).toBeGreaterThan(floor.upper - floor.lower);
    const calm = relativeChangeInterval([{ value: 80, blocks: [80, 80.5, 79.5] }], [{ value: 100 }], DEFAULT_NOISE, CONFIDENCE);
    expect(calm.upper - calm.lower).toBeCloseTo(floor.upper - floor.lower, 12);
  });

  it('refuses a rate of 0: such a run is not measured, and has no log', () => {
    expect(() => relativeChangeInterval([{ value: 0 }], [{ value: 100 }], DEFAULT_NOISE, CONFIDENCE)).toThrow(/head has a sample ≤ 0/);
    expect(() => relativeChangeInterval([{ value: 1 }], [], DEFAULT_NOISE, CONFIDENCE)).toThrow(/baseline has no samples/);
  });
});

describe('decide', () => {
  it('calls a change only when the whole interval is beyond the threshold', () => {
    expect(decide({ lower: -0.31, upper: -0.12 }, THRESHOLD)).toBe('regressed');
    expect(decide({ lower: 0.11, upper: 0.4 }, THRESHOLD)).toBe('improved');
    expect(decide({ lower: -0.05, upper: 0.08 }, THRESHOLD)).toBe('unchanged');
    expect(decide({ lower: -0.31, upper: -0.04 }, THRESHOLD)).toBe('inconclusive');
    expect(decide({ lower: -0.2, upper: 0.2 }, THRESHOLD)).toBe('inconclusive');
  });
});

describe('on simulated runs (seeded, 2,000 comparisons each)', () => {
  for (const n of [1, 3, 5]) {
    it(`A/A with the noise at the floor (8 %), ${n} repeat(s) a side: false alarms ≤ ${1 - CONFIDENCE}`, () => {
      expect(falseAlarms(verdictRates({ n, cov: 0.08, effect: 0, seed: 10 + n }))).toBeLessThanOrEqual(1 - CONFIDENCE);
    });
  }

  it('A/A on a runner noisier than the floor assumes (15 %), 3 repeats: false alarms stay ≤ 0.05', () => {
    expect(falseAlarms(verdictRates({ n: 3, cov: 0.15, effect: 0, seed: 21 }))).toBeLessThanOrEqual(1 - CONFIDENCE);
  });

  it('a 30 % slowdown with 8 % noise and 3 repeats is detected in ≥ 90 %, never called an improvement', () => {
    const rates = verdictRates({ n: 3, cov: 0.08, effect: -0.3, seed: 31 });
    expect(rates.regressed).toBeGreaterThanOrEqual(0.9);
    expect(rates.improved).toBe(0);
  });

  it('a change at the threshold is inconclusive, not a coin flip between verdicts', () => {
    const rates = verdictRates({ n: 3, cov: 0.08, effect: -0.1, seed: 41 });
    expect(rates.inconclusive).toBeGreaterThan(0.9);
  });

  it('one run a side cannot tell 8 % noise from a 10 % threshold: inconclusive, not unchanged', () => {
    const rates = verdictRates({ n: 1, cov: 0.08, effect: 0, seed: 51 });
    expect(rates.unchanged).toBe(0);
    expect(rates.inconclusive).toBeGreaterThan(0.95);
  });

  it('a quiet runner with a calibrated floor says unchanged', () => {
    const calibrated: NoiseFloor = { cov: 0.02, df: 20, source: 'calibration' };
    const rates = verdictRates({ n: 3, cov: 0.02, effect: 0, noise: calibrated, seed: 61 });
    expect(rates.unchanged).toBeGreaterThan(0.9);
    expect(falseAlarms(rates)).toBe(0);
  });
});
