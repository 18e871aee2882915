import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { baselineFromResults, resolveBaseline } from '../src/core/compare/baseline.js';
import { compareResults, failingSignals, regressionCount } from '../src/core/compare/verdicts.js';
import { cpuNoise } from '../src/core/compare/signals.js';
import { buildConfig } from '../src/core/config/build.js';
import { parse } from '../src/cli/args.js';
import { parseResults, serializeResults } from '../src/core/results/results.js';
import { fixture, scratch } from './helpers/fixtures.js';
import { CATEGORY_BY_ID, IO_READ, makeSignals, run27WithSignals, sidedRunWithSignals, statementId } from './helpers/signals.js';

/**
 * Verdicts on each signal. The Locust numbers are the real captured fixtures; the signal
 * numbers are synthetic until the real-stack capture (issue 17, items 1–3) lands.
 */

const READ = 'sync/io_read/0ms';
const WITH_N_PLUS_ONE = [...IO_READ, { query: CATEGORY_BY_ID, perRequest: 10, rowsPerCall: 1, msPerCall: 0.1 }];

describe('queries per request: exact, against a results file', () => {
  it('names the N+1 by its statement and id from one sample a side; the throughput of the same Locust numbers decides nothing', async () => {
    const base = await run27WithSignals(() => makeSignals());
    const head = await run27WithSignals((id) => makeSignals(id === READ ? { statements: WITH_N_PLUS_ONE } : {}));
    const comparison = compareResults(head, baselineFromResults('base.json', base), 0.1);
    const cell = comparison.cells.get(READ)!;
    expect(cell.throughput).toBe('inconclusive'); // one sample a side, the default 8 % floor: throughput cannot tell
    expect(cell.verdict).toBe('regressed');
    expect(cell.decidedBy).toBe('queries');
    const queries = cell.signals!.queries!;
    expect(queries).toMatchObject({ base: 2, head: 12, varies: null, interval: null, verdict: 'regressed' });
    expect(queries.statements).toEqual([{ id: statementId(CATEGORY_BY_ID), query: CATEGORY_BY_ID, base: 0, head: 10 }]);
    expect(queries.rows).toEqual({ base: 11, head: 21 });
    // Every other cell reads the same count: unchanged, and its verdict is the throughput's.
    const others = [...comparison.cells.values()].filter((c) => c.id !== READ && c.signals);
    expect(others.every((c) => c.signals!.queries!.verdict === 'unchanged' && c.decidedBy === 'throughput')).toBe(true);
    expect(regressionCount(comparison)).toBe(1);
    expect(regressionCount(comparison, ['throughput'])).toBe(0);
    expect(regressionCount(comparison, ['throughput', 'queries'])).toBe(1);
  });

  it('fewer queries improve the cell; a statement that vanished and one that changed calls are both named', async () => {
    const base = await run27WithSignals(() => makeSignals({ statements: WITH_N_PLUS_ONE }));
    const head = await run27WithSignals(() => makeSignals({ statements: [{ ...IO_READ[0]!, perRequest: 2 }, IO_READ[1]!] }));
    const cell = compareResults(head, baselineFromResults('b', base), 0.1).cells.get(READ)!;
    expect(cell).toMatchObject({ verdict: 'improved', decidedBy: 'queries' });
    expect(cell.signals!.queries!.statements.map((s) => [s.id, s.base, s.head])).toEqual([
      [statementId(CATEGORY_BY_ID), 10, 0],
      [statementId(IO_READ[0]!.query), 1, 2],
    ]);
  });

  it('a count within the window-edge tolerance reads the same (2.004 vs 2.0)', async () => {
    const base = await run27WithSignals(() => makeSignals());
    const head = await run27WithSignals(() => makeSignals({ statements: [{ ...IO_READ[0]!, perRequest: 1.004 }, IO_READ[1]!] }));
    const cell = compareResults(head, baselineFromResults('b', base), 0.1).cells.get(READ)!;
    expect(cell.signals!.queries).toMatchObject({ verdict: 'unchanged', statements: [] });
  });

  it("on a slow cell, a difference within one request's queries at the window's edge reads the same; a query more a request does not", async () => {
    // 11 requests a sample (a 200 ms cell): two queries of a request in flight at an edge move the count by 0.18.
    const slow = { successes: 11 };
    const base = await run27WithSignals(() => makeSignals(slow));
    const edge = await run27WithSignals(() => makeSignals({ ...slow, statements: [{ ...IO_READ[0]!, perRequest: 13 / 11 }, IO_READ[1]!] }));
    const edgeCell = compareResults(edge, baselineFromResults('b', base), 0.1).cells.get(READ)!;
    expect(edgeCell.signals!.queries!.head).toBeCloseTo(24 / 11, 6);
    expect(edgeCell.signals!.queries!.verdict).toBe('unchanged');
    const more = await run27WithSignals(() => makeSignals({ ...slow, statements: [{ ...IO_READ[0]!, perRequest: 2 }, IO_READ[1]!] }));
    expect(compareResults(more, baselineFromResults('b', base), 0.1).cells.get(READ)!.signals!.queries!.verdict).toBe('regressed');
  });

  it('a baseline without signals (an older file, the paper) compares throughput alone', async () => {
    const head = await run27WithSignals((id) => makeSignals(id === READ ? { statements: WITH_N_PLUS_ONE } : {}));
    const old = parseResults(
      'old',
      serializeResults({ ...head, cells: head.cells.map((c) => (c.status === 'ok' ? { ...c, metrics: { ...c.metrics, signals: undefined } } : c)) }),
    );
    const cell = compareResults(head, baselineFromResults('old', old), 0.1).cells.get(READ)!;
    expect(cell).toMatchObject({ signals: null, decidedBy: 'throughput', verdict: cell.throughput });
    expect(compareResults(head, (await resolveBaseline('paper', { cwd: '/' }))!, 0.1).cells.get(READ)!.signals).toBeNull();
  });
});

describe('against the base side of the same run (paired)', () => {
  const inputs = { setups: 'sync', routes: 'io_read', latencies: '0,100', repeats: '5' };
  /** ±1 % of run-to-run jitter, the same in every test. */
  const jitter = (repeat: number, side: string) => 1 + 0.01 * Math.sin(repeat * 2.1 + (side === 'head' ? 1 : 0));

  it('a 15 % CPU cost on a CPU-bound route: CPU per request regresses over 6 pairs where the throughput (the same Locust numbers) does not', async () => {
    const { dir, cleanup } = await scratch();
    try {
      // 250 ms of CPU a request, as the reference app's `cpu` route (272 ms measured). 6 pairs: the claim is one of 16
      // hypotheses (2 cells × 4 intervals × 2 directions), and Holm confirms it from 6 (p 0.002), not from 5 (p 0.0033 > 0.05 / 16).
      const results = await sidedRunWithSignals(dir, { ...inputs, repeats: '6' }, (id, side, r) =>
        makeSignals({ cpuMsPerRequest: 250 * jitter(r, side) * (side === 'head' && id === READ ? 1.15 : 1) }),
      );
      const comparison = compareResults(results, (await resolveBaseline('base', { cwd: dir, current: results }))!, 0.1);
      const cell = comparison.cells.get(READ)!;
      // Both sides read the same Locust numbers: every pair's ratio is 1, and the pooled paired noise vouches for it.
      expect(cell.throughput).toBe('unchanged');
      expect(cell).toMatchObject({ verdict: 'regressed', decidedBy: 'cpu' });
      expect(cell.signals!.cpu!.interval!.estimate).toBeCloseTo(0.15, 1);
      expect(cell.signals!.cpu!.interval!.lower).toBeGreaterThan(0.1);
      expect(cell.signals!.queries!.verdict).toBe('unchanged');
      expect(comparison.cells.get('sync/io_read/100ms')!.signals!.cpu!.verdict).toBe('unchanged');
      expect(regressionCount(comparison, ['throughput', 'queries'])).toBe(0);
      expect(regressionCount(comparison, ['cpu'])).toBe(1);
    } finally {
      await cleanup();
    }
  });

  it('the same 15 % on a route of 4 ms a request stays inconclusive over 5 pairs: its floor is the measured 0.5 ms jitter, 12.6 %', async () => {
    const { dir, cleanup } = await scratch();
    try {
      const results = await sidedRunWithSignals(dir, { ...inputs, latencies: '0' }, (id, side, r) =>
        makeSignals({ cpuMsPerRequest: 4 * jitter(r, side) * (side === 'head' ? 1.15 : 1) }),
      );
      const cpu = compareResults(results, (await resolveBaseline('base', { cwd: dir, current: results }))!, 0.1).cells.get(READ)!.signals!.cpu!;
      expect(cpu.interval!.estimate).toBeCloseTo(0.15, 1);
      expect(cpu.verdict).toBe('inconclusive');
    } finally {
      await cleanup();
    }
  });

  it('the CPU floor: the jitter relative to the route, beside a relative part', () => {
    expect(cpuNoise(4).cov).toBeCloseTo(Math.hypot(0.015, 0.125), 6);
    expect(cpuNoise(272).cov).toBeCloseTo(0.0151, 4);
  });

  it('the same cost from one pair is inconclusive: the noise needs the repeats', async () => {
    const { dir, cleanup } = await scratch();
    try {
      const results = await sidedRunWithSignals(dir, { ...inputs, latencies: '0', repeats: '1' }, (id, side, r) =>
        makeSignals({ cpuMsPerRequest: 4 * jitter(r, side) * (side === 'head' ? 1.15 : 1) }),
      );
      const cell = compareResults(results, (await resolveBaseline('base', { cwd: dir, current: results }))!, 0.1).cells.get(READ)!;
      expect(cell.signals!.cpu!.verdict).toBe('inconclusive');
    } finally {
      await cleanup();
    }
  });

  it('A/A: no query changes, no CPU, DB time or memory regressed or improved', async () => {
    const { dir, cleanup } = await scratch();
    try {
      const results = await sidedRunWithSignals(dir, { ...inputs, repeats: '3' }, (_, side, r) =>
        makeSignals({ cpuMsPerRequest: 4 * jitter(r, side), peakBytes: Math.round(180e6 * jitter(r + 1, side)) }),
      );
      const comparison = compareResults(results, (await resolveBaseline('base', { cwd: dir, current: results }))!, 0.1);
      for (const cell of comparison.cells.values()) {
        expect(cell.signals!.queries).toMatchObject({ verdict: 'unchanged', statements: [] });
        for (const signal of ['cpu', 'db', 'memory'] as const) expect(['unchanged', 'inconclusive']).toContain(cell.signals![signal]!.verdict);
        expect(cell.decidedBy).toBe('throughput');
      }
    } finally {
      await cleanup();
    }
  });

  it('a count that varies between samples says so and gets an interval instead', async () => {
    const { dir, cleanup } = await scratch();
    try {
      const results = await sidedRunWithSignals(dir, { ...inputs, latencies: '0', repeats: '3' }, (_, side, r) =>
        makeSignals({ statements: [{ ...IO_READ[0]!, perRequest: side === 'head' ? 2 + r : 1 }, IO_READ[1]!] }),
      );
      const comparison = compareResults(results, (await resolveBaseline('base', { cwd: dir, current: results }))!, 0.1);
      const queries = comparison.cells.get(READ)!.signals!.queries!;
      expect(queries.varies).toEqual({ base: [2, 2], head: [4, 6] });
      // Its interval (3 pairs, t with 2 df) lies beyond +10 %, but among 10 hypotheses (5 intervals × 2 directions) it is
      // not strong enough for Holm: withheld, inconclusive (as is the DB time its extra statements add).
      expect(queries.interval!.lower).toBeGreaterThan(0.1);
      expect(queries.verdict).toBe('inconclusive');
      expect(comparison.family).toEqual({ method: 'holm', hypotheses: 10, alpha: expect.closeTo(0.05, 12) as number, withheld: 2 });
    } finally {
      await cleanup();
    }
  });
});

describe('fail-on-regression: a choice of signals', () => {
  it('true is throughput and queries, false none; a list picks; async-bench.yml takes a YAML list', () => {
    const failOn = (value: string) => failingSignals(buildConfig({ inputs: { 'fail-on-regression': value } }).compare);
    expect(failOn('true')).toEqual(['throughput', 'queries']);
    expect(failOn('false')).toEqual([]);
    expect(failOn('cpu, memory')).toEqual(['cpu', 'memory']);
    const file = (text: string) => failingSignals(buildConfig({ inputs: {}, file: { path: 'async-bench.yml', text } }).compare);
    expect(file('fail-on-regression: [queries, db]\n')).toEqual(['queries', 'db']);
    expect(file('fail-on-regression: true\n')).toEqual(['throughput', 'queries']);
  });

  it('a results.json from before the choice (failOnRegression true, no failOnSignals) fails on throughput and queries', async () => {
    const text = (await readFile(fixture('results/run-27.json'), 'utf8')).replace('"failOnRegression": false', '"failOnRegression": true');
    expect(text).toContain('"failOnRegression": true');
    expect(text).not.toContain('failOnSignals');
    expect(failingSignals(parseResults('run-27.json', text).config.compare)).toEqual(['throughput', 'queries']);
  });

  it('the CLI flag alone is true, and takes signals when given them', () => {
    expect(parse(['compare', 'r.json', '--fail-on-regression']).inputs['fail-on-regression']).toBe('true');
    expect(parse(['compare', '--fail-on-regression', 'r.json']).positionals).toEqual(['r.json']);
    expect(parse(['compare', 'r.json', '--fail-on-regression', 'queries,cpu']).inputs['fail-on-regression']).toBe('queries,cpu');
    expect(parse(['compare', 'r.json', '--fail-on-regression=false']).inputs['fail-on-regression']).toBe('false');
  });
});
