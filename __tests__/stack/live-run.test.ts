import { EventEmitter } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/core/config/build.js';
import type { Command, RunOptions } from '../../src/stack/exec/command.js';
import type { Logger } from '../../src/stack/log.js';
import { runBenchmark } from '../../src/stack/run.js';
import { fakeDocker, isLoadRun } from '../helpers/fake-docker.js';
import { scratch } from '../helpers/fixtures.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/*
 * The live view and the build summary inside runBenchmark, with the stand-in engine
 * (helpers/fake-docker.ts): its Locust appends history rows to the mounted cell folder
 * while the command "runs", as the real one does once a second.
 */
const HEADER = 'Timestamp,User Count,Type,Name,Requests/s,Failures/s,Total Request Count,Total Failure Count';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runBenchmark: a live line per cell and a summed-up build', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await scratch()));
  afterEach(() => cleanup());

  async function bench(verbose: boolean) {
    const logged: string[] = [];
    const live: string[] = [];
    const streamed: { command: Command; options?: RunOptions }[] = [];
    const fake = fakeDocker({
      onCommand: async (command) => {
        if (!isLoadRun(command)) return;
        const volume = command.args[command.args.indexOf('--volume') + 1]!;
        const cellDir = volume.slice(0, volume.lastIndexOf(':/out'));
        await writeFile(join(cellDir, 'locust_stats_history.csv'), `${HEADER}\n1000,7,,Aggregated,42.5,0.5,300,3\n`);
        await sleep(150);
      },
    });
    const log: Logger = { info: (m) => void logged.push(m), warning: (m) => void logged.push(`warning: ${m}`), group: (_name, work) => work() };
    const config = buildConfig({
      inputs: { setups: 'sync', routes: 'io_read', latencies: '0,100', users: '7', 'spawn-rate': '7', 'run-time': '8s', 'latency-method': 'netem', out: 'res' },
    });
    await runBenchmark(config, {
      runner: (command, options) => {
        streamed.push({ command, options });
        return fake.runner(command, options);
      },
      log,
      root: REPO_ROOT, // its compose/app is the reference app's folder; the engine is a stand-in
      cwd: dir,
      env: {},
      signals: new EventEmitter(),
      existingRun: 'force',
      live: { write: (text) => live.push(text), mode: 'plain', intervalSeconds: 0.04 },
      verbose,
    });
    const build = streamed.find(({ command }) => command.args.includes('build'))!;
    return { logged, live, build };
  }

  it('prints where each cell stands while Locust runs, from the history it appends', async () => {
    const { live, logged } = await bench(false);
    const first = live.filter((line) => line.startsWith('[1/2] sync/io_read/0ms'));
    const second = live.filter((line) => line.startsWith('[2/2] sync/io_read/100ms'));
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect(live.some((line) => line.includes('7 users · 42.0 sRPS · 3 failures (0.5/s)'))).toBe(true);
    // The last cell has nothing after it: the run's time left is the cell's.
    expect(second.at(-1)).toMatch(/· (\d+s) left in cell, \1 in run\n$/);
    expect(live.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    // Each cell's finished line still comes after its live lines.
    expect(logged.some((line) => line.startsWith('[1/2] sync/io_read/0ms') && line.includes('max sRPS'))).toBe(true);
  });

  it('sums up the image build unless verbose, which streams it', async () => {
    const quiet = await bench(false);
    expect(quiet.build.options).toEqual({ stream: false });
    expect(quiet.logged.some((line) => /^Images built in \d+\.\d s; --verbose shows the build output\.$/.test(line))).toBe(true);
    const verbose = await bench(true);
    expect(verbose.build.options).toEqual({ stream: true });
    expect(verbose.logged.some((line) => line.startsWith('Images built'))).toBe(false);
  });
});
