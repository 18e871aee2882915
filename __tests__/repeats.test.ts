import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../src/core/config/build.js';
import { CellMetricsFold } from '../src/core/ingest/metrics.js';
import { ingestRun } from '../src/core/ingest/run-dir.js';
import { planCells, planSamples } from '../src/core/plan/cells.js';
import { makeResults } from './helpers/results.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'run-27', 'cells');

describe('planSamples', () => {
  it('interleaves repeats: every cell once, then every cell again, each repeat in its own folder', () => {
    const cells = planCells(buildConfig({ inputs: { setups: 'sync', routes: 'io_read', latencies: '0,100' } }));
    expect(planSamples(cells, 2).map(({ cell, repeat, dir }) => `${cell.id} ${repeat} ${dir}`)).toEqual([
      'sync/io_read/0ms 1 sync__io_read__0ms/r1',
      'sync/io_read/100ms 1 sync__io_read__100ms/r1',
      'sync/io_read/0ms 2 sync__io_read__0ms/r2',
      'sync/io_read/100ms 2 sync__io_read__100ms/r2',
    ]);
  });

  it('one repeat keeps the folder contract: cells/<cell>/', () => {
    const cells = planCells(buildConfig({ inputs: { setups: 'sync', routes: 'io_read', latencies: '0' } }));
    expect(planSamples(cells, 1).map((sample) => sample.dir)).toEqual(['sync__io_read__0ms']);
  });
});

describe('repeats config', () => {
  it('is a key, a flag and an input, 1 by default, bounded', () => {
    expect(buildConfig({ inputs: {} }).repeats).toBe(1);
    expect(buildConfig({ inputs: { repeats: '3' } }).repeats).toBe(3);
    expect(buildConfig({ inputs: {}, file: { path: 'async-bench.yml', text: 'repeats: 4\n' } }).repeats).toBe(4);
    expect(() => buildConfig({ inputs: { repeats: '0' } })).toThrow(/repeats.*"0" is below 1/);
    expect(() => buildConfig({ inputs: { repeats: '21' } })).toThrow(/repeats.*above the maximum 20/);
  });
});

describe('ingesting a repeated run', () => {
  it('reads each cells/<cell>/r<n>/ as a sample, the cell as their median with the range; a missing repeat is said', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'async-bench-repeats-'));
    try {
      // Two real cells' files stand in for two repeats of one cell.
      await cp(join(FIXTURE, 'sync__io_read__0ms'), join(dir, 'cells', 'sync__io_read__0ms', 'r1'), { recursive: true });
      await cp(join(FIXTURE, 'async-limited__io_read__0ms'), join(dir, 'cells', 'sync__io_read__0ms', 'r2'), { recursive: true });
      const config = buildConfig({ inputs: { setups: 'sync', routes: 'io_read', latencies: '0', repeats: '3' } });
      const { results } = await ingestRun(dir, config, makeResults({}, () => ({})).environment);
      const [cell] = results.cells;
      expect(cell!.samples!.map((sample) => [sample.repeat, sample.dir, sample.status])).toEqual([
        [1, 'cells/sync__io_read__0ms/r1', 'ok'],
        [2, 'cells/sync__io_read__0ms/r2', 'ok'],
        [3, 'cells/sync__io_read__0ms/r3', 'failed'],
      ]);
      expect(cell!.samples![2]!.reason).toBe('not run: no folder cells/sync__io_read__0ms/r3');
      const [one, two] = cell!.samples!.slice(0, 2).map((sample) => sample.metrics!.maxSrps);
      expect(cell!.summary!.maxSrps).toEqual({ median: (one! + two!) / 2, min: Math.min(one!, two!), max: Math.max(one!, two!) });
      expect(cell!.metrics!.maxSrps).toBe((one! + two!) / 2);
      expect(cell!.warnings).toEqual(['1 of 3 repeats were not measured; the cell is the median of the others.']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('steady blocks: the within-run samples of the verdict metric', () => {
  it('takes one settled hold-phase row per 10 s rate window, so no two overlap', () => {
    const fold = new CellMetricsFold({ stats: 'stats', history: 'history' });
    const row = (timestamp: number, userCount: number, rate: number) => ({
      timestamp,
      userCount,
      type: '',
      name: 'Aggregated',
      requestsPerSecond: rate,
      failuresPerSecond: 0,
      totalRequestCount: 0,
      totalFailureCount: 0,
    });
    fold.addHistory(row(0, 50, 5)); // ramp
    for (let t = 1; t <= 45; t += 1) fold.addHistory(row(t, 100, t)); // hold from t = 1; settled from t = 11
    fold.addStats({
      type: '',
      name: 'Aggregated',
      requestCount: 10,
      failureCount: 0,
      medianMs: 1,
      averageMs: 1,
      minMs: 1,
      maxMs: 1,
      requestsPerSecond: 1,
      failuresPerSecond: 0,
      percentilesMs: { '50%': 1, '95%': 1, '99%': 1 } as never,
    });
    expect(fold.metrics().steadyBlocks).toEqual([11, 21, 31, 41]);
  });
});

describe('exports of a repeated run', () => {
  it('carry the range of the repeats as the spread', async () => {
    const { summarize } = await import('../src/core/report/summary.js');
    const { withRepeats } = await import('./helpers/results.js');
    const results = withRepeats(
      makeResults({ setups: 'sync', routes: 'io_read', latencies: '0', repeats: '3' }, () => ({})),
      () => [10, 30, 20],
    );
    expect(summarize(results).cell('sync', 'io_read', 0)!.maxSrps).toEqual({ value: 22, lower: 11, upper: 33 });
  });
});
