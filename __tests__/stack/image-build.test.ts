import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildConfig, ConfigError, type AppSpec } from '../../src/core/config/build.js';
import { REFERENCE_APP } from '../../src/core/config/defaults.js';
import type { Command, CommandResult } from '../../src/stack/exec/command.js';
import {
  stepImageName,
  appSource,
  buildAppImages,
  derivedBuild,
  imagesComposeFile,
  parsePythonImages,
  projectBuilds,
  pythonImage,
  type AppSource,
} from '../../src/stack/image-build.js';
import { Compose } from '../../src/stack/compose.js';
import { appImage } from '../../src/stack/project.js';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

const FLAVOR = { command: 'docker', prefix: ['compose'], version: '2.26.1' };

function shop(yaml: string): AppSpec {
  const text = `app:\n  name: shop\n  context: examples/shop\n  wsgi: shop.wsgi:application\n  asgi: shop.asgi:application\n${yaml}`;
  return buildConfig({ inputs: {}, file: { path: 'async-bench.yml', text } }).app;
}
const GENERIC = shop("  python: '3.13'\n  requirements: requirements.txt\n  build: [echo one, echo two]\n");

describe('the Python version → base image', () => {
  it('is the official python:<version>-slim without a mapping', () => {
    expect(pythonImage('3.12', {})).toBe('python:3.12-slim');
    expect(pythonImage('3.12', { ASYNC_BENCH_PYTHON_IMAGES: ' ' })).toBe('python:3.12-slim');
  });

  it('is the mapped local image where ASYNC_BENCH_PYTHON_IMAGES lists the version', () => {
    const env = { ASYNC_BENCH_PYTHON_IMAGES: '3.13=debian:trixie-slim, 3.11=debian:bookworm-slim' };
    expect(pythonImage('3.13', env)).toBe('debian:trixie-slim');
    expect(pythonImage('3.11', env)).toBe('debian:bookworm-slim');
    expect([...parsePythonImages(env.ASYNC_BENCH_PYTHON_IMAGES)!]).toEqual([
      ['3.13', 'debian:trixie-slim'],
      ['3.11', 'debian:bookworm-slim'],
    ]);
  });

  it('refuses a version the mapping lacks, naming app.python, the mapping and the fix', () => {
    const call = () => pythonImage('3.12', { ASYNC_BENCH_PYTHON_IMAGES: '3.13=debian:trixie-slim' });
    expect(call).toThrow(ConfigError);
    expect(call).toThrow(/Invalid app python: "3\.12" has no image here: ASYNC_BENCH_PYTHON_IMAGES maps only 3\.13 \(3\.13=debian:trixie-slim\)/);
    expect(call).toThrow(/add "3\.12=<local image whose python3 is 3\.12>" to ASYNC_BENCH_PYTHON_IMAGES/);
  });

  it('refuses a mapping entry that is not version=image', () => {
    expect(() => parsePythonImages('3.13:debian')).toThrow(/Invalid environment variable ASYNC_BENCH_PYTHON_IMAGES: "3\.13:debian" is not "<version>=<image>"/);
  });
});

describe('the image builds, as data', () => {
  const root = '/opt/ab';
  const state = '/out/.stack';

  it("a team's Dockerfile: the project image from its context, then the derived image FROM it", () => {
    const app = shop('  dockerfile: deploy/Dockerfile\n');
    const source = appSource(app, '/work/examples/shop', {}, '/work', appImage(app));
    expect(source).toEqual({
      context: '/work/examples/shop',
      image: 'async-bench-app-shop:local',
      dockerfile: '/work/examples/shop/deploy/Dockerfile',
      pythonImage: null,
      wheelhouse: null,
    });
    expect(projectBuilds(app, source, root, state, 'debian:trixie-slim')).toEqual([
      {
        role: 'project',
        service: 'app-project',
        image: 'async-bench-project-shop:local',
        context: '/work/examples/shop',
        dockerfile: '/work/examples/shop/deploy/Dockerfile',
        args: { BASE_IMAGE: 'debian:trixie-slim' },
      },
    ]);
    expect(derivedBuild(app, source, root)).toEqual({
      role: 'derived',
      service: 'app',
      image: 'async-bench-app-shop:local',
      context: '/opt/ab/compose/derived',
      dockerfile: '/opt/ab/compose/derived/Dockerfile',
      args: { PROJECT_IMAGE: 'async-bench-project-shop:local' },
    });
  });

  it('the reference app goes the same way (its own Dockerfile, no special case)', () => {
    const source = appSource(REFERENCE_APP, '/opt/ab/compose/app', {}, '/work', appImage(REFERENCE_APP));
    const [project] = projectBuilds(REFERENCE_APP, source, root, state, 'debian:trixie-slim');
    expect(project).toMatchObject({ role: 'project', image: 'async-bench-project-reference:local', dockerfile: '/opt/ab/compose/app/Dockerfile' });
    expect(derivedBuild(REFERENCE_APP, source, root).image).toBe('async-bench-app-reference:local');
  });

  it('the generic builder: a wheels image from the wheelhouse, then async-bench’s Dockerfile on the project folder', () => {
    const env = { ASYNC_BENCH_PYTHON_IMAGES: '3.13=debian:trixie-slim', ASYNC_BENCH_WHEELHOUSE: '.cache/wheelhouse/shop' };
    const source = appSource(GENERIC, '/work/examples/shop', env, '/work', appImage(GENERIC));
    expect(source).toMatchObject({ dockerfile: null, pythonImage: 'debian:trixie-slim', wheelhouse: '/work/.cache/wheelhouse/shop' });
    const builds = projectBuilds(GENERIC, source, root, state, 'debian:trixie-slim');
    expect(builds).toEqual([
      {
        role: 'wheels',
        service: 'app-wheels',
        image: 'async-bench-wheels-shop:local',
        context: '/work/.cache/wheelhouse/shop',
        dockerfile: '/opt/ab/compose/builder/wheels.Dockerfile',
        args: {},
      },
      {
        role: 'project',
        service: 'app-project',
        image: 'async-bench-project-shop:local',
        context: '/work/examples/shop',
        dockerfile: '/opt/ab/compose/builder/Dockerfile',
        args: {
          PYTHON_IMAGE: 'debian:trixie-slim',
          PYTHON_VERSION: '3.13',
          WHEELS_IMAGE: 'async-bench-wheels-shop:local',
          REQUIREMENTS: 'requirements.txt',
          BUILD_COMMANDS: 'echo one\necho two',
          SETTINGS: 'shop.settings',
        },
      },
    ]);
    // Without a wheelhouse the wheels image is an empty generated folder: the builder installs from PyPI.
    const noWheels = appSource(GENERIC, '/work/examples/shop', {}, '/work', 'x');
    expect(noWheels.pythonImage).toBe('python:3.13-slim');
    expect(projectBuilds(GENERIC, noWheels, root, state, 'b')[0]!.context).toBe('/out/.stack/no-wheels');
  });

  it('the images file holds one service per build, and each is built alone', () => {
    const source = appSource(GENERIC, '/work/examples/shop', {}, '/work', 'async-bench-app-shop:local');
    const builds = [...projectBuilds(GENERIC, source, root, state, 'b'), derivedBuild(GENERIC, source, root)];
    const file = parse(imagesComposeFile(builds)) as {
      services: Record<string, { image: string; build: { context: string; dockerfile: string; args: object } }>;
    };
    expect(Object.keys(file.services)).toEqual(['app-wheels', 'app-project', 'app']);
    expect(file.services.app).toEqual({
      build: {
        context: '/opt/ab/compose/derived',
        dockerfile: '/opt/ab/compose/derived/Dockerfile',
        args: { PROJECT_IMAGE: 'async-bench-project-shop:local' },
      },
      image: 'async-bench-app-shop:local',
    });
    const compose = new Compose(FLAVOR, { name: 'async-bench-1', files: ['/out/.stack/images.yml'], env: {} });
    expect(compose.build(['app'], { APP_USER: 'web' }).args).toEqual([
      'compose',
      '--project-name',
      'async-bench-1',
      '--file',
      '/out/.stack/images.yml',
      'build',
      '--build-arg',
      'APP_USER=web',
      'app',
    ]);
  });

  it('the derived image adds the same server pins as the reference app (hashes included)', async () => {
    const blocks = (text: string) =>
      new Map(
        text
          .split(/\n(?=[a-z])/)
          .map((block) =>
            block
              .split('\n')
              .filter((line) => !line.trim().startsWith('#'))
              .join('\n')
              .trim(),
          )
          .filter((block) => /^[a-z]/.test(block))
          .map((block) => [block.split('==')[0]!, block]),
      );
    const derived = blocks(await readFile(join(REPO_ROOT, 'compose/derived/requirements.txt'), 'utf8'));
    const reference = blocks(await readFile(join(REPO_ROOT, 'compose/app/requirements.txt'), 'utf8'));
    expect([...derived.keys()].sort()).toEqual(['click', 'gunicorn', 'h11', 'uvicorn', 'uvicorn-worker']);
    for (const [name, block] of derived) expect(block, name).toBe(reference.get(name));
  });
});

describe('buildAppImages, through the Runner', () => {
  async function record(answer: (command: Command) => CommandResult | undefined) {
    const calls: Command[] = [];
    const run = async (command: Command): Promise<CommandResult> => (calls.push(command), answer(command) ?? { exitCode: 0, stdout: '', stderr: '' });
    const stateDir = await mkdtemp(join(tmpdir(), 'ab-images-'));
    const source: AppSource = {
      context: '/work/examples/shop',
      image: 'async-bench-app-shop:local',
      dockerfile: null,
      pythonImage: 'python:3.99-slim',
      wheelhouse: null,
    };
    const build = () =>
      buildAppImages(run, FLAVOR, { app: GENERIC, source, root: '/opt/ab', stateDir, baseImage: 'b', projectName: 'async-bench-1', verbose: false });
    return { calls, build, stateDir };
  }
  const shown = (command: Command) => [command.command, ...command.args].filter((arg) => !arg.startsWith('/') && arg !== '--file').join(' ');

  it('checks the Python image, then builds wheels, project and derived in order', async () => {
    const { calls, build, stateDir } = await record((command) =>
      command.args.includes('{{.Config.User}}') ? { exitCode: 0, stdout: 'web\n', stderr: '' } : undefined,
    );
    await build();
    expect(calls.map(shown)).toEqual([
      'docker image inspect --format {{.Id}} python:3.99-slim',
      'docker compose --project-name async-bench-1 build app-wheels',
      'docker compose --project-name async-bench-1 build app-project',
      'docker image inspect --format {{.Config.User}} async-bench-project-shop:local',
      'docker compose --project-name async-bench-1 build --build-arg APP_USER=web app',
    ]);
    expect(await readFile(join(stateDir, 'images.yml'), 'utf8')).toContain('app-project:');
  });

  it('an unavailable Python version is a clear error naming app.python, the image and the fix, before any build', async () => {
    const { calls, build } = await record((command) =>
      command.args[0] === 'image' || command.args[0] === 'pull'
        ? { exitCode: 1, stdout: '', stderr: 'Error response from daemon: manifest for python:3.99-slim not found' }
        : undefined,
    );
    await expect(build()).rejects.toThrow(
      /Invalid app python: "3\.13": the image python:3\.99-slim is not on this machine and could not be pulled \(Error response from daemon: manifest .*\)\. .*ASYNC_BENCH_PYTHON_IMAGES="3\.13=<image>"/,
    );
    expect(calls.some((command) => command.args.includes('build'))).toBe(false);
  });

  it('a failed project build names the project image and shows the log tail', async () => {
    const { build } = await record((command) =>
      command.args.includes('app-project')
        ? {
            exitCode: 1,
            stdout: '',
            stderr: '#9 0.4 ERROR: No matching distribution found for nope\nasync-bench: app.requirements "requirements.txt" did not install',
          }
        : undefined,
    );
    const error = await build().then(
      () => new Error('the build succeeded'),
      (thrown: Error) => thrown,
    );
    expect(error.message).toMatch(
      /^Building the project image async-bench-project-shop:local \(examples\/shop, async-bench's generic builder: app\.python 3\.13 on python:3\.99-slim, app\.requirements requirements\.txt\) failed \(exit 1\)/,
    );
    expect(error.message).toContain('app.requirements "requirements.txt" did not install');
  });
});

describe('step image names', () => {
  it("follow the derived image, so base's project image never retags head's", () => {
    expect(stepImageName('async-bench-app-shop:local', 'project')).toBe('async-bench-project-shop:local');
    expect(stepImageName('async-bench-app-shop-base:local', 'project')).toBe('async-bench-project-shop-base:local');
    expect(stepImageName('async-bench-app-shop-base:local', 'wheels')).toBe('async-bench-wheels-shop-base:local');
    expect(stepImageName('team/app:ci', 'project')).toBe('team/app-project:ci');
    expect(stepImageName('async-bench-app-shop:local', 'derived')).toBe('async-bench-app-shop:local');
  });
});
