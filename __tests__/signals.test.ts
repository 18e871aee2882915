import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCell } from '../src/core/ingest/cell.js';
import { deriveSignals, parseFinalStats, parseRawSignals, statementId, type RawSignals } from '../src/core/ingest/signals.js';
import { fixture, placeCell, scratch } from './helpers/fixtures.js';

/** A window's raw counters as the stack writes them; each test changes what it is about. */
function raw(overrides: Partial<RawSignals> = {}): RawSignals {
  return {
    version: 1,
    window: { startedAt: '2026-12-07T04:32:56.368Z', seconds: 10, drained: true },
    collectSeconds: 0.2,
    cgroup: 'v1',
    sql: {
      statements: [
        { query: 'SELECT set_config($1, $2, $3)', calls: 200, rows: 200, totalMs: 20 },
        { query: 'SELECT COUNT(*) AS "__count" FROM "posts_post"', calls: 200, rows: 200, totalMs: 180 },
        { query: 'SELECT "posts_post"."id" FROM "posts_post" LIMIT $1', calls: 200, rows: 5000, totalMs: 10 },
      ],
    },
    cpu: { app: { startUsec: 1_000_000, endUsec: 2_000_000 }, db: { startUsec: 0, endUsec: 600_000 }, load: { usageUsec: 9_000_000, cpus: 1 } },
    memory: { appPeakBytes: 90_000_000, workers: 3 },
    warnings: [],
    ...overrides,
  };
}

describe('deriveSignals: per successful request, by hand', () => {
  const counts = { requests: 210, successes: 200, averageContentSize: 6899.4 };

  it('sums the statements and divides by the successes; CPU from the counters; memory per worker', () => {
    const { signals, warnings } = deriveSignals(raw(), counts);
    expect(warnings).toEqual([]);
    expect(signals!.window).toEqual({ seconds: 10, requests: 210, successes: 200 });
    expect(signals!.sql).toMatchObject({ calls: 600, rows: 5400, totalMs: 210, perRequest: { queries: 3, rows: 27, dbMs: 1.05 } });
    expect(signals!.cpu).toEqual({
      app: { cpuMs: 1000, perRequestMs: 5 },
      db: { cpuMs: 600, perRequestMs: 3 },
      // 9 CPU-seconds over a 10 s window on Locust's one core.
      load: { cpuMs: 9000, perRequestMs: 45, share: 0.9 },
    });
    expect(signals!.memory).toEqual({ appPeakBytes: 90_000_000, workers: 3, perWorkerPeakBytes: 30_000_000 });
    expect(signals!.responseBytesPerRequest).toBe(6899.4);
  });

  it('statements: id = first 12 hex of sha1(text), sorted by calls then id; one text under two queryids is one statement', () => {
    const query = 'SELECT "catalog_category"."id" FROM "catalog_category" WHERE "catalog_category"."id" = $1 LIMIT $2';
    const { signals } = deriveSignals(
      raw({
        sql: {
          statements: [
            { query: 'SELECT $1', calls: 5, rows: 5, totalMs: 1 },
            { query, calls: 2000, rows: 2000, totalMs: 40 },
            { query, calls: 2000, rows: 2000, totalMs: 40 },
            { query: 'SELECT $2', calls: 5, rows: 5, totalMs: 1 },
          ],
        },
      }),
      counts,
    );
    // echo -n 'SELECT $1' | sha1sum
    expect(statementId('SELECT $1')).toBe('4e7d8d957dbc');
    expect(signals!.sql!.statements.map((statement) => [statement.calls, statement.id])).toEqual([
      [4000, statementId(query)],
      ...[statementId('SELECT $1'), statementId('SELECT $2')].sort().map((id) => [5, id]),
    ]);
    expect(signals!.sql!.perRequest.queries).toBe(20.05);
  });

  it('what was not read stays null; a counter that went backwards is no measurement', () => {
    const { signals, warnings } = deriveSignals(
      raw({ sql: null, cpu: { app: { startUsec: 5, endUsec: 4 }, db: null, load: null }, memory: { appPeakBytes: null, workers: 2 } }),
      { ...counts, averageContentSize: null },
    );
    expect(signals).toMatchObject({ sql: null, cpu: { app: null, db: null, load: null }, responseBytesPerRequest: null });
    expect(signals!.memory).toEqual({ appPeakBytes: null, workers: 2, perWorkerPeakBytes: null });
    expect(warnings).toEqual([expect.stringMatching(/app container's CPU counter went backwards/)]);
  });

  it('no success: nothing to divide by, so no signals, and the reason', () => {
    expect(deriveSignals(raw(), { requests: 12, successes: 0, averageContentSize: 0 })).toEqual({
      signals: null,
      warnings: ['No request succeeded: no signals per request.'],
    });
  });

  it('a window that did not drain says so: the counts include requests Locust did not count', () => {
    expect(deriveSignals(raw({ window: { startedAt: '', seconds: 10, drained: false } }), counts).warnings).toEqual([
      expect.stringMatching(/still waiting for a response when the load stopped/),
    ]);
  });
});

describe('connections: pg_stat_database of the app database at the window edges', () => {
  const counts = { requests: 210, successes: 200, averageContentSize: 6899.4 };
  const edges = (start: [number, number, number], end: [number, number, number]): Partial<RawSignals> => ({
    connections: {
      start: { sessions: start[0], backends: start[1], sessionMs: start[2] },
      end: { sessions: end[0], backends: end[1], sessionMs: end[2] },
    },
  });

  it('a connection per request: opened ÷ successes, and session time ÷ window as the mean open when none was open at an edge', () => {
    const { signals, warnings } = deriveSignals(raw(edges([5, 0, 50], [205, 0, 30_050])), counts);
    expect(warnings).toEqual([]);
    expect(signals!.connections).toEqual({ opened: 200, openedPerRequest: 1, openAtStart: 0, openAtEnd: 0, meanOpen: 3 });
  });

  it('kept connections (a pool): none opened, those held at the edges, no mean (they report their time late)', () => {
    const { signals } = deriveSignals(raw(edges([8, 8, 1000], [8, 8, 1200])), counts);
    expect(signals!.connections).toEqual({ opened: 0, openedPerRequest: 0, openAtStart: 8, openAtEnd: 8, meanOpen: null });
  });

  it('a counter that went backwards (the database re-created) is no measurement, with the reason', () => {
    const { signals, warnings } = deriveSignals(raw(edges([300, 0, 9000], [20, 0, 400])), counts);
    expect(signals!.connections).toBeNull();
    expect(warnings).toEqual([expect.stringMatching(/session counters went backwards over the window/)]);
  });

  it('not read (null) stays null; absent from an older signals.json stays absent', () => {
    expect(deriveSignals(raw({ connections: null }), counts).signals!.connections).toBeNull();
    expect(deriveSignals(raw(), counts).signals).not.toHaveProperty('connections');
  });

  /** Real samples of the shop (fixtures/README.md "signals/"): gthread and async-workers, 5 workers each, 10 users, 0 ms. */
  const captured = async (cell: string) => {
    const path = (file: string) => fixture('signals', 'connections', cell, file);
    const counts = parseFinalStats(cell, await readFile(path('locust_final.json'), 'utf8'));
    return deriveSignals(parseRawSignals(cell, await readFile(path('signals.json'), 'utf8')), counts);
  };

  it.each([
    ['gthread__detail__0ms', 1671, 6.947],
    ['async-workers__detail__0ms', 1797, 7.284],
  ])('%s (captured): Django without a pool opens exactly one connection per successful request', async (cell, successes, meanOpen) => {
    const { signals, warnings } = await captured(cell);
    expect(warnings).toEqual([]);
    expect(signals!.window.successes).toBe(successes);
    expect(signals!.connections).toEqual({ opened: successes, openedPerRequest: 1, openAtStart: 0, openAtEnd: 0, meanOpen });
  });

  it('a route that sends no query opens none, and the health checks in its window count none (captured)', async () => {
    const { signals } = await captured('gthread__quote__0ms');
    expect(signals!.window.seconds).toBeGreaterThan(10);
    expect(signals!.connections).toEqual({ opened: 0, openedPerRequest: 0, openAtStart: 0, openAtEnd: 0, meanOpen: 0 });
  });
});

describe("Locust's final statistics (--json-file)", () => {
  it('sums the entries: requests, successes, mean content size', () => {
    const text = JSON.stringify([
      { name: '/a', num_requests: 10, num_failures: 2, total_content_length: 1000, response_times: {} },
      { name: '/b', num_requests: 30, num_failures: 0, total_content_length: 3000 },
    ]);
    expect(parseFinalStats('locust_final.json', text)).toEqual({ requests: 40, successes: 38, averageContentSize: 100 });
    expect(parseFinalStats('x', '[]')).toEqual({ requests: 0, successes: 0, averageContentSize: null });
  });

  it('names the file and the field when it is not Locust output', () => {
    expect(() => parseFinalStats('cells/a/locust_final.json', '{')).toThrow(/cells\/a\/locust_final\.json is not JSON/);
    expect(() => parseFinalStats('f.json', '[{"num_requests": 1}]')).toThrow(/f\.json is not Locust's final statistics: \[0\]\.num_failures/);
  });
});

describe('parseRawSignals', () => {
  it('names the file and the field', () => {
    expect(() => parseRawSignals('cells/x/signals.json', '{"version": 1}')).toThrow(/cells\/x\/signals\.json is not a signals record: signals\.window/);
    expect(() => parseRawSignals('s.json', 'nope')).toThrow(/s\.json is not JSON/);
  });
});

describe('readCell with signals (a real sample of the reference app: sync io_read, 12 s, 10 users)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await scratch());
  });
  afterEach(() => cleanup());

  const place = () => placeCell(dir, 'sync__io_read__0ms', fixture('signals', 'sync__io_read__0ms'));

  it("divides by Locust's final counts: io_read's three statements a request, exactly", async () => {
    const reading = await readCell(await place());
    expect(reading.status).toBe('ok');
    const signals = reading.metrics!.signals!;
    const final = JSON.parse(await readFile(fixture('signals', 'sync__io_read__0ms', 'locust_final.json'), 'utf8')) as { num_requests: number }[];
    expect(signals.window.requests).toBe(final[0]!.num_requests);
    expect(signals.sql!.statements).toHaveLength(3);
    expect(signals.sql!.perRequest.queries).toBe(3);
    for (const statement of signals.sql!.statements) expect(statement.calls).toBe(signals.window.successes);
    expect(signals.cpu.app!.perRequestMs).toBeGreaterThan(0);
    expect(signals.memory.workers).toBe(1);
    // Written before the connections were read: it still reads, without them.
    expect(signals).not.toHaveProperty('connections');
    expect(reading.warnings).toEqual([]);
  });

  it('without locust_final.json: the CSV row, with a warning', async () => {
    const cell = await place();
    await rm(join(cell, 'locust_final.json'));
    const reading = await readCell(cell);
    expect(reading.metrics!.signals!.window.requests).toBe(reading.metrics!.totalRequests);
    expect(reading.warnings).toEqual([expect.stringMatching(/locust_final\.json is missing: the signals divide by locust_stats\.csv/)]);
  });

  it('without signals.json (an older run): no signals key at all', async () => {
    const cell = await place();
    await rm(join(cell, 'signals.json'));
    const reading = await readCell(cell);
    expect(reading.status).toBe('ok');
    expect(reading.metrics).not.toHaveProperty('signals');
  });

  it('a broken signals.json loses the signals, not the sample', async () => {
    const cell = await place();
    await writeFile(join(cell, 'signals.json'), '{"version": 2}');
    const reading = await readCell(cell);
    expect(reading.status).toBe('ok');
    expect(reading.metrics!.signals).toBeNull();
    expect(reading.metrics!.totalSuccesses).toBeGreaterThan(0);
    expect(reading.warnings).toEqual([
      expect.stringMatching(/cells\/sync__io_read__0ms\/signals\.json is not a signals record: signals\.version.*this sample has no signals/),
    ]);
  });
});
