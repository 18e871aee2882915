import { existsSync } from 'node:fs';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { CELL_FILES } from '../../src/core/ingest/cell.js';
import { parseResults, type Results } from '../../src/core/results/results.js';
import { leftoverContainers, ROOT } from './stack-helpers.js';

/*
 * A team's own project through the CLI, driven only by its async-bench.yml: the example
 * shop without a Dockerfile (app.python + app.requirements: async-bench's generic
 * builder), its models, its routes as data, with 2 setups × 3 routes × 2 latencies at a
 * short ci-like load. About 3 minutes here. Where no registry is reachable,
 * python:3.13-slim is provision-docker.sh's stand-in, and the wheelhouse .ci/run fills
 * (.cache/wheelhouse/shop) makes the install offline. Then the signals: every 0 ms cell's queries
 * per request exactly, and a planted N+1 (SHOP_PLANT_N_PLUS_ONE in a second setup's env) read as
 * +20 queries per request from one sample a side.
 */
const OUT = join(ROOT, 'bench-out', 'e2e-own-project');
const WHEELHOUSE = join(ROOT, '.cache', 'wheelhouse', 'shop');
const ROUTES = ['list', 'order', 'quote'];

describe('the example shop, through the CLI', () => {
  let results: Results;
  let stderr = '';
  beforeAll(async () => {
    const started = Date.now();
    if (!process.env.ASYNC_BENCH_WHEELHOUSE && existsSync(WHEELHOUSE)) process.env.ASYNC_BENCH_WHEELHOUSE = WHEELHOUSE;
    const io = { stdout: { write: () => true }, stderr: { write: (text: string) => ((stderr += text), process.stderr.write(text)) }, cwd: ROOT };
    const argv = ['run', '--config', 'examples/shop/async-bench.yml', '--routes', ROUTES.join(','), '--latencies', '0,100'];
    const code = await runCli([...argv, '--users', '60', '--spawn-rate', '60', '--run-time', '12s', '--out', OUT, '--force'], io);
    expect(code, stderr.slice(-2000)).toBe(0);
    results = parseResults('results.json', await readFile(join(OUT, 'results.json'), 'utf8'));
    process.stderr.write(`e2e own project: ${((Date.now() - started) / 1000).toFixed(0)} s for ${results.cells.length} cells\n`);
  }, 900_000);

  it('measures every cell of its matrix; an expected status is no failure', () => {
    expect(results.cells.map((cell) => cell.id)).toEqual(
      ['sync', 'async-limited'].flatMap((setup) => ROUTES.flatMap((route) => [0, 100].map((ms) => `${setup}/${route}/${ms}ms`))),
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
    expect(results.environment.app!.path).toBe(join(ROOT, 'examples/shop'));
    expect(results.environment.app!.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(results.environment.app!.image).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('the slow dependency serializes the sync worker and not the async one', () => {
    const srps = (id: string) => results.cells.find((cell) => cell.id === id)!.metrics!.maxSrps;
    // 50 ms per request on one sync worker: at most ~20/s; the async worker overlaps them.
    expect(srps('sync/quote/0ms')).toBeLessThan(25);
    expect(srps('async-limited/quote/0ms')).toBeGreaterThan(2 * srps('sync/quote/0ms'));
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
      if (cell.latencyMs === 0) expect(signals.sql!.perRequest.queries, `${cell.id}: ${JSON.stringify(signals.sql)}`).toBe(queries[cell.route]);
    }
  });

  it('writes tables.md and the cell folders; restores the database per cell; leaves no containers', async () => {
    const tables = await readFile(join(OUT, 'tables.md'), 'utf8');
    expect(tables).toMatch(/Product list, filtered/);
    for (const cell of results.cells) {
      const dir = join(OUT, 'cells', cell.id.replaceAll('/', '__'));
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
