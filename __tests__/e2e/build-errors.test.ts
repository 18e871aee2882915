import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bench, leftoverContainers } from './stack-helpers.js';

/*
 * A team's project that does not build: the run stops at the image build with an error
 * that says which image, why and what to do, and leaves nothing behind. Small fixture
 * projects (__tests__/fixtures/projects/) keep each case to seconds.
 */
const PROJECTS = '__tests__/fixtures/projects';
const INPUTS = { setups: 'sync', routes: 'cpu', latencies: '0', users: '1', 'spawn-rate': '10', 'run-time': '2s' };
const app = (folder: string, build: string) =>
  `app:\n  name: fixture-${folder}\n  context: ${PROJECTS}/${folder}\n  wsgi: a.wsgi:application\n  asgi: a.asgi:application\n${build}`;

async function failure(file: string, env: NodeJS.ProcessEnv, out: string): Promise<Error> {
  const started = Date.now();
  const error = await Promise.resolve()
    .then(() => bench({ ...INPUTS, out: join(tmpdir(), `ab-build-errors-${out}-${process.pid}`) }, { file, deps: { env } }))
    .then(
      () => new Error('the run succeeded'),
      (thrown: Error) => thrown,
    );
  process.stderr.write(`e2e build error (${out}): ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  expect(leftoverContainers()).toEqual([]);
  return error;
}

describe('a project that does not build, on the real engine', () => {
  it('a Dockerfile that fails: the error names the project image and shows the build log tail', async () => {
    const error = await failure(app('broken-dockerfile', '  dockerfile: Dockerfile\n'), process.env, 'dockerfile');
    expect(error.message).toMatch(
      /^Building the project image async-bench-project-fixture-broken-dockerfile:local \(.*broken-dockerfile, its Dockerfile Dockerfile\) failed/,
    );
    expect(error.message).toContain('fixture: error: the assets do not compile');
  }, 300_000);

  it('requirements that do not install: the error names app.requirements and the file', async () => {
    // A wheelhouse without the package: the install is offline and fails at once, PyPI or not.
    const wheelhouse = await mkdtemp(join(tmpdir(), 'ab-wheelhouse-'));
    await writeFile(join(wheelhouse, 'placeholder-0-py3-none-any.whl'), '');
    const env = { ...process.env, ASYNC_BENCH_WHEELHOUSE: wheelhouse, ASYNC_BENCH_PYTHON_IMAGES: process.env.ASYNC_BENCH_PYTHON_IMAGES ?? '' };
    const error = await failure(app('bad-requirements', "  python: '3.13'\n  requirements: requirements.txt\n"), env, 'requirements');
    expect(error.message).toMatch(
      /^Building the project image async-bench-project-fixture-bad-requirements:local \(.*app\.python 3\.13 on .*, app\.requirements requirements\.txt\) failed/,
    );
    expect(error.message).toContain('async-bench: app.requirements "requirements.txt" did not install (offline, from the host\'s wheelhouse)');
  }, 300_000);

  it('a Python version with no image: refused naming app.python, the image tried and the fix', async () => {
    // Without a mapping async-bench tries python:3.99-slim, which no registry has (and none is reachable here).
    const env = { ...process.env, ASYNC_BENCH_PYTHON_IMAGES: '' };
    const error = await failure(app('bad-requirements', "  python: '3.99'\n  requirements: requirements.txt\n"), env, 'python');
    expect(error.message).toMatch(/Invalid app python: "3\.99": the image python:3\.99-slim is not on this machine and could not be pulled \(.+\)\./);
    expect(error.message).toContain('ASYNC_BENCH_PYTHON_IMAGES="3.99=<image>"');
  }, 300_000);
});
