import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConfig, type Config, type RawInputs } from '../../src/core/config/build.js';
import { ingestRun } from '../../src/core/ingest/run-dir.js';
import { planShard } from '../../src/core/plan/cells.js';
import { hostEnvironment, type Environment } from '../../src/core/results/environment.js';
import { serializeResults, type Results } from '../../src/core/results/results.js';
import type { Logger } from '../../src/stack/log.js';
import { findOutFolder, OutDirError, takeOverOutFolder, type ExistingRunPolicy } from '../../src/stack/out-dir.js';
import { configDifferences, environmentDifferences, planResume } from '../../src/stack/resume.js';
import { fixture, placeCell, scratch } from '../helpers/fixtures.js';

const INPUTS: RawInputs = { setups: 'sync,async-limited', routes: 'io_read', latencies: '0,100', out: 'res' };
const config = (inputs: RawInputs = {}, file?: string): Config =>
  buildConfig({ inputs: { ...INPUTS, ...inputs }, ...(file ? { file: { path: 'async-bench.yml', text: file } } : {}) });

const STARTED = '2026-03-04T05:06:07.000Z';
const environment: Environment = {
  ...hostEnvironment({}),
  docker: '27.3.1',
  compose: '2.29.7',
  cpuCount: 4,
  latencyMethod: 'netem',
  stack: { django: '5.1.4', locust: '2.32.4' },
};

describe('what an earlier run left in the out folder', () => {
  /** The workspace, and in it the out folder `res` (INPUTS.out). */
  let root: string;
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir: root, cleanup } = await scratch());
    dir = join(root, 'res');
    await mkdir(dir);
  });
  afterEach(() => cleanup());

  /** The out folder as a run finds it before anything runs: the earlier run, refused now when `policy` forbids it. */
  const outFolder = (policy: ExistingRunPolicy, inputs: RawInputs = {}) => findOutFolder(config(inputs), root, policy);
  /** The earlier run found (force refuses nothing). */
  const earlierIn = async (inputs: RawInputs = {}) => (await outFolder('force', inputs)).earlier;
  const quiet: Logger = { info: () => undefined, warning: () => undefined, group: (_name, work) => work() };

  /**
   * Cells (or repeats: `<cell>/r<n>`) measured by the cell runner (cell.json with its start
   * and latency method), optionally a results.json over them.
   */
  async function earlierRun(cells: string[], options: { results?: boolean; method?: string; inputs?: RawInputs } = {}): Promise<Results | null> {
    for (const cell of cells) {
      const path = await placeCell(dir, cell, fixture('locust-current', 'clean'));
      await writeFile(
        join(path, 'cell.json'),
        JSON.stringify({ id: cell, startedAt: STARTED, latencyMethod: options.method ?? 'netem', error: null, warnings: [] }),
      );
    }
    if (options.results === false) return null;
    const { results } = await ingestRun(dir, config(options.inputs), environment, { now: new Date(STARTED), allowEmpty: true });
    await writeFile(join(dir, 'results.json'), serializeResults(results));
    return results;
  }

  it('nothing measured is nothing to protect: a missing folder, other files, a results.json of no cells', async () => {
    expect(await earlierIn({ out: 'absent' })).toBeNull();
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await mkdir(join(dir, 'cells'));
    expect(await earlierIn()).toBeNull();
    await earlierRun([]);
    expect(await earlierIn()).toBeNull();
    await expect(outFolder('refuse')).resolves.toMatchObject({ dir, earlier: null });
  });

  it('a run with results.json: its date and measured cells name it in the refusal', async () => {
    await earlierRun(['sync__io_read__0ms', 'sync__io_read__100ms']);
    const earlier = await earlierIn();
    expect(earlier).toMatchObject({ measured: 2, date: new Date(STARTED), unreadable: null });
    await expect(outFolder('refuse')).rejects.toThrow(
      new OutDirError('res/ holds a run from 2026-03-04 05:06 UTC (2 cells). Use --resume to continue it, --force to start over, or --out for a new folder.'),
    );
    await expect(outFolder('resume')).resolves.toMatchObject({ earlier });
    await expect(outFolder('force')).resolves.toMatchObject({ earlier });
  });

  it('a merged results.json with no cells folder is protected too', async () => {
    await earlierRun(['sync__io_read__0ms']);
    await rm(join(dir, 'cells'), { recursive: true });
    expect(await earlierIn()).toMatchObject({ measured: 1, cellDirs: [] });
    await expect(outFolder('refuse')).rejects.toThrow(/holds a run from 2026-03-04 05:06 UTC \(1 cell\)/);
  });

  it('cells without results.json (a run killed outright): dated by the first cell, and --resume cannot vouch for them', async () => {
    await earlierRun(['sync__io_read__0ms', 'async-limited__io_read__0ms', 'async-limited__io_read__100ms'], { results: false });
    expect(await earlierIn()).toMatchObject({ results: null, measured: 3, date: new Date(STARTED) });
    await expect(outFolder('refuse')).rejects.toThrow(/res\/ holds a run from 2026-03-04 05:06 UTC \(3 cells\)/);
    await expect(outFolder('resume')).rejects.toThrow(
      /--resume: res\/ holds 3 cells but its configuration cannot be checked \(it has no results\.json\), so they may not compare with new ones\. Use --force to start over, or --out for a new folder\./,
    );
  });

  it('a FIFO as a cell.json: the earlier run is dated by the other cells, nothing waits for a writer', async () => {
    await earlierRun(['sync__io_read__0ms', 'sync__io_read__100ms'], { results: false });
    await rm(join(dir, 'cells/sync__io_read__0ms/cell.json'));
    execFileSync('mkfifo', [join(dir, 'cells/sync__io_read__0ms/cell.json')]);
    const refused = outFolder('refuse');
    const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still reading after 5 s')), 5_000).unref());
    await expect(Promise.race([refused, late])).rejects.toThrow(/res\/ holds a run from 2026-03-04 05:06 UTC \(2 cells\)/);
  });

  it('an unreadable results.json is an earlier run whose configuration is unknown', async () => {
    await writeFile(join(dir, 'results.json'), '{"schemaVersion": "1.0", "cells": [');
    expect((await earlierIn())?.unreadable).toMatch(/results\.json is not JSON/);
    await expect(outFolder('refuse')).rejects.toThrow(/res\/ holds a run from .* \(0 cells\)\. Use --resume/);
    await expect(outFolder('resume')).rejects.toThrow(/configuration cannot be checked \(.*results\.json is not JSON/);
  });

  it('starting over (--force) removes cells/, results.json and tables.md, nothing else, and opens an empty cells/', async () => {
    await earlierRun(['sync__io_read__0ms']);
    await writeFile(join(dir, 'tables.md'), 'tables');
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const owned = await takeOverOutFolder(await outFolder('force'), { config: config(), cells: [], environment }, quiet);
    expect(owned.kept.size).toBe(0);
    expect(await earlierIn()).toBeNull();
    expect((await readdir(dir)).sort()).toEqual(['cells', 'notes.txt']);
    expect(await readdir(join(dir, 'cells'))).toEqual([]);
  });

  describe('which cells a resumed run keeps', () => {
    it('keeps cells measured under the same definitions, and measures again what changed or went', async () => {
      const earlier = (await earlierRun(['sync__io_read__0ms', 'sync__io_read__100ms', 'async-limited__io_read__0ms', 'async-limited__io_read__100ms']))!;
      // Later: the sync setup is served by two workers, a cell folder was deleted, and one cell ran with Toxiproxy.
      await rm(join(dir, 'cells', 'async-limited__io_read__100ms'), { recursive: true });
      await writeFile(join(dir, 'cells', 'async-limited__io_read__0ms', 'cell.json'), JSON.stringify({ latencyMethod: 'toxiproxy', error: null }));
      const file = [
        'setups:',
        '  - name: sync',
        '    interface: wsgi',
        '    command: [gunicorn, --workers, "2", --bind, "0.0.0.0:{port}", "{module}"]',
        '  - async-limited',
      ].join('\n');
      const now = config({ setups: '' }, file);
      const plan = await planResume(dir, earlier, planShard(now), 'netem');
      expect([...plan.kept]).toEqual([]);
      expect(plan.remeasured).toEqual([
        { id: 'sync/io_read/0ms', why: 'setup sync is defined differently now' },
        { id: 'sync/io_read/100ms', why: 'setup sync is defined differently now' },
        { id: 'async-limited/io_read/0ms', why: 'it ran with toxiproxy, this run with netem' },
        {
          id: 'async-limited/io_read/100ms',
          why: expect.stringMatching(
            /^its folder no longer reads as measured \(cells\/async-limited__io_read__100ms\/locust_stats\.csv: does not exist \(ENOENT\)/,
          ),
        },
      ]);
    });

    it('keeps what still compares, with the attempt that first measured it; a wider matrix runs only the new cells', async () => {
      const earlier = (await earlierRun(['sync__io_read__0ms', 'async-limited__io_read__0ms']))!;
      const resumedBefore = {
        ...earlier,
        cells: earlier.cells.map((cell) => (cell.id === 'sync/io_read/0ms' ? { ...cell, resumedFrom: '2026-01-01T00:00:00.000Z' } : cell)),
      };
      const plan = await planResume(dir, resumedBefore, planShard(config({ latencies: '0,100,200' })), 'netem');
      expect([...plan.kept]).toEqual([
        ['sync/io_read/0ms', '2026-01-01T00:00:00.000Z'],
        ['async-limited/io_read/0ms', STARTED],
      ]);
      expect(plan.remeasured).toEqual([]);
    });

    it('with repeats, keeps a cell only when every repeat was measured, and measures a partial cell again in full', async () => {
      const repeats: RawInputs = { latencies: '0', repeats: '3' };
      const earlier = (await earlierRun(
        [
          // Complete: all three repeats.
          'sync__io_read__0ms/r1',
          'sync__io_read__0ms/r2',
          'sync__io_read__0ms/r3',
          // Stopped in the third pass: two of three.
          'async-limited__io_read__0ms/r1',
          'async-limited__io_read__0ms/r2',
        ],
        { inputs: repeats },
      ))!;
      // The partial cell still reads as measured (the median of its two repeats), with a warning.
      expect(earlier.cells.map((cell) => [cell.id, cell.status, cell.summary?.measured])).toEqual([
        ['sync/io_read/0ms', 'ok', 3],
        ['async-limited/io_read/0ms', 'ok', 2],
      ]);
      const plan = await planResume(dir, earlier, planShard(config(repeats)), 'netem');
      expect([...plan.kept]).toEqual([['sync/io_read/0ms', STARTED]]);
      expect(plan.remeasured).toEqual([
        { id: 'async-limited/io_read/0ms', why: '2 of its 3 repeats were measured; all 3 run again, interleaved with the other cells' },
      ]);

      // A repeat whose folder went, or that ran with another latency method, also sends its cell back.
      await rm(join(dir, 'cells', 'sync__io_read__0ms', 'r2'), { recursive: true });
      const gone = await planResume(dir, earlier, planShard(config(repeats)), 'netem');
      expect(gone.kept.size).toBe(0);
      expect(gone.remeasured[0]).toEqual({
        id: 'sync/io_read/0ms',
        why: expect.stringMatching(/^its repeat 2 no longer reads as measured \(sync__io_read__0ms\/r2\/locust_stats\.csv: does not exist/),
      });
      await placeCell(dir, 'sync__io_read__0ms/r2', fixture('locust-current', 'clean'));
      await writeFile(join(dir, 'cells', 'sync__io_read__0ms', 'r3', 'cell.json'), JSON.stringify({ latencyMethod: 'toxiproxy', error: null }));
      const other = await planResume(dir, earlier, planShard(config(repeats)), 'netem');
      expect(other.remeasured[0]).toEqual({ id: 'sync/io_read/0ms', why: 'its repeat 3 ran with toxiproxy, this run with netem' });
    });
  });
});

describe('what makes a run another experiment', () => {
  it('names each difference of the load, seed, latency method, shard and app as the user sets it', () => {
    // Paper profile: 500 users at 5/s for 180 s, 1 process, 1,000,000 posts, latency method auto.
    expect(configDifferences(config(), config({ latencies: '0,100,200', setups: 'sync' }))).toEqual([]);
    expect(configDifferences(config(), config({ 'run-time': '2m', 'seed-posts': '10', 'latency-method': 'toxiproxy', processes: '2', shard: '1/2' }))).toEqual([
      'run-time 180s → 120s',
      'processes 1 → 2',
      'seed-posts 1000000 → 10',
      'latency-method auto → toxiproxy',
      'shard none → 1/2',
    ]);
    expect(configDifferences(config(), { ...config(), app: { ...config().app, port: 9000 } })).toEqual(['the app definition (reference → reference)']);
  });

  it('names each difference of the engine, the image versions, the CPUs and the latency method that ran', () => {
    expect(environmentDifferences(environment, { ...environment, kernel: 'other', memoryGiB: 1 })).toEqual([]);
    expect(
      environmentDifferences(environment, {
        ...environment,
        compose: '2.30.0',
        cpuCount: 2,
        latencyMethod: 'toxiproxy',
        stack: { django: '5.1.4', postgresql: '17.2' },
      }),
    ).toEqual(['Compose 2.29.7 → 2.30.0', 'CPUs 4 → 2', 'latency method netem → toxiproxy', 'locust 2.32.4 → none', 'postgresql none → 17.2']);
  });
});
