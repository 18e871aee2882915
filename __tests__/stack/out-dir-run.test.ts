import { fileURLToPath } from 'node:url';
import { EventEmitter } from 'node:events';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConfig, type RawInputs } from '../../src/core/config/build.js';
import { renderReport } from '../../src/core/report/body.js';
import { parseResults, type Results } from '../../src/core/results/results.js';
import { DockerUnavailableError } from '../../src/stack/docker.js';
import type { Logger } from '../../src/stack/log.js';
import { OutDirError, type ExistingRunPolicy } from '../../src/stack/out-dir.js';
import { InterruptedError, runBenchmark } from '../../src/stack/run.js';
import { fakeDocker, isLoadRun, type FakeDocker, type FakeDockerOptions } from '../helpers/fake-docker.js';
import { scratch } from '../helpers/fixtures.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/*
 * runBenchmark for real on real folders, with a stand-in engine behind the Runner
 * seam (helpers/fake-docker.ts): what an out folder holds before, during and after
 * a run under each policy. Three cells: sync/io_read at 0, 100 and 200 ms.
 */
const INPUTS: RawInputs = {
  setups: 'sync',
  routes: 'io_read',
  users: '10',
  'spawn-rate': '10',
  'run-time': '8s',
  'seed-posts': '1000',
  'latency-method': 'netem',
  out: 'res',
};

/** Every file under a folder with its bytes: "untouched" means this is equal before and after. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(root, path)] = await readFile(path, 'utf8');
  }
  return files;
}

describe('runBenchmark and an out folder that holds an earlier run', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let out: string;
  let logged: string[];
  beforeEach(async () => {
    ({ dir, cleanup } = await scratch());
    out = join(dir, 'res');
    logged = [];
  });
  afterEach(() => cleanup());

  const log: Logger = { info: (m) => void logged.push(m), warning: (m) => void logged.push(`warning: ${m}`), group: (_name, work) => work() };

  function bench(fake: FakeDocker, existingRun?: ExistingRunPolicy, options: { inputs?: RawInputs; signals?: EventEmitter } = {}) {
    const config = buildConfig({ inputs: { ...INPUTS, ...options.inputs } });
    return runBenchmark(config, {
      runner: fake.runner,
      log,
      root: REPO_ROOT, // its compose/app is the reference app's folder; the engine is a stand-in
      cwd: dir,
      env: {},
      signals: options.signals ?? new EventEmitter(),
      ...(existingRun ? { existingRun } : {}),
    });
  }

  const readResults = async (): Promise<Results> => parseResults('results.json', await readFile(join(out, 'results.json'), 'utf8'));
  const statuses = (results: Results) => results.cells.map((cell) => [cell.id, cell.status, cell.resumedFrom ?? null]);

  /** A first attempt stopped by SIGINT while its second cell ran: one cell measured. */
  async function interruptedAttempt(): Promise<Results> {
    const signals = new EventEmitter();
    const fake = fakeDocker({
      onCommand: (command, self) => {
        if (isLoadRun(command) && self.locustRuns.length === 1) signals.emit('SIGINT', 'SIGINT');
      },
    });
    await expect(bench(fake, 'refuse', { signals })).rejects.toThrow(InterruptedError);
    return readResults();
  }

  it('resumes an interrupted run: measured cells are kept, not run again, and the report says where they come from', async () => {
    const first = await interruptedAttempt();
    expect(statuses(first)).toEqual([
      ['sync/io_read/0ms', 'ok', null],
      ['sync/io_read/100ms', 'failed', null],
      ['sync/io_read/200ms', 'failed', null],
    ]);
    expect(first.cells[1]!.reason).toMatch(/interrupted by SIGINT/);
    const keptRecord = await readFile(join(out, 'cells', 'sync__io_read__0ms', 'cell.json'), 'utf8');

    const second = fakeDocker();
    const resumed = await bench(second, 'resume');
    expect(second.locustRuns.map((path) => relative(out, path))).toEqual(['cells/sync__io_read__100ms', 'cells/sync__io_read__200ms']);
    expect(statuses(resumed)).toEqual([
      ['sync/io_read/0ms', 'ok', first.createdAt],
      ['sync/io_read/100ms', 'ok', null],
      ['sync/io_read/200ms', 'ok', null],
    ]);
    expect(await readFile(join(out, 'cells', 'sync__io_read__0ms', 'cell.json'), 'utf8')).toBe(keptRecord);
    expect(statuses(await readResults())).toEqual(statuses(resumed));
    expect(logged.join('\n')).toMatch(/Resuming res\/: 1 of 3 cells kept from the attempt of \d{4}-\d\d-\d\d \d\d:\d\d UTC; 2 to run\./);

    const report = renderReport(resumed, { comparison: null });
    expect(report).toContain(`Resumed: 1 of 3 cells were measured by the earlier attempt of ${first.createdAt.slice(0, 16).replace('T', ' ')} UTC`);
    // The per-cell details' row (the per-request block has a row for the cell too, earlier).
    const perCell = report.slice(report.indexOf('| Cell '));
    const row = perCell.split('\n').find((line) => line.startsWith('| `sync/io_read/0ms`') && line.includes('from the attempt'));
    expect(row).toMatch(/from the attempt of \d{4}-\d\d-\d\d \d\d:\d\d UTC/);

    // A third attempt has nothing left to run; each cell keeps the attempt that measured it.
    const third = fakeDocker();
    const again = await bench(third, 'resume');
    expect(third.locustRuns).toEqual([]);
    expect(statuses(again)).toEqual([
      ['sync/io_read/0ms', 'ok', first.createdAt],
      ['sync/io_read/100ms', 'ok', resumed.createdAt],
      ['sync/io_read/200ms', 'ok', resumed.createdAt],
    ]);
  });

  it('refuses an earlier run before any command runs, without --resume or --force', async () => {
    await interruptedAttempt();
    const before = await snapshot(out);
    const fake = fakeDocker();
    const run = bench(fake, 'refuse');
    await expect(run).rejects.toThrow(OutDirError);
    await expect(run).rejects.toThrow(
      /^res\/ holds a run from \d{4}-\d\d-\d\d \d\d:\d\d UTC \(1 cell\)\. Use --resume to continue it, --force to start over, or --out for a new folder\.$/,
    );
    expect(fake.calls).toEqual([]);
    expect(await snapshot(out)).toEqual(before);
  });

  it('--resume with another configuration refuses before any command runs', async () => {
    await interruptedAttempt();
    const before = await snapshot(out);
    const fake = fakeDocker();
    const run = bench(fake, 'resume', { inputs: { users: '20', 'spawn-rate': '20' } });
    await expect(run).rejects.toThrow(
      /--resume: res\/ was run with another configuration \(users 10 → 20; spawn-rate 10 → 20\), so none of its 1 cell would compare/,
    );
    await expect(run).rejects.toThrow(/Use --force to start over, or --out for a new folder\./);
    expect(fake.calls).toEqual([]);
    expect(await snapshot(out)).toEqual(before);
  });

  it.each<[string, FakeDockerOptions, RegExp]>([
    ['another Docker engine', { docker: '28.0.1' }, /Docker 27\.3\.1 → 28\.0\.1/],
    ['another Django in the image', { django: '5.2' }, /django 5\.1\.4 → 5\.2/],
  ])('--resume on %s refuses once the stack is up, tears it down, and leaves the folder as it was', async (_what, options, difference) => {
    await interruptedAttempt();
    const before = await snapshot(out);
    const fake = fakeDocker(options);
    const run = bench(fake, 'resume');
    await expect(run).rejects.toThrow(OutDirError);
    await expect(run).rejects.toThrow(/--resume: res\/ was measured on another stack \(/);
    await expect(run).rejects.toThrow(difference);
    expect(fake.calls.at(-1)!.args).toContain('down');
    expect(fake.locustRuns).toEqual([]);
    expect(await snapshot(out)).toEqual(before);
  });

  it('starts over (the action’s default) only once the stack is up, and removes only what a run writes', async () => {
    await interruptedAttempt();
    await writeFile(join(out, 'notes.txt'), 'mine');
    const earlierCell = join(out, 'cells', 'sync__io_read__0ms', 'cell.json');
    const earlierRecord = await readFile(earlierCell, 'utf8');
    const presentAt: Record<string, boolean> = {};
    const fake = fakeDocker({
      onCommand: async (command) => {
        const step = command.args.includes('build') ? 'build' : command.args.includes('seed_posts') ? 'seed' : null;
        if (step) presentAt[step] = (await stat(earlierCell).catch(() => null)) !== null;
      },
    });
    const results = await bench(fake);
    expect(presentAt).toEqual({ build: true, seed: true });
    expect(fake.locustRuns).toHaveLength(3);
    expect(statuses(results)).toEqual([
      ['sync/io_read/0ms', 'ok', null],
      ['sync/io_read/100ms', 'ok', null],
      ['sync/io_read/200ms', 'ok', null],
    ]);
    expect(await readFile(earlierCell, 'utf8')).not.toBe(earlierRecord);
    expect(await readFile(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(logged.join('\n')).toMatch(/Starting over in res\/: removing the earlier run from .* \(1 cell\)/);
  });

  it('--force leaves the earlier run untouched when Docker is not there', async () => {
    await interruptedAttempt();
    const before = await snapshot(out);
    await expect(bench(fakeDocker({ unavailable: true }), 'force')).rejects.toThrow(DockerUnavailableError);
    expect(await snapshot(out)).toEqual(before);
  });

  it('--force interrupted before the first cell leaves the earlier run untouched', async () => {
    await interruptedAttempt();
    const before = await snapshot(out);
    const signals = new EventEmitter();
    const fake = fakeDocker({ onCommand: (command) => void (command.args.includes('build') && signals.emit('SIGTERM', 'SIGTERM')) });
    const run = bench(fake, 'force', { signals });
    await expect(run).rejects.toThrow(InterruptedError);
    await expect(run).rejects.toThrow(/Interrupted by SIGTERM before the first cell: the stack was torn down; res\/ was left as it was\./);
    expect(fake.locustRuns).toEqual([]);
    expect(await snapshot(out)).toEqual(before);
  });

  it('a new folder needs no flag, and results.json follows every cell', async () => {
    const seen: number[] = [];
    const fake = fakeDocker({
      onCommand: async (command) => {
        if (!isLoadRun(command)) return;
        const results = await readFile(join(out, 'results.json'), 'utf8').then((text) => parseResults('r', text));
        seen.push(results.cells.filter((cell) => cell.status === 'ok').length);
      },
    });
    const results = await bench(fake, 'refuse');
    expect(results.cells.every((cell) => cell.status === 'ok')).toBe(true);
    // Before each cell, results.json holds the cells measured so far: a run killed outright can resume.
    expect(seen).toEqual([0, 1, 2]);
  });

  it('repeats run interleaved, each into its own folder, and results.json keeps every sample', async () => {
    const fake = fakeDocker();
    const results = await bench(fake, undefined, { inputs: { latencies: '0,100', repeats: '2' } });
    expect(fake.locustRuns.map((run) => relative(join(out, 'cells'), run))).toEqual([
      'sync__io_read__0ms/r1',
      'sync__io_read__100ms/r1',
      'sync__io_read__0ms/r2',
      'sync__io_read__100ms/r2',
    ]);
    expect(results.cells.map((cell) => cell.samples?.map((sample) => `${sample.dir} ${sample.status}`))).toEqual([
      ['cells/sync__io_read__0ms/r1 ok', 'cells/sync__io_read__0ms/r2 ok'],
      ['cells/sync__io_read__100ms/r1 ok', 'cells/sync__io_read__100ms/r2 ok'],
    ]);
    expect((await readResults()).cells[0]!.summary!.measured).toBe(2);
  });

  it('resumes a run with repeats: complete cells are kept, a cell stopped between its repeats runs again in full, from an empty folder', async () => {
    const repeats = { inputs: { latencies: '0,100', repeats: '2' } };
    // Order: 0ms r1, 100ms r1, 0ms r2, 100ms r2; SIGINT while the fourth runs.
    const signals = new EventEmitter();
    const first = fakeDocker({
      onCommand: (command, self) => {
        if (isLoadRun(command) && self.locustRuns.length === 3) signals.emit('SIGINT', 'SIGINT');
      },
    });
    await expect(bench(first, 'refuse', { ...repeats, signals })).rejects.toThrow(InterruptedError);
    const stopped = await readResults();
    expect(stopped.cells.map((cell) => [cell.id, cell.samples!.map((sample) => sample.status)])).toEqual([
      ['sync/io_read/0ms', ['ok', 'ok']],
      ['sync/io_read/100ms', ['ok', 'failed']],
    ]);
    // The partial cell reads as measured (one repeat), yet is not complete.
    expect(stopped.cells[1]!.status).toBe('ok');
    const keptR1 = await readFile(join(out, 'cells', 'sync__io_read__0ms', 'r1', 'cell.json'), 'utf8');

    // While the partial cell's first repeat runs again, its earlier repeats are gone: no mix of two attempts.
    let leftovers: string[] | null = null;
    const second = fakeDocker({
      onCommand: async (command, self) => {
        if (isLoadRun(command) && self.locustRuns.length === 0) {
          const cell = join(out, 'cells', 'sync__io_read__100ms');
          leftovers = [...(await readdir(cell)), ...(await readdir(join(cell, 'r1'))).map((file) => `r1/${file}`)];
        }
      },
    });
    const resumed = await bench(second, 'resume', repeats);
    expect(second.locustRuns.map((path) => relative(join(out, 'cells'), path))).toEqual(['sync__io_read__100ms/r1', 'sync__io_read__100ms/r2']);
    // Only the new r1 folder, before Locust wrote into it: the earlier r1 and the interrupted r2 are gone.
    expect(leftovers).not.toContain('r2');
    expect(leftovers).not.toContain('r1/locust_stats.csv');
    expect(statuses(resumed)).toEqual([
      ['sync/io_read/0ms', 'ok', stopped.createdAt],
      ['sync/io_read/100ms', 'ok', null],
    ]);
    expect(resumed.cells.map((cell) => cell.summary!.measured)).toEqual([2, 2]);
    expect(await readFile(join(out, 'cells', 'sync__io_read__0ms', 'r1', 'cell.json'), 'utf8')).toBe(keptR1);
    expect(logged.join('\n')).toMatch(/warning: sync\/io_read\/100ms: measured again \(1 of its 2 repeats were measured; all 2 run again/);
    expect(logged.join('\n')).toMatch(/Resuming res\/: 1 of 2 cells kept from the attempt of .*; 1 to run\./);
  });
});
