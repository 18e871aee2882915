import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { baselineFromResults } from '../src/core/compare/baseline.js';
import { calibrate } from '../src/core/compare/calibration.js';
import { compareResults, type Comparison } from '../src/core/compare/verdicts.js';
import { renderReport } from '../src/core/report/body.js';
import { parseResults } from '../src/core/results/results.js';
import { fixture } from './helpers/fixtures.js';
import { makeResults, withRepeats } from './helpers/results.js';
import { normals, runs } from './stats/simulate.js';

const IO_READ = { setups: 'sync', routes: 'io_read', latencies: '0' };

/**
 * `rounds` A/A comparisons of all 27 cells of the quick profile, 3 runs a side of the same
 * rate with 8 % log-normal noise (the default floor), through compareResults with the
 * confidence the results record: how often a verdict called a change, and how often the
 * interval missed the true change (0).
 */
function aaRates(confidence: string, rounds: number): { comparisons: number; falseAlarms: number; misses: number } {
  const normal = normals(7);
  // A 1 % threshold: a false alarm is then (almost) any interval that misses 0.
  const template = makeResults({ profile: 'quick', confidence, threshold: '1%' }, () => ({}));
  const draw = () => withRepeats(template, () => runs(normal, 3, 100, 0.08).map((run) => run.value));
  let comparisons = 0;
  let falseAlarms = 0;
  let misses = 0;
  for (let round = 0; round < rounds; round += 1) {
    const comparison = compareResults(draw(), baselineFromResults('A', draw()), template.config.compare.threshold);
    for (const cell of comparison.cells.values()) {
      comparisons += 1;
      if (cell.verdict === 'regressed' || cell.verdict === 'improved') falseAlarms += 1;
      if (cell.interval!.lower > 0 || cell.interval!.upper < 0) misses += 1;
    }
  }
  return { comparisons, falseAlarms: falseAlarms / comparisons, misses: misses / comparisons };
}

/** 3 runs a side, 80 against 100 (−20 %), with `confidence` recorded in this run's results. */
function slowdown(confidence: string) {
  const current = withRepeats(
    makeResults({ ...IO_READ, confidence }, () => ({})),
    () => [80, 80, 80],
  );
  const baseline = baselineFromResults(
    'main',
    withRepeats(
      makeResults(IO_READ, () => ({})),
      () => [100, 100, 100],
    ),
  );
  return { current, baseline };
}

describe('confidence', () => {
  const at90 = aaRates('90%', 40);
  const at99 = aaRates('0.99', 40);

  it.each([
    ['90 %', at90, 0.1],
    ['99 %', at99, 0.01],
  ])('over 1,080 simulated A/A comparisons at %s, false alarms and missed intervals stay ≤ 1 − confidence', (_, rates, allowed) => {
    expect(rates.comparisons).toBeGreaterThanOrEqual(1000);
    expect(rates.falseAlarms).toBeLessThanOrEqual(allowed);
    expect(rates.misses).toBeLessThanOrEqual(allowed);
  });

  it('the level is the one used: at 90 % intervals miss far more often than at 99 %', () => {
    // Were one fixed level used for both, these two rates would be equal.
    expect(at90.misses).toBeGreaterThan(0.03);
    expect(at90.misses).toBeGreaterThan(5 * at99.misses);
  });

  it('a −20 % change with 3 runs a side is regressed at 90 % and inconclusive at 99 %', () => {
    const cell = (comparison: Comparison) => comparison.cells.get('sync/io_read/0ms')!;
    const judged = (confidence: string) => {
      const { current, baseline } = slowdown(confidence);
      return compareResults(current, baseline, 0.1);
    };
    const ninety = judged('90%');
    const ninetyNine = judged('99%');
    expect(ninety.confidence).toBe(0.9);
    expect(cell(ninety)).toMatchObject({ verdict: 'regressed', interval: { confidence: 0.9 } });
    expect(cell(ninetyNine)).toMatchObject({ verdict: 'inconclusive', interval: { confidence: 0.99 } });
    expect(cell(ninetyNine).interval!.estimate).toBeCloseTo(cell(ninety).interval!.estimate, 12);
    // An explicit level (the CLI's --confidence on a recorded run) overrides the recorded one.
    const { current, baseline } = slowdown('90%');
    expect(cell(compareResults(current, baseline, 0.1, { confidence: 0.99 })).verdict).toBe('inconclusive');
  });

  it('the report names the level where it explains the interval', () => {
    const { current, baseline } = slowdown('99%');
    const body = renderReport(current, { comparison: compareResults(current, baseline, 0.1) });
    expect(body).toContain('99.0 % intervals');
    expect(body).toContain('its 99.0 % interval [lower, upper]');
    expect(body).toContain('against the baseline at 99.0 % confidence');
    expect(body).toContain('at most 1.0 % of comparisons of unchanged code');
  });

  it('calibration judges A/A and recommends at the configured level: a higher one needs a wider threshold', () => {
    const normal = normals(3);
    const results = withRepeats(
      makeResults({ setups: 'sync,async-unlimited', routes: 'io_read,cpu', latencies: '0', repeats: '6' }, () => ({})),
      () => Array.from({ length: 6 }, () => 100 * Math.exp(0.08 * normal())),
    );
    const ninety = calibrate(results, { threshold: 0.1, confidence: 0.9 });
    const ninetyNine = calibrate(results, { threshold: 0.1, confidence: 0.99 });
    expect(ninetyNine.recommended.threshold).toBeGreaterThan(ninety.recommended.threshold);
    expect(ninetyNine.recommended.repeats).toBeGreaterThan(ninety.recommended.repeats);
    expect(ninetyNine.confidence).toBe(0.99);
  });

  it('a results.json written before the key existed reads as 95 %', async () => {
    const text = await readFile(fixture('results', 'run-27.json'), 'utf8');
    expect(text).not.toContain('"confidence"');
    expect(parseResults('run-27.json', text).config.compare.confidence).toBe(0.95);
  });
});
