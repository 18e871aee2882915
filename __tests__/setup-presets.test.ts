import { describe, expect, it } from 'vitest';
import { buildConfig } from '../src/core/config/build.js';
import { PRESET_SETUPS, REFERENCE_APP } from '../src/core/config/defaults.js';
import { serverCommand } from '../src/core/config/server-command.js';
import { setupOverride } from '../src/stack/project.js';

const build = (inputs: Record<string, string>, yaml?: string) => buildConfig({ inputs, ...(yaml ? { file: { path: 'async-bench.yml', text: yaml } } : {}) });
const app = { ...REFERENCE_APP, wsgi: 'shop.wsgi:application', asgi: 'shop.asgi:application', port: 8080 };

describe('setup presets teams deploy with', () => {
  it('are selected by name and never run unless named', () => {
    expect(build({}).setups.map((setup) => setup.name)).toEqual(['sync', 'async-limited', 'async-unlimited']);
    expect(build({ setups: 'gthread,sync-workers,async-workers,uvicorn' }).setups.map((setup) => setup.label)).toEqual([
      'gthread',
      'Sync workers',
      'Async workers',
      'uvicorn',
    ]);
  });

  it('fill {workers} with 2 × cores + 1, {wsgi}/{asgi} and {port} from the app', () => {
    const byName = Object.fromEntries(PRESET_SETUPS.map((setup) => [setup.name, setup]));
    const gthread = serverCommand(byName.gthread!, app, 4);
    expect(gthread).toEqual(expect.arrayContaining(['--workers', '9', '--bind', '0.0.0.0:8080', '--worker-class', 'gthread', 'shop.wsgi:application']));
    expect(serverCommand(byName['async-workers']!, app, 2)).toEqual(
      expect.arrayContaining(['--workers', '5', 'uvicorn_worker.UvicornWorker', 'shop.asgi:application']),
    );
    expect(serverCommand(byName.uvicorn!, app, 2)).toEqual(['uvicorn', '--host', '0.0.0.0', '--port', '8080', '--no-access-log', 'shop.asgi:application']);
  });

  it("a setup's own workers win; with no core count {workers} stays as written (a report without the run's environment)", () => {
    const [setup] = build({}, 'setups:\n  - name: sync-workers\n    workers: 3\n').setups;
    expect(serverCommand(setup!, app, 16)).toContain('3');
    expect(serverCommand({ ...setup!, workers: null }, app)).toContain('{workers}');
  });

  it('a custom setup may use every placeholder', () => {
    const [setup] = build({}, 'setups:\n  - name: mine\n    interface: wsgi\n    command: [srv, "{wsgi}", "{asgi}", "{port}", "{workers}"]\n').setups;
    expect(serverCommand(setup!, app, 1)).toEqual(['srv', 'shop.wsgi:application', 'shop.asgi:application', '8080', '3']);
  });

  it('workers out of range is refused naming the setup', () => {
    expect(() => build({}, 'setups:\n  - name: gthread\n    workers: 0\n')).toThrow(/setup "gthread" workers.*below 1/);
  });

  it('the override tells the ready-wait where the health path is (servers without the gunicorn hook)', () => {
    expect(setupOverride(PRESET_SETUPS[3]!, app, 2, '/out/.stack/async_bench_settings.py', '/ab')).toContain(
      'ASYNC_BENCH_HEALTH_URL: http://127.0.0.1:8080/healthz/',
    );
  });
});
