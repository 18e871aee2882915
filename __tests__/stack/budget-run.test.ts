import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConfig, type RawInputs } from '../../src/core/config/build.js';
import { parseResults, type Results } from '../../src/core/results/results.js';
import type { Runner } from '../../src/stack/exec/command.js';
import { processRunner } from '../../src/stack/exec/runner.js';
import { runCli } from '../../src/cli/cli.js';
import { runBenchmark } from '../../src/stack/run.js';
import { fakeDocker, isLoadRun, type FakeDocker } from '../helpers/fake-docker.js';
import { scratch } from '../helpers/fixtures.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

function cliIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (t: string) => void out.push(t) }, stderr: { write: (t: string) => void err.push(t) }, cwd },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

/*
 * The budget loop through runBenchmark on real folders: git for real (a temporary repository whose
 * first commit is the base), the engine a stand-in whose every load writes the same captured cell,
 * and a clock that a load advances by `loadSeconds`: so which pairs run, in what order, and why
 * the loop stops are the loop's own decisions.
 */
describe('runBenchmark under a budget', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await scratch()));
  afterEach(() => cleanup());

  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

  /** A repository of two commits: the base (returned) and head. */
  async function twoCommits(): Promise<string> {
    await mkdir(join(dir, 'mysite'));
    await writeFile(join(dir, 'mysite', 'manage.py'), '# base\n');
    await writeFile(join(dir, 'mysite', 'Dockerfile'), 'FROM scratch\n');
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'base');
    const base = git('rev-parse', 'HEAD');
    await writeFile(join(dir, 'mysite', 'manage.py'), '# head\n');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qam', 'head');
    return base;
  }

  async function run(
    inputs: RawInputs,
    loadSeconds: number,
    out = 'res',
    options: { interruptAtLoad?: number; existingRun?: 'resume'; failing?: string } = {},
  ): Promise<{ results: Results; fake: FakeDocker; lines: string[] }> {
    let now = 0;
    const signals = new EventEmitter();
    const fake = fakeDocker({
      onCommand: (command, self) => {
        if (!isLoadRun(command)) return;
        now += loadSeconds * 1000;
        // Before this load's answer: the signal arrives while it runs.
        if (self.locustRuns.length + 1 === options.interruptAtLoad) signals.emit('SIGINT', 'SIGINT');
      },
    });
    const real = processRunner({ write: () => undefined });
    const runner: Runner = (command, runOptions) => {
      if (command.command === 'git') return real(command, runOptions);
      // A cell whose load always fails: Locust exits 1 and writes nothing.
      if (options.failing && isLoadRun(command) && command.args.some((arg) => arg.includes(options.failing!))) {
        now += loadSeconds * 1000;
        return Promise.resolve({ exitCode: 1, stdout: '', stderr: 'locust: boom' });
      }
      return fake.runner(command, runOptions);
    };
    const config = buildConfig({
      inputs: {
        'app-path': 'mysite',
        'app-settings': 'mysite.settings',
        profile: 'ci',
        setups: 'sync',
        routes: 'cpu,io_read',
        latencies: '0',
        'latency-method': 'netem',
        'seed-posts': '10',
        out,
        ...inputs,
      },
    });
    const lines: string[] = [];
    await runBenchmark(config, {
      runner,
      log: { info: (line) => void lines.push(line), warning: () => undefined, group: (_name, work) => work() },
      root: REPO_ROOT,
      cwd: dir,
      env: {},
      signals,
      now: () => now,
      ...(options.existingRun ? { existingRun: options.existingRun } : {}),
    }).catch((error: unknown) => {
      if (!options.interruptAtLoad) throw error;
    });
    const results = parseResults('results.json', await readFile(join(dir, out, 'results.json'), 'utf8'));
    return { results, fake, lines };
  }

  const sampleOrder = (fake: FakeDocker) => fake.locustRuns.map((run) => run.split('/cells/')[1]);

  it('gives the open cells pairs round-robin, base and head back to back in alternating order, up to repeats a cell', async () => {
    const base = await twoCommits();
    // A threshold of 1 % no A/A interval sits within: every cell stays open until its maximum.
    const { results, fake } = await run({ baseline: 'base', 'base-ref': base, budget: '1h', repeats: '2', threshold: '1%' }, 30);
    expect(sampleOrder(fake)).toEqual([
      'sync__cpu__0ms/base/r1',
      'sync__cpu__0ms/head/r1',
      'sync__io_read__0ms/base/r1',
      'sync__io_read__0ms/head/r1',
      'sync__cpu__0ms/head/r2',
      'sync__cpu__0ms/base/r2',
      'sync__io_read__0ms/head/r2',
      'sync__io_read__0ms/base/r2',
    ]);
    expect(results.budget).toEqual({
      runs: [{ shard: null, budgetSeconds: 3600, spentSeconds: 240, stoppedBy: 'max-pairs' }],
      cells: { 'sync/cpu/0ms': { pairs: 2, decided: false }, 'sync/io_read/0ms': { pairs: 2, decided: false } },
    });
    expect(results.cells.map((cell) => cell.samples?.length)).toEqual([4, 4]);
  });

  it('never starts a pair that cannot finish: the first is estimated at 2 × (run time + 15 s), later ones at the longest so far', async () => {
    const base = await twoCommits();
    // ci: 25 s a sample, so the first pair is estimated at 80 s; each pair then takes 2 × 45 s.
    // Pair 1 at 0 s (0 + 80 ≤ 200), pair 2 at 90 s (90 + 90 ≤ 200), none at 180 s (180 + 90 > 200).
    const { results, fake, lines } = await run({ baseline: 'base', 'base-ref': base, budget: '200s', threshold: '1%' }, 45);
    expect(fake.locustRuns).toHaveLength(4);
    expect(results.budget!.runs).toEqual([{ shard: null, budgetSeconds: 200, spentSeconds: 180, stoppedBy: 'budget' }]);
    expect(results.budget!.cells).toEqual({ 'sync/cpu/0ms': { pairs: 1, decided: false }, 'sync/io_read/0ms': { pairs: 1, decided: false } });
    // The pairs the budget did not spend are not failed samples: each cell has its one pair.
    expect(results.cells.map((cell) => [cell.status, cell.samples?.map((sample) => `${sample.side} r${sample.repeat}`)])).toEqual([
      ['ok', ['base r1', 'head r1']],
      ['ok', ['base r1', 'head r1']],
    ]);
    expect(results.cells.flatMap((cell) => (cell.status === 'ok' ? cell.warnings : []))).toEqual([]);
    expect(lines.at(-1)).toContain('budget: stopped (the next pair would overrun the budget) after 2 pairs.');
  });

  // Every sample is the same capture: the interval is the noise floor's alone, about ±44 % after one
  // repeat at 4 looks. Within 50 %: one repeat decides each cell; within 10 %: none, up to the maximum.
  it('without a baseline, stops a cell once its own interval lies within ±threshold', async () => {
    await twoCommits();
    const { results, fake } = await run({ baseline: 'none', budget: '1h', repeats: '4', threshold: '50%' }, 30);
    expect(sampleOrder(fake)).toEqual(['sync__cpu__0ms/r1', 'sync__io_read__0ms/r1']);
    expect(results.budget!.runs[0]!.stoppedBy).toBe('decided');
    expect(results.budget!.cells['sync/cpu/0ms']).toEqual({ pairs: 1, decided: true });
  });

  it('without a baseline, repeats a cell whose interval is wider than ±threshold, up to its maximum', async () => {
    await twoCommits();
    const { results, fake } = await run({ baseline: 'none', budget: '1h', repeats: '4', threshold: '10%' }, 30);
    expect(fake.locustRuns).toHaveLength(8);
    expect(results.budget!.runs[0]!.stoppedBy).toBe('max-pairs');
    expect(results.cells[0]!.samples!.map((sample) => sample.repeat)).toEqual([1, 2, 3, 4]);
  });

  it("with baseline: base, stops a cell once the paired comparison decides it (cellDecided on the gate's signals)", async () => {
    const base = await twoCommits();
    // Base and head are the same capture: a change of 0, within 60 % after the fewest pairs the floor allows.
    const { results, fake } = await run({ baseline: 'base', 'base-ref': base, budget: '1h', repeats: '4', threshold: '60%' }, 30);
    const pairs = results.budget!.cells['sync/cpu/0ms']!.pairs;
    expect(results.budget!.runs[0]!.stoppedBy).toBe('decided');
    expect(pairs).toBeLessThan(4);
    expect(fake.locustRuns).toHaveLength(2 * (pairs + results.budget!.cells['sync/io_read/0ms']!.pairs));
  });

  it('shards with baseline: base each spend their own budget; merge keeps every pair and both budgets, and the report shows them', async () => {
    const base = await twoCommits();
    const inputs = { baseline: 'base', 'base-ref': base, budget: '200s', threshold: '1%', routes: 'cpu,io_read,io_create' };
    // Shard 1/2 has two cells, shard 2/2 one: each fits two pairs of 90 s in its 200 s.
    const first = await run({ ...inputs, shard: '1/2' }, 45, 's1');
    const second = await run({ ...inputs, shard: '2/2' }, 45, 's2');
    expect(first.results.budget!.runs).toEqual([{ shard: { index: 1, total: 2 }, budgetSeconds: 200, spentSeconds: 180, stoppedBy: 'budget' }]);
    expect(second.results.budget!.runs[0]!.spentSeconds).toBe(180);

    const merged = cliIo(dir);
    expect(await runCli(['merge', 'merged.json', 's1/results.json', 's2/results.json'], merged.io)).toBe(0);
    const results = parseResults('merged.json', await readFile(join(dir, 'merged.json'), 'utf8'));
    expect(results.budget!.runs.map((part) => [part.shard, part.spentSeconds, part.stoppedBy])).toEqual([
      [{ index: 1, total: 2 }, 180, 'budget'],
      [{ index: 2, total: 2 }, 180, 'budget'],
    ]);
    const shardCells = [...first.results.cells, ...second.results.cells];
    expect(Object.keys(results.budget!.cells).sort()).toEqual(shardCells.map((cell) => cell.id).sort());
    // Every pair of every shard, both sides, as the shard recorded it.
    for (const cell of results.cells) {
      const own = shardCells.find((candidate) => candidate.id === cell.id)!;
      expect(cell.samples).toEqual(own.samples);
      expect(cell.samples!.length).toBe(2 * results.budget!.cells[cell.id]!.pairs);
    }

    const report = cliIo(dir);
    expect(await runCli(['report', 'merged.json'], report.io)).toBe(0);
    expect(report.out()).toContain('**Budget**: shard 1/2: 3 min of 3 min spent, stopped because the next pair would not have fit; shard 2/2: 3 min');
    expect(report.out()).toMatch(/\| `sync\/io_create\/0ms` \| 2 \| no \(/);
  });

  it('resumed, keeps the cells the interrupted attempt decided (with their pairs) and measures the rest afresh', async () => {
    await twoCommits();
    const inputs = { baseline: 'none', budget: '1h', repeats: '4', threshold: '50%' };
    // The second load (the second cell's first repeat) is interrupted; the first cell was decided by then.
    const cut = await run(inputs, 30, 'res', { interruptAtLoad: 2 });
    expect(cut.results.budget).toEqual({
      runs: [{ shard: null, budgetSeconds: 3600, spentSeconds: 60, stoppedBy: 'interrupted' }],
      cells: { 'sync/cpu/0ms': { pairs: 1, decided: true } },
    });
    const resumed = await run(inputs, 30, 'res', { existingRun: 'resume' });
    expect(sampleOrder(resumed.fake)).toEqual(['sync__io_read__0ms/r1']);
    expect(resumed.results.budget!.cells).toEqual({ 'sync/cpu/0ms': { pairs: 1, decided: true }, 'sync/io_read/0ms': { pairs: 1, decided: true } });
    expect(resumed.results.cells[0]!.resumedFrom).toBe(cut.results.createdAt);
  });

  it('gives a cell whose samples all fail no second pair: its failure is the answer', async () => {
    await twoCommits();
    const { results, fake } = await run({ baseline: 'none', budget: '1h', repeats: '3', threshold: '1%' }, 30, 'res', { failing: 'sync__io_read__0ms' });
    expect(sampleOrder(fake)).toEqual(['sync__cpu__0ms/r1', 'sync__cpu__0ms/r2', 'sync__cpu__0ms/r3']);
    expect(results.budget!.cells).toEqual({ 'sync/cpu/0ms': { pairs: 3, decided: false }, 'sync/io_read/0ms': { pairs: 1, decided: true } });
    expect(results.cells[1]!.status).toBe('failed');
  });
});
