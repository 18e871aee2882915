import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { access, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { CELL_FILES } from '../../src/core/ingest/cell.js';
import { parseResults, type Results } from '../../src/core/results/results.js';
import { DERIVED_RECORD_KEY } from '../../src/stack/fingerprint.js';
import { leftoverContainers, ROOT } from './stack-helpers.js';

/*
 * A team's own project with `npx async-bench`, as a team tries it: this repository packed
 * (`npm pack`, the published files; dist/ as built by `npm run package`) and installed into
 * a scratch project outside it, the example shop copied in as the team's code and committed,
 * then `npx async-bench --help` and `npx async-bench run`, driven only by the shop's
 * async-bench.yml: no Dockerfile (app.python + app.requirements: async-bench's generic
 * builder), its models, its routes as data, 5 setups × 3 routes × 2 latencies at a short
 * ci-like load. About 8½ minutes here (30 cells 504 s). Where no registry is reachable, python:3.13-slim is
 * provision-docker.sh's stand-in, and the wheelhouse .ci/run fills (.cache/wheelhouse/shop)
 * makes the install offline; the wheels provisioning put into this checkout's image folders
 * (never published) are copied into the installed package the same way.
 * Then the signals: every 0 ms cell's queries per request exactly, and a planted N+1
 * (SHOP_PLANT_N_PLUS_ONE in a second setup's env) read as +20 queries per request from one sample a side.
 */
const WHEELHOUSE = join(ROOT, '.cache', 'wheelhouse', 'shop');
const ROUTES = ['list', 'order', 'quote'];
/** A team's app runs what teams deploy when its config names no setups (TEAM_DEFAULT_SETUPS): the shop has psycopg[pool], so the pool presets too. */
const SETUPS = ['sync-workers', 'gthread', 'async-workers', 'gthread-pool', 'async-workers-pool'];
const WHEEL_FOLDERS = ['locust/wheels', 'compose/derived/wheels', 'compose/app/wheels'];

/** Runs a command in the scratch project; its stderr is shown as it comes. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk.toString()), process.stderr.write(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe('the example shop, through `npx async-bench` from the installed package', () => {
  let scratch: string;
  let project: string;
  let tarball: { filename: string; size: number; entryCount: number; files: { path: string }[] };
  let help: { code: number; stdout: string };
  let results: Results;
  let stderr = '';
  const out = () => join(project, 'bench');

  beforeAll(async () => {
    const started = Date.now();
    scratch = await mkdtemp(join(tmpdir(), 'async-bench-npx-'));
    tarball = (JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8' })) as (typeof tarball)[])[0]!;
    project = join(scratch, 'team-shop');
    await cp(join(ROOT, 'examples', 'shop'), join(project, 'examples', 'shop'), { recursive: true });
    await writeFile(join(project, 'package.json'), `${JSON.stringify({ name: 'team-shop', private: true }, null, 2)}\n`);
    await writeFile(join(project, '.gitignore'), 'node_modules/\n*.whl\nbench/\n');
    // Everything the CLI runs is bundled: the package installs with no registry at all.
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(scratch, tarball.filename)], { cwd: project, stdio: 'inherit' });
    const installed = join(project, 'node_modules', 'async-bench');
    for (const folder of WHEEL_FOLDERS.filter((folder) => existsSync(join(ROOT, folder)))) {
      for (const wheel of (await readdir(join(ROOT, folder))).filter((file) => file.endsWith('.whl')))
        await cp(join(ROOT, folder, wheel), join(installed, folder, wheel));
    }
    const git = (...args: string[]) => execFileSync('git', ['-C', project, ...args], { encoding: 'utf8' }).trim();
    git('init', '--quiet');
    git('add', '-A');
    git('-c', 'user.name=Team', '-c', 'user.email=team@example.test', 'commit', '--quiet', '-m', 'the shop');

    const env = { ...process.env, ...(!process.env.ASYNC_BENCH_WHEELHOUSE && existsSync(WHEELHOUSE) ? { ASYNC_BENCH_WHEELHOUSE: WHEELHOUSE } : {}) };
    // --no: the package installed here, never one fetched from the registry.
    const npx = (...args: string[]) => run('npx', ['--no', '--', 'async-bench', ...args], project, env);
    help = await npx('--help');
    // The shop's config without its setups: the run takes a team's defaults.
    const shopConfig = await readFile(join(project, 'examples', 'shop', 'async-bench.yml'), 'utf8');
    await writeFile(join(project, 'async-bench.yml'), shopConfig.replace(/^setups:\n(?: .*\n)+/m, ''));
    const argv = ['run', '--config', 'async-bench.yml', '--routes', ROUTES.join(','), '--latencies', '0,100'];
    const result = await npx(...argv, '--users', '60', '--spawn-rate', '60', '--run-time', '12s', '--out', 'bench', '--force');
    stderr = result.stderr;
    expect(result.code, stderr.slice(-2000)).toBe(0);
    results = parseResults('results.json', await readFile(join(out(), 'results.json'), 'utf8'));
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    process.stderr.write(
      `e2e own project through npx: ${seconds} s for ${results.cells.length} cells (tarball ${tarball.size} bytes, ${tarball.entryCount} files)\n`,
    );
  }, 900_000);

  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('the package holds the CLI bundle and what it reads at run time, no action bundle, no wheels', () => {
    const files = tarball.files.map((file) => file.path);
    for (const needed of ['dist/cli.js', 'dist/licenses.txt', 'compose/docker-compose.yml', 'compose/derived/Dockerfile', 'compose/derived/add-missing.py']) {
      expect(files).toContain(needed);
    }
    for (const needed of ['compose/builder/Dockerfile', 'locust/locustfile.py', 'locust/preflight.py', 'schema/results.schema.json'])
      expect(files).toContain(needed);
    expect(files.filter((file) => file.endsWith('.whl') || file.startsWith('dist/index') || file.startsWith('src/') || file.startsWith('__tests__/'))).toEqual(
      [],
    );
  });

  it('`npx async-bench --help` prints the usage', () => {
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^async-bench \d+\.\d+\.\d+: /);
    expect(help.stdout).toContain('async-bench run');
  });

  it('measures every cell of its matrix; an expected status is no failure', () => {
    expect(results.cells.map((cell) => cell.id)).toEqual(
      SETUPS.flatMap((setup) => ROUTES.flatMap((route) => [0, 100].map((ms) => `${setup}/${route}/${ms}ms`))),
    );
    for (const cell of results.cells) {
      expect(cell.status, `${cell.id}: ${cell.reason}`).toBe('ok');
      expect(cell.metrics!.totalRequests, cell.id).toBeGreaterThan(0);
      expect(cell.metrics!.totalFailures, cell.id).toBe(0);
    }
  });

  it('names the project, its commit and its image', () => {
    expect(results.config.app).toMatchObject({
      name: 'shop',
      context: 'examples/shop',
      settings: 'shop.settings',
      dockerfile: null,
      python: '3.13',
      requirements: 'requirements.txt',
    });
    expect(results.environment.app!.path).toBe(join(project, 'examples/shop'));
    expect(results.environment.app!.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(results.environment.app!.image).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("keeps the shop's own server packages and says so; records both PostgreSQL drivers; claims nothing of the reference app", async () => {
    expect(results.environment.stack).toMatchObject({
      gunicorn: '27.0.1',
      'uvicorn-worker': '0.4.0',
      psycopg: '3.3.9',
      'psycopg-pool': '3.3.3',
      psycopg2: null,
      [DERIVED_RECORD_KEY]: 'nothing',
    });
    const tables = await readFile(join(out(), 'tables.md'), 'utf8');
    expect(tables).toContain('**Table 1: Product list, filtered** (GET `/products/?category={choice:books,games,tools,toys}`)');
    expect(tables).toContain('- Added latencies: 0, 100 ms;');
    expect(tables).not.toMatch(/Seeded posts/);
  });

  it('the slow dependency: threads overlap its waits, also those of sync views under ASGI, and the report says what was measured', async () => {
    const srps = (id: string) => results.cells.find((cell) => cell.id === id)!.metrics!.maxSrps;
    // 50 ms per request: 5 sync workers serve at most ~100/s; gthread's 5 × 4 threads overlap the waits.
    expect(srps('gthread/quote/0ms')).toBeGreaterThan(1.5 * srps('sync-workers/quote/0ms'));
    // The shop's views are sync unless SHOP_VIEWS=async: under ASGI, Django runs each request's sync view
    // in a thread of its own (a ThreadSensitiveContext per request), so async-workers overlap the waits
    // too, with threads rather than async I/O: the report must say so.
    expect(srps('async-workers/quote/0ms')).toBeGreaterThan(1.5 * srps('sync-workers/quote/0ms'));
    const views = results.environment.views!['async-workers']!;
    expect(ROUTES.map((route) => [route, views.routes[route]?.async])).toEqual(ROUTES.map((route) => [route, false]));
    const tables = await readFile(join(out(), 'tables.md'), 'utf8');
    expect(tables).toMatch(/Under Async workers \(ASGI\), every route ran sync views through Django’s thread adaptation/);
  });

  it('answers first: a recommendation consistent with its tables, every route classified by its measured CPU share', async () => {
    const tables = await readFile(join(out(), 'tables.md'), 'utf8');
    const lead = tables.split('\n').find((line) => /^\*\*(Serve it with|No clear winner)/.test(line));
    expect(lead, tables.slice(0, 1500)).toBeTruthy();
    process.stderr.write(`e2e own project, the recommendation: ${lead}\n`);
    const steady = (setup: string, route: string, ms: number) => {
      const metrics = results.cells.find((cell) => cell.id === `${setup}/${route}/${ms}ms`)!.metrics!;
      return metrics.steadySrps ?? metrics.maxSrps;
    };
    const served = /^\*\*Serve it with (.+?):\*\*/.exec(lead!);
    if (served) {
      // The named setup is beaten nowhere: within the noise of the best other in every cell group.
      const setup = results.config.setups.find((candidate) => candidate.label === served[1])!;
      expect(setup, lead).toBeTruthy();
      for (const route of ROUTES)
        for (const ms of [0, 100]) {
          const best = Math.max(...SETUPS.filter((name) => name !== setup.name).map((name) => steady(name, route, ms)));
          expect(steady(setup.name, route, ms), `${route} at ${ms} ms`).toBeGreaterThan(0.75 * best);
        }
    }
    for (const route of ['list', 'order', 'quote']) {
      const line = tables.split('\n').find((text) => text.includes(`\`${route}\` · `) && /route \(measured: CPU [\d.]+ % of a/.test(text));
      expect(line, `${route}: ${tables.slice(0, 3000)}`).toBeTruthy();
      process.stderr.write(`e2e own project, ${route}: ${line}\n`);
    }
  });

  it("signals: every cell's SQL, CPU and memory; the 0 ms cells' queries per request exactly", () => {
    // set_config (Django's time zone, once per connection = per request) + the view's own statements;
    // an order also runs the foreign key's check, which PostgreSQL fires at commit (Django's FKs are
    // deferred), so as a top-level statement: SELECT 1 FROM ONLY "public"."catalog_product" … FOR KEY SHARE.
    const queries: Record<string, number> = { list: 2, order: 3, quote: 0 };
    for (const cell of results.cells) {
      const signals = cell.metrics!.signals!;
      expect(signals, cell.id).toBeTruthy();
      expect(signals.window.successes, cell.id).toBe(signals.window.requests);
      expect(signals.cpu.app!.perRequestMs, cell.id).toBeGreaterThan(0);
      expect(signals.cpu.load!.share, cell.id).toBeGreaterThan(0);
      expect(signals.memory.appPeakBytes, cell.id).toBeGreaterThan(20_000_000);
      expect(signals.responseBytesPerRequest, cell.id).toBeGreaterThan(0);
      if (cell.latencyMs === 0 && !cell.setup.endsWith('-pool'))
        expect(signals.sql!.perRequest.queries, `${cell.id}: ${JSON.stringify(signals.sql)}`).toBe(queries[cell.route]);
    }
  });

  it("the pool presets served through Django's pool: a connection's time zone is set once, not once a request", async () => {
    // Without the pool every request opens a connection and Django sets its time zone (set_config); a pooled
    // connection keeps it, so at most once per connection (5 workers × 16) over thousands of requests.
    for (const cell of results.cells.filter((candidate) => candidate.setup.endsWith('-pool') && candidate.latencyMs === 0)) {
      const { sql, window } = cell.metrics!.signals!;
      const expected = Math.max(0, { list: 2, order: 3, quote: 0 }[cell.route]! - 1);
      expect(sql!.perRequest.queries, `${cell.id}: ${JSON.stringify(sql)}`).toBeGreaterThanOrEqual(expected);
      expect(sql!.perRequest.queries, cell.id).toBeLessThanOrEqual(expected + 80 / window.successes);
    }
    const tables = await readFile(join(out(), 'tables.md'), 'utf8');
    expect(tables).not.toMatch(/left out|could not use it|try the setups/);
  });

  it('writes tables.md and the cell folders; restores the database per cell; leaves no containers', async () => {
    const tables = await readFile(join(out(), 'tables.md'), 'utf8');
    expect(tables).toMatch(/Product list, filtered/);
    for (const cell of results.cells) {
      const dir = join(out(), 'cells', cell.id.replaceAll('/', '__'));
      await access(join(dir, CELL_FILES.stats));
      const record = JSON.parse(await readFile(join(dir, CELL_FILES.runner), 'utf8')) as { restoreSeconds: number };
      expect(record.restoreSeconds).toBeLessThan(3);
    }
    expect(stderr).toMatch(/seed_shop: 5000 products in 4 categories/);
    expect(leftoverContainers()).toEqual([]);
  });
});

/** The shop with a second setup whose product list reads each row's category with a query of its own. */
const N_PLUS_ONE_CONFIG = `app:
  name: shop
  context: examples/shop
  python: '3.13'
  requirements: requirements.txt
  settings: shop.settings
  wsgi: shop.wsgi:application
  asgi: shop.asgi:application
  health-path: /health/
  prepare:
    - [seed_shop, --products, '5000']
setups:
  - name: sync
    env: { SHOP_VIEWS: sync }
  - name: planted
    label: Sync, N+1 planted
    interface: wsgi
    command: [gunicorn, --workers, '1', --worker-class, sync, --bind, '0.0.0.0:{port}', '{module}']
    env: { SHOP_VIEWS: sync, SHOP_PLANT_N_PLUS_ONE: '1' }
routes:
  - name: list
    path: /products/
    query: { category: '{choice:books,games,tools,toys}' }
    expect: [200]
`;

describe('a planted N+1 in the shop, one sample a side', () => {
  it('reads +20 queries per request on the product list, the category statement named', async () => {
    const out = join(ROOT, 'bench-out', 'e2e-n-plus-one');
    await mkdir(out, { recursive: true });
    const config = join(ROOT, 'bench-out', 'e2e-n-plus-one.yml');
    await writeFile(config, N_PLUS_ONE_CONFIG);
    // Offline image builds, as for the run through npx.
    if (!process.env.ASYNC_BENCH_WHEELHOUSE && existsSync(WHEELHOUSE)) process.env.ASYNC_BENCH_WHEELHOUSE = WHEELHOUSE;
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (text: string) => ((stderr += text), process.stderr.write(text)) }, cwd: ROOT };
    const started = Date.now();
    const argv = ['run', '--config', config, '--latencies', '0', '--users', '10', '--spawn-rate', '10', '--run-time', '8s', '--out', out, '--force'];
    expect(await runCli(argv, io), stderr.slice(-2000)).toBe(0);
    const results = parseResults('results.json', await readFile(join(out, 'results.json'), 'utf8'));
    const sql = (setup: string) => results.cells.find((cell) => cell.setup === setup)!.metrics!.signals!.sql!;
    const [plain, planted] = [sql('sync'), sql('planted')];
    process.stderr.write(
      `e2e N+1: ${((Date.now() - started) / 1000).toFixed(0)} s; queries/request ${plain.perRequest.queries} → ${planted.perRequest.queries}\n`,
    );
    expect(plain.perRequest.queries).toBe(2);
    expect(planted.perRequest.queries).toBe(22);
    // Appeared: the list without its join (once a request) and the category by id (20 a request);
    // vanished: the list with its join.
    const appeared = planted.statements.filter((statement) => !plain.statements.some((kept) => kept.id === statement.id));
    const successes = results.cells.find((cell) => cell.setup === 'planted')!.metrics!.signals!.window.successes;
    expect(appeared.map((statement) => statement.calls / successes).sort((a, b) => a - b)).toEqual([1, 20]);
    expect(appeared.find((statement) => statement.calls === 20 * successes)!.query).toMatch(
      /^SELECT .* FROM "catalog_category" WHERE "catalog_category"."id" = \$1 LIMIT \$2$/,
    );
    expect(plain.statements.filter((statement) => !planted.statements.some((kept) => kept.id === statement.id))).toHaveLength(1);
    expect(leftoverContainers()).toEqual([]);
  }, 600_000);
});
