import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildConfig } from '../src/core/config/build.js';
import { readCell } from '../src/core/ingest/cell.js';
import type { CellOutcome } from '../src/core/results/schema.js';
import { MAX_ROW_BYTES } from '../src/core/ingest/csv.js';
import { describeFileError } from '../src/core/ingest/input-file.js';
import { CellMetricsFold, RATE_WINDOW_SECONDS } from '../src/core/ingest/metrics.js';
import { AGGREGATED, type FailureRow, type HistoryRow, type StatsRow } from '../src/core/ingest/rows.js';
import { ingestRun } from '../src/core/ingest/run-dir.js';
import { hostEnvironment } from '../src/core/results/environment.js';
import { parseResults, serializeResults } from '../src/core/results/results.js';
import { writeBigHistory, type BigHistory } from '../scripts/big-history.js';
import { fixture, placeCell, scratch } from './helpers/fixtures.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const reasonOf = (reading: CellOutcome): string => (reading.status === 'failed' ? reading.reason : `ok, not failed: ${JSON.stringify(reading.metrics)}`);

/** Fails instead of hanging when a read never returns (a FIFO opened for reading waits for a writer). */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still reading after ${ms} ms`)), ms).unref())]);
}

/*
 * The metrics as they were computed before ingestion streamed: whole arrays, then
 * filters and sorts. The fold must give the same numbers on any input.
 */
function referenceMetrics(history: HistoryRow[], failures: FailureRow[]) {
  const rows = history.filter((row) => row.name === AGGREGATED);
  if (rows.length === 0) return null;
  const srps = (row: HistoryRow) => row.requestsPerSecond - row.failuresPerSecond;
  const peakUsers = rows.reduce((max, row) => Math.max(max, row.userCount), -Infinity);
  const hold = rows.filter((row) => row.userCount === peakUsers && peakUsers > 0);
  let steadySrps: number | null = null;
  if (hold.length > 0) {
    const settled = hold.filter((row) => row.timestamp >= hold[0]!.timestamp + RATE_WINDOW_SECONDS);
    const values = (settled.length > 0 ? settled : hold).map(srps).sort((a, b) => a - b);
    const middle = Math.floor(values.length / 2);
    steadySrps = values.length % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
  }
  return {
    maxSrps: rows.reduce((max, row) => Math.max(max, srps(row)), -Infinity),
    peakUsers,
    steadySrps,
    historySamples: rows.length,
    topFailures: [...failures]
      .sort((a, b) => b.occurrences - a.occurrences)
      .slice(0, 3)
      .map(({ error, occurrences }) => ({ error, occurrences })),
  };
}

/** A deterministic PRNG (mulberry32), so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATS: StatsRow = {
  type: '',
  name: AGGREGATED,
  requestCount: 10,
  failureCount: 1,
  medianMs: 1,
  averageMs: 1,
  minMs: 1,
  maxMs: 1,
  requestsPerSecond: 1,
  failuresPerSecond: 0,
  percentilesMs: { '50%': 1, '95%': 2, '99%': 3 },
};

describe('the streaming fold gives the numbers the whole-array computation gave', () => {
  it('on 500 random histories: ramps, holds, later higher peaks, timestamps out of order, zero users, ties', () => {
    for (let seed = 1; seed <= 500; seed += 1) {
      const next = random(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
      const history: HistoryRow[] = [];
      let timestamp = 1_000;
      for (let i = Math.floor(next() * 80); i > 0; i -= 1) {
        timestamp += pick([1, 1, 1, 2, 5, -3]);
        history.push({
          timestamp,
          userCount: pick([0, 0, 3, 10, 10, 10, 10, 20]),
          type: '',
          name: pick([AGGREGATED, AGGREGATED, '/posts/cpu/']),
          requestsPerSecond: Math.round(next() * 10_000) / 100,
          failuresPerSecond: pick([0, 0, 0.5, 1.25]),
          totalRequestCount: 0,
          totalFailureCount: 0,
        });
      }
      const failures: FailureRow[] = Array.from({ length: Math.floor(next() * 6) }, (_, i) => ({
        method: 'GET',
        name: '/',
        error: `error ${i}`,
        occurrences: pick([1, 2, 2, 7]),
      }));

      const fold = new CellMetricsFold({ stats: 'stats.csv', history: 'history.csv' });
      fold.addStats(STATS);
      history.forEach((row) => fold.addHistory(row));
      failures.forEach((row) => fold.addFailure(row));
      const expected = referenceMetrics(history, failures);
      if (expected === null) {
        expect(() => fold.metrics(), `seed ${seed}`).toThrow(/history\.csv has no "Aggregated" row/);
        continue;
      }
      const { maxSrps, peakUsers, steadySrps, historySamples, topFailures } = fold.metrics();
      expect({ maxSrps, peakUsers, steadySrps, historySamples, topFailures }, `seed ${seed}`).toEqual(expected);
    }
  });

  it('keeps the final Aggregated stats row, not the first', () => {
    const fold = new CellMetricsFold({ stats: 'stats.csv', history: 'history.csv' });
    fold.addStats({ ...STATS, requestCount: 5 });
    fold.addStats({ ...STATS, name: '/posts/cpu/', requestCount: 99 });
    fold.addStats({ ...STATS, requestCount: 8 });
    fold.addHistory({
      timestamp: 1,
      userCount: 1,
      type: '',
      name: AGGREGATED,
      requestsPerSecond: 1,
      failuresPerSecond: 0,
      totalRequestCount: 0,
      totalFailureCount: 0,
    });
    expect(fold.metrics().totalRequests).toBe(8);
  });
});

/**
 * A hold of `seconds` rows at 10 users after one ramp row: Locust's rows read `rowRate`, the
 * cumulative columns count `countRate` successes a second (and one failure in ten requests on top).
 * `stamp(i)` is row i's whole-second Timestamp; `counts: false` leaves the count columns at 0.
 */
function steadyOf(rowRate: number, countRate: number, options: { seconds?: number; counts?: boolean; stamp?: (i: number) => number } = {}) {
  const { seconds = 30, counts = true, stamp = (i: number) => 1_000 + i } = options;
  const fold = new CellMetricsFold({ stats: 'stats.csv', history: 'history.csv' });
  fold.addStats(STATS);
  for (let i = 0; i <= seconds + 1; i += 1) {
    const successes = Math.floor(countRate * Math.max(0, i - 1));
    const failures = Math.floor(successes / 9);
    fold.addHistory({
      timestamp: stamp(i),
      userCount: i === 0 ? 5 : 10,
      type: '',
      name: AGGREGATED,
      requestsPerSecond: i === 0 ? 0 : rowRate,
      failuresPerSecond: 0,
      totalRequestCount: counts ? successes + failures : 0,
      totalFailureCount: counts ? failures : 0,
    });
  }
  const { steadySrps, steadyBlocks } = fold.metrics();
  return { steadySrps, steadyBlocks };
}

describe('the steady rate: counts where the rows are too coarse', () => {
  it('below 10 sRPS (a 0.1 step is more than 1 %) successes ÷ seconds from the first rise of the count to the last, with blocks of a rate window', () => {
    // Hold rows 1..31, successes floor(5.25 × (i − 1)): first rise at row 2 (5), last at row 31 (157): 152 in 29 s.
    // Blocks at rows 11, 21, 31: 52, 53, 52 successes in 10 s.
    expect(steadyOf(5.2, 5.25)).toEqual({ steadySrps: 152 / 29, steadyBlocks: [5.2, 5.3, 5.2] });
  });

  it("at 10 sRPS and above the rows' median, as before (their step is at most 1 % of the rate)", () => {
    expect(steadyOf(50, 52.5).steadySrps).toBe(50);
    expect(steadyOf(10, 12).steadySrps).toBe(10);
  });

  it('the rows when the history has no count columns, or the hold is no longer than a rate window', () => {
    expect(steadyOf(0.6, 0.65, { counts: false }).steadySrps).toBe(0.6);
    expect(steadyOf(0.6, 0.65, { seconds: 10 }).steadySrps).toBe(0.6);
    // Rows 1..12, successes floor(0.65 × (i − 1)): first rise at row 3 (1), last at row 12 (7): 6 in 9 s.
    expect(steadyOf(0.6, 0.65, { seconds: 11 }).steadySrps).toBeCloseTo(6 / 9, 12);
  });

  it('seconds: one a row, unless the whole-second stamps say more (a late writer)', () => {
    // Rows 2 to 31 (the count's first and last rise) with one skipped stamp: the stamps allow 29 ± 1 s, the rows at least 29.
    expect(steadyOf(5, 5.25, { stamp: (i) => 1_000 + i + (i > 15 ? 1 : 0) }).steadySrps).toBe(152 / 29);
    // Three skipped stamps: the stamps say more, 31 s.
    expect(steadyOf(5, 5.25, { stamp: (i) => 1_000 + i + (i > 8 ? 1 : 0) + (i > 16 ? 1 : 0) + (i > 24 ? 1 : 0) }).steadySrps).toBe(152 / 31);
  });
});

describe('streamed files of any shape', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let cell: string;
  beforeEach(async () => {
    ({ dir, cleanup } = await scratch());
    cell = await placeCell(dir, 'sync__cpu__0ms', fixture('locust-current', 'with-failures'));
  });
  afterEach(() => cleanup());

  it('a stats file of blank lines and spaces is empty', async () => {
    await writeFile(join(cell, 'locust_stats.csv'), '  \n\n   \n');
    expect(reasonOf(await readCell(cell))).toBe('cells/sync__cpu__0ms/locust_stats.csv is empty (Locust wrote no header).');
  });

  const edit = async (file: string, change: (lines: string[]) => void): Promise<void> => {
    const lines = (await readFile(join(cell, file), 'utf8')).split('\n');
    change(lines);
    await writeFile(join(cell, file), lines.join('\n'));
  };
  const setField = (line: string, index: number, value: string): string => line.split(',').with(index, value).join(',');

  it.each([
    ['locust_stats.csv', 2, 2, '-5', 'row 2: column "Request Count" holds "-5"; a count is a whole number ≥ 0.'],
    ['locust_stats.csv', 1, 3, '1.5', 'row 1: column "Failure Count" holds "1.5"; a count is a whole number ≥ 0.'],
    ['locust_stats.csv', 2, 9, '-89.5', 'row 2: column "Requests/s" holds "-89.5"; a rate or a time is ≥ 0.'],
    ['locust_stats.csv', 2, 4, '-110', 'row 2: column "Median Response Time" holds "-110"; a rate or a time is ≥ 0.'],
    ['locust_stats.csv', 2, 3, '99999', 'row 2: column "Failure Count" (99999) is more than column "Request Count" (1255); Locust never writes that'],
    ['locust_stats_history.csv', 3, 1, '-1', 'row 3: column "User Count" holds "-1"; a count is a whole number ≥ 0.'],
    ['locust_stats_history.csv', 3, 5, '-2', 'row 3: column "Failures/s" holds "-2"; a rate or a time is ≥ 0.'],
    ['locust_failures.csv', 1, 3, '-232', 'row 1: column "Occurrences" holds "-232"; a count is a whole number ≥ 0.'],
  ])('%s row %i field %i = %s, outside what results.json allows: the cell fails naming file, row and column', async (file, row, index, value, said) => {
    await edit(file, (lines) => (lines[row] = setField(lines[row]!, index, value)));
    expect(reasonOf(await readCell(cell))).toBe(`cells/sync__cpu__0ms/${file}, ${said}`.replace(/that$/, 'that: is the file edited or corrupt?'));
  });

  it('a run with a negative count ingests into a results.json every reader accepts, that cell failed', async () => {
    await edit('locust_stats.csv', (lines) => (lines[2] = setField(lines[2]!, 2, '-5')));
    const config = buildConfig({ inputs: { setups: 'sync', routes: 'cpu', latencies: '0' } });
    const { results } = await ingestRun(dir, config, hostEnvironment());
    expect(results.cells).toMatchObject([
      { id: 'sync/cpu/0ms', status: 'failed', reason: expect.stringMatching(/locust_stats\.csv, row 2: column "Request Count"/) },
    ]);
    expect(() => parseResults('results.json', serializeResults(results))).not.toThrow();
  });

  it('a bad number names the file, the row and the column', async () => {
    const lines = (await readFile(join(cell, 'locust_stats_history.csv'), 'utf8')).split('\n');
    lines[3] = lines[3]!.replace(/^(\d+,\d+,[^,]*,[^,]*,)[^,]+/, '$1fast');
    await writeFile(join(cell, 'locust_stats_history.csv'), lines.join('\n'));
    expect(reasonOf(await readCell(cell))).toBe('cells/sync__cpu__0ms/locust_stats_history.csv, row 3: column "Requests/s" holds "fast", not a number.');
  });

  it('a file that is not CSV at all (one line of 3 MB) fails on its first oversized row, not after buffering it all', async () => {
    await writeFile(join(cell, 'locust_stats_history.csv'), 'x'.repeat(3 * MAX_ROW_BYTES));
    expect(reasonOf(await readCell(cell))).toMatch(/^cells\/sync__cpu__0ms\/locust_stats_history\.csv: a row longer than 1 MiB .*is this Locust's CSV\?$/);
  });

  it('multi-byte text split across read chunks comes back whole', async () => {
    const error = `HTTPError('500 x${'é'.repeat(40_000)}')`;
    const text = `Method,Name,Error,Occurrences\nGET,/posts/io_read/,"${error}",9\nGET,/posts/io_read/,other,3\n`;
    // The first 64 KiB read ends inside a two-byte 'é' (its decoding ends in U+FFFD).
    expect(
      Buffer.from(text)
        .subarray(0, 64 * 1024)
        .toString()
        .at(-1),
    ).toBe('\uFFFD');
    await writeFile(join(cell, 'locust_failures.csv'), text);
    const reading = await readCell(cell);
    expect(reading.metrics!.topFailures).toEqual([
      { error, occurrences: 9 },
      { error: 'other', occurrences: 3 },
    ]);
  });

  it("Locust's CPU warning is found where a read chunk splits it, and in a log larger than memory would like", async () => {
    const warning = 'WARNING/root: CPU usage above 90%! This may constrain your throughput';
    const filler = 'INFO/locust.runners: Ramping to 500 users at a rate of 5.00 per second\n';
    // The first 64 KiB read ends after "CPU u": neither chunk holds the whole warning.
    const head = 'x'.repeat(64 * 1024 - warning.indexOf('CPU') - 5);
    await writeFile(join(cell, 'locust.log'), `${head}${warning}\n${filler.repeat(50_000)}`);
    expect((await readCell(cell)).metrics!.locustCpuWarning).toBe(true);
    await writeFile(join(cell, 'locust.log'), `${head}${filler.repeat(50_000)}`);
    expect((await readCell(cell)).metrics!.locustCpuWarning).toBe(false);
  });

  it('a cell.json far larger than the runner writes is refused, not parsed', async () => {
    await writeFile(join(cell, 'cell.json'), `{"error": "${'x'.repeat(2 * 1024 * 1024)}"}`);
    expect(reasonOf(await readCell(cell))).toMatch(/^cells\/sync__cpu__0ms\/cell\.json is \d+ bytes; expected the cell runner's JSON record/);
  });
});

describe('special files and file-system errors name the file and what it should be', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let cell: string;
  beforeEach(async () => {
    ({ dir, cleanup } = await scratch());
    cell = await placeCell(dir, 'sync__cpu__0ms', fixture('locust-current', 'with-failures'));
  });
  afterEach(() => cleanup());

  const replaceStats = () => rm(join(cell, 'locust_stats.csv'));
  const STATS_EXPECTED = "expected Locust's statistics CSV (written by --csv).";

  it('a FIFO named locust_stats.csv is refused without being opened: ingestion does not wait for a writer', async () => {
    await replaceStats();
    execFileSync('mkfifo', [join(cell, 'locust_stats.csv')]);
    const reading = await within(readCell(cell), 5_000);
    expect(reasonOf(reading)).toBe(`cells/sync__cpu__0ms/locust_stats.csv: is a FIFO (named pipe), not a regular file, so it was not read; ${STATS_EXPECTED}`);
  });

  it('a FIFO as the optional locust.log is refused too', async () => {
    await rm(join(cell, 'locust.log'));
    execFileSync('mkfifo', [join(cell, 'locust.log')]);
    expect(reasonOf(await within(readCell(cell), 5_000))).toMatch(/^cells\/sync__cpu__0ms\/locust\.log: is a FIFO/);
  });

  it('a link to a device (which never ends) is refused', async () => {
    await rm(join(cell, 'locust_stats_history.csv'));
    await symlink('/dev/zero', join(cell, 'locust_stats_history.csv'));
    expect(reasonOf(await within(readCell(cell), 5_000))).toMatch(
      /^cells\/sync__cpu__0ms\/locust_stats_history\.csv: is a character device, not a regular file/,
    );
  });

  it('EISDIR: a directory where the file should be', async () => {
    await replaceStats();
    await mkdir(join(cell, 'locust_stats.csv'));
    expect(reasonOf(await readCell(cell))).toBe(`cells/sync__cpu__0ms/locust_stats.csv: is a directory (EISDIR); ${STATS_EXPECTED}`);
  });

  it('ELOOP: a symbolic link loop', async () => {
    await replaceStats();
    await symlink('loop-b', join(cell, 'locust_stats.csv'));
    await symlink('locust_stats.csv', join(cell, 'loop-b'));
    expect(reasonOf(await readCell(cell))).toBe(
      `cells/sync__cpu__0ms/locust_stats.csv: is a symbolic link that loops (too many levels of links) (ELOOP); ${STATS_EXPECTED}`,
    );
  });

  it('ENOENT: a missing file, or a link to nowhere', async () => {
    await replaceStats();
    expect(reasonOf(await readCell(cell))).toBe(`cells/sync__cpu__0ms/locust_stats.csv: does not exist (ENOENT); ${STATS_EXPECTED}`);
    await symlink('gone.csv', join(cell, 'locust_stats.csv'));
    expect(reasonOf(await readCell(cell))).toBe(`cells/sync__cpu__0ms/locust_stats.csv: does not exist (ENOENT); ${STATS_EXPECTED}`);
  });

  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot)('EACCES: a file this user may not read (skipped as root, where chmod 000 does not block reads)', async () => {
    await chmod(join(cell, 'locust_stats.csv'), 0o000);
    expect(reasonOf(await readCell(cell))).toBe(
      `cells/sync__cpu__0ms/locust_stats.csv: is not readable by this user (permission denied) (EACCES); ${STATS_EXPECTED}`,
    );
  });

  it('EACCES, as the reason formatter words it (runs as root too)', () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/tmp/x/cells/sync__cpu__0ms/locust_stats.csv'"), { code: 'EACCES' });
    expect(describeFileError('cells/sync__cpu__0ms/locust_stats.csv', error, "Locust's statistics CSV (written by --csv)")).toBe(
      `cells/sync__cpu__0ms/locust_stats.csv: is not readable by this user (permission denied) (EACCES); ${STATS_EXPECTED}`,
    );
  });

  it('an error code without its own wording keeps the system message', () => {
    const error = Object.assign(new Error('ESTALE: stale file handle, read'), { code: 'ESTALE' });
    expect(describeFileError('cells/a/locust.log', error, "Locust's log")).toBe(
      "cells/a/locust.log: could not be read: ESTALE: stale file handle, read (ESTALE); expected Locust's log.",
    );
  });
});

describe('ingestRun: one bad cell among good ones', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await scratch()));
  afterEach(() => cleanup());

  const breakages: [string, (cell: string) => Promise<void>, RegExp][] = [
    [
      'unreadable (a directory)',
      async (cell) => {
        await rm(join(cell, 'locust_stats.csv'));
        await mkdir(join(cell, 'locust_stats.csv'));
      },
      /^cells\/sync__io_read__100ms\/locust_stats\.csv: is a directory \(EISDIR\)/,
    ],
    [
      'unreadable (a FIFO)',
      async (cell) => {
        await rm(join(cell, 'locust_stats_history.csv'));
        execFileSync('mkfifo', [join(cell, 'locust_stats_history.csv')]);
      },
      /^cells\/sync__io_read__100ms\/locust_stats_history\.csv: is a FIFO/,
    ],
    [
      'corrupt (binary bytes in the history)',
      async (cell) => {
        const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
        await writeFile(join(cell, 'locust_stats_history.csv'), bytes);
      },
      /^cells\/sync__io_read__100ms\/locust_stats_history\.csv/,
    ],
  ];

  it.each(breakages)('%s: that cell fails with a reason, the others keep their numbers', async (_name, breakCell, reason) => {
    for (const latency of [0, 100, 200]) await placeCell(dir, `sync__io_read__${latency}ms`, fixture('locust-current', 'clean'));
    await breakCell(join(dir, 'cells', 'sync__io_read__100ms'));
    const config = buildConfig({ inputs: { setups: 'sync', routes: 'io_read' } });
    const { results } = await within(ingestRun(dir, config, hostEnvironment()), 10_000);
    expect(results.cells.map((cell) => [cell.id, cell.status])).toEqual([
      ['sync/io_read/0ms', 'ok'],
      ['sync/io_read/100ms', 'failed'],
      ['sync/io_read/200ms', 'ok'],
    ]);
    expect(results.cells[1]!.reason).toMatch(reason);
    expect(results.cells[0]!.metrics!.totalSuccesses).toBe(1245);
    expect(results.cells[2]!.metrics!.totalSuccesses).toBe(1245);
  });
});

/*
 * A history the size of a week-long run, read in a process whose heap is far
 * smaller than the file: reading it whole (or keeping every row) crashes there.
 */
describe('a 1.2-million-row history in bounded memory', () => {
  const HEAP_MB = 96;
  let dir: string;
  let cleanup: () => Promise<void>;
  let cell: string;
  let probe: string;
  let history: BigHistory;

  beforeAll(async () => {
    ({ dir, cleanup } = await scratch());
    cell = await placeCell(dir, 'sync__io_read__0ms', fixture('locust-current', 'clean'));
    probe = join(dir, 'ingest-probe.mjs');
    await build({
      entryPoints: [join(ROOT, 'scripts', 'ingest-probe.ts')],
      outfile: probe,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'warning',
    });
    history = await writeBigHistory(join(cell, 'locust_stats_history.csv'));
  }, 60_000);
  afterAll(() => cleanup());

  it('the generated file is as large as the issue asks, and keeping all its rows does not fit under the heap limit', async () => {
    expect(history.rows).toBe(1_200_000);
    expect(history.bytes).toBeGreaterThan(200 * 1024 * 1024);
    // What ingestion did before it streamed: parse the whole file into rows, then compute.
    const keepEveryRow = "require('csv-parse/sync').parse(require('fs').readFileSync(process.argv[1]), { relax_column_count: true }).length";
    const wholeRead = run(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '-e', keepEveryRow, join(cell, 'locust_stats_history.csv')], { cwd: ROOT });
    await expect(wholeRead).rejects.toThrow(/heap out of memory/);
  }, 60_000);

  it(`is ingested with --max-old-space-size=${HEAP_MB}, with the metrics it was generated with`, async () => {
    const { stdout } = await run(process.execPath, [`--max-old-space-size=${HEAP_MB}`, probe, 'ingest', cell]);
    const { reading, wallSeconds, peakRssMb } = JSON.parse(stdout) as { reading: CellOutcome; wallSeconds: number; peakRssMb: number };
    expect(reasonOf(reading)).toMatch(/^ok/);
    expect(reading.metrics).toMatchObject({ ...history.expected, totalSuccesses: 1245 });
    console.log(`ingested ${(history.bytes / 1024 / 1024).toFixed(0)} MiB in ${wallSeconds.toFixed(1)} s, peak RSS ${peakRssMb.toFixed(0)} MiB`);
  }, 120_000);
});
