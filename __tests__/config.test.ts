import { describe, expect, it } from 'vitest';
import {
  buildConfig,
  CONFIG_INPUTS,
  ConfigError,
  ConfigSchema,
  LIMITS,
  rampSeconds,
  type Config,
  type ConfigSources,
  type RawInputs,
} from '../src/core/config/build.js';

const FILE = 'async-bench.yml';

function build(inputs: RawInputs = {}, yaml?: string): Config {
  const sources: ConfigSources = { inputs };
  if (yaml !== undefined) sources.file = { path: FILE, text: yaml };
  return buildConfig(sources);
}

/** Builds, expects a ConfigError for `input`, and returns its message. */
function errorFor(input: string, inputs: RawInputs, yaml?: string): string {
  let thrown: unknown;
  try {
    build(inputs, yaml);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a ConfigError').toBeInstanceOf(ConfigError);
  const error = thrown as ConfigError;
  expect(error.input).toBe(input);
  expect(error.message.startsWith(`Invalid ${input}: `)).toBe(true);
  return error.message;
}

const names = (items: { name: string }[]): string[] => items.map((item) => item.name);
const workerClass = (command: string[]): string | undefined => command[command.indexOf('--worker-class') + 1];

describe('defaults: the study', () => {
  const config = build();

  it('is the paper profile with the three setups, three routes and three latencies', () => {
    expect(config.profile).toBe('paper');
    expect(names(config.setups)).toEqual(['sync', 'async-limited', 'async-unlimited']);
    expect(names(config.routes)).toEqual(['cpu', 'io_read', 'io_create']);
    expect(config.latenciesMs).toEqual([0, 100, 200]);
  });

  it('loads 500 users at 5/s for 180 s (100 s ramp, 80 s hold) over 1,000,000 posts', () => {
    expect(config.load).toEqual({ users: 500, spawnRate: 5, runTimeSeconds: 180, processes: 1 });
    expect(rampSeconds(config)).toBe(100);
    expect(config.seedPosts).toBe(1_000_000);
  });

  it('lets Postgres take 100, 100 and 1000 connections', () => {
    expect(config.setups.map((setup) => setup.database.maxConnections)).toEqual([100, 100, 1000]);
  });

  it('serves each setup with one gunicorn worker: sync, or UvicornWorker for both async setups', () => {
    for (const setup of config.setups) {
      expect(setup.command.slice(0, 3)).toEqual(['gunicorn', '--workers', '1']);
      expect(setup.command.at(-1)).toBe('{module}');
    }
    expect(config.setups.map((setup) => workerClass(setup.command))).toEqual(['sync', 'uvicorn_worker.UvicornWorker', 'uvicorn_worker.UvicornWorker']);
    expect(config.setups.map((setup) => setup.interface)).toEqual(['wsgi', 'asgi', 'asgi']);
    expect(config.setups.map((setup) => setup.env.ASYNC_BENCH_VIEWS)).toEqual(['sync', 'async', 'async']);
  });

  it('requests the routes with their built-in Locust users', () => {
    expect(config.routes.map((route) => [route.method, route.path, route.userClass])).toEqual([
      ['GET', '/posts/cpu/', 'CpuUser'],
      ['GET', '/posts/io_read/', 'IoReadUser'],
      ['POST', '/posts/io_create/', 'IoCreateUser'],
    ]);
    expect(Object.keys(config.routes[2]!.form)).toEqual(['title', 'content']);
  });

  it('uses the reference app, no shard, no baseline, a 10 % threshold, auto latency', () => {
    expect(config.app).toMatchObject({ context: '{async-bench}/compose/app', wsgi: 'benchsite.wsgi:application', settings: 'benchsite.settings' });
    expect(config.shard).toBeNull();
    expect(config.compare).toEqual({
      baseline: null,
      baseRef: null,
      threshold: 0.1,
      confidence: 0.95,
      failOnRegression: false,
      failOnSignals: ['throughput', 'queries'],
    });
    expect(config.latencyMethod).toBe('auto');
    expect(config.outDir).toBe('async-bench-results');
  });

  it('treats "" (an unset Actions input) and blanks as not given', () => {
    const empty = Object.fromEntries(CONFIG_INPUTS.map((name) => [name, ''])) as RawInputs;
    const blank = Object.fromEntries(CONFIG_INPUTS.map((name) => [name, '  '])) as RawInputs;
    expect(build(empty)).toEqual(config);
    expect(build(blank)).toEqual(config);
    expect(build({}, '')).toEqual(config);
    expect(build({}, '# nothing set\n')).toEqual(config);
  });
});

describe('profiles', () => {
  it.each([
    ['paper', { users: 500, spawnRate: 5, runTimeSeconds: 180, processes: 1 }],
    ['quick', { users: 100, spawnRate: 20, runTimeSeconds: 40, processes: 1 }],
    ['ci', { users: 150, spawnRate: 50, runTimeSeconds: 25, processes: 1 }],
  ] as const)('%s sets the load, keeping the study matrix', (profile, load) => {
    const config = build({ profile });
    expect(config.profile).toBe(profile);
    expect(config.load).toEqual(load);
    expect(config.latenciesMs).toEqual([0, 100, 200]);
    expect(names(config.setups)).toEqual(['sync', 'async-limited', 'async-unlimited']);
    expect(config.seedPosts).toBe(1_000_000);
  });

  it('can be chosen in async-bench.yml; an input overrides the file', () => {
    expect(build({}, 'profile: ci\n').load.users).toBe(150);
    expect(build({ profile: 'quick' }, 'profile: ci\n').profile).toBe('quick');
    expect(build({ profile: '' }, 'profile: ci\n').profile).toBe('ci');
  });

  it('rejects an unknown profile, listing the known ones', () => {
    expect(errorFor('profile', { profile: 'fast' })).toContain('"fast" is not one of paper, quick, ci, pr');
    expect(errorFor('profile', {}, 'profile: turbo\n')).toContain('"turbo" is not one of paper, quick, ci, pr');
  });
});

describe('precedence: inputs over async-bench.yml over profile', () => {
  // key, input, file value (YAML), profile value under `quick`, read back from the config
  const cases: [keyof RawInputs, string, string, unknown, (config: Config) => unknown, unknown, unknown][] = [
    ['users', '30', '60', 100, (c) => c.load.users, 30, 60],
    ['spawn-rate', '3', '6', 20, (c) => c.load.spawnRate, 3, 6],
    ['run-time', '1m', '2m', 40, (c) => c.load.runTimeSeconds, 60, 120],
    ['latencies', '50', '[0, 300]', [0, 100, 200], (c) => c.latenciesMs, [50], [0, 300]],
    ['seed-posts', '10', '20', 1_000_000, (c) => c.seedPosts, 10, 20],
    ['threshold', '5%', '0.2', 0.1, (c) => c.compare.threshold, 0.05, 0.2],
    ['confidence', '99%', '0.9', 0.95, (c) => c.compare.confidence, 0.99, 0.9],
    ['fail-on-regression', 'false', 'queries, cpu', false, (c) => c.compare.failOnRegression && c.compare.failOnSignals, false, ['queries', 'cpu']],
    ['baseline', 'paper', 'old.json', null, (c) => c.compare.baseline, 'paper', 'old.json'],
    ['latency-method', 'netem', 'toxiproxy', 'auto', (c) => c.latencyMethod, 'netem', 'toxiproxy'],
    ['shard', '1/2', '2/2', null, (c) => c.shard, { index: 1, total: 2 }, { index: 2, total: 2 }],
    ['out', 'from-input', 'from-file', 'async-bench-results', (c) => c.outDir, 'from-input', 'from-file'],
    ['processes', '2', '3', 1, (c) => c.load.processes, 2, 3],
  ];

  it.each(cases)('%s', (key, input, fileValue, profileValue, get, fromInput, fromFile) => {
    const yaml = `profile: quick\n${key}: ${fileValue}\n`;
    expect(get(build({ profile: 'quick' }))).toEqual(profileValue);
    expect(get(build({}, yaml))).toEqual(fromFile);
    expect(get(build({ [key]: '' }, yaml))).toEqual(fromFile);
    expect(get(build({ [key]: input }, yaml))).toEqual(fromInput);
  });

  it('selects setups and routes by input among the file definitions, in the order given', () => {
    const yaml = ['setups: [sync]', 'routes:', '  - cpu', '  - name: search', '    path: /search/'].join('\n');
    const config = build({ setups: 'async-unlimited, sync', routes: 'search io_read' }, yaml);
    expect(names(config.setups)).toEqual(['async-unlimited', 'sync']);
    expect(names(config.routes)).toEqual(['search', 'io_read']);
    expect(config.routes[0]!.path).toBe('/search/');
  });
});

describe('bad inputs name the input and what is allowed', () => {
  it.each([
    ['setups', { setups: 'sync,turbo' }, /unknown name "turbo"; known: sync, async-limited, async-unlimited/],
    ['setups', { setups: 'sync sync' }, /"sync" is listed twice/],
    ['routes', { routes: 'cpu,io_write' }, /unknown name "io_write"; known: cpu, io_read, io_create/],
    ['latencies', { latencies: '0,-100' }, /"-100" is negative; added latency is ≥ 0 ms/],
    ['latencies', { latencies: '0,abc' }, /"abc" is not a whole number of milliseconds/],
    ['latencies', { latencies: '100,100' }, /"100" is listed twice/],
    ['latencies', { latencies: '100ms,100' }, /100 ms is listed twice/],
    ['users', { users: '0' }, /"0" is below 1; give an integer ≥ 1/],
    ['users', { users: '-5' }, /"-5" is below 1; give an integer ≥ 1/],
    ['users', { users: 'lots' }, /"lots" is not a whole number; give an integer ≥ 1/],
    ['run-time', { 'run-time': '0' }, /"0" must be longer than 0 s/],
    ['run-time', { 'run-time': '-3m' }, /"-3m" is not a duration/],
    ['spawn-rate', { 'spawn-rate': '0' }, /"0" must be greater than 0/],
    ['spawn-rate', { 'spawn-rate': 'fast' }, /"fast" is not a number/],
    ['shard', { shard: '0/3' }, /i must be between 1 and 3/],
    ['shard', { shard: '4/3' }, /i must be between 1 and 3/],
    ['shard', { shard: 'a/b' }, /"a\/b" is not "i\/n"/],
    ['latency-method', { 'latency-method': 'tc' }, /"tc" is not one of auto, netem, toxiproxy/],
    ['threshold', { threshold: '150%' }, /"150%" is not a ratio between 0 and 1; write e\.g\. "10%" or "0\.1"/],
    ['threshold', { threshold: 'abc' }, /"abc" is not a ratio between 0 and 1/],
    ['confidence', { confidence: '40%' }, /"40%" is not a confidence level between 50% and 99\.9%; write e\.g\. "95%" or "0\.95"/],
    ['confidence', { confidence: '1' }, /"1" is not a confidence level between 50% and 99\.9%/],
    ['confidence', { confidence: 'sure' }, /"sure" is not a confidence level/],
    [
      'fail-on-regression',
      { 'fail-on-regression': 'maybe' },
      /"maybe" is neither true, false nor a list of signals; give true, false or some of throughput, queries, cpu, db, memory/,
    ],
    ['fail-on-regression', { 'fail-on-regression': 'cpu,queries,cpu' }, /"cpu" is listed twice/],
    ['processes', { processes: '0' }, /below 1/],
    ['seed-posts', { 'seed-posts': '-1' }, /below 0/],
  ] as [string, RawInputs, RegExp][])('%s %j', (input, inputs, message) => {
    expect(errorFor(input, inputs)).toMatch(message);
  });

  it('rejects a run-time that ends before the ramp (cross-field)', () => {
    // 500 users at 5/s take 100 s to spawn.
    const message = errorFor('run-time', { 'run-time': '60' });
    expect(message).toContain('60 s ends before the ramp finishes');
    expect(message).toContain('users 500 ÷ spawn-rate 5 = 100 s');
    expect(message).toContain('raise run-time or spawn-rate');
    expect(errorFor('run-time', { 'run-time': '100s' })).toContain('ends before the ramp');
    expect(build({ 'run-time': '101' }).load.runTimeSeconds).toBe(101);
    // The ramp follows every source: a faster spawn-rate makes 60 s fine.
    expect(build({ 'run-time': '60', 'spawn-rate': '10' }).load.runTimeSeconds).toBe(60);
    expect(errorFor('run-time', { users: '1000' }, 'profile: quick\n')).toContain('users 1000 ÷ spawn-rate 20 = 50 s');
  });

  it('rejects more Locust processes than users', () => {
    expect(errorFor('processes', { users: '4', processes: '5', 'spawn-rate': '4' })).toContain('use at most 4');
  });
});

describe('async-bench.yml', () => {
  it('reads scalars of every kind', () => {
    const config = build(
      {},
      [
        'users: 40',
        'spawn-rate: 2.5',
        'run-time: 1m30s',
        'latencies: 0ms, 50ms',
        'seed-posts: 0',
        'latency-method: toxiproxy',
        'shard: 2/3',
        'baseline: paper',
        'threshold: 5%',
        'confidence: 90%',
        'fail-on-regression: true',
        'out: results',
        'processes: 2',
      ].join('\n'),
    );
    expect(config.load).toEqual({ users: 40, spawnRate: 2.5, runTimeSeconds: 90, processes: 2 });
    expect(config.latenciesMs).toEqual([0, 50]);
    expect(config.seedPosts).toBe(0);
    expect(config.latencyMethod).toBe('toxiproxy');
    expect(config.shard).toEqual({ index: 2, total: 3 });
    expect(config.compare).toEqual({
      baseline: 'paper',
      baseRef: null,
      threshold: 0.05,
      confidence: 0.9,
      failOnRegression: true,
      failOnSignals: ['throughput', 'queries'],
    });
    expect(config.outDir).toBe('results');
  });

  it('takes lists of names, keeping their order', () => {
    const config = build({}, 'setups: [async-unlimited, sync]\nroutes:\n  - io_read\nlatencies: [200, 0]\n');
    expect(names(config.setups)).toEqual(['async-unlimited', 'sync']);
    expect(names(config.routes)).toEqual(['io_read']);
    expect(config.latenciesMs).toEqual([200, 0]);
    expect(config.setups[0]!.database.maxConnections).toBe(1000);
  });

  it('defines a custom route, requested by the generic RouteUser', () => {
    const yaml = [
      'routes:',
      '  - cpu',
      '  - name: search',
      '    title: Full-text search',
      '    method: post',
      '    path: /posts/search/',
      '    form: [query]',
      '  - name: feed',
      '    path: /feed/',
    ].join('\n');
    const config = build({}, yaml);
    expect(names(config.routes)).toEqual(['cpu', 'search', 'feed']);
    expect(config.routes[0]!.userClass).toBe('CpuUser');
    expect(config.routes[1]).toEqual({
      name: 'search',
      title: 'Full-text search',
      method: 'POST',
      path: '/posts/search/',
      query: {},
      headers: {},
      form: { query: '{string:20}' },
      json: null,
      expect: [],
      userClass: 'RouteUser',
    });
    expect(config.routes[2]).toEqual({
      name: 'feed',
      title: 'feed',
      method: 'GET',
      path: '/feed/',
      query: {},
      headers: {},
      form: {},
      json: null,
      expect: [],
      userClass: 'RouteUser',
    });
  });

  it('overrides only the fields given for a built-in route', () => {
    const retitled = build({}, 'routes:\n  - name: io_read\n    title: Reading\n').routes[0]!;
    expect(retitled).toMatchObject({ title: 'Reading', path: '/posts/io_read/', userClass: 'IoReadUser' });
    // A moved built-in route is no longer what IoReadUser requests.
    const moved = build({}, 'routes:\n  - name: io_read\n    path: /v2/read/\n').routes[0]!;
    expect(moved).toMatchObject({ title: 'I/O-bound DB read', path: '/v2/read/', userClass: 'RouteUser' });
  });

  it('takes a route’s kind (what it is bound by) over the measurement; a mix keeps its own, not its members’', () => {
    const routes = build(
      {},
      'routes:\n  - { name: report, path: /r/, kind: CPU }\n  - { name: io_read, kind: mixed }\n  - { name: both, mix: [report, io_read] }\n',
    ).routes;
    expect(routes.map((route) => route.kind)).toEqual(['cpu', 'mixed', undefined]);
    expect(routes[2]!.mix!.map((member) => 'kind' in member)).toEqual([false, false]);
    expect(build().routes.map((route) => route.kind)).toEqual([undefined, undefined, undefined]);
  });

  it("overrides a built-in setup's max-connections, keeping the rest", () => {
    const yaml = ['setups:', '  - sync', '  - name: async-limited', '    max-connections: 200', '  - async-unlimited'].join('\n');
    const config = build({}, yaml);
    const defaults = build();
    expect(config.setups.map((setup) => setup.database.maxConnections)).toEqual([100, 200, 1000]);
    expect({ ...config.setups[1]!, database: null }).toEqual({ ...defaults.setups[1]!, database: null });
    // The built-in itself is untouched for the next build.
    expect(build().setups[1]!.database.maxConnections).toBe(100);
    // An input selection picks the overridden definition.
    expect(build({ setups: 'async-limited' }, yaml).setups[0]!.database.maxConnections).toBe(200);
  });

  it('defines a new setup from interface and command', () => {
    const yaml = [
      'setups:',
      '  - name: uvicorn-4',
      '    interface: asgi',
      '    command: [uvicorn, --workers, 4, --port, "{port}", "{module}"]',
      '    env: {DEBUG: 0}',
    ].join('\n');
    expect(build({}, yaml).setups).toEqual([
      {
        name: 'uvicorn-4',
        label: 'uvicorn-4',
        interface: 'asgi',
        command: ['uvicorn', '--workers', '4', '--port', '{port}', '{module}'],
        workers: null,
        env: { DEBUG: '0' },
        database: { maxConnections: 100 },
      },
    ]);
  });

  it("runs a user's own app", () => {
    const yaml = [
      'app:',
      '  name: mysite',
      '  context: ./mysite',
      '  dockerfile: docker/Dockerfile',
      '  wsgi: mysite.wsgi:application',
      '  asgi: mysite.asgi:application',
      '  port: 8080',
      '  health-path: /health/',
    ].join('\n');
    expect(build({}, yaml).app).toEqual({
      name: 'mysite',
      context: './mysite',
      dockerfile: 'docker/Dockerfile',
      python: null,
      requirements: null,
      build: [],
      wsgi: 'mysite.wsgi:application',
      asgi: 'mysite.asgi:application',
      port: 8080,
      healthPath: '/health/',
      settings: 'mysite.settings',
      env: {},
      prepare: [],
    });
    const minimal = build({}, 'app:\n  context: .\n  wsgi: a.wsgi:app\n  asgi: a.asgi:app\n').app;
    expect(minimal).toMatchObject({ name: 'app', dockerfile: 'Dockerfile', port: 8000, healthPath: '/' });
  });

  it("builds a project without a Dockerfile from python + requirements (async-bench's generic builder)", () => {
    const app = build(
      {},
      "app:\n  context: .\n  wsgi: a.wsgi:app\n  asgi: a.asgi:app\n  python: '3.11'\n  requirements: pyproject.toml\n  build: [npm ci, 'python manage.py compilemessages']\n",
    ).app;
    expect(app).toMatchObject({ dockerfile: null, python: '3.11', requirements: 'pyproject.toml', build: ['npm ci', 'python manage.py compilemessages'] });
    expect(build({}, "app:\n  context: .\n  wsgi: a.wsgi:app\n  asgi: a.asgi:app\n  python: '3.13'\n  requirements: requirements.txt\n").app.build).toEqual([]);
  });

  const OWN = 'app:\n  context: .\n  wsgi: a.wsgi:app\n  asgi: a.asgi:app\n';
  it.each([
    [
      `${OWN}  dockerfile: Dockerfile\n  python: '3.13'\n  requirements: r.txt\n`,
      /give either dockerfile \(your own image\) or python and requirements \(async-bench builds the image\), not both/,
    ],
    [
      `${OWN}  python: '3.13'\n`,
      /the generic builder needs both python and requirements; requirements is missing \(e\.g\. requirements: requirements\.txt, or pyproject\.toml\)/,
    ],
    [`${OWN}  requirements: r.txt\n`, /the generic builder needs both python and requirements; python is missing \(e\.g\. python: "3\.13"\)/],
    [
      `${OWN}  dockerfile: Dockerfile\n  build: [make]\n`,
      /build commands run in the generic builder only \(python and requirements\); with your own dockerfile, put them in it as RUN steps/,
    ],
  ])('refuses an app with no single way to build it: %s', (yaml, message) => {
    expect(errorFor('app', {}, yaml)).toMatch(message);
  });

  it.each([
    [`${OWN}  python: 3.10\n  requirements: r.txt\n`, /Invalid app python: write the version in quotes \(python: "3\.1"\): YAML reads 3\.10 as 3\.1/],
    [`${OWN}  python: '3'\n  requirements: r.txt\n`, /Invalid app python: "3" is not a Python version such as "3\.13" \(major\.minor\)/],
    [`${OWN}  python: '3.13'\n  requirements: r.txt\n  build: make\n`, /Invalid app build: must be a list of shell commands/],
  ])('names the app key that is wrong: %s', (yaml, message) => {
    expect(() => build({}, yaml)).toThrow(message);
  });

  it('keeps the reference app for an empty app mapping', () => {
    expect(build({}, 'app: {}\n').app).toEqual(build().app);
  });

  it('names the file and line of YAML that does not parse', () => {
    const message = errorFor(`config file ${FILE}`, {}, 'users: 10\nroutes: [cpu, io_read\nlatencies: 0\n');
    expect(message).toMatch(/not valid YAML at line \d+/);
    expect(errorFor(`config file ${FILE}`, {}, 'users: 10\nusers: 20\n')).toContain('not valid YAML at line 2');
  });

  it.each([
    [`config file ${FILE}`, 'usres: 10\n', /unknown key "usres" \(did you mean "users"\?\); allowed keys: profile, setups, routes, latencies, users,/],
    [`config file ${FILE}`, '- users: 10\n', /top level must be a mapping/],
    [
      'setups entry',
      'setups:\n  - name: sync\n    max_connections: 5\n',
      /unknown key "max_connections" \(did you mean "max-connections"\?\); allowed keys: .*max-connections/,
    ],
    ['routes entry', 'routes:\n  - name: x\n    path: /x/\n    verb: GET\n', /unknown key "verb"/],
    [
      'app',
      'app:\n  image: mysite\n',
      /unknown key "image"; allowed keys: name, context, dockerfile, python, requirements, build, wsgi, asgi, port, health-path/,
    ],
    ['route "search"', 'routes:\n  - name: search\n    title: Search\n', /a new route needs a path, e\.g\. "\/search\/"/],
    ['route "search" path', 'routes:\n  - name: search\n    path: search/\n', /"search\/" must start with "\/"/],
    ['route "search" method', 'routes:\n  - name: search\n    path: /s/\n    method: HEAD\n', /"HEAD" is not one of GET, POST, PUT, PATCH, DELETE/],
    ['route "search" kind', 'routes:\n  - name: search\n    path: /s/\n    kind: network\n', /"network" is not one of io, cpu, mixed/],
    ['route "search" path', 'routes:\n  - name: search\n    path: /s/{int:9..1}/\n', /"\/s\/\{int:9\.\.1\}\/": \{int:9\.\.1\}: the range 9\.\.1 is empty/],
    ['route "search" query q', 'routes:\n  - name: search\n    path: /s/\n    query: {q: "{word}"}\n', /\{word\} is not a placeholder/],
    ['route "search" json', 'routes:\n  - name: search\n    path: /s/\n    form: [q]\n    json: {q: 1}\n', /give a form or a json body, not both/],
    [
      'route "search" json',
      'routes:\n  - name: search\n    path: /s/\n    json: {token: "${TOKEN}"}\n',
      /environment variables are allowed in header values only/,
    ],
    ['route "search" expect', 'routes:\n  - name: search\n    path: /s/\n    expect: [200, 700]\n', /expected HTTP statuses from 100 to 599/],
    ['routes', 'routes: [cpu, search]\n', /unknown name "search"; known: cpu, io_read, io_create \(define new ones in async-bench\.yml\)/],
    ['routes', 'routes: []\n', /must be a non-empty list/],
    ['setups', 'setups: sync\n', /must be a non-empty list/],
    ['setups', 'setups: [sync, sync]\n', /"sync" is listed twice/],
    ['setup "fast"', 'setups:\n  - name: fast\n    interface: asgi\n', /a new setup needs command/],
    [
      'setup "fast"',
      'setups:\n  - name: fast\n',
      /a new setup needs interface and command \(built-ins: sync, async-limited, async-unlimited, gthread, sync-workers, async-workers, gthread-pool, async-workers-pool, uvicorn\)/,
    ],
    ['setup "sync" interface', 'setups:\n  - name: sync\n    interface: cgi\n', /"cgi" is not one of wsgi, asgi/],
    ['setup "sync" max-connections', 'setups:\n  - name: sync\n    max-connections: 0\n', /below 1/],
    ['setup "x" command', 'setups:\n  - name: x\n    interface: wsgi\n    command: gunicorn app\n', /must be a list of arguments/],
    ['setups entry name', 'setups:\n  - name: Fast Setup\n    interface: asgi\n    command: [x]\n', /must be lowercase letters, digits, "-" or "_"/],
    ['app', 'app:\n  context: ./mysite\n  wsgi: mysite.wsgi:application\n', /your own app needs asgi \(e\.g\. "mysite\.wsgi:application"\)/],
    ['app', 'app:\n  context: ./mysite\n', /your own app needs wsgi and asgi/],
    [
      'app wsgi',
      'app:\n  context: .\n  wsgi: mysite/wsgi.py\n  asgi: mysite.asgi:application\n',
      /"mysite\/wsgi\.py" is not "module\.path:callable", e\.g\. "mysite\.wsgi:application"/,
    ],
    ['app asgi', 'app:\n  context: .\n  wsgi: mysite.wsgi:application\n  asgi: mysite.asgi\n', /is not "module\.path:callable"/],
    ['app', 'app:\n  wsgi: mysite.wsgi:application\n  asgi: mysite.asgi:application\n', /your own app needs context/],
    ['users', 'users: 0\n', /0 is below 1; give an integer ≥ 1/],
    ['threshold', 'threshold: 150%\n', /not a ratio between 0 and 1/],
    ['confidence', 'confidence: 0.9999\n', /0\.9999 is not a confidence level between 50% and 99\.9%/],
  ] as [string, string, RegExp][])('rejects %s: %j', (input, yaml, message) => {
    expect(errorFor(input, {}, yaml)).toMatch(message);
  });
});

describe('bounded, well-typed inputs', () => {
  it.each([
    ['users', 'users: 200000\n', 'Invalid users: 200000 is above the maximum 100000.'],
    ['latencies', 'latencies: [0, 10001]\n', 'Invalid latencies: "10001" is above the maximum 10000 ms.'],
    ['spawn-rate', 'spawn-rate: 10001\n', 'Invalid spawn-rate: 10001 is above the maximum 10000.'],
    ['run-time', 'run-time: 24h1s\n', 'Invalid run-time: "24h1s" is above the maximum 24 h (86400 s).'],
    ['seed-posts', 'seed-posts: 100000001\n', 'Invalid seed-posts: 100000001 is above the maximum 100000000.'],
    ['processes', 'processes: 65\n', 'Invalid processes: 65 is above the maximum 64.'],
    [
      'setup "sync" max-connections',
      'setups:\n  - name: sync\n    max-connections: 300000\n',
      'Invalid setup "sync" max-connections: 300000 is above the maximum 262143.',
    ],
    ['app port', 'app:\n  context: .\n  wsgi: a.wsgi:app\n  asgi: a.asgi:app\n  port: 70000\n', 'Invalid app port: 70000 is above the maximum 65535.'],
  ])('%s above its maximum, in async-bench.yml', (input, yaml, message) => {
    expect(errorFor(input, {}, yaml)).toBe(message);
  });

  it.each([
    ['users', { users: '100001' }, 'Invalid users: "100001" is above the maximum 100000.'],
    ['latencies', { latencies: '0,20000ms' }, 'Invalid latencies: "20000ms" is above the maximum 10000 ms.'],
    ['spawn-rate', { 'spawn-rate': '1e5' }, 'Invalid spawn-rate: "1e5" is above the maximum 10000.'],
    ['run-time', { 'run-time': '25h' }, 'Invalid run-time: "25h" is above the maximum 24 h (86400 s).'],
    ['seed-posts', { 'seed-posts': '999999999' }, 'Invalid seed-posts: "999999999" is above the maximum 100000000.'],
    ['processes', { processes: '100' }, 'Invalid processes: "100" is above the maximum 64.'],
  ] as [string, RawInputs, string][])('%s above its maximum, as an input', (input, inputs, message) => {
    expect(errorFor(input, inputs)).toBe(message);
  });

  it('accepts every maximum itself, and the config it builds is one results.json accepts', () => {
    const config = build({
      latencies: `0,${LIMITS.latencyMs}`,
      users: String(LIMITS.users),
      'spawn-rate': String(LIMITS.spawnRate),
      'run-time': '24h',
      'seed-posts': String(LIMITS.seedPosts),
      processes: String(LIMITS.processes),
    });
    expect(config.latenciesMs).toEqual([0, 10_000]);
    expect(config.load).toEqual({ users: 100_000, spawnRate: 10_000, runTimeSeconds: 86_400, processes: 64 });
    expect(config.seedPosts).toBe(100_000_000);
    expect(ConfigSchema.parse(config)).toEqual(config);
    expect(ConfigSchema.parse(build())).toEqual(build());
  });

  it.each([
    ['out', 'out: {a: 1}\n', 'Invalid out: expected a path (string), got an object.'],
    ['out', 'out: [results]\n', 'Invalid out: expected a path (string), got a list.'],
    ['out', 'out: "  "\n', 'Invalid out: is empty; give a folder path.'],
    ['users', 'users: [1, 2]\n', 'Invalid users: expected a whole number, got a list.'],
    ['seed-posts', 'seed-posts: {many: true}\n', 'Invalid seed-posts: expected a whole number, got an object.'],
    ['spawn-rate', 'spawn-rate: [5]\n', 'Invalid spawn-rate: expected a number, got a list.'],
    ['run-time', 'run-time: {minutes: 3}\n', 'Invalid run-time: expected a duration, got an object.'],
    ['profile', 'profile: [paper]\n', 'Invalid profile: expected one of paper, quick, ci, pr, got a list.'],
    ['latency-method', 'latency-method: {tc: true}\n', 'Invalid latency-method: expected one of auto, netem, toxiproxy, got an object.'],
    ['latencies', 'latencies: {a: 1}\n', 'Invalid latencies: expected a list of latencies in ms ("a, b" or [a, b]), got an object.'],
    ['shard', 'shard: [1, 3]\n', 'Invalid shard: expected a shard "i/n", got a list.'],
    ['threshold', 'threshold: {x: 1}\n', 'Invalid threshold: expected a ratio, got an object.'],
    ['fail-on-regression', 'fail-on-regression: {cpu: true}\n', 'Invalid fail-on-regression: expected true, false or a list of signals, got an object.'],
    [
      'fail-on-regression',
      'fail-on-regression: [true]\n',
      'Invalid fail-on-regression: [true] is neither true, false nor a list of signals; give true, false or some of throughput, queries, cpu, db, memory.',
    ],
    ['baseline', 'baseline: [paper]\n', 'Invalid baseline: expected "paper", "artifact", "none" or a path (string), got a list.'],
    ['app', 'app: [mysite]\n', 'Invalid app: expected a mapping, got ["mysite"].'],
    ['setups entry', 'setups:\n  - [sync]\n', 'Invalid setups entry: expected a name or a mapping, got a list.'],
    [
      'setup "x" env',
      'setups:\n  - name: x\n    interface: wsgi\n    command: [a]\n    env: [DEBUG]\n',
      'Invalid setup "x" env: expected a mapping of names to values, got ["DEBUG"].',
    ],
    ['route "x" title', 'routes:\n  - name: x\n    path: /x/\n    title: {a: 1}\n', 'Invalid route "x" title: must be a non-empty string, not an object.'],
    ['setups entry name', 'setups:\n  - interface: wsgi\n', 'Invalid setups entry name: is missing; every entry needs a name.'],
  ])('refuses the wrong kind of value for %s, naming it: %j', (input, yaml, message) => {
    expect(errorFor(input, {}, yaml)).toBe(message);
  });

  it('reads a key with no value as not given', () => {
    expect(build({}, 'users:\nprofile: quick\n').load.users).toBe(100);
    expect(build({}, 'baseline:\n').compare.baseline).toBeNull();
  });

  it('keeps "baseline: none" in the file over the caller\'s default', () => {
    const sources = (yaml: string): ConfigSources => ({ inputs: {}, defaults: { baseline: 'artifact' }, file: { path: FILE, text: yaml } });
    expect(buildConfig(sources('baseline: none\n')).compare.baseline).toBeNull();
    expect(buildConfig(sources('profile: quick\n')).compare.baseline).toBe('artifact');
  });
});

describe('budget: measuring time, and repeats as the most pairs a cell gets', () => {
  it.each([
    ['15m', 900],
    ['900s', 900],
    ['900', 900],
    ['1h30m', 5400],
    ['1h', 3600],
  ])('reads %j as %d s (input, flag and key alike)', (raw, seconds) => {
    expect(build({ budget: raw }).budgetSeconds).toBe(seconds);
    expect(build({}, `budget: ${raw}\n`).budgetSeconds).toBe(seconds);
  });

  it('is absent by default: every cell gets its fixed repeats', () => {
    expect(build().budgetSeconds).toBeNull();
    expect(build({ repeats: '3' }).repeats).toBe(3);
  });

  it('makes repeats the maximum per cell: the one given, else 8', () => {
    expect(build({ budget: '15m' }).repeats).toBe(8);
    expect(build({ budget: '15m', repeats: '5' }).repeats).toBe(5);
    expect(build({ budget: '15m' }, 'repeats: 4\n').repeats).toBe(4);
  });

  it.each([
    [{ budget: 'soon' }, 'Invalid budget: "soon" is not a duration; write minutes or seconds ("15m", "900s", "1h30m").'],
    [{ budget: '15 minutes' }, 'Invalid budget: "15 minutes" is not a duration; write minutes or seconds ("15m", "900s", "1h30m").'],
    [{ budget: '0m' }, 'Invalid budget: "0m" must be longer than 0 s.'],
    [{ budget: '25h' }, 'Invalid budget: "25h" is above the maximum 24 h (86400 s).'],
  ] as [RawInputs, string][])('refuses %j naming the input and the fix', (inputs, message) => {
    expect(errorFor('budget', inputs)).toBe(message);
  });

  it('refuses a budget too short for one pair, saying what one costs', () => {
    // ci: 25 s a sample; with base, a pair is 2 × (25 + 15) = 80 s.
    expect(errorFor('budget', { profile: 'ci', baseline: 'base', budget: '60s' })).toBe(
      'Invalid budget: 60 s cannot fit one pair of base and head (about 80 s: 2 × (run-time 25 s + 15 s)); give at least 2m, or a shorter run-time.',
    );
    expect(errorFor('budget', { profile: 'ci', baseline: 'none', budget: '30s' })).toContain('cannot fit one sample (about 40 s: run-time 25 s + 15 s)');
    expect(build({ profile: 'ci', baseline: 'base', budget: '80s' }).budgetSeconds).toBe(80);
  });
});

describe('the pr profile: gating a pull request', () => {
  const config = build({ profile: 'pr' });

  it('measures base beside head, in pairs, within 15 minutes, at most 4 pairs a cell (its own maximum, not the default 8)', () => {
    expect(config.compare.baseline).toBe('base');
    expect(config.budgetSeconds).toBe(900);
    expect(config.repeats).toBe(4);
    expect(build({ profile: 'pr', repeats: '4' }).repeats).toBe(4);
    expect(config.load.runTimeSeconds).toBeLessThanOrEqual(20);
  });

  it("keeps the profile's base over the action's default (artifact), and gives way to an input or the file", () => {
    const withDefault = (inputs: RawInputs, yaml?: string) =>
      buildConfig({ inputs, defaults: { baseline: 'artifact' }, ...(yaml ? { file: { path: FILE, text: yaml } } : {}) }).compare.baseline;
    expect(withDefault({ profile: 'pr' })).toBe('base');
    expect(withDefault({ profile: 'pr', baseline: 'paper' })).toBe('paper');
    expect(withDefault({ profile: 'pr' }, 'baseline: none\n')).toBeNull();
    expect(withDefault({ profile: 'quick' })).toBe('artifact');
  });

  it('leaves the study profiles without a budget', () => {
    for (const profile of ['paper', 'quick', 'ci']) expect(build({ profile }).budgetSeconds).toBeNull();
    expect(build({ profile: 'pr', budget: '30m' }).budgetSeconds).toBe(1800);
  });
});
