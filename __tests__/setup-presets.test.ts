import { describe, expect, it } from 'vitest';
import { buildConfig } from '../src/core/config/build.js';
import { BUILT_IN_SETUPS, PRESET_SETUPS, REFERENCE_APP } from '../src/core/config/defaults.js';
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

  const TEAM_APP = 'app:\n  context: ./mysite\n  wsgi: mysite.wsgi:application\n  asgi: mysite.asgi:application\n';

  it('a team’s app runs what teams deploy by default, every one with the same {workers} processes', () => {
    const setups = build({}, TEAM_APP).setups;
    expect(setups.map((setup) => [setup.name, setup.interface])).toEqual([
      ['sync-workers', 'wsgi'],
      ['gthread', 'wsgi'],
      ['async-workers', 'asgi'],
      ['gthread-pool', 'wsgi'],
      ['async-workers-pool', 'asgi'],
    ]);
    for (const setup of setups) {
      expect(setup.command.slice(1, 3)).toEqual(['--workers', '{workers}']);
      expect(serverCommand(setup, app, 2).slice(1, 3)).toEqual(['--workers', '5']);
    }
    // The one-line form of a team's project too.
    expect(build({ 'app-path': 'mysite', 'app-settings': 'mysite.settings' }).setups.map((setup) => setup.name)).toEqual([
      'sync-workers',
      'gthread',
      'async-workers',
      'gthread-pool',
      'async-workers-pool',
    ]);
  });

  it('marks a team’s default setups as such (the run may leave a pool preset out of them), never setups a source named', () => {
    expect(build({}, TEAM_APP).setupsByDefault).toBe(true);
    expect(build({ setups: 'sync-workers,async-workers-pool' }, TEAM_APP).setupsByDefault).toBeUndefined();
    expect(build({}, `${TEAM_APP}setups: [async-workers-pool]\n`).setupsByDefault).toBeUndefined();
    expect(build({}).setupsByDefault).toBeUndefined();
    expect(build({ profile: 'paper' }, TEAM_APP).setupsByDefault).toBeUndefined();
  });

  it('the reference app, and a team’s app with profile paper, keep the study’s three; named setups win', () => {
    const study = BUILT_IN_SETUPS.map((setup) => setup.name);
    expect(build({}).setups.map((setup) => setup.name)).toEqual(study);
    expect(build({ profile: 'quick' }).setups.map((setup) => setup.name)).toEqual(study);
    expect(build({ profile: 'paper' }, TEAM_APP).setups.map((setup) => setup.name)).toEqual(study);
    expect(build({}, `${TEAM_APP}profile: paper\n`).setups.map((setup) => setup.name)).toEqual(study);
    expect(build({ setups: 'sync,async-limited' }, TEAM_APP).setups.map((setup) => setup.name)).toEqual(['sync', 'async-limited']);
  });

  it('the pool presets turn on Django’s connection pool through the setup’s env', () => {
    const byName = Object.fromEntries(PRESET_SETUPS.map((setup) => [setup.name, setup]));
    expect(JSON.parse(byName['gthread-pool']!.env.ASYNC_BENCH_DB_POOL!)).toEqual({ min_size: 4, max_size: 4 });
    expect(JSON.parse(byName['async-workers-pool']!.env.ASYNC_BENCH_DB_POOL!)).toEqual({ min_size: 4, max_size: 16 });
    // Five processes of the largest pool stay under the setup's max-connections.
    expect(5 * 16).toBeLessThanOrEqual(byName['async-workers-pool']!.database.maxConnections);
    expect(build({ setups: 'async-workers-pool' }).setups[0]!.command).toEqual(byName['async-workers']!.command);
  });
});
