import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../src/core/config/build.js';
import { ingestRun } from '../src/core/ingest/run-dir.js';
import { hostEnvironment } from '../src/core/results/environment.js';
import type { Results } from '../src/core/results/results.js';
import { computeFindings, crossovers, HYPOTHESIS, type Findings } from '../src/core/report/findings.js';
import { renderFindings } from '../src/core/report/findings-text.js';
import { summarize } from '../src/core/report/summary.js';
import { renderReport } from '../src/core/report/body.js';
import { fixture } from './helpers/fixtures.js';
import { makeResults } from './helpers/results.js';

/*
 * The expected values are computed here from the fixture's CSVs, independently of the
 * code under test: csv-parse reads each cell, max sRPS and successes by the study's
 * definitions, then winners, factors, the hypothesis and the crossover by the
 * definitions in docs/report.md, "The report, section by section".
 */
const SETUPS = ['sync', 'async-limited', 'async-unlimited'];
const KIND: Record<string, 'sync' | 'async'> = { sync: 'sync', 'async-limited': 'async', 'async-unlimited': 'async' };
const LABEL: Record<string, string> = { sync: 'Sync', 'async-limited': 'Async Limited', 'async-unlimited': 'Async Unlimited' };
const LATENCIES = [0, 100, 200];

type Hand = Record<string, { srps: number; successes: number }>;

async function handNumbers(): Promise<Hand> {
  const hand: Hand = {};
  for (const setup of SETUPS) {
    for (const route of ['cpu', 'io_read', 'io_create']) {
      for (const ms of LATENCIES) {
        const dir = fixture('run-27', 'cells', `${setup}__${route}__${ms}ms`);
        const history = parse(await readFile(join(dir, 'locust_stats_history.csv')), { columns: true }) as Record<string, string>[];
        const stats = parse(await readFile(join(dir, 'locust_stats.csv')), { columns: true }) as Record<string, string>[];
        const total = stats.find((row) => row.Name === 'Aggregated')!;
        hand[`${setup}/${route}/${ms}`] = {
          srps: Math.max(...history.filter((row) => row.Name === 'Aggregated').map((row) => Number(row['Requests/s']) - Number(row['Failures/s']))),
          successes: Number(total['Request Count']) - Number(total['Failure Count']),
        };
      }
    }
  }
  return hand;
}

const bestOf = (hand: Hand, route: string, ms: number, kind: 'sync' | 'async', metric: 'srps' | 'successes') =>
  Math.max(...SETUPS.filter((s) => KIND[s] === kind).map((s) => hand[`${s}/${route}/${ms}`]![metric]));

describe('findings of the 27-cell fixture', () => {
  let hand: Hand;
  let results: Results;
  let findings: Findings;
  let text: string;
  beforeAll(async () => {
    hand = await handNumbers();
    ({ results } = await ingestRun(fixture('run-27'), buildConfig({ inputs: {} }), hostEnvironment()));
    findings = computeFindings(summarize(results));
    text = renderFindings(results);
  });

  it.each(['cpu', 'io_read', 'io_create'])('%s: the setup with the most max sRPS at 200 ms, and by what factor', (route) => {
    const ranked = SETUPS.map((setup) => ({ setup, srps: hand[`${setup}/${route}/200`]!.srps })).sort((a, b) => b.srps - a.srps);
    const [first, second] = ranked as [(typeof ranked)[0], (typeof ranked)[0]];
    const lead = findings.routes.find((r) => r.route.name === route)!.bySrps.find((l) => l.latencyMs === 200)!;
    expect(lead.winner.setup.name).toBe(first.setup);
    expect(lead.runnerUp!.setup.name).toBe(second.setup);
    expect(lead.factor).toBeCloseTo(first.srps / second.srps, 10);
    // As printed, after the winner's name: "… 200 ms (35.0, 2.30× Async Limited)"
    const line = text.split('\n').find((l) => l.includes(`\`${route}\` ·`))!;
    const clause = `200 ms (${first.srps.toFixed(1)}, ${(first.srps / second.srps).toFixed(2)}× ${LABEL[second.setup]})`;
    expect(line).toContain(clause);
    expect(line.slice(0, line.indexOf(clause)).lastIndexOf(LABEL[first.setup]!)).toBeGreaterThan(line.slice(0, line.indexOf(clause)).lastIndexOf(';'));
  });

  it('the I/O routes: the hypothesis holds by both of its conditions', () => {
    for (const route of ['io_read', 'io_create']) {
      const asyncTop = bestOf(hand, route, 200, 'async', 'srps');
      const syncTop = bestOf(hand, route, 200, 'sync', 'srps');
      const asyncKept = asyncTop / bestOf(hand, route, 0, 'async', 'srps');
      const syncKept = syncTop / bestOf(hand, route, 0, 'sync', 'srps');
      const holds = asyncTop >= HYPOTHESIS.ioMinFactor * syncTop && asyncKept > syncKept;
      // io_read: 35.0 vs 4.4 (7.95×); keeps 35.0/813.2 = 4.3 % vs 4.4/201.0 = 2.2 %.
      expect(holds).toBe(true);
      const found = findings.routes.find((r) => r.route.name === route)!.hypothesis;
      expect(found.status).toBe('holds');
      if (found.status !== 'untested' && found.check.kind === 'io') {
        expect(found.check.factor).toBeCloseTo(asyncTop / syncTop, 10);
        expect(found.check.asyncKept).toBeCloseTo(asyncKept, 10);
        expect(found.check.syncKept).toBeCloseTo(syncKept, 10);
      }
    }
  });

  it('cpu: Sync holds its own on total successes at every latency', () => {
    const shares = LATENCIES.map((ms) => bestOf(hand, 'cpu', ms, 'sync', 'successes') / bestOf(hand, 'cpu', ms, 'async', 'successes'));
    // 612/604, 537/502, 297/290: all ≥ 0.9.
    expect(shares.every((share) => share >= HYPOTHESIS.cpuMinShare)).toBe(true);
    const found = findings.routes.find((r) => r.route.name === 'cpu')!.hypothesis;
    expect(found.status).toBe('holds');
    expect(found.status !== 'untested' && found.check.kind === 'cpu' && found.check.lowest.share).toBeCloseTo(Math.min(...shares), 10);
    expect(text).toMatch(
      /^\*\*What this run shows\.\*\* The study’s hypothesis holds: on `io_read` and `io_create` Async keeps its throughput under added latency, and on `cpu` Sync holds its own\.$/m,
    );
  });

  it('crossovers: where (best Async − best Sync) changes sign, interpolated linearly', () => {
    for (const route of ['cpu', 'io_read', 'io_create']) {
      const diffs = LATENCIES.map((ms) => bestOf(hand, route, ms, 'async', 'srps') - bestOf(hand, route, ms, 'sync', 'srps'));
      const expected: number[] = [];
      for (let i = 1; i < diffs.length; i += 1) {
        const [a, b] = [diffs[i - 1]!, diffs[i]!];
        if (Math.sign(a) !== Math.sign(b)) expected.push(LATENCIES[i - 1]! + (100 * a) / (a - b));
      }
      const found = findings.routes.find((r) => r.route.name === route)!.crossovers;
      expect(found.map((c) => c.latencyMs)).toHaveLength(expected.length);
      found.forEach((c, i) => expect(c.latencyMs).toBeCloseTo(expected[i]!, 8));
    }
    // cpu: Async Limited leads by 74.6 − 70.2 at 0 ms and 72.2 − 70.0 = 2.2 at 100 ms; Sync by
    // 35.2 − 32.6 = 2.6 at 200 ms: 100 + 100 × 2.2 / 4.8 ≈ 145.8 ms, Sync overtaking.
    const cpu = findings.routes.find((r) => r.route.name === 'cpu')!.crossovers;
    expect(cpu).toEqual([expect.objectContaining({ overtaker: 'sync', interpolated: true, between: [100, 200] })]);
    expect(cpu[0]!.latencyMs).toBeCloseTo(145.83, 1);
    expect(text).toContain('Sync overtakes Async at ≈ 146 ms, interpolated between 100 ms and 200 ms.');
    expect(text.split('\n').filter((line) => line.includes('Async is ahead of Sync at every latency measured: no crossover.'))).toHaveLength(2);
  });

  it('says total successes when they rank differently from max sRPS', () => {
    // io_read at 0 ms: Async Limited has the most max sRPS (813.2), Async Unlimited the most successes (7,000 vs 5,986).
    expect(hand['async-limited/io_read/0']!.srps).toBeGreaterThan(hand['async-unlimited/io_read/0']!.srps);
    expect(hand['async-unlimited/io_read/0']!.successes).toBeGreaterThan(hand['async-limited/io_read/0']!.successes);
    const ioRead = text.split('\n').find((line) => line.includes('`io_read` · I/O route'))!;
    expect(ioRead).toContain(`By total successes: Async Unlimited at 0 ms (7,000, ${(7000 / 5986).toFixed(2)}× Async Limited).`);
  });

  it('leads the report: the recommendation, findings, then the comparison, then the tables', () => {
    const body = renderReport(results, { comparison: null });
    const at = (text: string) => body.indexOf(text);
    expect(at('**What this run shows.**')).toBeGreaterThan(0);
    expect(at('**What this run shows.**')).toBeLessThan(at('**Table 1'));
    expect(body.split('\n')[1]).toBe('');
    expect(body.split('\n')[2]).toMatch(/^\*\*(Serve it with|No clear winner)/);
    expect(body.split('\n')[4]).toMatch(/^\*\*What this run shows\.\*\*/);
  });
});

describe('findings on crafted runs', () => {
  const numbers = (table: Record<string, [number, number, number]>) => (id: string) => {
    const [setup, route, latency] = id.split('/');
    const row = table[`${setup}/${route}`];
    const value = row ? row[[0, 100, 200].indexOf(Number(latency!.replace('ms', '')))]! : 50;
    return { maxSrps: value, totalSuccesses: value * 100 };
  };

  it('interpolates where Async overtakes Sync, and calls a narrow lead a failed hypothesis', () => {
    const results = makeResults({}, numbers({ 'sync/io_read': [30, 10, 6], 'async-limited/io_read': [20, 14, 9], 'async-unlimited/io_read': [10, 12, 8] }));
    const route = computeFindings(summarize(results)).routes.find((r) => r.route.name === 'io_read')!;
    // Async − Sync: −10 at 0 ms, +4 at 100 ms: 0 + 100 × 10 / 14 ≈ 71.4 ms.
    expect(route.crossovers).toEqual([{ overtaker: 'async', latencyMs: (100 * 10) / 14, interpolated: true, between: [0, 100] }]);
    // 9 / 6 = 1.5× at 200 ms: short of 2×, though Async keeps 45 % against Sync's 20 %.
    expect(route.hypothesis.status).toBe('fails');
    const text = renderFindings(results);
    expect(text).toContain('Async overtakes Sync at ≈ 71 ms, interpolated between 0 ms and 100 ms.');
    expect(text).toContain(
      '❌ Hypothesis does not hold: at 200 ms the best Async setup serves 1.50× Sync’s max sRPS (needs ≥ 2×: short), and keeps 45.0 % of its 0 ms throughput where Sync keeps 20.0 %.',
    );
    // io_create (50 everywhere, a tie) fails too: Async is not 2× Sync there.
    expect(text).toContain('It does not hold on `io_read` and `io_create`.');
    expect(text).toContain('Sync at 0 ms (50.0, tied with Async Limited)');
  });

  it('classifies custom setups by interface and leaves custom routes unclassified, saying so', () => {
    const file = [
      'setups:',
      '  - sync',
      '  - name: uvicorn-4',
      '    label: Uvicorn ×4',
      '    interface: asgi',
      '    command: [uvicorn, --workers, "4", --port, "{port}", "{module}"]',
      'routes:',
      '  - io_read',
      '  - name: noop',
      '    path: /noop/',
    ].join('\n');
    const results = makeResults({}, numbers({ 'sync/io_read': [30, 3, 1.5], 'uvicorn-4/io_read': [40, 38, 36] }), file);
    const findings = computeFindings(summarize(results));
    expect(findings.routes.map((r) => [r.route.name, r.kind, r.hypothesis.status])).toEqual([
      ['io_read', 'io', 'holds'],
      ['noop', 'unclassified', 'untested'],
    ]);
    const text = renderFindings(results);
    expect(text).toContain('`noop` · unclassified route (no CPU signals were collected; set `kind:` on the route to classify it).');
    expect(text).toContain('Not tested on `noop`.');
    expect(text).toContain('Hypothesis not tested: the route is neither an I/O nor a CPU route.');
    expect(text).toContain('Uvicorn ×4 at 0 ms (40.0, 1.33× Sync)');
  });

  it('does not ask Sync or Async when every setup is one kind', () => {
    const results = makeResults({ setups: 'sync' }, () => ({}));
    expect(renderFindings(results)).toMatch(/^\*\*What this run shows\.\*\* Every setup is Sync \(WSGI\)/);
    expect(computeFindings(summarize(results)).routes.every((r) => r.hypothesis.status === 'untested')).toBe(true);
  });

  it('skips failed cells: the winner is the best measured setup', () => {
    const results = makeResults({}, (id) => (id === 'async-unlimited/io_read/200ms' ? null : numbers({ 'async-unlimited/io_read': [90, 90, 90] })(id)));
    const lead = computeFindings(summarize(results)).routes.find((r) => r.route.name === 'io_read')!.bySrps;
    expect(lead.map((l) => l.winner.setup.name)).toEqual(['async-unlimited', 'async-unlimited', 'sync']);
  });
});

describe('crossovers', () => {
  const points = (...rows: [number, number, number][]) => rows.map(([latencyMs, sync, async]) => ({ latencyMs, sync, async }));
  it('none when one kind stays ahead', () => {
    expect(crossovers(points([0, 10, 20], [100, 5, 19], [200, 1, 18]))).toEqual([]);
  });
  it('a tie at a measured latency is the crossing itself, not interpolated', () => {
    expect(crossovers(points([0, 10, 5], [100, 8, 8], [200, 4, 7]))).toEqual([{ overtaker: 'async', latencyMs: 100, interpolated: false, between: [0, 200] }]);
  });
  it('crossing back and forth is reported each time', () => {
    const found = crossovers(points([0, 10, 5], [100, 5, 10], [200, 10, 5]));
    expect(found.map((c) => [c.overtaker, c.latencyMs])).toEqual([
      ['async', 50],
      ['sync', 150],
    ]);
  });
});
