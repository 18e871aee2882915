import { describe, expect, it } from 'vitest';
import { baselineFromResults, paperBaseline } from '../src/core/compare/baseline.js';
import { compareResults, regressionCount } from '../src/core/compare/verdicts.js';
import { makeResults } from './helpers/results.js';

describe('paper baseline', () => {
  it('holds Tables 1–3 of the study for all 27 cells', () => {
    const paper = paperBaseline();
    expect(paper.cells.size).toBe(27);
    expect(paper.cells.get('sync/cpu/0ms')).toEqual({ maxSrps: 1.5, totalSuccesses: 255 });
    expect(paper.cells.get('async-limited/io_read/100ms')).toEqual({ maxSrps: 28.6, totalSuccesses: 4555 });
    expect(paper.cells.get('async-unlimited/io_create/200ms')).toEqual({ maxSrps: 185, totalSuccesses: 23030 });
    expect(paper.cells.get('sync/io_create/200ms')).toEqual({ maxSrps: 0.7, totalSuccesses: 124 });
  });
});

describe('compareResults', () => {
  const base = makeResults({ routes: 'io_read', setups: 'sync' }, () => ({ maxSrps: 100, totalSuccesses: 1000 }));
  const baseline = baselineFromResults('main', base);

  it('decides each cell by the threshold, worst metric first', () => {
    const current = makeResults(
      { routes: 'io_read', setups: 'sync' },
      (id) =>
        ({
          'sync/io_read/0ms': { maxSrps: 89, totalSuccesses: 1000 }, // −11 % sRPS
          'sync/io_read/100ms': { maxSrps: 111, totalSuccesses: 1050 }, // +11 %
          'sync/io_read/200ms': { maxSrps: 91, totalSuccesses: 950 }, // within 10 %
        })[id]!,
    );
    const comparison = compareResults(current, baseline, 0.1);
    expect(comparison.cells.get('sync/io_read/0ms')!.verdict).toBe('regressed');
    expect(comparison.cells.get('sync/io_read/0ms')!.metrics.maxSrps.relative).toBeCloseTo(-0.11, 10);
    expect(comparison.cells.get('sync/io_read/100ms')!.verdict).toBe('improved');
    expect(comparison.cells.get('sync/io_read/200ms')!.verdict).toBe('unchanged');
    expect(comparison.counts).toEqual({ regressed: 1, improved: 1, unchanged: 1, new: 0, missing: 0 });
    expect(regressionCount(comparison)).toBe(1);
  });

  it('a regression in one metric outweighs an improvement in the other', () => {
    const current = makeResults({ routes: 'io_read', setups: 'sync' }, () => ({ maxSrps: 150, totalSuccesses: 500 }));
    expect(compareResults(current, baseline, 0.1).counts.regressed).toBe(3);
  });

  it('the threshold is configurable', () => {
    const current = makeResults({ routes: 'io_read', setups: 'sync' }, () => ({ maxSrps: 85, totalSuccesses: 1000 }));
    expect(compareResults(current, baseline, 0.1).counts.regressed).toBe(3);
    expect(compareResults(current, baseline, 0.2).counts.unchanged).toBe(3);
  });

  it('cells the baseline lacks are new; cells this run lost are missing and count as regressions', () => {
    const current = makeResults({ routes: 'io_read', setups: 'sync,async-unlimited' }, (id) =>
      id === 'sync/io_read/0ms' ? null : { maxSrps: 100, totalSuccesses: 1000 },
    );
    const comparison = compareResults(current, baseline, 0.1);
    expect(comparison.cells.get('sync/io_read/0ms')!.verdict).toBe('missing');
    expect(comparison.cells.get('async-unlimited/io_read/0ms')!.verdict).toBe('new');
    expect(comparison.counts).toMatchObject({ missing: 1, new: 3, unchanged: 2 });
    expect(regressionCount(comparison)).toBe(1);
  });

  it('lists baseline cells this run did not plan', () => {
    const current = makeResults({ routes: 'io_read', setups: 'sync', latencies: '0' }, () => ({ maxSrps: 100, totalSuccesses: 1000 }));
    expect(compareResults(current, baseline, 0.1).baselineOnly).toEqual(['sync/io_read/100ms', 'sync/io_read/200ms']);
  });

  it('a zero baseline: any success is an improvement, none is unchanged', () => {
    const zero = baselineFromResults(
      'zero',
      makeResults({ routes: 'io_read', setups: 'sync' }, () => ({ maxSrps: 0, totalSuccesses: 0 })),
    );
    const current = makeResults({ routes: 'io_read', setups: 'sync' }, (id) =>
      id.endsWith('/0ms') ? { maxSrps: 0, totalSuccesses: 0 } : { maxSrps: 1, totalSuccesses: 5 },
    );
    const comparison = compareResults(current, zero, 0.1);
    expect(comparison.cells.get('sync/io_read/0ms')!.verdict).toBe('unchanged');
    expect(comparison.cells.get('sync/io_read/100ms')!.verdict).toBe('improved');
    expect(comparison.cells.get('sync/io_read/100ms')!.metrics.maxSrps.relative).toBeNull();
  });
});
