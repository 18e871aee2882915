import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseResults, type Results } from '../src/core/results/results.js';
import { classifyRoute, kindOfShare, measureCpuShare, ROUTE_CLASS_CUTOFFS } from '../src/core/report/route-class.js';
import { computeFindings } from '../src/core/report/findings.js';
import { renderFindings } from '../src/core/report/findings-text.js';
import { summarize } from '../src/core/report/summary.js';
import { fixture } from './helpers/fixtures.js';
import { makeResults } from './helpers/results.js';
import { makeSignals } from './helpers/signals.js';

/*
 * The rule on real numbers: two runs of the reference app on the real stack with signals
 * (fixtures/README.md, results/signals-*.json). The expected shares are computed here from the
 * raw JSON: the app's CPU-seconds per second of the window ÷ the busy workers of the
 * one-worker Sync setup, the median over the cell's two samples.
 */
async function real(name: string): Promise<{ results: Results; raw: RawResults }> {
  const text = await readFile(fixture('results', name), 'utf8');
  return { results: parseResults(name, text), raw: JSON.parse(text) as RawResults };
}

interface RawResults {
  cells: { id: string; samples: { metrics: { signals: { window: { seconds: number }; cpu: { app: { cpuMs: number } } } } }[] }[];
}

function handShare(raw: RawResults, id: string, busyWorkers: number): number {
  const shares = raw.cells
    .find((cell) => cell.id === id)!
    .samples.map(({ metrics: { signals } }) => signals.cpu.app.cpuMs / (signals.window.seconds * 1000) / busyWorkers)
    .sort((a, b) => a - b);
  return (shares[0]! + shares[1]!) / 2;
}

describe('routes classified from measurements', () => {
  it.each(['signals-sync-async-limited.json', 'signals-sync-workers.json'])('the study’s routes keep their classes on real numbers (%s)', async (name) => {
    const { results, raw } = await real(name);
    const classes = Object.fromEntries(results.config.routes.map((route) => [route.name, classifyRoute(results, route)]));
    expect(Object.fromEntries(Object.entries(classes).map(([route, c]) => [route, [c.kind, c.source]]))).toEqual({
      cpu: ['cpu', 'measured'],
      io_read: ['io', 'measured'],
      io_create: ['io', 'measured'],
    });
    for (const route of ['cpu', 'io_read', 'io_create']) {
      const share = measureCpuShare(results, route)!;
      // The one-worker Sync setup: it keeps one worker busy, whatever the cores.
      expect([share.setup.name, share.busyWorkers, share.latencyMs, share.samples]).toEqual(['sync', 1, 0, 2]);
      expect(share.share).toBeCloseTo(handShare(raw, `sync/${route}/0ms`, 1), 6);
    }
    // What the cut-offs rest on (docs/report.md): the cpu route reads well under 100 % on this shared host.
    const cpu = measureCpuShare(results, 'cpu')!.share;
    expect(cpu).toBeGreaterThanOrEqual(ROUTE_CLASS_CUTOFFS.cpuFrom);
    expect(cpu).toBeLessThan(0.7);
    expect(measureCpuShare(results, 'cpu')!.dbMsPerRequest).toBeLessThan(0.1);
  });

  it('five workers on two cores keep two busy: the share is over the cores, and still agrees with the names', async () => {
    const { results, raw } = await real('signals-sync-workers.json');
    const onlyWorkers = { ...results, config: { ...results.config, setups: results.config.setups.filter((s) => s.name === 'sync-workers') } };
    for (const [route, kind] of [
      ['cpu', 'cpu'],
      ['io_read', 'io'],
      ['io_create', 'io'],
    ] as const) {
      const share = measureCpuShare(onlyWorkers, route)!;
      expect([share.setup.name, share.busyWorkers]).toEqual(['sync-workers', 2]);
      expect(share.share).toBeCloseTo(handShare(raw, `sync-workers/${route}/0ms`, 2), 6);
      expect(classifyRoute(onlyWorkers, { name: route }).kind).toBe(kind);
    }
  });

  it('draws the lines where docs/report.md says', () => {
    const at = (share: number, db: number | null = 0) => kindOfShare({ share, cpuMsPerRequest: 10, dbMsPerRequest: db });
    expect([at(0.33), at(1 / 3), at(0.39), at(0.4), at(0.95), at(0.95, null)]).toEqual(['io', 'mixed', 'mixed', 'cpu', 'cpu', 'cpu']);
    // As long in the database as on the CPU: not bound by the CPU alone.
    expect(at(0.6, 10)).toBe('mixed');
  });

  const TEAM = `
setups:
  - sync
  - async-unlimited
routes:
  - { name: report, path: /report/ }
  - { name: search, path: /search/ }
  - { name: export, path: /export/, kind: io }
`;
  const LOAD = { 'sync/report': [20, 18, 17], 'async-unlimited/report': [12, 11, 10], 'sync/search': [30, 3, 1.5], 'async-unlimited/search': [40, 38, 36] };
  const teamRun = (cpuMs: Record<string, number>, signals = true) =>
    makeResults(
      {},
      (id) => {
        const [setup, route, ms] = id.split('/') as [string, string, string];
        const srps = LOAD[`${setup}/${route}` as keyof typeof LOAD]?.[[0, 100, 200].indexOf(parseInt(ms, 10))] ?? 10;
        // One worker serving `srps` a second over the 20 s window of makeSignals: service time 1000/srps ms.
        const successes = Math.round(srps * 20);
        const spec = { cpuMsPerRequest: cpuMs[route] ?? 1, successes, dbMsOverride: 0.5 };
        return { maxSrps: srps, steadySrps: srps, ...(signals ? { signals: makeSignals(spec) } : {}) };
      },
      TEAM,
    );

  it('tests the hypothesis on a team’s routes classified by their signals, and says how each was decided', () => {
    // report: 45 ms of CPU in a 50 ms service time (20 sRPS, one worker); search: 3 ms in 33 ms.
    const results = teamRun({ report: 45, search: 3, export: 1 });
    const findings = computeFindings(summarize(results));
    expect(findings.routes.map((r) => [r.route.name, r.kind, r.routeClass.source, r.hypothesis.status])).toEqual([
      ['report', 'cpu', 'measured', 'holds'],
      ['search', 'io', 'measured', 'holds'],
      ['export', 'io', 'given', 'fails'],
    ]);
    const text = renderFindings(results);
    expect(text).toContain('`report` · CPU route (measured: CPU 90.0 % of a 50 ms service time (45 ms a request, database 0.5 ms; Sync at 0 ms)).');
    expect(text).toContain('`search` · I/O route (measured: CPU 9.0 % of a 33 ms service time (3.0 ms a request, database 0.5 ms; Sync at 0 ms)).');
    expect(text).toContain('`export` · I/O route (`kind: io`, as given).');
    expect(text).not.toContain('Not tested on');
  });

  it('a mixed route is classified, and its hypothesis is not tested, saying why', () => {
    const results = teamRun({ report: 18, search: 3 });
    const report = computeFindings(summarize(results)).routes.find((r) => r.route.name === 'report')!;
    expect([report.kind, report.hypothesis]).toEqual(['mixed', { status: 'untested', reason: 'the route is bound by neither CPU nor I/O alone' }]);
    expect(renderFindings(results)).toContain('`report` · mixed route (measured: CPU 36.0 % of a 50 ms service time');
  });

  it('without signals, the study’s routes go by name and a team’s are unclassified, saying so', () => {
    const results = teamRun({}, false);
    expect(results.config.routes.map((route) => classifyRoute(results, route))).toEqual([
      { kind: 'unclassified', source: 'name', why: 'no CPU signals were collected' },
      { kind: 'unclassified', source: 'name', why: 'no CPU signals were collected' },
      { kind: 'io', source: 'given' },
    ]);
    const study = makeResults({ setups: 'async-limited', routes: 'cpu' }, () => ({}));
    expect(classifyRoute(study, study.config.routes[0]!)).toEqual({
      kind: 'cpu',
      source: 'name',
      why: 'no Sync setup ran, and an event loop’s CPU is no one request’s',
    });
  });

  it('says when the measurement disagrees with the study’s name', () => {
    const results = makeResults({ setups: 'sync', routes: 'cpu', latencies: '0' }, () => ({ signals: makeSignals({ cpuMsPerRequest: 5, successes: 400 }) }));
    // 400 successes in 20 s by one worker: a 50 ms service time, 5 ms of it CPU.
    expect(renderFindings(results)).toContain(
      'I/O route (measured: CPU 10.0 % of a 50 ms service time (5.0 ms a request, database 0.6 ms; Sync at 0 ms); the study calls it a CPU route)',
    );
  });
});
