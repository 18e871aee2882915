import { describe, expect, it } from 'vitest';
import { buildConfig } from '../src/core/config/build.js';
import { ingestRun } from '../src/core/ingest/run-dir.js';
import { concurrency, kindByName, setupKind } from '../src/core/report/classify.js';
import { renderFindings } from '../src/core/report/findings-text.js';
import { summarize } from '../src/core/report/summary.js';
import { computeTheory } from '../src/core/report/theory.js';
import { hostEnvironment } from '../src/core/results/environment.js';
import { fixture } from './helpers/fixtures.js';
import { makeResults } from './helpers/results.js';

/** The study's Tables 2 and 3 for Sync (0/100/200 ms); every other cell 50. */
const PAPER_SYNC: Record<string, number[]> = { 'sync/io_read': [23.0, 1.2, 0.6], 'sync/io_create': [143.6, 1.4, 0.7] };
const paperRun = () =>
  makeResults({}, (id) => {
    const [setup, route, latency] = id.split('/');
    const row = PAPER_SYNC[`${setup}/${route}`];
    return { maxSrps: row ? row[[0, 100, 200].indexOf(parseInt(latency!, 10))]! : 50 };
  });

describe('the theory line X ≤ W / (s + k·L)', () => {
  it('fits the study’s own Sync numbers with about 8 round trips, not 4', () => {
    /*
     * io_read, W = 1: s = 1 / 23.0 = 43.5 ms.
     *   L = 0.1 s: 1 / 1.2 − s = 0.8333 − 0.0435 = 0.7899 s → 7.90 round trips
     *   L = 0.2 s: 1 / 0.6 − s = 1.6667 − 0.0435 = 1.6232 s → 8.12 round trips
     *   least squares: k = (0.1 × 0.7899 + 0.2 × 1.6232) / (0.1² + 0.2²) = 0.40362 / 0.05 = 8.07
     * So with one worker, each request waited about 8 added latencies, not 4: netem delays
     * every packet the app sends, and a Sync request sends in sequence the connection set-up
     * and authentication to PostgreSQL (Django opens a connection per request by default),
     * its queries (count and page) and the response to Locust.
     * io_create: s = 1 / 143.6 = 6.96 ms; k = (0.1 × 0.70732 + 0.2 × 1.42161) / 0.05 = 7.10.
     */
    const theory = computeTheory(summarize(paperRun()), 0.1);
    const ioRead = theory.find((t) => t.route.name === 'io_read')!;
    expect(ioRead.k).toBeCloseTo(8.0725, 3);
    expect(ioRead.roundTrips).toBe(8);
    expect(ioRead.setups[0]!.serviceTime).toBeCloseTo(1 / 23, 10);
    // Bound with 8 round trips: 1 / (0.0435 + 0.8) = 1.19 at 100 ms, 1 / (0.0435 + 1.6) = 0.61 at 200 ms.
    expect(ioRead.setups[0]!.points.map((p) => Number(p.bound.toFixed(3)))).toEqual([1.186, 0.608]);
    expect(ioRead.setups[0]!.points.every((p) => p.callout === null)).toBe(true);
    expect(theory.find((t) => t.route.name === 'io_create')!.k).toBeCloseTo(7.101, 2);
    expect(theory.map((t) => t.route.name)).toEqual(['io_read', 'io_create']);
  });

  it('on the fixture, one round trip per request: its Sync target holds a lock through the delay', async () => {
    const { results } = await ingestRun(fixture('run-27'), buildConfig({ inputs: {} }), hostEnvironment());
    const ioRead = computeTheory(summarize(results), 0.1).find((t) => t.route.name === 'io_read')!;
    // s = 1 / 201.0 = 4.98 ms; (0.1 × (1/9.2 − s) + 0.2 × (1/4.4 − s)) / 0.05 = 1.097.
    const s = 1 / 201;
    expect(ioRead.k).toBeCloseTo((0.1 * (1 / 9.2 - s) + 0.2 * (1 / 4.4 - s)) / 0.05, 6);
    expect(ioRead.roundTrips).toBe(1);
    expect(renderFindings(results)).toContain(
      'Theory line X ≤ W / (s + k·L): k fitted 1.1, so 1 round trip of added latency per request. Sync, W = 1, s = 5.0 ms: 9.2 sRPS at 100 ms against a bound of 9.5, 4.4 sRPS at 200 ms against a bound of 4.9.',
    );
  });

  it('calls out a pool that did not scale, and says what it points at', () => {
    const file = [
      'setups:',
      '  - sync',
      '  - name: sync-4',
      '    label: Sync ×4',
      '    interface: wsgi',
      '    command: [gunicorn, --workers, "4", --bind, "0.0.0.0:{port}", "{module}"]',
      '  - async-unlimited',
      'routes: [io_read]',
    ].join('\n');
    // sync (W = 1, the fewest workers, so k comes from it): s = 10 ms, k = 1. sync-4 serves 400
    // at 0 ms (s = 4 / 400 = 10 ms) but only 8 at 100 ms, where its bound is 4 / (0.01 + 0.1) =
    // 36.4: 22 % of it; and 6 at 200 ms, 31 % of 4 / 0.21 = 19.0, where Locust's CPU warned.
    const table: Record<string, number[]> = { 'sync/io_read': [100, 9.1, 4.8], 'sync-4/io_read': [400, 8, 6] };
    const results = makeResults(
      {},
      (id) => {
        const [setup, route, latency] = id.split('/');
        const row = table[`${setup}/${route}`];
        return { maxSrps: row ? row[[0, 100, 200].indexOf(parseInt(latency!, 10))]! : 90, locustCpuWarning: id === 'sync-4/io_read/200ms' };
      },
      file,
    );
    const [ioRead] = computeTheory(summarize(results), 0.1);
    // (0.1 × (1/9.1 − 0.01) + 0.2 × (1/4.8 − 0.01)) / 0.05 = 0.99: sync-4's points do not enter the fit.
    expect(ioRead!.k).toBeCloseTo((0.1 * (1 / 9.1 - 0.01) + 0.2 * (1 / 4.8 - 0.01)) / 0.05, 6);
    expect(ioRead!.setups.find((t) => t.setup.name === 'sync')!.points.every((p) => p.callout === null)).toBe(true);
    const pool = ioRead!.setups.find((t) => t.setup.name === 'sync-4')!;
    expect(pool.concurrency).toEqual({ workers: 4, source: 'command' });
    const at100 = pool.points.find((p) => p.latencyMs === 100)!;
    expect(at100.bound).toBeCloseTo(4 / (0.01 + ioRead!.roundTrips! * 0.1), 6);
    expect(at100.ratio).toBeLessThan(0.5);
    expect(at100.callout).toMatch(/a limit outside the worker pool: the database/);
    expect(pool.points.find((p) => p.latencyMs === 200)!.callout).toMatch(/the load generator: Locust’s CPU passed 90 %/);
    expect(renderFindings(results)).toMatch(
      /Sync ×4, W = 4, s = 10\.0 ms: ⚠️ at 100 ms, 8\.0 sRPS is 2\d % of its bound of 36\.\d, which points at a limit outside the worker pool/,
    );
  });

  it('uses a fit between whole numbers as it is, and says it is odd', () => {
    // 1/X = 0.005 + 0.6·L exactly: 0.6 round trips per request, which no request makes.
    const results = makeResults({ latencies: '0,50,100,200', routes: 'io_read' }, (id) => {
      const ms = parseInt(id.split('/')[2]!, 10);
      return { maxSrps: id.startsWith('sync/') ? 1 / (0.005 + 0.6 * (ms / 1000)) : 300 };
    });
    const [theory] = computeTheory(summarize(results), 0.1);
    expect(theory!.k).toBeCloseTo(0.6, 10);
    expect(theory!.roundTrips).toBeCloseTo(0.6, 10);
    expect(theory!.setups[0]!.points.map((p) => p.callout)).toEqual([null, null, null]);
    expect(renderFindings(results)).toContain('k fitted 0.6 round trips of added latency per request (not near a whole number of round trips');
  });

  it('says why there is no line when there is no 0 ms cell', () => {
    const results = makeResults({ latencies: '50,100' }, () => ({}));
    const theory = computeTheory(summarize(results), 0.1);
    expect(theory[0]).toMatchObject({ k: null, note: 'no 0 ms cell to measure the service time s' });
    expect(renderFindings(results)).toContain('Theory line X ≤ W / (s + k·L): not drawn, no 0 ms cell to measure the service time s.');
  });
});

describe('classification', () => {
  it('reads W from the setup: workers × threads, WEB_CONCURRENCY, else 1', () => {
    const at = (command: string[], env: Record<string, string> = {}) => concurrency({ command, env });
    expect(at(['gunicorn', '--workers', '4', '{module}'])).toEqual({ workers: 4, source: 'command' });
    expect(at(['gunicorn', '-w4'])).toEqual({ workers: 4, source: 'command' });
    expect(at(['gunicorn', '-w', '3'])).toEqual({ workers: 3, source: 'command' });
    expect(at(['gunicorn', '--workers=2', '--threads', '3'])).toEqual({ workers: 6, source: 'command' });
    expect(at(['gunicorn', '{module}'], { WEB_CONCURRENCY: '5' })).toEqual({ workers: 5, source: 'WEB_CONCURRENCY' });
    expect(at(['gunicorn', '--worker-class', 'sync', '{module}'])).toEqual({ workers: 1, source: 'default' });
    expect(concurrency({ command: ['x'], env: {}, workers: 7 } as never)).toEqual({ workers: 7, source: 'setup' });
  });

  // A route's own `kind:` overriding its name is classifyRoute's (route-class.test.ts).
  it('tells Sync from Async by interface, and the built-in routes by name', () => {
    expect(setupKind({ interface: 'wsgi' })).toBe('sync');
    expect(setupKind({ interface: 'asgi' })).toBe('async');
    expect(['cpu', 'io_read', 'io_create', 'search'].map(kindByName)).toEqual(['cpu', 'io', 'io', 'unclassified']);
  });
});
