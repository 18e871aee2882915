import { existsSync } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
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
 * (.cache/wheelhouse/shop) makes the install offline.
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
