import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { access, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { CELL_FILES } from '../../src/core/ingest/cell.js';
import { parseResults, type Results } from '../../src/core/results/results.js';
import { resolveBaseline } from '../../src/core/compare/baseline.js';
import { sideSamples } from '../../src/core/compare/paired-samples.js';
import { compareResults } from '../../src/core/compare/verdicts.js';
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
 * Then the signals: every 0 ms cell's queries per request exactly. Below, a planted N+1 in head's
 * commit, read against its base as +20 queries/request from one sample a side, its statement named.
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
    const result = await npx(...argv, '--users', '60', '--spawn-rate', '60', '--run-time', '10s', '--out', 'bench', '--force');
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

/** The shop's own switch, set in a commit: the product list reads each row's category with a query of its own. */
const PLANT_SWITCH = 'SHOP_PLANT_N_PLUS_ONE = os.environ.get("SHOP_PLANT_N_PLUS_ONE") == "1"\n';
const PLANTED_SWITCH = 'SHOP_PLANT_N_PLUS_ONE = True\n';
/** The category read per row, as pg_stat_statements normalises it, and as the comment shows it (the select list elided). */
const PER_ROW_STATEMENT = /^SELECT .* FROM "catalog_category" WHERE "catalog_category"\."id" = \$1 LIMIT \$2$/;
const PER_ROW_SHOWN = '+20 queries/request: `SELECT … FROM "catalog_category" WHERE "catalog_category"."id" = $1 LIMIT $2` (0 → 20 per request) · id `';

/** The wheels the generic builder installs from, offline: .ci/run's wheelhouse, else the ones provisioning put beside the shop. */
async function shopWheelhouse(): Promise<string | null> {
  if (existsSync(WHEELHOUSE)) return WHEELHOUSE;
  const beside = join(ROOT, 'examples', 'shop', 'wheels');
  return existsSync(beside) && (await readdir(beside)).some((file) => file.endsWith('.whl')) ? beside : null;
}

/*
 * Issue 17's planted N+1, as a team meets it: a scratch git repository holding the shop, its base
 * commit as is, head's commit switching the N+1 on in its settings, then `--baseline base` with
 * one sample a side on one cell (Sync workers × the product list × 0 ms, a small load). The
 * comparison says +20 queries/request and names the statement; the throughput is printed only.
 */
describe("a planted N+1 in the shop's head commit, against its base, one sample a side", () => {
  let repo: string;
  const wheelhouse = process.env.ASYNC_BENCH_WHEELHOUSE;
  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'async-bench-n-plus-one-'));
    await cp(join(ROOT, 'examples', 'shop'), join(repo, 'examples', 'shop'), { recursive: true, filter: (source) => !source.includes('__pycache__') });
    await cp(join(ROOT, 'examples', 'shop', 'async-bench.yml'), join(repo, 'async-bench.yml'));
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    git('add', '-A', '-f');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'the shop');
    git('checkout', '-q', '-b', 'feature');
    const settings = join(repo, 'examples', 'shop', 'shop', 'settings.py');
    const text = await readFile(settings, 'utf8');
    if (!text.includes(PLANT_SWITCH)) throw new Error(`N+1 e2e: cannot plant: ${JSON.stringify(PLANT_SWITCH)} is not in ${settings}.`);
    await writeFile(settings, text.replace(PLANT_SWITCH, PLANTED_SWITCH));
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-am', 'list products without their categories joined');
    // Offline image builds (base's worktree holds only tracked files; the wheelhouse is the host's).
    const wheels = process.env.ASYNC_BENCH_WHEELHOUSE ? null : await shopWheelhouse();
    if (wheels) process.env.ASYNC_BENCH_WHEELHOUSE = wheels;
  });
  afterAll(async () => {
    if (wheelhouse === undefined) delete process.env.ASYNC_BENCH_WHEELHOUSE;
    if (repo) await rm(repo, { recursive: true, force: true });
  });

  it('the product list reads +20 queries/request in the comparison, the category statement named', async () => {
    const out = join(repo, 'out');
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (text: string) => ((stderr += text), process.stderr.write(text)) }, cwd: repo };
    const started = Date.now();
    const argv = ['run', '--config', 'async-bench.yml', '--baseline', 'base', '--setups', 'sync', '--routes', 'list', '--latencies', '0'];
    const load = ['--users', '10', '--spawn-rate', '10', '--run-time', '12s', '--repeats', '1'];
    expect(await runCli([...argv, ...load, '--out', out, '--force'], io), stderr.slice(-3000)).toBe(0);
    const seconds = (Date.now() - started) / 1000;
    const results = parseResults('results.json', await readFile(join(out, 'results.json'), 'utf8'));
    const comparison = compareResults(results, (await resolveBaseline('base', { cwd: repo, current: results }))!, results.config.compare.threshold);
    const tables = await readFile(join(out, 'tables.md'), 'utf8');
    const result = results.cells.find((cell) => cell.id === 'sync/list/0ms')!;
    const cell = comparison.cells.get('sync/list/0ms')!;
    const queries = cell.signals!.queries!;
    const shown = tables.split('\n').find((line) => line.includes('queries/request: `SELECT'));
    process.stderr.write(
      `e2e N+1: ${seconds.toFixed(0)} s wall; queries/request ${queries.base} → ${queries.head}: ${queries.verdict}; ` +
        `steady sRPS ${cell.sides?.base?.toFixed(1)} → ${cell.sides?.head?.toFixed(1)} (${JSON.stringify(cell.interval)}): ${cell.throughput}; ` +
        `decided by ${cell.decidedBy}\n${shown}\n`,
    );

    expect(results.environment.base!.commit).toBe(execFileSync('git', ['-C', repo, 'rev-parse', 'main'], { encoding: 'utf8' }).trim());
    expect(comparison.paired).toBe(true);
    expect(sideSamples(result, 'base')).toHaveLength(1);
    expect(sideSamples(result, 'head')).toHaveLength(1);
    // Exact, from one pair: 2 (the time zone's set_config, the list with its join) → 22.
    expect(queries).toMatchObject({ base: 2, head: 22, verdict: 'regressed', interval: null });
    expect(cell.verdict).toBe('regressed');
    expect(cell.decidedBy).toBe(cell.throughput === 'regressed' ? 'throughput' : 'queries');
    // Named: the category by id appeared 20 times a request; the list lost its join (one statement for another).
    const [top, ...others] = queries.statements;
    expect(top!.base).toBe(0);
    expect(top!.head).toBeCloseTo(20, 1);
    expect(top!.query).toMatch(PER_ROW_STATEMENT);
    expect(others.map((change) => [Math.round(change.base), Math.round(change.head)]).sort()).toEqual([
      [0, 1],
      [1, 0],
    ]);
    // Where people look: the per-request block and the lead name it.
    expect(tables).toContain(`  - ${PER_ROW_SHOWN}`);
    expect(tables).toContain(`- \`list\`: slower in \`sync/list/0ms\`: likely more queries (+20/request, e.g. ${PER_ROW_SHOWN}`);
    // The throughput is measured and its verdict reported, whatever it says.
    expect(cell.sides!.head).toBeGreaterThan(0);
    expect(leftoverContainers()).toEqual([]);
  }, 600_000);
});
