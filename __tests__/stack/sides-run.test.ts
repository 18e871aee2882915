import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/core/config/build.js';
import { CELL_FILES } from '../../src/core/ingest/cell.js';
import { parseResults } from '../../src/core/results/results.js';
import type { Runner } from '../../src/stack/exec/command.js';
import { processRunner } from '../../src/stack/exec/runner.js';
import { baseImageName } from '../../src/stack/base-side.js';
import { appImage } from '../../src/stack/project.js';
import { runBenchmark } from '../../src/stack/run.js';
import { fakeDocker, isLoadRun } from '../helpers/fake-docker.js';
import { scratch } from '../helpers/fixtures.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/*
 * A same-runner run (baseline: base) with repeats, through runBenchmark on real folders:
 * git for real (a temporary repository whose first commit is the base), the engine a
 * stand-in. Every sample of both sides must stay in its own folder: a cell's folder is
 * emptied once, at its first sample, never again when the other side's first repeat starts.
 */
describe('runBenchmark with baseline: base and repeats', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await scratch()));
  afterEach(() => cleanup());

  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

  it("keeps base's and head's samples of every repeat, and results.json pairs them", async () => {
    await mkdir(join(dir, 'mysite'));
    await writeFile(join(dir, 'mysite', 'manage.py'), '# base\n');
    await writeFile(join(dir, 'mysite', 'Dockerfile'), 'FROM scratch\n');
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'base');
    const base = git('rev-parse', 'HEAD');
    await writeFile(join(dir, 'mysite', 'manage.py'), '# head\n');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qam', 'head');

    const fake = fakeDocker();
    const real = processRunner({ write: () => undefined });
    // git answers for real (the base commit, its worktree); everything else is the stand-in engine.
    const runner: Runner = (command, options) => (command.command === 'git' ? real(command, options) : fake.runner(command, options));
    const config = buildConfig({
      inputs: {
        'app-path': 'mysite',
        'app-settings': 'mysite.settings',
        setups: 'sync',
        routes: 'io_read',
        latencies: '0',
        repeats: '2',
        baseline: 'base',
        'base-ref': base,
        'latency-method': 'netem',
        'seed-posts': '10',
        out: 'res',
      },
    });
    await runBenchmark(config, {
      runner,
      log: { info: () => undefined, warning: () => undefined, group: (_name, work) => work() },
      root: REPO_ROOT,
      cwd: dir,
      env: {},
      signals: new EventEmitter(),
    });

    const cell = join(dir, 'res', 'cells', 'sync__io_read__0ms');
    for (const side of ['base', 'head']) for (const repeat of [1, 2]) await access(join(cell, side, `r${repeat}`, CELL_FILES.stats));
    expect(fake.locustRuns).toHaveLength(4);
    const results = parseResults('results.json', await readFile(join(dir, 'res', 'results.json'), 'utf8'));
    const samples = results.cells[0]!.samples!.map((sample) => [sample.side, sample.repeat, sample.status]);
    expect(samples.sort()).toEqual([
      ['base', 1, 'ok'],
      ['base', 2, 'ok'],
      ['head', 1, 'ok'],
      ['head', 2, 'ok'],
    ]);
    expect(git('worktree', 'list')).not.toContain('.stack');

    // Each sample runs its side's app, in its side's service (base's app_base, head's app): the service
    // Locust loads was last started with base's image for a base sample, head's for a head one; the
    // database starts once per setup, never per side.
    const appBefore: [string, string][] = [];
    const started = new Map<string, string>();
    for (const command of fake.calls) {
      if (command.args.includes('up') && command.args.at(-1)?.startsWith('app')) started.set(command.args.at(-1)!, command.env!.ASYNC_BENCH_APP_IMAGE!);
      if (fake.locustRuns.some((run) => command.args.includes(`${run}:/out`))) {
        const service = /^http:\/\/(\w+):/.exec(command.args[command.args.indexOf('--host') + 1]!)![1]!;
        appBefore.push([command.args.find((arg) => arg.endsWith(':/out'))!, started.get(service)!]);
      }
    }
    expect(appBefore.map(([dir, image]) => [dir.includes('/base/') ? 'base' : 'head', image])).toEqual(
      fake.locustRuns.map((dir) => (dir.includes('/base/') ? ['base', baseImageName(appImage(config.app))] : ['head', appImage(config.app)])),
    );
    const databaseStarts = fake.calls.filter((command) => command.args.includes('up') && command.args.at(-1) === 'db');
    // The database step, the preflight's setup, the first sample's setup.
    expect(databaseStarts).toHaveLength(3);
  });

  it("keeps each side's app warm across a cell's pairs, and restores the database only after a sample that wrote", async () => {
    await mkdir(join(dir, 'mysite'));
    await writeFile(join(dir, 'mysite', 'manage.py'), '# base\n');
    await writeFile(join(dir, 'mysite', 'Dockerfile'), 'FROM scratch\n');
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'base');
    // The signals of each sample: io_read's only read, io_create's insert.
    const fake = fakeDocker({
      statements: (sample) => (sample.includes('io_create') ? ['INSERT INTO "posts_post" VALUES ($1)'] : ['SELECT count(*) FROM "posts_post"']),
    });
    const real = processRunner({ write: () => undefined });
    const runner: Runner = (command, options) => (command.command === 'git' ? real(command, options) : fake.runner(command, options));
    const config = buildConfig({
      inputs: {
        'app-path': 'mysite',
        'app-settings': 'mysite.settings',
        setups: 'sync',
        routes: 'io_read,io_create',
        latencies: '0',
        repeats: '2',
        baseline: 'base',
        'base-ref': git('rev-parse', 'HEAD'),
        'seed-posts': '10',
        out: 'res',
      },
    });
    await runBenchmark(config, {
      runner,
      log: { info: () => undefined, warning: () => undefined, group: (_name, work) => work() },
      root: REPO_ROOT,
      cwd: dir,
      env: {},
      signals: new EventEmitter(),
    });

    // What ran before each sample's load, since the previous one's (the first: since the setup's database start).
    const firstLoad = fake.calls.findIndex(isLoadRun);
    let from = fake.calls.slice(0, firstLoad).findLastIndex((command) => command.args.includes('up') && command.args.at(-1) === 'db');
    const before: [string, string[]][] = [];
    for (const [index, command] of fake.calls.entries()) {
      if (index <= from || !isLoadRun(command)) continue;
      const steps = fake.calls.slice(from + 1, index).flatMap((call) => {
        if (call.args.some((arg) => arg.includes('DROP DATABASE IF EXISTS bench WITH (FORCE)'))) return ['restore'];
        if (call.args.includes('up') && call.args.at(-1)?.startsWith('app')) return [`start ${call.args.at(-1)}`];
        return [];
      });
      const sample = fake.locustRuns[before.length]!.split('/cells/')[1]!;
      before.push([sample, steps]);
      from = index;
    }
    expect(before).toEqual([
      ['sync__io_read__0ms/base/r1', ['restore', 'start app_base']],
      ['sync__io_read__0ms/head/r1', ['start app']],
      // Nothing wrote yet, and base's app runs for the same target: neither restore nor start.
      ['sync__io_create__0ms/base/r1', []],
      // io_create's insert: the database is restored, which cuts every app's connections.
      ['sync__io_create__0ms/head/r1', ['restore', 'start app']],
      ['sync__io_read__0ms/head/r2', ['restore', 'start app']],
      ['sync__io_read__0ms/base/r2', ['start app_base']],
      ['sync__io_create__0ms/head/r2', []],
      ['sync__io_create__0ms/base/r2', ['restore', 'start app_base']],
    ]);
    const records = await Promise.all(
      fake.locustRuns.map(
        async (sample) => JSON.parse(await readFile(join(sample, CELL_FILES.runner), 'utf8')) as { restoreSeconds: number; appStarted: boolean },
      ),
    );
    expect(records.map((record) => record.appStarted)).toEqual([true, true, false, true, true, true, false, true]);
  });
});
