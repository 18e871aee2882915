import { execFileSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { hostEnvironment } from '../../src/core/results/environment.js';
import { ingestRun } from '../../src/core/ingest/run-dir.js';
import { runAction } from '../../src/action/main.js';
import { serializeResults, type Results } from '../../src/core/results/results.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { startActionHarness, type ActionHarness } from '../helpers/action-harness.js';
import type { GitHubServer } from '../helpers/github-server.js';
import type { FakeArtifactStore } from '../publish/fake-artifacts.js';
import { stepInputs } from '../helpers/action-inputs.js';
import { FAST_API, FAST_UPLOAD } from '../helpers/fast-publish.js';
import { makeResults, withRepeats } from '../helpers/results.js';

/**
 * The action's run and aggregate modes end to end, with the two edges that cannot
 * run here injected: the Docker benchmark (a real captured run instead) and the
 * Actions artifact service (a recording store). GitHub's REST API is a local server.
 */
describe('runAction', () => {
  let harness: ActionHarness;
  let server: GitHubServer;
  let dir: string;
  let store: FakeArtifactStore;
  let out: ActionHarness['out'];

  beforeEach(async () => {
    harness = await startActionHarness();
    ({ dir, server, store, out } = harness);
  });
  afterEach(() => harness.close());

  const env = (): NodeJS.ProcessEnv => harness.env();
  const inputs = stepInputs;

  /** A "benchmark" that lays down the captured 27-cell run, as the stack would. */
  const capturedRun = async (config: Results['config']) => {
    const outDir = join(dir, config.outDir);
    await cp(join(FIXTURES, 'run-27', 'cells'), join(outDir, 'cells'), { recursive: true });
    const { results } = await ingestRun(outDir, config, hostEnvironment());
    await writeFile(join(outDir, 'results.json'), serializeResults(results));
    return results;
  };

  it('run mode: uploads the artifact, links it in the comment, records the PR number, sets outputs', async () => {
    await runAction({
      getInput: inputs({ mode: 'run', baseline: 'paper', 'github-token': 'tok', 'comment-key': 'k', 'artifact-name': 'bench-results', 'retention-days': '5' }),
      env: env(),
      artifactStore: async () => store,
      benchmark: capturedRun,
      timing: { api: FAST_API, upload: FAST_UPLOAD },
    });
    expect(store.uploads).toHaveLength(1);
    const upload = store.uploads[0]!;
    expect(upload.name).toBe('bench-results');
    expect(upload.options).toEqual({ retentionDays: 5 });
    const uploaded = upload.files.map((file) => file.slice(upload.rootDirectory.length + 1));
    expect(uploaded).toEqual(
      expect.arrayContaining([
        'results.json',
        'tables.md',
        'report.html',
        'results.csv',
        'bencher-bmf.json',
        'github-action-benchmark.json',
        'pr-number.txt',
        'cells/sync__io_read__0ms/locust_stats.csv',
      ]),
    );
    expect(await readFile(join(dir, 'async-bench-results', 'pr-number.txt'), 'utf8')).toMatch(/^3\s*$/);
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]!.body).toMatch(/\[Locust reports and results\.json\]\(https:\/\/github\.com\/octo\/bench\/actions\/runs\/77\/artifacts\/\d+\)/);
    const output = await readFile(join(dir, 'output.txt'), 'utf8');
    expect(output).toMatch(/artifact-url<<[^\n]*\nhttps:\/\/github\.com\/octo\/bench\/actions\/runs\/77\/artifacts\/\d+\n/);
    expect(output).toMatch(/regressions<<[^\n]*\n[1-9]\d*\n/);
    const out = join(dir, 'async-bench-results');
    for (const [name, file] of <[string, string][]>[
      ['html-path', 'report.html'],
      ['csv-path', 'results.csv'],
      ['bmf-path', 'bencher-bmf.json'],
      ['benchmark-action-path', 'github-action-benchmark.json'],
    ]) {
      expect(output).toContain(`${name}<<`);
      expect(output.split(`${name}<<`)[1]!.split('\n')[1]).toBe(join(out, file));
    }
    expect(await readFile(join(out, 'report.html'), 'utf8')).toMatch(/<svg class="chart"/);
    expect(await readFile(harness.summary, 'utf8')).toContain('**Table 1: CPU-bound**');
  });

  it('calibrate mode: runs A and B interleaved (2 × repeats), records the noise in results.json, compares with nothing', async () => {
    let asked: Results['config'] | null = null;
    await runAction({
      getInput: inputs({ mode: 'calibrate', repeats: '2', setups: 'sync', routes: 'io_read', latencies: '0', baseline: 'paper', 'github-token': 'tok' }),
      env: env(),
      artifactStore: async () => store,
      benchmark: async (config) => {
        asked = config;
        const results = withRepeats(
          makeResults({ setups: 'sync', routes: 'io_read', latencies: '0', repeats: '4' }, () => ({})),
          () => [100, 103, 98, 101],
        );
        await mkdir(join(dir, config.outDir), { recursive: true });
        return results;
      },
      timing: { api: FAST_API, upload: FAST_UPLOAD },
    });
    expect(asked!.repeats).toBe(4);
    expect(asked!.compare.baseline).toBeNull();
    const written = JSON.parse(await readFile(join(dir, 'async-bench-results', 'results.json'), 'utf8')) as Results;
    expect(written.noise).toMatchObject({ repeats: 2, pooled: { df: 2 } });
    expect(await readFile(join(dir, 'async-bench-results', 'calibration.md'), 'utf8')).toMatch(/^### async-bench calibration \(A\/A\)/);
    expect(await readFile(harness.summary, 'utf8')).toContain('no baseline');
  });

  it('fail-on-regression fails the step after publishing', async () => {
    process.exitCode = undefined;
    await runAction({
      getInput: inputs({ mode: 'run', baseline: 'paper', 'fail-on-regression': 'true', 'github-token': 'tok' }),
      env: env(),
      artifactStore: async () => store,
      benchmark: capturedRun,
      timing: { api: FAST_API, upload: FAST_UPLOAD },
    });
    expect(out.lines('error').join('\n')).toMatch(/regressed against the study \(paper\) \(fail-on-regression: throughput, queries\)/);
    expect(server.comments).toHaveLength(1);
    process.exitCode = undefined;
  });

  it('aggregate mode with a missing shard: lists the missing cells, fails only with fail-on-incomplete', async () => {
    const full = await capturedRun((await import('../../src/core/config/build.js')).buildConfig({ inputs: { out: 'full' } }));
    const shard = (i: number, from: number, to: number) =>
      serializeResults({
        ...full,
        config: { ...full.config, shard: { index: i, total: 3 } },
        shard: { index: i, total: 3 },
        cells: full.cells.slice(from, to),
      });
    store.add('async-bench-results-shard-1-of-3', { 'results.json': shard(1, 0, 9) });
    store.add('async-bench-results-shard-3-of-3', { 'results.json': shard(3, 18, 27) });
    process.exitCode = undefined;
    await runAction({
      getInput: inputs({ mode: 'aggregate', baseline: 'none', 'fail-on-incomplete': 'true', 'github-token': 'tok' }),
      env: env(),
      artifactStore: async () => store,
      benchmark: () => Promise.reject(new Error('aggregate mode must not run the benchmark')),
      timing: { api: FAST_API, upload: FAST_UPLOAD },
    });
    expect(out.lines('warning').join('\n')).toMatch(/9 cell\(s\) have no shard result: async-limited\/cpu\/0ms/);
    expect(out.lines('error').join('\n')).toMatch(/9 cell\(s\) have no result \(fail-on-incomplete is on\)/);
    const body = server.comments[0]!.body;
    expect(body).toContain('✖ 9 failed cells');
    expect(body).toContain('no shard artifact reported this cell');
    expect(store.uploads[0]!.name).toBe('async-bench-results');
    process.exitCode = undefined;
  });

  describe('report.html draws every cell’s history wherever its Locust files are', () => {
    /** The files of captured cells, as an artifact holds them (`cells/<cell>/…`). */
    async function cellFiles(cells: Results['cells']): Promise<Record<string, string>> {
      const files: Record<string, string> = {};
      for (const cell of cells) {
        const from = join(FIXTURES, 'run-27', cell.dir);
        for (const name of await readdir(from)) files[`${cell.dir}/${name}`] = await readFile(join(from, name), 'utf8');
      }
      return files;
    }
    const cards = (html: string) => html.split('<div class="cell" id="cell-').slice(1);
    const act = (getInput: (name: string) => string) =>
      runAction({
        getInput,
        env: env(),
        artifactStore: async () => store,
        benchmark: () => Promise.reject(new Error('this mode must not run the benchmark')),
        timing: { api: FAST_API, upload: FAST_UPLOAD },
      });

    it('aggregate mode: from the shard artifacts it merged', async () => {
      const full = await capturedRun((await import('../../src/core/config/build.js')).buildConfig({ inputs: { out: 'full' } }));
      for (const [i, from, to] of [
        [1, 0, 14],
        [2, 14, 27],
      ] as const) {
        const shard = { ...full, config: { ...full.config, shard: { index: i, total: 2 } }, shard: { index: i, total: 2 }, cells: full.cells.slice(from, to) };
        store.add(`async-bench-results-shard-${i}-of-2`, { 'results.json': serializeResults(shard), ...(await cellFiles(shard.cells)) });
      }
      await act(inputs({ mode: 'aggregate', baseline: 'none', 'github-token': 'tok' }));
      const html = await readFile(join(dir, 'async-bench-results', 'aggregate', 'report.html'), 'utf8');
      expect(cards(html)).toHaveLength(27);
      for (const card of cards(html)) {
        expect(card).not.toContain('No history');
        expect(card).toContain('<svg class="chart"');
      }
      // The shards' folders are not uploaded with the page, so it links no Locust report it would lose.
      expect(html).not.toContain('Locust report</a>');
    });

    it('report mode: from the folder of the results.json it publishes', async () => {
      await capturedRun((await import('../../src/core/config/build.js')).buildConfig({ inputs: { out: 'measured' } }));
      await act(inputs({ mode: 'report', results: 'measured/results.json', baseline: 'none', 'github-token': 'tok' }));
      const html = await readFile(join(dir, 'async-bench-results', 'report', 'report.html'), 'utf8');
      expect(cards(html)).toHaveLength(27);
      for (const card of cards(html)) expect(card).toContain('<svg class="chart"');
      expect(html).not.toContain('No history');
    });
  });

  it('aggregate mode with no shard at all: every cell is missing, and the step does not fail by default', async () => {
    process.exitCode = undefined;
    await runAction({
      getInput: inputs({ mode: 'aggregate', baseline: 'none', 'github-token': 'tok' }),
      env: env(),
      artifactStore: async () => store,
      benchmark: () => Promise.reject(new Error('aggregate mode must not run the benchmark')),
      timing: { api: FAST_API, upload: FAST_UPLOAD },
    });
    expect(out.lines('warning').join('\n')).toMatch(/No artifacts named async-bench-results-shard-\*/);
    expect(out.lines('error')).toEqual([]);
    expect(server.comments[0]!.body).toContain('✖ 27 failed cells');
  });

  describe('report and aggregate modes write into folders of their own', () => {
    const RUN_RESULTS = serializeResults(makeResults({ baseline: 'paper' }, () => ({ maxSrps: 5 })));

    /** What a run step left in the out folder earlier in the same job. */
    async function earlierRun(): Promise<string> {
      const outDir = join(dir, 'async-bench-results');
      await mkdir(outDir, { recursive: true });
      await writeFile(join(outDir, 'results.json'), RUN_RESULTS);
      await writeFile(join(outDir, 'tables.md'), 'the run step’s tables');
      return outDir;
    }

    it('report mode publishes a run’s results.json from <out>/report/ and leaves that run’s files alone', async () => {
      const outDir = await earlierRun();
      await runAction({
        getInput: inputs({ mode: 'report', results: 'async-bench-results/results.json', baseline: 'none', 'github-token': 'tok' }),
        env: env(),
        artifactStore: async () => store,
        benchmark: () => Promise.reject(new Error('report mode must not run the benchmark')),
        timing: { api: FAST_API, upload: FAST_UPLOAD },
      });
      expect(await readFile(join(outDir, 'results.json'), 'utf8')).toBe(RUN_RESULTS);
      expect(await readFile(join(outDir, 'tables.md'), 'utf8')).toBe('the run step’s tables');
      expect(JSON.parse(await readFile(join(outDir, 'report', 'results.json'), 'utf8'))).toEqual(JSON.parse(RUN_RESULTS));
      expect(await readFile(join(outDir, 'report', 'tables.md'), 'utf8')).toContain('**Table 1: CPU-bound**');
      const output = await readFile(join(dir, 'output.txt'), 'utf8');
      expect(output).toContain(join(outDir, 'report', 'results.json'));
      expect(store.uploads).toHaveLength(0);
      expect(out.lines('error')).toEqual([]);
    });

    it('report mode refuses to write over the results file it was given', async () => {
      const outDir = join(await earlierRun(), 'report');
      await mkdir(outDir);
      await writeFile(join(outDir, 'results.json'), RUN_RESULTS);
      await expect(
        runAction({
          getInput: inputs({ mode: 'report', results: 'async-bench-results/report/results.json', 'github-token': 'tok' }),
          env: env(),
          artifactStore: async () => store,
          benchmark: () => Promise.reject(new Error('report mode must not run the benchmark')),
        }),
      ).rejects.toThrow(/^Invalid results: "async-bench-results\/report\/results.json" is where mode report writes its own results.json .*set out: elsewhere/);
      expect(await readFile(join(outDir, 'results.json'), 'utf8')).toBe(RUN_RESULTS);
      expect(server.requests).toHaveLength(0);
    });

    it.each([
      [
        'a FIFO',
        'pipe',
        /^Invalid results: \S+pipe: is a FIFO \(named pipe\), not a regular file, so it was not read; expected a results\.json\. Give `results` the path/,
      ],
      [
        'a folder',
        'folder',
        /^Invalid results: \S+folder: is a directory \(EISDIR\); expected a results\.json\. Give `results` the path of a results\.json file\./,
      ],
      ['a missing file', 'missing.json', /^Invalid results: \S+missing\.json does not exist; give `results` the path of a results\.json file\./],
    ])('report mode with `results` pointing at %s: the path and the fix, no hang, no request', async (_, name, message) => {
      execFileSync('mkfifo', [join(dir, 'pipe')]);
      await mkdir(join(dir, 'folder'));
      await expect(
        runAction({
          getInput: inputs({ mode: 'report', results: name, 'github-token': 'tok' }),
          env: env(),
          artifactStore: async () => store,
          benchmark: () => Promise.reject(new Error('report mode must not run the benchmark')),
        }),
      ).rejects.toThrow(message);
      expect(server.requests).toHaveLength(0);
    });

    it('aggregate mode merges into <out>/aggregate/ and leaves a run’s results.json in <out> alone', async () => {
      const outDir = await earlierRun();
      store.add('async-bench-results-shard-1-of-1', { 'results.json': RUN_RESULTS });
      await runAction({
        getInput: inputs({ mode: 'aggregate', baseline: 'none', 'github-token': 'tok' }),
        env: env(),
        artifactStore: async () => store,
        benchmark: () => Promise.reject(new Error('aggregate mode must not run the benchmark')),
        timing: { api: FAST_API, upload: FAST_UPLOAD },
      });
      expect(await readFile(join(outDir, 'results.json'), 'utf8')).toBe(RUN_RESULTS);
      expect(await readFile(join(outDir, 'tables.md'), 'utf8')).toBe('the run step’s tables');
      const merged = JSON.parse(await readFile(join(outDir, 'aggregate', 'results.json'), 'utf8')) as Results;
      expect(merged.cells).toHaveLength(27);
      expect(store.uploads[0]!.rootDirectory).toBe(join(outDir, 'aggregate'));
      // The downloaded shards (.shards/) are not uploaded again; the merged report and exports are.
      expect(store.uploads[0]!.files.map((file) => file.slice(store.uploads[0]!.rootDirectory.length + 1))).toEqual([
        'results.json',
        'tables.md',
        'report.html',
        'results.csv',
        'github-action-benchmark.json',
        'bencher-bmf.json',
        'pr-number.txt',
      ]);
    });
  });
});
