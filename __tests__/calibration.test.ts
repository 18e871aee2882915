import { describe, expect, it } from 'vitest';
import { calibrate, calibrationConfig } from '../src/core/compare/calibration.js';
import { buildConfig } from '../src/core/config/build.js';
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
  it('measures its count in full even under a profile with a budget (pr): A and B, no baseline', () => {
    const config = calibrationConfig(buildConfig({ inputs: { profile: 'pr' } }), 3);
    expect(config.budgetSeconds).toBeNull();
    expect(config.repeats).toBe(6);
    expect(config.compare.baseline).toBeNull();
  });
});
