import { fileURLToPath } from 'node:url';
import { EventEmitter } from 'node:events';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.js';
import { buildConfig, type RawInputs } from '../src/core/config/build.js';
import { parseResults, serializeResults, type Results } from '../src/core/results/results.js';
import { runBenchmark } from '../src/stack/run.js';
import { fakeDocker } from './helpers/fake-docker.js';
import { fixture, scratch } from './helpers/fixtures.js';
import { makeResults } from './helpers/results.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, cwd },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

async function cli(cwd: string, argv: string[]) {
  const run = io(cwd);
  const code = await runCli(argv, run.io);
  return { code, out: run.out(), err: run.err() };
}

/** A one-cell, two-second run: should a check ever let one through to a real engine, it ends at once. */
const SMALL: RawInputs = {
  setups: 'sync',
  routes: 'cpu',
  latencies: '0',
  users: '1',
  'spawn-rate': '1',
  'run-time': '2s',
  'seed-posts': '0',
  'latency-method': 'netem',
  out: 'res',
};
const asFlags = (inputs: RawInputs) => Object.entries(inputs).flatMap(([name, value]) => [`--${name}`, String(value)]);

/** An earlier run in <dir>/res, written by runBenchmark on the stand-in engine (cell.json and all). */
async function earlierRun(dir: string, inputs: RawInputs = {}): Promise<Results> {
  const log = { info: () => undefined, warning: () => undefined, group: <T>(_: string, work: () => Promise<T>) => work() };
  return runBenchmark(buildConfig({ inputs: { ...SMALL, ...inputs } }), {
    runner: fakeDocker().runner,
    log,
    root: REPO_ROOT, // its compose/app is the reference app's folder; the engine is a stand-in
    cwd: dir,
    env: {},
    signals: new EventEmitter(),
  });
}

const readResults = async (path: string) => parseResults(path, await readFile(path, 'utf8'));

describe('run never destroys an earlier run by accident', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await scratch()));
  afterEach(() => cleanup());

  it('refuses an out folder holding a run, naming the folder, its date and cells, and both flags', async () => {
    const earlier = await earlierRun(dir);
    const before = await readFile(join(dir, 'res', 'results.json'), 'utf8');
    const run = await cli(dir, ['run', ...asFlags(SMALL)]);
    expect(run.code).toBe(2);
    const date = `${earlier.createdAt.slice(0, 16).replace('T', ' ')} UTC`;
    expect(run.err).toBe(
      `async-bench run: res/ holds a run from ${date} (1 cell). Use --resume to continue it, --force to start over, or --out for a new folder.\n`,
    );
    expect(await readFile(join(dir, 'res', 'results.json'), 'utf8')).toBe(before);
  });

  it('--resume with another configuration refuses before anything runs', async () => {
    await earlierRun(dir);
    const run = await cli(dir, ['run', ...asFlags({ ...SMALL, 'seed-posts': '5' }), '--resume']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^async-bench run: --resume: res\/ was run with another configuration \(seed-posts 0 → 5\)/);
  });

  it.each([
    [['run', '--resume', '--force'], /--resume keeps the earlier cells and --force deletes them: give one of them\./],
    [['ingest', 'res', '--force'], /--force applies to "run" and "calibrate" only/],
    [['report', 'r.json', '--resume'], /--resume applies to "run" and "calibrate" only/],
  ])('%j is a usage error', async (argv, message) => {
    const run = await cli(dir, argv);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
  });
});

describe('ingest re-reads a run as it ran', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await scratch()));
  afterEach(() => cleanup());

  it('keeps the recorded configuration, environment, date and latency method; the report describes what ran', async () => {
    const earlier = await earlierRun(dir);
    const ingest = await cli(dir, ['ingest', 'res']);
    expect(ingest.code).toBe(0);
    expect(ingest.err).toBe('');
    const again = await readResults(join(dir, 'res', 'results.json'));
    expect(again.config).toEqual(earlier.config);
    expect(again.environment).toEqual(earlier.environment);
    expect(again.createdAt).toBe(earlier.createdAt);
    const report = await cli(dir, ['report', 'res/results.json']);
    expect(report.out).toMatch(/Load: 1 users spawned at 1\/s \(ramp 1\.0 s\), 2 s per cell/);
    expect(report.out).toContain('latency method: `netem` (ran: `netem`)');
    expect(report.out).toContain('- Docker: `27.3.1`');
    expect(report.out).toContain('- django: `5.1.4`');
  });

  it('refuses flags that would relabel a recorded run', async () => {
    await earlierRun(dir);
    const ingest = await cli(dir, ['ingest', 'res', '--users', '500', '--config', 'x.yml']);
    expect(ingest.code).toBe(2);
    expect(ingest.err).toMatch(
      /^async-bench ingest: \S+res\/results\.json records the configuration this run used, so --users, --config would describe another run; drop them/,
    );
  });

  it('names an unreadable results.json and how to ingest anyway', async () => {
    await earlierRun(dir);
    await writeFile(join(dir, 'res', 'results.json'), '{');
    const ingest = await cli(dir, ['ingest', 'res']);
    expect(ingest.code).toBe(2);
    expect(ingest.err).toMatch(/results\.json is not JSON.*move the file aside to ingest with flags instead/);
  });

  it('without results.json: the flags describe the run, the cells give the latency method, and a warning says so', async () => {
    await cp(fixture('run-27', 'cells', 'sync__io_read__0ms'), join(dir, 'run', 'cells', 'sync__io_read__0ms'), { recursive: true });
    await writeFile(join(dir, 'run', 'cells', 'sync__io_read__0ms', 'cell.json'), JSON.stringify({ latencyMethod: 'toxiproxy', error: null }));
    const ingest = await cli(dir, ['ingest', 'run', '--setups', 'sync', '--routes', 'io_read', '--latencies', '0', '--profile', 'quick']);
    expect(ingest.code).toBe(0);
    expect(ingest.err).toMatch(
      /^warning: \S+run\/results\.json does not exist, so the run's configuration comes from the flags and async-bench\.yml \(defaults otherwise\), which may not be what ran; the environment is unknown except the latency method \(toxiproxy, from the cells' cell\.json\)\.\n$/,
    );
    const results = await readResults(join(dir, 'run', 'results.json'));
    expect(results.config.profile).toBe('quick');
    expect(results.environment).toMatchObject({ latencyMethod: 'toxiproxy', docker: null, cpuCount: null, kernel: null });
  });
});

/** Two shards of one run (s1.json, s2.json) and a whole run (all.json), for merge. */
async function writeShards(dir: string): Promise<void> {
  await writeFile(join(dir, 's1.json'), serializeResults(makeResults({ shard: '1/2' }, () => ({}))));
  await writeFile(join(dir, 's2.json'), serializeResults(makeResults({ shard: '2/2' }, () => ({}))));
  await writeFile(join(dir, 'all.json'), serializeResults(makeResults({}, () => ({}))));
}

describe('merge never writes over its inputs', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await scratch());
    await writeShards(dir);
  });
  afterEach(() => cleanup());

  const unchanged = async () => {
    for (const name of ['s1.json', 's2.json', 'all.json'])
      expect(parseResults(name, await readFile(join(dir, name), 'utf8')).cells.length, name).toBeGreaterThan(0);
    return { s1: await readFile(join(dir, 's1.json'), 'utf8'), all: await readFile(join(dir, 'all.json'), 'utf8') };
  };

  it.each([
    [[], 'async-bench merge: missing the output path: async-bench merge <out.json> <shard.json>...\n'],
    [
      ['s1.json', 's2.json'],
      'async-bench merge: missing the output path: async-bench merge <out.json> <shard.json>... (s1.json is the results of shard 1/2, so it is an input, and merge never writes over one).\n',
    ],
    [['new.json'], 'async-bench merge: no shard results to merge into new.json: async-bench merge <out.json> <shard.json>...\n'],
    [
      ['all.json', 'all.json'],
      'async-bench merge: the output all.json is also an input (all.json); merge never writes over its inputs: async-bench merge <out.json> <shard.json>...\n',
    ],
    [
      ['all.json', './sub/../all.json'],
      'async-bench merge: the output all.json is also an input (./sub/../all.json); merge never writes over its inputs: async-bench merge <out.json> <shard.json>...\n',
    ],
    [
      ['all.json', 'link.json'],
      'async-bench merge: the output all.json is also an input (link.json); merge never writes over its inputs: async-bench merge <out.json> <shard.json>...\n',
    ],
  ])('merge %j refuses and writes nothing', async (args, message) => {
    await symlink(join(dir, 'all.json'), join(dir, 'link.json'));
    const before = await unchanged();
    const merge = await cli(dir, ['merge', ...args]);
    expect(merge.code).toBe(2);
    expect(merge.err).toBe(`${message}Run "async-bench --help" for usage.\n`);
    expect(await unchanged()).toEqual(before);
  });

  it('refuses to put tables.md over an input beside the output', async () => {
    await writeFile(join(dir, 'tables.md'), await readFile(join(dir, 's1.json'), 'utf8'));
    const merge = await cli(dir, ['merge', 'out.json', 'tables.md', 's2.json']);
    expect(merge.code).toBe(2);
    expect(merge.err).toMatch(/the tables go to \S+tables\.md, which is an input \(tables\.md\); choose an output in another folder\./);
  });

  it('writes a new output, and over an earlier merge', async () => {
    expect((await cli(dir, ['merge', 'm.json', 's1.json', 's2.json'])).code).toBe(0);
    expect((await cli(dir, ['merge', 'm.json', 's2.json', 's1.json'])).code).toBe(0);
    expect((await readResults(join(dir, 'm.json'))).cells).toHaveLength(27);
  });
});

describe('flags take negative numbers to their input’s own message', () => {
  it.each([
    [['--latencies', '-5'], /Invalid latencies: "-5" is negative; added latency is ≥ 0 ms\./],
    [['--latencies=-5'], /Invalid latencies: "-5" is negative/],
    [['--latencies', '-5,0'], /Invalid latencies: "-5" is negative/],
    [['--users', '-1'], /Invalid users: "-1" is below 1; give an integer ≥ 1\./],
    [['--users=-1'], /Invalid users: "-1" is below 1/],
    [['--threshold', '-10%'], /Invalid threshold: "-10%" is not a ratio between 0 and 1/],
    [['--spawn-rate', '-.5'], /Invalid spawn-rate: "-\.5" must be greater than 0\./],
  ])('ingest %j', async (flags, message) => {
    const { dir, cleanup } = await scratch();
    try {
      const run = await cli(dir, ['ingest', '.', ...flags]);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(message);
      expect(run.err).not.toMatch(/option argument|ambiguous/);
    } finally {
      await cleanup();
    }
  });

  it('a flag still needs its value, and an option name is never taken for one', async () => {
    const { dir, cleanup } = await scratch();
    try {
      expect((await cli(dir, ['ingest', '.', '--latencies', '--users', '5'])).err).toMatch(/argument is ambiguous|argument missing/);
      expect((await cli(dir, ['ingest', '.', '--latencies'])).err).toMatch(/argument missing/);
    } finally {
      await cleanup();
    }
  });
});

describe('inputs of the wrong kind are refused up front, with the path and the fix', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await scratch());
    await writeShards(dir);
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    await mkdir(join(dir, 'folder'));
    await mkdir(join(dir, 'run'));
    execFileSync('mkfifo', [join(dir, 'run', 'results.json')]);
  });
  afterEach(() => cleanup());

  // A FIFO with no writer: opened for reading, it would wait forever (the test would time out).
  it.each([
    [['report', 'pipe'], /async-bench: \S*pipe: is a FIFO \(named pipe\), not a regular file, so it was not read; expected the path of a results\.json\./],
    [['compare', 'pipe', '--baseline', 'paper'], /\S*pipe: is a FIFO \(named pipe\), not a regular file/],
    [['report', 'all.json', '--baseline', 'pipe'], /Invalid baseline: \S*pipe: is a FIFO \(named pipe\).*expected "paper" or the path of a results\.json/],
    [['merge', 'm.json', 's1.json', 'pipe'], /\S*pipe: is a FIFO \(named pipe\), not a regular file/],
    [
      ['merge', 'pipe', 's1.json', 's2.json'],
      /async-bench merge: pipe: is a FIFO \(named pipe\), not a regular file, so it was not read; expected the path of the merged results\.json\./,
    ],
    [['report', 'folder'], /\S*folder: is a directory \(EISDIR\); expected the path of a results\.json\./],
    [
      ['ingest', 'folder', '--config', 'pipe'],
      /Invalid config: "pipe": is a FIFO \(named pipe\), not a regular file.*expected the path of an async-bench\.yml\./,
    ],
    [['ingest', 'run'], /\S*run\/results\.json: is a FIFO \(named pipe\), not a regular file, so it was not read; expected the results\.json of this run\./],
  ])('%j: refused, nothing hangs', async (argv, message) => {
    const result = await cli(dir, argv);
    expect(result.err).toMatch(message);
    expect(result.code).not.toBe(0);
    await expect(readFile(join(dir, 'm.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('merge refuses an existing results.json that is not one of its shards (a full run), naming it', async () => {
    const before = await readFile(join(dir, 'all.json'), 'utf8');
    const merge = await cli(dir, ['merge', 'all.json', 's1.json', 's2.json']);
    expect(merge.code).toBe(2);
    expect(merge.err).toMatch(
      /^async-bench merge: all\.json already holds results \(27 cells, created \S+\) that are not the merge of these shards; merge never replaces them: give a new output path, or move all\.json aside\./,
    );
    expect(await readFile(join(dir, 'all.json'), 'utf8')).toBe(before);
    await expect(readFile(join(dir, 'tables.md'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('merge refuses an unrelated tables.md beside the output, and writes nothing', async () => {
    await writeFile(join(dir, 'tables.md'), 'my notes');
    const merge = await cli(dir, ['merge', 'm.json', 's1.json', 's2.json']);
    expect(merge.code).toBe(2);
    expect(merge.err).toMatch(
      /\S+tables\.md exists and is not the tables of this merge; merge never replaces it: choose an output in another folder, or move it aside\./,
    );
    expect(await readFile(join(dir, 'tables.md'), 'utf8')).toBe('my notes');
    await expect(readFile(join(dir, 'm.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('merge into a folder says to name the file', async () => {
    const merge = await cli(dir, ['merge', 'folder', 's1.json', 's2.json']);
    expect(merge.code).toBe(2);
    expect(merge.err).toMatch(/^async-bench merge: folder is a folder; give the path of the merged results\.json, e\.g\. folder\/results\.json: /);
  });

  it('ingest on a file says it needs the run folder, not to move a file aside', async () => {
    const ingest = await cli(dir, ['ingest', 'all.json']);
    expect(ingest.code).toBe(2);
    expect(ingest.err).toMatch(/^async-bench ingest: all\.json is a file, not a run folder; give the folder a run wrote \(its --out, holding cells\/\)\./);
    expect(ingest.err).not.toMatch(/aside/);
  });

  it("a FIFO as a cell's cell.json: ingest does not wait for a writer, that cell fails naming it", async () => {
    await cp(join(REPO_ROOT, '__tests__/fixtures/run-27'), join(dir, 'run27'), { recursive: true });
    execFileSync('mkfifo', [join(dir, 'run27/cells/sync__cpu__0ms/cell.json')]);
    const ingest = await cli(dir, ['ingest', 'run27']);
    expect(ingest.code).toBe(0);
    expect(ingest.out).toMatch(/26 cells measured, 1 failed/);
    expect(ingest.out).toMatch(/✖ sync\/cpu\/0ms: cells\/sync__cpu__0ms\/cell\.json: is a FIFO \(named pipe\), not a regular file, so it was not read/);
  });

  it('run --out <a file> says it is a file, not that it holds a run from 1970', async () => {
    const run = await cli(dir, ['run', ...asFlags({ ...SMALL, out: 'all.json' })]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^async-bench run: \S*all\.json is a file, not a folder; give --out \(the out input\) a folder for the run/);
    expect(run.err).not.toMatch(/1970/);
  });
});
