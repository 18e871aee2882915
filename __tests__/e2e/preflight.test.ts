import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawInputs } from '../../src/core/config/build.js';
import type { Logger } from '../../src/stack/log.js';
import { bench, leftoverContainers, ROOT } from './stack-helpers.js';

/*
 * Bad input on the real stack, one defect per test, each switched on in the tiny
 * fixture project __tests__/fixtures/projects/faulty by a variation of its
 * async-bench.yml (so its image builds once). Each asserts the error names the input
 * and shows the evidence, and that the preflight stops the run before any cell.
 */
const FIXTURE = '__tests__/fixtures/projects/faulty';
const SHORT: RawInputs = { users: '5', 'spawn-rate': '5', 'run-time': '4s', latencies: '0', 'latency-method': 'toxiproxy' };
const out = (name: string) => join(ROOT, 'bench-out', `e2e-preflight-${name}`);

type ConfigFile = { app: Record<string, unknown>; setups: unknown[]; routes: unknown[] };
const base = async (): Promise<ConfigFile> => parse(await readFile(join(ROOT, FIXTURE, 'async-bench.yml'), 'utf8')) as ConfigFile;

/** The fixture's config with one change, run; the error it fails with. */
async function failure(name: string, change: (file: ConfigFile) => void, deps = {}): Promise<string> {
  const file = await base();
  change(file);
  const started = Date.now();
  const error = await bench({ ...SHORT, out: out(name) }, { file: stringify(file), deps }).then(
    () => null,
    (thrown: Error) => thrown,
  );
  process.stderr.write(`e2e preflight ${name}: refused in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  expect(error, `${name} should have failed`).toBeInstanceOf(Error);
  expect(leftoverContainers()).toEqual([]);
  return error!.message;
}

const route = (name: string, path: string, expect?: number[]) => ({ name, title: name, path, ...(expect ? { expect } : {}) });
const fileStarted = Date.now();

describe('bad input is reported before the first cell, naming the input', () => {
  afterAll(() => process.stderr.write(`e2e preflight: ${((Date.now() - fileStarted) / 1000).toFixed(0)} s in all\n`));

  it('settings that do not import: the ImportError, named as app.settings, before migrate', async () => {
    const message = await failure('settings', (file) => (file.app.settings = 'faulty.settings_broken'));
    expect(message).toMatch(/^Preflight: Django does not start with app\.settings "faulty\.settings_broken": manage\.py check failed \(exit 1\)/);
    expect(message).toMatch(/ModuleNotFoundError: No module named 'faulty_missing_dependency'/);
    expect(message).not.toMatch(/migrate/);
  });

  it('a migration that fails: named as migrate, with its exception', async () => {
    const message = await failure('migrate', (file) => (file.app.env = { FAULTY_BREAK_MIGRATION: '1' }));
    expect(message).toMatch(/^Preflight: migrate: manage\.py migrate --noinput failed \(exit 1\)/);
    expect(message).toMatch(/RuntimeError: faulty: migration 0002 cannot convert the item names/);
  });

  it('a prepare command that fails: named by its place in app.prepare, with its output', async () => {
    const message = await failure(
      'prepare',
      (file) =>
        (file.app.prepare = [
          ['seed_items', '--count', '20'],
          ['seed_items', '--fail'],
        ]),
    );
    expect(message).toMatch(/^Preflight: app\.prepare\[2\]: manage\.py seed_items --fail failed \(exit 1\)/);
    expect(message).toMatch(/CommandError: faulty: seed_items cannot reach the catalog export/);
  });

  it('routes answering 404 and 500: one error for every setup, with status, body and traceback; an earlier run is untouched', async () => {
    // An earlier run's measured cell in the out folder: the preflight fails before it is replaced.
    const earlier = join(out('routes'), 'cells', 'sync__items__0ms');
    await rm(out('routes'), { recursive: true, force: true });
    await mkdir(earlier, { recursive: true });
    await writeFile(join(earlier, 'locust_stats.csv'), 'measured earlier\n');
    const message = await failure('routes', (file) => {
      file.setups = ['sync', 'async-limited'];
      file.routes = [route('items', '/items/', [200]), route('missing', '/missing/'), route('boom', '/boom/', [200])];
    });
    expect(message).toMatch(
      /^Preflight \(every route once per setup at 0 ms, before any cell; \d+\.\d s: sync \d+\.\d s, async-limited \d+\.\d s\): 4 requests did not answer as expected/,
    );
    for (const setup of ['sync', 'async-limited']) {
      const section = message.slice(message.indexOf(`setup "${setup}":`));
      expect(section).toMatch(
        /route "missing": GET \/missing\/ answered 404, expected a status below 400\n {4}response body:\n[\s\S]*?<title>Not Found<\/title>/,
      );
      expect(section).toMatch(/route "boom": GET \/boom\/ answered 500, expected 200/);
      expect(section).toMatch(/app log, last lines:[\s\S]*RuntimeError: faulty: the boom view always fails/);
    }
    expect(message).not.toMatch(/route "items"/);
    expect(await readFile(join(earlier, 'locust_stats.csv'), 'utf8')).toBe('measured earlier\n');
    await expect(access(join(out('routes'), 'results.json'))).rejects.toThrow();
  });

  it('a server that never becomes ready: the timeout names the setup and shows the log', async () => {
    const message = await failure('hang', (file) => (file.setups = [{ name: 'sync', env: { FAULTY_HANG: '1' } }]), { appReadyTimeoutSeconds: 4 });
    expect(message).toMatch(/setup "sync":\n {2}Setup "sync": the app was not ready within 4 s\. Its server loads app\.wsgi "faulty\.wsgi:application"/);
    expect(message).toMatch(/faulty: waiting for the license server/);
  });

  it('wsgi and asgi attributes that do not exist: each setup names its entry point and shows the server saying so', async () => {
    const message = await failure('entry', (file) => {
      file.app.wsgi = 'faulty.wsgi:app';
      file.app.asgi = 'faulty.asgi:app';
      file.setups = ['sync', 'async-limited'];
    });
    expect(message).toMatch(/the app did not start under 2 of 2 setups/);
    expect(message).toMatch(/Setup "sync": the app exited \(exited \d+\) before it was ready\. Its server loads app\.wsgi "faulty\.wsgi:app"/);
    expect(message).toMatch(/Failed to find attribute 'app' in 'faulty\.wsgi'/);
    expect(message).toMatch(/Setup "async-limited": the app exited \(exited \d+\) before it was ready\. Its server loads app\.asgi "faulty\.asgi:app"/);
    expect(message).toMatch(/Failed to find attribute 'app' in 'faulty\.asgi'/);
  });

  it('a status unexpected only under load: preflight passes, the load counts failures, the run completes', async () => {
    const file = await base();
    file.routes = [route('flaky', '/flaky/', [200])];
    const lines: string[] = [];
    const log: Logger = {
      info: (line) => (lines.push(line), process.stderr.write(`${line}\n`)),
      warning: (line) => (lines.push(line), process.stderr.write(`warning: ${line}\n`)),
      group: (name, work) => (process.stderr.write(`── ${name}\n`), work()),
    };
    const results = await bench({ ...SHORT, out: out('flaky') }, { file: stringify(file), deps: { log } });
    const cell = results.cells[0]!;
    expect(cell.status, cell.reason ?? '').toBe('ok');
    // The view serves 3 good answers per fresh app, then 503s: the cell's app is fresh, the preflight's was another.
    expect(cell.metrics!.totalSuccesses).toBe(3);
    expect(cell.metrics!.totalFailures).toBeGreaterThan(10);
    expect(await readFile(join(out('flaky'), cell.dir, 'locust_failures.csv'), 'utf8')).toMatch(/status 503, expected 200/);
    const timing = lines.find((line) => line.startsWith('Preflight: 1 route answered as expected under 1 setup in '));
    expect(timing, lines.join('\n')).toBeDefined();
    expect(Number(/\(sync (\d+\.\d) s\)/.exec(timing!)![1])).toBeLessThanOrEqual(10);
    expect(leftoverContainers()).toEqual([]);
  });
});
