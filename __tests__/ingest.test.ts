import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConfig } from '../src/core/config/build.js';
import { hostEnvironment } from '../src/core/results/environment.js';
import { ingestRun, reingestRun, RunDirError } from '../src/core/ingest/run-dir.js';
import { readCell } from '../src/core/ingest/cell.js';
import { fixture, placeCell, scratch } from './helpers/fixtures.js';

/*
 * Expected numbers are hand calculations from the captured CSVs (see fixtures/README.md):
 *   max sRPS  = max over history rows with Name == "Aggregated" of (Requests/s − Failures/s)
 *               awk -F, '$4=="Aggregated"{v=$5-$6; if(v>m)m=v} END{print m}' locust_stats_history.csv
 *   successes = Request Count − Failure Count of the "Aggregated" row of locust_stats.csv
 */
describe('readCell on real Locust output', () => {
  it('Locust 2.12 with failures: N/A percentiles early in the history, no First/Last Seen', async () => {
    const reading = await readCell(fixture('locust-2.12', 'with-failures'));
    expect(reading.status).toBe('ok');
    const m = reading.metrics!;
    expect(m.maxSrps).toBeCloseTo(63.125, 6);
    expect(m.totalSuccesses).toBe(1257 - 232);
    expect(m.totalRequests).toBe(1257);
    expect(m.totalFailures).toBe(232);
    expect(m.failureRatio).toBeCloseTo(232 / 1257, 10);
    expect(m.p50Ms).toBe(110);
    expect(m.topFailures[0]).toMatchObject({ occurrences: 232 });
    expect(m.topFailures[0]!.error).toContain('500 Server Error');
  });

  it('current Locust with failures: First/Last Seen columns are accepted', async () => {
    const reading = await readCell(fixture('locust-current', 'with-failures'));
    expect(reading.status).toBe('ok');
    expect(reading.metrics!.maxSrps).toBeCloseTo(76.1, 6);
    expect(reading.metrics!.totalSuccesses).toBe(1255 - 232);
  });

  it('a clean run has no failures and a steady-state rate not above the max', async () => {
    const reading = await readCell(fixture('locust-current', 'clean'));
    const m = reading.metrics!;
    expect(m.totalSuccesses).toBe(1245);
    expect(m.failureRatio).toBe(0);
    expect(m.maxSrps).toBeCloseTo(93, 6);
    // Hand calculation: Aggregated rows at the peak of 10 users, from 10 s after the first of
    // them (3 rows), median of Requests/s − Failures/s.
    expect(m.peakUsers).toBe(10);
    expect(m.steadySrps).toBeCloseTo(90, 6);
    expect(m.locustCpuWarning).toBe(false);
  });
});

describe('the steady rate from counts where the 0.1-sRPS rows are too coarse', () => {
  it("a latency-bound cell (about 0.6 sRPS): successes from the first completion to the last, not the rows' 0.6", async () => {
    // Hand calculation from locust-current/latency-bound/a/locust_stats_history.csv (Aggregated rows): the hold
    // (10 users) runs from 1796629560 (Total Request Count 0) to 1796629583 (14, no failures). The count first rises
    // at 1796629561 (→ 1) and last at 1796629583 (→ 14): 13 completions over 22 rows a second apart. Its settled
    // rows all read 0.600000.
    const m = (await readCell(fixture('locust-current', 'latency-bound', 'a'))).metrics!;
    expect(m.steadySrps).toBeCloseTo(13 / 22, 10);
    // Blocks of 10 s from the hold's first row: 0 → 6 (…570), 6 → 12 (…580); the last 3 s make no block.
    expect(m.steadyBlocks).toEqual([0.6, 0.6]);
    // The server's own rate, for scale: one request at a time, 1.654 s each (0.6046 sRPS). Whole-second stamps
    // bound the span between two completions within a second: 22 s for the 21.5 s they took.
    expect(Math.abs(m.steadySrps! * 1.654 - 1)).toBeLessThan(1 / 22);
  });

  it('the A/A pair (b, captured right after a) reads the same rate: the log ratio is 0, as with the rows', async () => {
    const [a, b] = await Promise.all(['a', 'b'].map(async (side) => (await readCell(fixture('locust-current', 'latency-bound', side))).metrics!));
    expect(b!.steadySrps).toBeCloseTo(13 / 22, 10);
    expect(Math.log(b!.steadySrps! / a!.steadySrps!)).toBeCloseTo(0, 12);
  });

  it('completions in bursts (an event loop sharing its CPU among 10 requests): where the window falls moves no burst in or out', async () => {
    // locust-current/bursty/{a,b,c}: Async Unlimited's cpu route, 10 users, three samples back to back. The count
    // rises by about 10 every 3 s. Hand calculations (hold rows, count at its first and last rise):
    //   a: 1796641646–1796641660 (0 … 51), first rise 1796641648 (10), last 1796641659 (51): 41 / 11
    //   b: 1796641687–1796641704 (0 … 31), first rise 1796641690 (10), last 1796641699 (31): 21 / 9
    //   c: 1796641729–1796641743 (0 … 40), first rise 1796641731 (10), last 1796641742 (40): 30 / 11
    const rates = await Promise.all(['a', 'b', 'c'].map(async (side) => (await readCell(fixture('locust-current', 'bursty', side))).metrics!.steadySrps!));
    expect(rates[0]).toBeCloseTo(41 / 11, 10);
    expect(rates[1]).toBeCloseTo(21 / 9, 10);
    expect(rates[2]).toBeCloseTo(30 / 11, 10);
    // Over each whole hold the same samples read 51 / 14, 31 / 17 and 40 / 14: a spread of 2.0× where these read 1.6×.
    expect(Math.max(...rates) / Math.min(...rates)).toBeLessThan(1.61);
  });

  it('keeps the rows where their step is at most 1 % of the rate, or the hold is no longer than a rate window', async () => {
    // 90 sRPS: the rows' median, as before (see "a clean run" above).
    expect((await readCell(fixture('locust-current', 'clean'))).metrics!.steadySrps).toBeCloseTo(90, 6);
    // 3.75 sRPS, but an 8 s run: the hold (6 s) is shorter than a rate window, so the rows' median of all hold rows.
    expect((await readCell(fixture('run-27', 'cells', 'sync__io_read__200ms'))).metrics!.steadySrps).toBeCloseTo(3.75, 6);
  });
});

describe('Locust CPU warning', () => {
  it('is flagged when locust.log says its CPU was above 90 %', async () => {
    const reading = await readCell(fixture('locust-current', 'cpu-warning'));
    expect(reading.metrics!.locustCpuWarning).toBe(true);
    expect(reading.warnings.join()).toMatch(/load generator may have limited this cell/);
  });
});

describe('readCell on broken cells: failed with a reason, never zeros', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let cell: string;
  beforeEach(async () => {
    ({ dir, cleanup } = await scratch());
    cell = await placeCell(dir, 'sync__cpu__0ms', fixture('locust-current', 'with-failures'));
  });
  afterEach(() => cleanup());

  const expectFailed = async (pattern: RegExp) => {
    const reading = await readCell(cell);
    expect(reading.status).toBe('failed');
    expect(reading.metrics).toBeNull();
    expect(reading.status === 'failed' && reading.reason).toMatch(pattern);
  };

  it('empty stats CSV', async () => {
    await writeFile(join(cell, 'locust_stats.csv'), '');
    await expectFailed(/locust_stats\.csv is empty/);
  });

  it('stats CSV with a missing column', async () => {
    const text = await readFile(join(cell, 'locust_stats.csv'), 'utf8');
    await writeFile(join(cell, 'locust_stats.csv'), text.replace('Failure Count', 'Fails'));
    await expectFailed(/lacks column\(s\) "Failure Count"/);
  });

  it('history without an Aggregated row', async () => {
    const text = await readFile(join(cell, 'locust_stats_history.csv'), 'utf8');
    const kept = text.split('\n').filter((line) => !line.includes(',Aggregated,'));
    await writeFile(join(cell, 'locust_stats_history.csv'), kept.join('\n'));
    await expectFailed(/history\.csv has no "Aggregated" row/);
  });

  it('history header only (Locust stopped before its first sample)', async () => {
    const text = await readFile(join(cell, 'locust_stats_history.csv'), 'utf8');
    await writeFile(join(cell, 'locust_stats_history.csv'), `${text.split('\n')[0]}\n`);
    await expectFailed(/no "Aggregated" row/);
  });

  it('missing history file names the flag that writes it', async () => {
    await rm(join(cell, 'locust_stats_history.csv'));
    await expectFailed(/--csv-full-history/);
  });

  it('a truncated row', async () => {
    const text = await readFile(join(cell, 'locust_stats.csv'), 'utf8');
    await writeFile(join(cell, 'locust_stats.csv'), `${text.trimEnd()}\n,Aggregated,12\n`);
    await expectFailed(/fields where the header has/);
  });

  it('a non-numeric count', async () => {
    const text = await readFile(join(cell, 'locust_stats.csv'), 'utf8');
    await writeFile(join(cell, 'locust_stats.csv'), text.replace(/\n,Aggregated,\d+/, '\n,Aggregated,many'));
    await expectFailed(/"Request Count" holds "many"/);
  });

  it('the runner recorded why the cell could not be measured', async () => {
    await writeFile(join(cell, 'cell.json'), JSON.stringify({ error: 'app not healthy within 60 s' }));
    await expectFailed(/app not healthy within 60 s/);
  });

  it('a missing failures file is a warning, not a failure', async () => {
    await rm(join(cell, 'locust_failures.csv'));
    const reading = await readCell(cell);
    expect(reading.status).toBe('ok');
    expect(reading.warnings.join()).toMatch(/locust_failures\.csv is missing/);
  });
});

describe('ingestRun', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await scratch()));
  afterEach(() => cleanup());

  it('refuses a run directory with no cells', async () => {
    await expect(ingestRun(dir, buildConfig({ inputs: {} }), hostEnvironment())).rejects.toThrow(RunDirError);
    await expect(ingestRun(dir, buildConfig({ inputs: {} }), hostEnvironment())).rejects.toThrow(/has no cells\/ folder/);
  });

  it('a partial run: measured cells keep their numbers, the rest are "not run"', async () => {
    await placeCell(dir, 'sync__io_read__0ms', fixture('locust-current', 'clean'));
    await placeCell(dir, 'not-a-cell', fixture('locust-current', 'clean'));
    await placeCell(dir, 'sync__io_read__999ms', fixture('locust-current', 'clean'));
    const config = buildConfig({ inputs: { setups: 'sync', routes: 'io_read' } });
    const { results, unplanned } = await ingestRun(dir, config, hostEnvironment());
    expect(results.cells.map((cell) => [cell.id, cell.status])).toEqual([
      ['sync/io_read/0ms', 'ok'],
      ['sync/io_read/100ms', 'failed'],
      ['sync/io_read/200ms', 'failed'],
    ]);
    expect(results.cells[1]!.reason).toMatch(/not run: no folder cells\/sync__io_read__100ms/);
    expect(results.cells[0]!.metrics!.totalSuccesses).toBe(1245);
    expect(unplanned).toEqual(['sync__io_read__999ms']);
    expect(results.schemaVersion).toBe('1.1');
  });
});

describe('reingestRun: a run folder re-read as it ran', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await scratch()));
  afterEach(() => cleanup());

  const config = buildConfig({ inputs: { setups: 'sync', routes: 'io_read', latencies: '0,100', users: '10', 'spawn-rate': '10', 'run-time': '8s' } });
  const environment = { ...hostEnvironment({}), docker: '27.3.1', cpuCount: 4, latencyMethod: 'toxiproxy' as const, stack: { django: '5.1.4' } };
  const ranWith = (cell: string, latencyMethod: string) => writeFile(join(cell, 'cell.json'), JSON.stringify({ latencyMethod, error: null }));

  it('keeps the recorded config, environment, date and the cells a resumed run kept', async () => {
    await ranWith(await placeCell(dir, 'sync__io_read__0ms', fixture('locust-current', 'clean')), 'toxiproxy');
    await ranWith(await placeCell(dir, 'sync__io_read__100ms', fixture('locust-current', 'clean')), 'toxiproxy');
    const { results: recorded } = await ingestRun(dir, config, environment, {
      now: new Date('2026-03-04T05:06:07.000Z'),
      resumedFrom: new Map([['sync/io_read/0ms', '2026-03-01T00:00:00.000Z']]),
    });
    expect(recorded.cells.map((cell) => cell.resumedFrom ?? null)).toEqual(['2026-03-01T00:00:00.000Z', null]);
    const again = await reingestRun(dir, { recorded });
    expect(again.results).toEqual(recorded);
    expect(again.warnings).toEqual([]);
  });

  it('warns when a cell ran with another latency method than the run recorded', async () => {
    await ranWith(await placeCell(dir, 'sync__io_read__0ms', fixture('locust-current', 'clean')), 'netem');
    const { results: recorded } = await ingestRun(dir, config, environment);
    const again = await reingestRun(dir, { recorded });
    expect(again.warnings).toEqual(['results.json records latency method toxiproxy for the run, but cells/sync__io_read__0ms ran with netem (cell.json).']);
  });

  it('without a record: the given config, no environment, and no latency method when the cells disagree', async () => {
    await ranWith(await placeCell(dir, 'sync__io_read__0ms', fixture('locust-current', 'clean')), 'netem');
    await ranWith(await placeCell(dir, 'sync__io_read__100ms', fixture('locust-current', 'clean')), 'toxiproxy');
    const { results, warnings } = await reingestRun(dir, { config });
    expect(results.config).toEqual(config);
    expect(results.environment).toMatchObject({ latencyMethod: null, docker: null, cpuModel: null, node: null, stack: {} });
    expect(warnings[0]).toBe('the cells ran with different latency methods (netem, toxiproxy, per their cell.json); the run records none.');
    expect(warnings[1]).toMatch(/results\.json does not exist, so the run's configuration comes from the flags.*the environment is unknown\.$/);
  });
});
