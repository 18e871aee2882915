import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/core/report/body.js';
import { renderHtmlReport } from '../src/core/report/html/index.js';
import { recommend } from '../src/core/report/recommendation.js';
import { renderRecommendation } from '../src/core/report/recommendation-text.js';
import { tableList } from '../src/core/report/tables.js';
import type { Results } from '../src/core/results/results.js';
import { readFile } from 'node:fs/promises';
import { deriveSignals, parseFinalStats, parseRawSignals } from '../src/core/ingest/signals.js';
import type { Signals } from '../src/core/results/schema.js';
import { fixture } from './helpers/fixtures.js';
import { makeResults, withRepeats } from './helpers/results.js';
import { makeSignals } from './helpers/signals.js';

/*
 * Two setups a team deploys, five repeats a cell (the default noise floor, 8 % between runs,
 * then gives intervals of about ±8 % for equal rates: a tie within the 10 % threshold).
 * Steady sRPS per latency 0, 100, 200 ms; withRepeats spreads each by ±1 % over the repeats.
 */
const FILE = 'setups: [sync-workers, async-workers]\nroutes: [io_read]\n';

function run(steady: Record<string, [number, number, number]>, extra: (setup: string) => object = () => ({})): Results {
  const results = makeResults(
    {},
    (id) => {
      const setup = id.split('/')[0]!;
      return { signals: { ...makeSignals(), memory: { appPeakBytes: 5 * 2 ** 20 * 60, workers: 5, perWorkerPeakBytes: 60 * 2 ** 20 } }, ...extra(setup) };
    },
    FILE,
  );
  return withRepeats(results, (id) => {
    const [setup, , ms] = id.split('/') as [string, string, string];
    const value = steady[setup]![[0, 100, 200].indexOf(parseInt(ms, 10))]!;
    return [0.99, 1.01, 1, 0.995, 1.005].map((f) => value * f);
  });
}

describe('the recommendation', () => {
  it('names the setup, the latencies where it is ahead, by how much, where they tie, and the cost', () => {
    const results = run({ 'sync-workers': [100, 20, 10], 'async-workers': [100, 66, 34] }, (setup) =>
      setup === 'async-workers' ? { failureRatio: 0.02 } : {},
    );
    const text = renderRecommendation(results);
    expect(text).toMatch(
      /^\*\*Serve it with Async workers:\*\* at 100–200 ms it serves 3\.3–3\.4× the steady sRPS of Sync workers with the same 5 workers; at 0 ms they tie \(±\d\.\d %\)\. Cost: failures 2\.0 % against 0\.0 %; peak memory per worker 60\.0 MiB against 60\.0 MiB\.$/,
    );
    const tie = Number(/±(\d\.\d) %/.exec(text)![1]);
    expect(tie).toBeLessThan(10);
    // Consistent with the tables: where it is ahead, its max sRPS is the larger in Table 1.
    const [table] = tableList(results, null);
    for (const [ms, sync, async] of [
      [100, 20, 66],
      [200, 10, 34],
    ] as const) {
      const row = table!.split('\n').find((line) => line.startsWith(`| ${ms} `))!;
      const [syncCell, asyncCell] = row
        .split('|')
        .slice(2, 4)
        .map((cell) => parseFloat(cell.trim()));
      expect(syncCell).toBeCloseTo(sync * 1.1, 1);
      expect(asyncCell).toBeCloseTo(async * 1.1, 1);
      expect(asyncCell! / syncCell!).toBeCloseTo(async / sync, 6);
    }
  });

  it('names the routes where it is ahead when it is ahead on only some at a latency, not reading one route’s factor as the app’s', () => {
    // io_read: async ahead at 100 and 200 ms; cpu: equal everywhere; at 0 ms both routes tie.
    const steady: Record<string, [number, number, number]> = {
      'sync-workers/io_read': [100, 20, 10],
      'async-workers/io_read': [100, 66, 34],
      'sync-workers/cpu': [50, 50, 50],
      'async-workers/cpu': [50, 50, 50],
    };
    const twoRoutes = () =>
      withRepeats(
        makeResults({}, () => ({}), 'setups: [sync-workers, async-workers]\nroutes: [io_read, cpu]\n'),
        (id) => {
          const [setup, route, ms] = id.split('/') as [string, string, string];
          return [0.99, 1.01, 1, 0.995, 1.005].map((f) => steady[`${setup}/${route}`]![[0, 100, 200].indexOf(parseInt(ms, 10))]! * f);
        },
      );
    expect(renderRecommendation(twoRoutes())).toMatch(
      /^\*\*Serve it with Async workers:\*\* at 100–200 ms it serves 3\.3–3\.4× the steady sRPS of Sync workers on `io_read` \(not beaten beyond the noise on the other routes\); at 0 ms they tie \(±\d\.\d %\)\. Cost: no failures\.$/,
    );
    // Ahead on every route at 200 ms, on io_read alone at 100 ms: the app's answer first, then the one route's.
    steady['async-workers/cpu'] = [50, 50, 80];
    expect(renderRecommendation(twoRoutes())).toMatch(
      /^\*\*Serve it with Async workers:\*\* at 200 ms it serves 1\.6–3\.4× the steady sRPS of Sync workers; at 100 ms 3\.3× that of Sync workers on `io_read` \(not beaten beyond the noise on the other routes\); at 0 ms they tie/,
    );
  });

  it('leads the comment and report.html, right under the headline, and stays when the comment shrinks', () => {
    const results = run({ 'sync-workers': [100, 20, 10], 'async-workers': [100, 66, 34] });
    const body = renderReport(results, { comparison: null });
    expect(body.split('\n')[2]).toMatch(/^\*\*Serve it with Async workers:\*\*/);
    expect(renderReport(results, { comparison: null, maxLength: 2_500 })).toContain('**Serve it with Async workers:**');
    const html = renderHtmlReport(results, { comparison: null, series: new Map() });
    expect(html.indexOf('<strong>Serve it with Async workers:</strong>')).toBeGreaterThan(html.indexOf('<header>'));
    expect(html.indexOf('<strong>Serve it with Async workers:</strong>')).toBeLessThan(html.indexOf('id="findings"'));
  });

  it('says "no clear winner" when the setups do not differ beyond the noise', () => {
    const results = run({ 'sync-workers': [100, 50, 30], 'async-workers': [102, 51, 29.5] });
    expect(recommend(results).kind).toBe('no-clear-winner');
    expect(renderRecommendation(results)).toMatch(
      /^\*\*No clear winner:\*\* Sync workers and Async workers do not differ beyond the noise \(every difference within ±\d+\.\d %, or too uncertain to call\); choose by cost, or measure with more repeats\.$/,
    );
  });

  it('says "no clear winner" when the evidence is mixed, naming who leads where', () => {
    const results = run({ 'sync-workers': [200, 40, 10], 'async-workers': [100, 41, 30] });
    expect(renderRecommendation(results)).toBe(
      '**No clear winner:** the evidence is mixed. Sync workers leads at 0 ms on `io_read`; Async workers leads at 200 ms on `io_read`. ' +
        'Choose by the latency and the routes your app sees in production.',
    );
  });

  it('does not pick a setup whose cell failed where another served', () => {
    const results = run({ 'sync-workers': [100, 20, 10], 'async-workers': [100, 66, 34] });
    const failed = {
      ...results,
      cells: results.cells.map((cell) =>
        cell.id === 'async-workers/io_read/0ms'
          ? { ...cell, status: 'failed' as const, reason: 'app not healthy', metrics: null, samples: undefined, summary: undefined }
          : cell,
      ),
    } as Results;
    expect(renderRecommendation(failed)).toMatch(/^\*\*No clear winner:\*\* the evidence is mixed\. Sync workers leads at 0 ms/);
  });

  /** The connections of a captured shop sample (fixtures/README.md "signals/"), as ingest derives them. */
  async function capturedConnections(cell: string): Promise<Signals['connections']> {
    const path = (file: string) => fixture('signals', 'connections', cell, file);
    const counts = parseFinalStats(cell, await readFile(path('locust_final.json'), 'utf8'));
    return deriveSignals(parseRawSignals(cell, await readFile(path('signals.json'), 'utf8')), counts).signals!.connections;
  }

  it("gives the database connections in the cost, from the routes that open any (captured: the shop's detail and quote)", async () => {
    const captured = {
      'gthread/io_read': await capturedConnections('gthread__detail__0ms'),
      'async-workers/io_read': await capturedConnections('async-workers__detail__0ms'),
      'gthread/cpu': await capturedConnections('gthread__quote__0ms'),
      'async-workers/cpu': await capturedConnections('gthread__quote__0ms'),
    } as Record<string, Signals['connections']>;
    const results = (override: (key: string) => Signals['connections'] = (key) => captured[key]!) =>
      withRepeats(
        makeResults(
          {},
          (id) => {
            const [setup, route] = id.split('/') as [string, string];
            return { signals: { ...makeSignals(), connections: override(`${setup}/${route}`) } };
          },
          'setups: [gthread, async-workers]\nroutes: [io_read, cpu]\n',
        ),
        (id) => {
          const [setup, , ms] = id.split('/') as [string, string, string];
          const steady = setup === 'gthread' ? [100, 20, 10] : [100, 66, 34];
          return [0.99, 1.01, 1, 0.995, 1.005].map((f) => steady[[0, 100, 200].indexOf(parseInt(ms, 10))]! * f);
        },
      );
    // The route without a query (0 opened under both) does not dilute the medians to 0.5.
    expect(renderRecommendation(results())).toMatch(
      /Cost: no failures; peak memory per worker 171\.7 MiB against 171\.7 MiB; database connections open on average 7\.3 against 6\.9; database connections opened per request 1\.0 against 1\.0\.$/,
    );
    // A pool's connections are open at the window's edges: no exact mean, so only what each request opened.
    const pooled = (key: string) =>
      key === 'async-workers/io_read' ? { opened: 3, openedPerRequest: 0.002, openAtStart: 8, openAtEnd: 8, meanOpen: null } : captured[key]!;
    expect(renderRecommendation(results(pooled))).toMatch(/; database connections opened per request 0\.0 against 1\.0\.$/);
    // Results from before the connections were read: no connections clause.
    expect(renderRecommendation(results(() => undefined))).toMatch(/Cost: no failures; peak memory per worker 171\.7 MiB against 171\.7 MiB\.$/);
  });

  it('has nothing to choose with one setup', () => {
    const results = makeResults({ setups: 'sync' }, () => ({}));
    expect(renderRecommendation(results)).toBe('**Recommendation:** only Sync was measured, so there is no setup to choose between.');
  });
});
