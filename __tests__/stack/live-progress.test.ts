import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryTail, MAX_POLL_BYTES } from '../../src/core/ingest/live.js';
import { liveClear, liveLine, liveOutput, progressLine, progressMode, watchCell, type LiveStatus } from '../../src/stack/progress.js';
import { buildSummary } from '../../src/stack/stack.js';
import { fixture, scratch } from '../helpers/fixtures.js';

const HEADER =
  'Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%,Total Request Count,Total Failure Count,Total Median Response Time,Total Average Response Time,Total Min Response Time,Total Max Response Time,Total Average Content Size';
const row = (t: number, users: number, name: string, rps: number, fps: number, requests: number, failures: number) =>
  `${t},${users},${name === 'Aggregated' ? '' : 'GET'},${name},${rps.toFixed(6)},${fps.toFixed(6)},5,5,5,5,5,9,9,9,9,9,9,${requests},${failures},5,5.0,1,9,313.0\n`;

describe('progressLine', () => {
  const reading = { status: 'failed' as const, reason: 'the app exited\nmore', metrics: null, warnings: [] };
  it('gives the count and an ETA at the pace so far', () => {
    expect(progressLine(3, 32, 'sync/cpu/0ms', 120, reading)).toBe(`[ 4/32] ${'sync/cpu/0ms'.padEnd(32)} 2m00s elapsed, ETA 14m00s  FAILED: the app exited`);
  });
  it('under a budget: the count is a most, the ETA never beyond what the budget has left', () => {
    expect(progressLine(3, 128, 'sync/cpu/0ms', 120, reading, 300)).toMatch(/^\[ {2}4\/≤128\] .* 2m00s elapsed, ETA 5m00s /);
    expect(progressLine(3, 8, 'sync/cpu/0ms', 120, reading, 3000)).toMatch(/ETA 2m00s /);
  });
});

describe('progressMode', () => {
  it('rewrites in place only on a terminal outside CI', () => {
    expect(progressMode(true, {})).toBe('tty');
    expect(progressMode(false, {})).toBe('plain');
    expect(progressMode(undefined, {})).toBe('plain');
    expect(progressMode(true, { GITHUB_ACTIONS: 'true' })).toBe('plain');
    expect(progressMode(true, { CI: '1' })).toBe('plain');
  });

  it('writes no carriage return or escape in a log, and rewrites the line on a terminal', () => {
    expect(liveOutput('plain', 'x')).toBe('x\n');
    expect(liveClear('plain')).toBe('');
    expect(liveOutput('tty', 'x')).toBe('\r\x1b[2Kx');
    expect(liveClear('tty')).toBe('\r\x1b[2K');
  });
});

describe('liveLine', () => {
  const status: LiveStatus = {
    index: 2,
    total: 27,
    id: 'sync/io_read/200ms',
    elapsedSeconds: 70,
    runTimeSeconds: 180,
    laterSeconds: 24 * 185,
    sample: { timestamp: 1, users: 500, srps: 23.44, failuresPerSecond: 1.5, totalRequests: 2000, totalFailures: 1234 },
  };

  it('says where the cell and the run stand: users, sRPS, failures, time left in both', () => {
    expect(liveLine(status)).toBe(
      '[ 3/27] sync/io_read/200ms  load 1m10s/3m00s · 500 users · 23.4 sRPS · 1,234 failures (1.5/s) · 1m50s left in cell, 1h15m in run',
    );
  });

  it('before Locust has written a row, and past the configured run time', () => {
    expect(liveLine({ ...status, sample: null, elapsedSeconds: 3 })).toContain('load 3s/3m00s · starting Locust · 2m57s left in cell');
    const late = liveLine({ ...status, elapsedSeconds: 200, laterSeconds: 0, sample: { ...status.sample!, totalFailures: 1, failuresPerSecond: 0 } });
    expect(late).toContain('load 3m00s/3m00s');
    expect(late).toContain('· 1 failure ·');
    expect(late).toContain('0s left in cell, 0s in run');
  });
});

describe('HistoryTail', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await scratch()));
  afterEach(() => cleanup());

  it('follows a history as it is appended, partial lines included, and keeps the newest Aggregated row', async () => {
    const path = join(dir, 'locust_stats_history.csv');
    const tail = new HistoryTail(path);
    expect(await tail.poll()).toBeNull(); // not written yet
    await writeFile(path, `${HEADER}\n`);
    expect(await tail.poll()).toBeNull();
    await appendFile(path, row(100, 5, '/posts/io_read/', 9, 1, 40, 4) + row(100, 5, 'Aggregated', 9, 1, 40, 4));
    expect(await tail.poll()).toEqual({ timestamp: 100, users: 5, srps: 8, failuresPerSecond: 1, totalRequests: 40, totalFailures: 4 });
    expect(tail.first).toBe(100);
    // Half a row: not read until its line ends.
    const next = row(101, 10, 'Aggregated', 20, 0, 90, 4);
    await appendFile(path, next.slice(0, 20));
    expect((await tail.poll())!.timestamp).toBe(100);
    await appendFile(path, next.slice(20));
    expect(await tail.poll()).toMatchObject({ timestamp: 101, users: 10, srps: 20, totalRequests: 90 });
    expect(tail.first).toBe(100);
  });

  it('reads a real Locust history and skips ahead when far behind, reading a bounded amount', async () => {
    const real = fixture('run-27', 'cells', 'async-limited__io_read__100ms', 'locust_stats_history.csv');
    const lines = (await readFile(real, 'utf8')).trim().split('\n');
    const last = lines
      .filter((line) => line.split(',')[3] === 'Aggregated')
      .at(-1)!
      .split(',');
    expect(await new HistoryTail(real).poll()).toMatchObject({ timestamp: Number(last[0]), users: Number(last[1]), totalFailures: Number(last[18]) });

    const path = join(dir, 'long.csv');
    await writeFile(path, `${HEADER}\n`);
    const tail = new HistoryTail(path);
    await tail.poll();
    let text = '';
    for (let t = 0; text.length < 3 * MAX_POLL_BYTES; t += 1) text += row(t, 7, 'Aggregated', t, 0, t, 0);
    await appendFile(path, text);
    const newest = (text.trim().split('\n').length - 1) as number;
    expect(await tail.poll()).toMatchObject({ timestamp: newest, srps: newest });
  });

  it('starts over when the file is replaced by a shorter one (a cell run again)', async () => {
    const path = join(dir, 'h.csv');
    await writeFile(path, `${HEADER}\n${row(5, 1, 'Aggregated', 1, 0, 1, 0)}${row(6, 1, 'Aggregated', 2, 0, 2, 0)}`);
    const tail = new HistoryTail(path);
    expect((await tail.poll())!.timestamp).toBe(6);
    await rm(path);
    await writeFile(path, `${HEADER}\n${row(1, 3, 'Aggregated', 4, 0, 4, 0)}`);
    expect(await tail.poll()).toMatchObject({ timestamp: 1, users: 3 });
  });
});

describe('watchCell', () => {
  it('prints plain lines from the history while Locust appends to it, and stops cleanly', async () => {
    const { dir, cleanup } = await scratch();
    try {
      const path = join(dir, 'locust_stats_history.csv');
      const out: string[] = [];
      const stop = watchCell(
        path,
        { index: 0, total: 2, id: 'sync/cpu/0ms', runTimeSeconds: 60, laterSeconds: 65 },
        { write: (text) => out.push(text), mode: 'plain', intervalSeconds: 0.05 },
      );
      await new Promise((resolve) => setTimeout(resolve, 120));
      // Locust started 20 s ago by its first row: the load's clock runs from there.
      await writeFile(path, `${HEADER}\n${row(Math.floor(Date.now() / 1000) - 20, 4, 'Aggregated', 12.5, 0.5, 30, 2)}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await stop();
      const count = out.length;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(out.length).toBe(count); // nothing after stop()
      expect(out.some((line) => line.includes('load 0s/1m00s · starting Locust'))).toBe(true);
      expect(out.at(-1)).toMatch(
        /^\[1\/2\] sync\/cpu\/0ms {2}load 2\ds\/1m00s · 4 users · 12\.0 sRPS · 2 failures \(0\.5\/s\) · (\d+m)?\d+s left in cell, \d+m\d+s in run\n$/,
      );
      expect(out.join('')).not.toContain('\r');
      expect(out.join('')).not.toContain('\u001b');
    } finally {
      await cleanup();
    }
  });
});

describe('buildSummary', () => {
  it('sums up a BuildKit build in one line', () => {
    const output = [
      '#1 [internal] load build definition from Dockerfile',
      '#5 [app 1/4] FROM docker.io/library/debian:trixie-slim',
      '#6 [app 2/4] RUN apt-get update',
      '#6 CACHED',
      '#7 [app 3/4] COPY . /app',
      '#9 naming to docker.io/library/async-bench-app:local done',
      '#10 naming to docker.io/library/async-bench-db:local done',
    ].join('\n');
    expect(buildSummary(output, 31.24)).toBe('Images built in 31.2 s (2 images; 1 of 4 steps cached); --verbose shows the build output.');
    expect(buildSummary('', 2)).toBe('Images built in 2.0 s; --verbose shows the build output.');
    // Several builds (the stack's, then the app's images): each numbers its steps from #1.
    expect(buildSummary([output, output], 3)).toBe('Images built in 3.0 s (2 images; 2 of 8 steps cached); --verbose shows the build output.');
  });
});
