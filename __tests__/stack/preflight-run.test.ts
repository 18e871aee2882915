import { EventEmitter } from 'node:events';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConfig, ConfigError, type RawInputs } from '../../src/core/config/build.js';
import type { Logger } from '../../src/stack/log.js';
import { PreflightError } from '../../src/stack/preflight.js';
import { runBenchmark } from '../../src/stack/run.js';
import { fakeDocker, isLoadRun, type FakeDocker } from '../helpers/fake-docker.js';
import { scratch } from '../helpers/fixtures.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/*
 * Where the preflight sits in runBenchmark, with the stand-in engine behind the Runner
 * seam (helpers/fake-docker.ts): what it refuses stops the run before any cell and
 * before the out folder is taken over. What it finds on a real app: e2e/preflight.test.ts.
 */
const INPUTS: RawInputs = { setups: 'sync,async-limited', routes: 'io_read,io_create', latencies: '0', 'latency-method': 'netem', out: 'res' };

describe('the preflight in a run', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let logged: string[];
  beforeEach(async () => {
    ({ dir, cleanup } = await scratch());
    logged = [];
  });
  afterEach(() => cleanup());

  const log: Logger = { info: (m) => void logged.push(m), warning: (m) => void logged.push(`warning: ${m}`), group: (_name, work) => work() };
  const bench = (fake: FakeDocker, file?: string, inputs: RawInputs = {}) =>
    runBenchmark(buildConfig({ inputs: { ...INPUTS, ...inputs }, ...(file ? { file: { path: 'async-bench.yml', text: file } } : {}) }), {
      runner: fake.runner,
      log,
      root: REPO_ROOT,
      cwd: dir,
      env: {},
      signals: new EventEmitter(),
    });

  it('checks Django before migrate, then each setup once with every route, then measures; the time is logged', async () => {
    const fake = fakeDocker();
    await bench(fake);
    const steps = fake.calls.map((call) => call.args.join(' '));
    const check = steps.findIndex((args) => args.includes('manage.py check'));
    const migrate = steps.findIndex((args) => args.includes('manage.py migrate'));
    const preflights = steps.flatMap((args, index) => (args.includes('/locust/preflight.py') ? [index] : []));
    const firstLoad = fake.calls.findIndex(isLoadRun);
    expect(check).toBeGreaterThanOrEqual(0);
    expect(check).toBeLessThan(migrate);
    expect(preflights).toHaveLength(2);
    expect(preflights[1]!).toBeLessThan(firstLoad);
    expect(logged.join('\n')).toMatch(/^Preflight: 2 routes answered as expected under 2 setups in \d+\.\d s \(sync \d+\.\d s, async-limited \d+\.\d s\)\.$/m);
  });

  it('a route answering 404 stops the run before any cell, and an earlier run in the out folder stays as it was', async () => {
    const earlier = join(dir, 'res', 'cells', 'sync__io_read__0ms');
    await mkdir(earlier, { recursive: true });
    await writeFile(join(earlier, 'locust_stats.csv'), 'measured earlier\n');
    const fake = fakeDocker({ preflightStatus: (route) => (route === 'io_create' ? 404 : 200) });
    const run = bench(fake);
    await expect(run).rejects.toThrow(PreflightError);
    await expect(run).rejects.toThrow(
      /setup "sync":\n {2}route "io_create": POST \/posts\/io_create\/ answered 404, expected a status below 400\n {4}response body:\n {6}answer body/,
    );
    expect(fake.calls.filter(isLoadRun)).toEqual([]);
    expect(await readFile(join(earlier, 'locust_stats.csv'), 'utf8')).toBe('measured earlier\n');
    await expect(access(join(dir, 'res', 'results.json'))).rejects.toThrow();
  });

  it('a header naming an unset environment variable is refused before any command runs', async () => {
    const fake = fakeDocker();
    const file = 'routes:\n  - name: me\n    path: /me/\n    headers: {Authorization: "Token ${PREFLIGHT_TEST_TOKEN}"}\n';
    await expect(bench(fake, file, { routes: 'me' })).rejects.toThrow(ConfigError);
    await expect(bench(fake, file, { routes: 'me' })).rejects.toThrow(
      /route "me" headers Authorization: reads the environment variable PREFLIGHT_TEST_TOKEN, which is not set/,
    );
    expect(fake.calls).toEqual([]);
  });
});
