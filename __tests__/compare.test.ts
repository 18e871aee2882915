import { describe, expect, it } from 'vitest';
import { baselineFromResults, paperBaseline } from '../src/core/compare/baseline.js';
import { compareResults, regressionCount } from '../src/core/compare/verdicts.js';
import type { Results } from '../src/core/results/results.js';
import { summarizeSamples } from '../src/core/results/samples.js';
import { makeResults, withRepeats } from './helpers/results.js';

const IO_READ = { routes: 'io_read', setups: 'sync' };

const repeated = (inputs: Record<string, string>, steadyFor: (id: string) => number[]): Results =>
  withRepeats(
    makeResults(inputs, () => ({})),
    steadyFor,
  );

describe('paper baseline', () => {
  it('holds Tables 1–3 of the study for all 27 cells, with the paper load and no steady samples', () => {
    const paper = paperBaseline();
    expect(paper.cells.size).toBe(27);
    expect(paper.cells.get('sync/cpu/0ms')).toEqual({ maxSrps: 1.5, totalSuccesses: 255, samples: [] });
    expect(paper.cells.get('async-limited/io_read/100ms')).toMatchObject({ maxSrps: 28.6, totalSuccesses: 4555 });
    expect(paper.cells.get('async-unlimited/io_create/200ms')).toMatchObject({ maxSrps: 185, totalSuccesses: 23030 });
    expect(paper.load).toEqual({ users: 500, spawnRate: 5, runTimeSeconds: 180, processes: 1 });
  });

  it('a run of the paper load is judged on max sRPS, the one rate the paper published', () => {
    const current = makeResults({ ...IO_READ, profile: 'paper' }, () => ({ maxSrps: 23, steadySrps: 5 }));
    const cell = compareResults(current, paperBaseline(), 0.1).cells.get('sync/io_read/0ms')!;
    expect(cell.metric).toBe('maxSrps');
    expect(cell.interval!.estimate).toBeCloseTo(0, 10);
  });
});

describe('compareResults', () => {
  const baseline = baselineFromResults(
    'main',
    repeated(IO_READ, () => [100, 102, 98]),
  );

  it('judges steady sRPS by its interval: regressed, improved, unchanged only when sure, else inconclusive', () => {
    const current = repeated(
      IO_READ,
      (id) =>
        ({
          'sync/io_read/0ms': [60, 61, 59], // −40 %
          'sync/io_read/100ms': [150, 148, 152], // +50 %
          'sync/io_read/200ms': [92, 93, 91], // −8 %: within noise of the threshold
        })[id]!,
    );
    const comparison = compareResults(current, baseline, 0.1);
    const at = (id: string) => comparison.cells.get(id)!;
    expect(at('sync/io_read/0ms')).toMatchObject({ verdict: 'regressed', metric: 'steadySrps', samples: { current: 3, baseline: 3 } });
    expect(at('sync/io_read/0ms').interval!.estimate).toBeCloseTo(-0.4, 2);
    expect(at('sync/io_read/0ms').interval!.upper).toBeLessThan(-0.1);
    expect(at('sync/io_read/100ms').verdict).toBe('improved');
    expect(at('sync/io_read/200ms').verdict).toBe('inconclusive');
    expect(comparison.counts).toMatchObject({ regressed: 1, improved: 1, inconclusive: 1, unchanged: 0 });
    expect(regressionCount(comparison)).toBe(1);
  });

  it('the study numbers are shown, never decide: max sRPS down 40 % with steady sRPS level is not a regression', () => {
    const current = makeResults(IO_READ, () => ({ maxSrps: 6, steadySrps: 9 }));
    const same = baselineFromResults(
      'main',
      makeResults(IO_READ, () => ({ maxSrps: 10, steadySrps: 9 })),
    );
    const cell = compareResults(current, same, 0.1).cells.get('sync/io_read/0ms')!;
    expect(cell.metrics.maxSrps.relative).toBeCloseTo(-0.4, 10);
    expect(cell.verdict).not.toBe('regressed');
  });

  it('a calibrated low noise floor lets equal runs read unchanged; the default 8 % floor with one run cannot', () => {
    const one = makeResults(IO_READ, () => ({ steadySrps: 50 }));
    const single = baselineFromResults('main', one);
    expect(compareResults(one, single, 0.1).counts.inconclusive).toBe(3);
    const noise = { measuredAt: '2026-11-28T12:00:00.000Z', repeats: 5, pooled: { cov: 0.01, df: 40 }, cells: {} };
    const calibrated = compareResults(one, single, 0.1, { noise });
    expect(calibrated.counts.unchanged).toBe(3);
    expect(calibrated.noise).toMatchObject({ cov: 0.01, source: 'calibration of 2026-11-28' });
  });

  it('a cell where (almost) nothing completed is not measured, never unchanged', () => {
    const dead = makeResults(IO_READ, (id) => (id.endsWith('/0ms') ? { steadySrps: 0, totalSuccesses: 0, maxSrps: 0 } : { steadySrps: 3, totalSuccesses: 5 }));
    const comparison = compareResults(dead, baselineFromResults('main', dead), 0.1);
    expect(comparison.counts['not-measured']).toBe(3);
    expect(comparison.cells.get('sync/io_read/0ms')!.reason).toMatch(/no request completed in either run/);
  });

  it('runs under another load are not comparable, cell by cell', () => {
    const other = makeResults({ ...IO_READ, users: '77' }, () => ({}));
    const comparison = compareResults(
      other,
      baselineFromResults(
        'main',
        makeResults(IO_READ, () => ({})),
      ),
      0.1,
    );
    expect(comparison.counts['not-comparable']).toBe(3);
    expect(comparison.cells.get('sync/io_read/0ms')!.reason).toBe('load differs (users 77 vs 500)');
  });

  it('cells the baseline lacks are new; cells this run lost are missing, reported but not counted as regressions', () => {
    const current = makeResults({ routes: 'io_read', setups: 'sync,async-unlimited' }, (id) => (id === 'sync/io_read/0ms' ? null : {}));
    const comparison = compareResults(
      current,
      baselineFromResults(
        'main',
        makeResults(IO_READ, () => ({})),
      ),
      0.1,
    );
    expect(comparison.cells.get('sync/io_read/0ms')!.verdict).toBe('missing');
    expect(comparison.cells.get('async-unlimited/io_read/0ms')!.verdict).toBe('new');
    expect(comparison.counts).toMatchObject({ missing: 1, new: 3 });
    expect(regressionCount(comparison)).toBe(0);
  });

  it('lists baseline cells this run did not plan', () => {
    const current = makeResults({ ...IO_READ, latencies: '0' }, () => ({}));
    expect(compareResults(current, baseline, 0.1).baselineOnly).toEqual(['sync/io_read/100ms', 'sync/io_read/200ms']);
  });
});

describe('summarizeSamples', () => {
  it('the cell is the median of its repeats, with the range kept; a repeat that failed is left out and said', () => {
    const results = repeated(IO_READ, () => [10, 30, 20]);
    const cell = results.cells[0]!;
    expect(cell.metrics!.steadySrps).toBe(20);
    expect(cell.summary!.steadySrps).toEqual({ median: 20, min: 10, max: 30 });
    const failed = summarizeSamples([
      { ...cell.samples![0]!, status: 'failed', reason: 'app not healthy', metrics: null },
      { ...cell.samples![1]!, status: 'failed', reason: 'no CSV', metrics: null },
    ]);
    expect(failed.outcome).toMatchObject({ status: 'failed', reason: 'no repeat was measured: r1: app not healthy; r2: no CSV' });
    const partly = summarizeSamples([{ ...cell.samples![0]!, status: 'failed', reason: 'x', metrics: null }, cell.samples![1]!]);
    expect(partly.outcome.warnings).toEqual(['1 of 2 repeats were not measured; the cell is the median of the others.']);
  });
});
