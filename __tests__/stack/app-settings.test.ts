import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../../src/core/config/build.js';
import { REFERENCE_APP } from '../../src/core/config/defaults.js';
import { POOL_ENV } from '../../src/core/config/pool.js';
import { prepareCommands, settingsEnvironment, settingsModule } from '../../src/stack/app-settings.js';
import { appContext, appImage } from '../../src/stack/project.js';
import { runBenchmark } from '../../src/stack/run.js';
import { fakeDocker } from '../helpers/fake-docker.js';

const app = {
  ...REFERENCE_APP,
  settings: 'shop.settings',
  env: { FEATURE: 'on' },
  prepare: [
    ['loaddata', 'demo.json'],
    ['make_rows', '--count', '{seed-posts}'],
  ],
};

describe('the generated settings module', () => {
  it("imports the project's settings and replaces DATABASES, ALLOWED_HOSTS and DEBUG (run by the host's Python)", () => {
    // A stand-in project whose own settings point elsewhere: the generated module wins.
    const dir = mkdtempSync(join(tmpdir(), 'settings-'));
    mkdirSync(join(dir, 'shop'));
    writeFileSync(join(dir, 'shop', '__init__.py'), '');
    writeFileSync(
      join(dir, 'shop', 'settings.py'),
      'DEBUG = True\nALLOWED_HOSTS = ["shop.example"]\nDATABASES = {"default": {"HOST": "prod-db"}}\nSECRET_KEY = "kept"\n',
    );
    writeFileSync(join(dir, 'async_bench_settings.py'), settingsModule(app));
    const read =
      'import json, async_bench_settings as s; print(json.dumps([s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES["default"]["HOST"], s.DATABASES["default"]["PORT"], s.SECRET_KEY]))';
    const out = execFileSync('python3', ['-c', read], {
      cwd: dir,
      env: { ...process.env, PYTHONPATH: dir, POSTGRES_HOST: 'toxiproxy', POSTGRES_PORT: '15432' },
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([false, ['*'], 'toxiproxy', '15432', 'kept']);
  });

  it('turns on Django’s pool from the setup’s env, and refuses a project that cannot have it, saying why (host Python)', () => {
    // Stand-ins for Django and psycopg (the host has neither; the app image has the real ones):
    // only what the generated module reads, VERSION, get_version and ImproperlyConfigured.
    const project = (django: string, pool: boolean) => {
      const dir = mkdtempSync(join(tmpdir(), 'settings-pool-'));
      for (const pkg of ['shop', 'django', 'django/core', ...(pool ? ['psycopg', 'psycopg_pool'] : ['psycopg'])]) mkdirSync(join(dir, pkg));
      writeFileSync(join(dir, 'shop', '__init__.py'), '');
      writeFileSync(join(dir, 'shop', 'settings.py'), 'SECRET_KEY = "kept"\n');
      writeFileSync(
        join(dir, 'django', '__init__.py'),
        `VERSION = (${django.split('.').join(', ')}, 0, "final", 0)\ndef get_version():\n    return "${django}"\n`,
      );
      writeFileSync(join(dir, 'django', 'core', '__init__.py'), '');
      writeFileSync(join(dir, 'django', 'core', 'exceptions.py'), 'class ImproperlyConfigured(Exception):\n    pass\n');
      for (const pkg of pool ? ['psycopg', 'psycopg_pool'] : ['psycopg']) writeFileSync(join(dir, pkg, '__init__.py'), '');
      writeFileSync(join(dir, 'async_bench_settings.py'), settingsModule(app));
      return dir;
    };
    const options = (dir: string, pool: string | undefined) => {
      const env = { ...process.env, PYTHONPATH: dir, ...(pool !== undefined ? { [POOL_ENV]: pool } : {}) };
      return execFileSync('python3', ['-c', 'import json, async_bench_settings as s; print(json.dumps(s.DATABASES["default"].get("OPTIONS")))'], {
        cwd: dir,
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    };
    const ready = project('5.2', true);
    expect(JSON.parse(options(ready, '{"min_size": 4, "max_size": 16}'))).toEqual({ pool: { min_size: 4, max_size: 16 } });
    expect(JSON.parse(options(ready, 'true'))).toEqual({ pool: true });
    expect(JSON.parse(options(ready, undefined))).toBeNull();
    const error = (dir: string) => {
      try {
        options(dir, 'true');
      } catch (thrown) {
        return String((thrown as { stderr: string }).stderr);
      }
      return 'no error';
    };
    expect(error(project('4.2', true))).toContain(
      "ImproperlyConfigured: setup env ASYNC_BENCH_DB_POOL (Django's connection pool) needs Django 5.1 or later; this project has 4.2.",
    );
    expect(error(project('5.2', false))).toMatch(
      /needs psycopg 3 with its pool \(psycopg\[pool\] in the project's requirements\): No module named 'psycopg_pool'/,
    );
  });

  it('refuses a settings value that is not a module path', () => {
    expect(() => settingsModule({ ...app, settings: 'shop.settings; import os' })).toThrow(/not a Python module path/);
  });

  it("sets DJANGO_SETTINGS_MODULE to it; the app's own env is added", () => {
    expect(settingsEnvironment(app)).toEqual({ DJANGO_SETTINGS_MODULE: 'async_bench_settings', PYTHONPATH: '/opt/async-bench-settings', FEATURE: 'on' });
  });

  it('prepares the data with migrate, then the app steps, {seed-posts} filled in', () => {
    expect(prepareCommands(app, 500)).toEqual([
      ['migrate', '--noinput'],
      ['loaddata', 'demo.json'],
      ['make_rows', '--count', '500'],
    ]);
    expect(prepareCommands(REFERENCE_APP, 1_000_000)).toEqual([
      ['migrate', '--noinput'],
      ['seed_posts', '--count', '1000000'],
    ]);
  });

  it('reads settings, env and prepare from async-bench.yml', () => {
    const yaml =
      'app:\n  context: ./shop\n  wsgi: shop.wsgi:application\n  asgi: shop.asgi:application\n  env: {FEATURE: 1}\n  prepare: [[loaddata, demo.json]]\n';
    const config = buildConfig({ inputs: {}, file: { path: 'async-bench.yml', text: yaml } });
    expect(config.app).toMatchObject({ settings: 'shop.settings', env: { FEATURE: '1' }, prepare: [['loaddata', 'demo.json']] });
    expect(() =>
      buildConfig({ inputs: {}, file: { path: 'async-bench.yml', text: `${yaml}  prepare: loaddata\n`.replace('  prepare: [[loaddata, demo.json]]\n', '') } }),
    ).toThrow(/app prepare: must be a list of manage.py commands/);
  });
});

describe("the app's folder", () => {
  const log = { info: () => undefined, warning: () => undefined, group: <T>(_: string, work: () => Promise<T>) => work() };
  const repo = fileURLToPath(new URL('../..', import.meta.url));

  it("{async-bench} is async-bench's root; any other context is relative to the workspace", () => {
    expect(appContext('{async-bench}/compose/app', '/opt/ab', '/work')).toBe('/opt/ab/compose/app');
    expect(appContext('examples/shop', '/opt/ab', '/work')).toBe('/work/examples/shop');
    expect(appImage({ name: 'My Shop' })).toBe('async-bench-app-my-shop:local');
  });

  it.each([
    ['app:\n  context: examples\n  wsgi: a.wsgi:app\n  asgi: a.asgi:app\n', /Invalid app context: "examples" \(.*\/examples\) holds no manage\.py/],
    [
      'app:\n  context: examples/shop\n  dockerfile: docker/Dockerfile\n  wsgi: shop.wsgi:application\n  asgi: shop.asgi:application\n',
      /Invalid app dockerfile: "docker\/Dockerfile" is not a file in .*examples\/shop/,
    ],
    [
      "app:\n  context: examples/shop\n  python: '3.13'\n  requirements: requirements/prod.txt\n  wsgi: shop.wsgi:application\n  asgi: shop.asgi:application\n",
      /Invalid app requirements: "requirements\/prod\.txt" is not a file in .*examples\/shop; give a requirements file or pyproject\.toml/,
    ],
    [
      "app:\n  context: examples/shop\n  python: '3.12'\n  requirements: requirements.txt\n  wsgi: shop.wsgi:application\n  asgi: shop.asgi:application\n",
      /Invalid app python: "3\.12" has no image here: ASYNC_BENCH_PYTHON_IMAGES maps only 3\.13/,
    ],
    [
      "app:\n  context: examples/shop\n  python: '3.13'\n  requirements: requirements.txt\n  wsgi: shop.wsgi:application\n  asgi: shop.asgi:application\n",
      /Invalid environment variable ASYNC_BENCH_WHEELHOUSE: .*no-such-wheelhouse is not a folder/,
      { ASYNC_BENCH_WHEELHOUSE: 'no-such-wheelhouse' },
    ],
  ])('is refused before any command runs when %s', async (yaml, message, env: Record<string, string> = {}) => {
    const docker = fakeDocker();
    const config = buildConfig({ inputs: {}, file: { path: 'async-bench.yml', text: yaml } });
    const options = { runner: docker.runner, log, root: repo, cwd: repo, signals: new EventEmitter() };
    await expect(runBenchmark(config, { ...options, env: { ASYNC_BENCH_PYTHON_IMAGES: '3.13=debian:trixie-slim', ...env } })).rejects.toThrow(message);
    expect(docker.calls).toEqual([]);
  });
});

describe('the own-project configurations we publish', () => {
  const repo = fileURLToPath(new URL('../..', import.meta.url));

  it('examples/shop/async-bench.yml builds: its app, setups (views picked by env) and routes as data', () => {
    const text = readFileSync(join(repo, 'examples/shop/async-bench.yml'), 'utf8');
    const config = buildConfig({ inputs: {}, file: { path: 'async-bench.yml', text } });
    expect(config.app).toMatchObject({ name: 'shop', context: 'examples/shop', prepare: [['seed_shop', '--products', '5000']] });
    expect(config.setups.map((setup) => [setup.name, setup.env.SHOP_VIEWS])).toEqual([
      ['sync', 'sync'],
      ['async-limited', 'async'],
    ]);
    expect(config.routes.map((route) => route.userClass)).toEqual(['RouteUser', 'RouteUser', 'RouteUser', 'RouteUser']);
  });

  it("the own-project guide's snippet builds", () => {
    const section = readFileSync(join(repo, 'docs', 'own-project.md'), 'utf8');
    const [yaml, variantBlock] = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);
    const dockerfileLine = variantBlock!.split('\n').find((line) => line.startsWith('  dockerfile:'));
    const config = buildConfig({ inputs: {}, file: { path: 'async-bench.yml', text: yaml! } });
    expect(config.app).toMatchObject({ dockerfile: null, python: '3.13', requirements: 'requirements.txt', build: ['python manage.py compilemessages'] });
    expect(config.setups.map((setup) => setup.name)).toEqual(['sync', 'async-limited', 'gthread', 'uvicorn']);
    expect(config.routes[1]!.headers).toEqual({ Authorization: 'Bearer ${SHOP_API_TOKEN}' });
    // The Dockerfile variant: the python, requirements and build lines become the one given.
    const lines = yaml!.split('\n');
    const first = lines.findIndex((line) => line.startsWith('  python:'));
    const last = lines.findIndex((line) => line.startsWith('  settings:'));
    const variant = [...lines.slice(0, first), dockerfileLine!.trimEnd(), ...lines.slice(last)].join('\n');
    expect(buildConfig({ inputs: {}, file: { path: 'async-bench.yml', text: variant } }).app).toMatchObject({
      dockerfile: 'deploy/Dockerfile',
      python: null,
      build: [],
    });
  });

  it("the shop's two variants differ only in how the image is built", () => {
    const read = (file: string) => buildConfig({ inputs: {}, file: { path: file, text: readFileSync(join(repo, 'examples/shop', file), 'utf8') } });
    const generic = read('async-bench.yml');
    const own = read('async-bench.dockerfile.yml');
    expect(generic.app).toMatchObject({ dockerfile: null, python: '3.13', requirements: 'requirements.txt' });
    expect(own.app).toMatchObject({ name: 'shop-dockerfile', dockerfile: 'deploy/Dockerfile', python: null, requirements: null });
    const rest = ({ app, ...config }: typeof generic) => ({ ...config, app: { ...app, name: '', dockerfile: '', python: '', requirements: '' } });
    expect(rest(own)).toEqual(rest(generic));
  });
});
