import { describe, expect, it } from 'vitest';
import { calibrate, calibrationConfig } from '../src/core/compare/calibration.js';
import { buildConfig } from '../src/core/config/build.js';
import { ingestRun } from '../src/core/ingest/run-dir.js';
import { calibrationOutputs } from '../src/core/report/outputs.js';
import { hostEnvironment } from '../src/core/results/environment.js';
import { parseResults, serializeResults, type Results } from '../src/core/results/results.js';
import { fixture, placeCell, scratch } from './helpers/fixtures.js';
import { compareResults } from '../src/core/compare/verdicts.js';
import { baselineFromResults } from '../src/core/compare/baseline.js';
import { renderCalibration } from '../src/core/report/calibration-text.js';
import { makeResults, withRepeats } from './helpers/results.js';
import { normals } from './stats/simulate.js';

const INPUTS = { setups: 'sync,async-unlimited', routes: 'io_read,cpu', latencies: '0', repeats: '6' };

describe('calibrate (A/A)', () => {
  it('measures each cell’s noise within A and within B, so a drift between the halves is not counted as noise', () => {
    // A (odd repeats) 100, 104, 96; B (even) 200, 208, 192: the same spread in each half, a drift between them.
    const results = withRepeats(
      makeResults(INPUTS, () => ({})),
      () => [100, 200, 104, 208, 96, 192],
    );
    const calibration = calibrate(results, { threshold: 0.1, confidence: 0.95 }, new Date('2026-11-28T13:00:00Z'));
    const cell = calibration.cells[0]!;
    expect(cell.df).toBe(4);
    expect(cell.cov).toBeCloseTo(0.04, 2);
    expect(cell.verdict).toBe('improved'); // B doubled: the A/A test would raise this false alarm
    expect(calibration.falseAlarms).toBe(4);
    expect(calibration.record).toMatchObject({ measuredAt: '2026-11-28T13:00:00.000Z', repeats: 3, pooled: { df: 16 } });
  });

  it('on a runner with 8 % noise: no false alarms, and a recommendation of more repeats to reach "unchanged" within 10 %', () => {
    const normal = normals(7);
    const results = withRepeats(
      makeResults(INPUTS, () => ({})),
      () => Array.from({ length: 6 }, () => 100 * Math.exp(0.08 * normal())),
    );
    const calibration = calibrate(results, { threshold: 0.1, confidence: 0.95 });
    expect(calibration.falseAlarms).toBe(0);
    expect(calibration.record.pooled.cov).toBeGreaterThan(0.04);
    expect(calibration.record.pooled.cov).toBeLessThan(0.14);
    expect(calibration.recommended.repeats).toBeGreaterThan(3);
    expect(calibration.recommended.threshold).toBeGreaterThan(0.1);
    const text = renderCalibration(calibration);
    expect(text).toMatch(/^### async-bench calibration \(A\/A\): ✅ no false alarms in 4 cells/);
    expect(text).toContain('| `sync/io_read/0ms` |');
  });

  it('a cell that completed nothing is not measured; a later comparison uses the recorded noise', () => {
    const results = withRepeats(
      makeResults(INPUTS, () => ({})),
      (id) => (id.includes('/cpu/') ? [0, 0, 0, 0, 0, 0] : [100, 101, 99, 100, 101, 99]),
    );
    const calibration = calibrate(results, { threshold: 0.1, confidence: 0.95 });
    expect(calibration.cells.find((cell) => cell.id === 'sync/cpu/0ms')!.verdict).toBe('not-measured');
    const calibrated = { ...results, noise: calibration.record };
    const comparison = compareResults(calibrated, baselineFromResults('main', calibrated), 0.1);
    expect(comparison.noise.source).toMatch(/^calibration of /);
    expect(comparison.cells.get('sync/io_read/0ms')!.verdict).toBe('unchanged');
  });
});

describe('calibrationConfig', () => {
  it('measures its count in full even under a profile with a budget (pr, whose baseline is base): 3 pairs, base = HEAD', () => {
    const config = calibrationConfig(buildConfig({ inputs: { profile: 'pr' } }), 3);
    expect(config.budgetSeconds).toBeNull();
    expect(config.repeats).toBe(3);
    expect(config.compare.baseline).toBe('base');
    expect(config.compare.baseRef).toBe('HEAD');
  });
  it('without baseline base: A and B repeats, no baseline', () => {
    const config = calibrationConfig(buildConfig({ inputs: { profile: 'quick' } }), 3);
    expect(config.repeats).toBe(6);
    expect(config.compare.baseline).toBeNull();
  });
});

/**
 * A paired run folder (`baseline: base`) assembled from real captured Locust output: per cell,
 * [base, head] fixture folders for repeats 1–3, ingested as a run of the stack writes them.
 */
async function pairedFixtureRun(dir: string): Promise<Results> {
  const pairs: Record<string, [string, string][]> = {
    // The latency-bound A/A pair (about 0.6 sRPS: its steady rate from counts, 14 / 23 both).
    sync__io_read__200ms: [
      ['locust-current/latency-bound/a', 'locust-current/latency-bound/b'],
      ['locust-current/latency-bound/b', 'locust-current/latency-bound/a'],
      ['locust-current/latency-bound/a', 'locust-current/latency-bound/b'],
    ],
    // Three different captures (steady 90, 71.9 and 47.666667 sRPS), so the log ratios spread.
    sync__io_read__0ms: [
      ['locust-current/clean', 'locust-current/with-failures'],
      ['signals/sync__io_read__0ms', 'locust-current/clean'],
      ['locust-current/with-failures', 'signals/sync__io_read__0ms'],
    ],
  };
  for (const [cell, sides] of Object.entries(pairs)) {
    for (const [i, [base, head]] of sides.entries()) {
      await placeCell(dir, `${cell}/base/r${i + 1}`, fixture(base));
      await placeCell(dir, `${cell}/head/r${i + 1}`, fixture(head));
    }
  }
  const config = buildConfig({ inputs: { setups: 'sync', routes: 'io_read', latencies: '0,200', repeats: '3', baseline: 'base' } });
  return (await ingestRun(dir, config, hostEnvironment({}))).results;
}

describe('calibrate under baseline: base (paired A/A)', () => {
  it('runs pairs: repeats = pairs a cell, the baseline kept, base = HEAD unless base-ref names a commit', () => {
    const config = buildConfig({ inputs: { setups: 'sync', baseline: 'base' } });
    const paired = calibrationConfig(config, 3);
    expect(paired.repeats).toBe(3);
    expect(paired.compare).toMatchObject({ baseline: 'base', baseRef: 'HEAD' });
    expect(calibrationConfig({ ...config, compare: { ...config.compare, baseRef: 'main' } }, 3).compare.baseRef).toBe('main');
    // Unpaired, as before: 2 × repeats, odd A and even B, compared with nothing.
    const plain = calibrationConfig(buildConfig({ inputs: { setups: 'sync' } }), 3);
    expect([plain.repeats, plain.compare.baseline]).toEqual([6, null]);
  });

  it('records the paired prior: sd of ln(head ÷ base) pooled over the cells, Σ(pairs − 1) df', async () => {
    const { dir, cleanup } = await scratch();
    try {
      const results = await pairedFixtureRun(dir);
      const calibration = calibrate(results, { threshold: 0.1, confidence: 0.95 }, new Date('2026-12-07T08:00:00Z'));
      expect(calibration.paired).toBe(true);
      expect(calibration.repeats).toBe(3);
      // Hand calculation: sync/io_read/0ms pairs (base, head) = (90, 71.9), (47.666667, 90), (71.9, 47.666667);
      // sync/io_read/200ms pairs all 14/23 against 14/23: ratio 0, 2 df of no spread.
      const d = [Math.log(71.9 / 90), Math.log(90 / 47.666667), Math.log(47.666667 / 71.9)];
      const mean = d.reduce((sum, x) => sum + x, 0) / 3;
      const ss = d.reduce((sum, x) => sum + (x - mean) ** 2, 0);
      expect(calibration.record.paired!.df).toBe(4);
      expect(calibration.record.paired!.sd).toBeCloseTo(Math.sqrt(ss / 4), 10);
      const byId = new Map(calibration.cells.map((cell) => [cell.id, cell]));
      expect(byId.get('sync/io_read/200ms')!.pairedSd).toBe(0);
      expect(byId.get('sync/io_read/0ms')!.pairedSd).toBeCloseTo(Math.sqrt(ss / 2), 10);
      // The latency-bound A/A cell raises no false alarm.
      expect(['unchanged', 'inconclusive']).toContain(byId.get('sync/io_read/200ms')!.verdict);
      // Between-run noise as before, within A (base) and within B (head): here both halves hold 90, 71.9, 47.666667.
      expect(calibration.record.cells['sync/io_read/0ms']!.df).toBe(4);

      const text = renderCalibration(calibration);
      expect(text).toMatch(/^### async-bench calibration \(A\/A, paired\)/);
      expect(text).toContain(`sd of ln(head ÷ base) ${calibration.record.paired!.sd.toFixed(3)}** (4 df)`);
      expect(text).toContain('| `sync/io_read/200ms` | 0.0 % | 4 | 0.000 |');
      // The record is results.json's: it reads back through the schema.
      const calibrated = calibrationOutputs(results, { ...results.config.compare, threshold: 0.1 }).results;
      expect(parseResults('results.json', serializeResults(calibrated)).noise!.paired).toEqual(calibrated.noise!.paired);
    } finally {
      await cleanup();
    }
  });

  it('an unpaired calibration records no paired prior', () => {
    const results = withRepeats(
      makeResults(INPUTS, () => ({})),
      () => [100, 101, 99, 100, 101, 99],
    );
    const calibration = calibrate(results, { threshold: 0.1, confidence: 0.95 });
    expect(calibration.paired).toBe(false);
    expect(calibration.record.paired).toBeUndefined();
    expect(calibration.cells.every((cell) => cell.pairedSd === null)).toBe(true);
  });
});
