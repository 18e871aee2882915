import { describe, expect, it } from 'vitest';
import { BUILT_IN_SETUPS, REFERENCE_APP } from '../../src/core/config/defaults.js';
import {
  appNotReadyMessage,
  findMismatches,
  isExpected,
  parseAnswers,
  preflightInvocation,
  preflightRequests,
  prepareSteps,
  routeFailureMessage,
  settingsFailureMessage,
  stepFailureMessage,
  type RouteAnswer,
} from '../../src/stack/preflight-report.js';
import { route } from '../helpers/routes.js';

const answer = (fields: Partial<RouteAnswer>): RouteAnswer => ({ route: 'r', method: 'GET', url: '/', status: 200, body: '', error: null, ...fields });
const failed = (stdout: string, stderr = '') => ({ exitCode: 1, stdout, stderr });
const [sync, asyncLimited] = [BUILT_IN_SETUPS.find((s) => s.name === 'sync')!, BUILT_IN_SETUPS.find((s) => s.name === 'async-limited')!];

describe('the preflight request', () => {
  it("sends a mix's members once each and nothing for a team locustfile's route", () => {
    const list = route({ name: 'list', path: '/products/' });
    const detail = route({ name: 'detail', path: '/products/{int:1..9}/' });
    const routes = [
      route({ name: 'browse', mix: [list, detail] }),
      list,
      route({ name: 'shopper', locustfile: 'load/locustfile.py', userClass: 'ShopperUser' }),
    ];
    expect(preflightRequests(routes).map((request) => [request.name, request.path])).toEqual([
      ['list', '/products/'],
      ['detail', '/products/{int:1..9}/'],
    ]);
  });

  it('compiles every route as a cell would and hands header tokens over by name', () => {
    const routes = [route({ name: 'me', path: '/me/{int:1..9}/', headers: { Authorization: 'Token ${API_TOKEN}' } }), route({ name: 'home' })];
    const invocation = preflightInvocation(routes, 'http://app:8000');
    expect(invocation.argv).toEqual(['python', '/locust/preflight.py', 'http://app:8000']);
    const sent = JSON.parse(invocation.env.ASYNC_BENCH_PREFLIGHT!) as { route: string; request: { path: unknown[] } }[];
    expect(sent.map((entry) => entry.route)).toEqual(['me', 'home']);
    expect(sent[0]!.request.path).toEqual([
      { kind: 'text', text: '/me/' },
      { kind: 'int', min: 1, max: 9 },
      { kind: 'text', text: '/' },
    ]);
    expect(invocation.passEnv).toEqual(['API_TOKEN']);
    expect(JSON.stringify(invocation)).not.toContain('s3cret');
  });

  it('reads only the marked answer lines (Locust may print warnings)', () => {
    const stdout = `MonkeyPatchWarning: …\nPREFLIGHT ${JSON.stringify(answer({ route: 'a', status: 404 }))}\n`;
    expect(parseAnswers(stdout)).toEqual([answer({ route: 'a', status: 404 })]);
  });

  it("judges a status by the route's expect, or below 400 without one, as Locust does", () => {
    expect(isExpected(302, [])).toBe(true);
    expect(isExpected(404, [])).toBe(false);
    expect(isExpected(200, [201])).toBe(false);
    expect(isExpected(201, [200, 201])).toBe(true);
    expect(isExpected(null, [])).toBe(false);
  });
});

describe('the preflight messages', () => {
  it('lists every setup and route that failed in one error, with status, body head and app log; a route that passed is not listed', () => {
    const routes = [route({ name: 'ok', path: '/ok/' }), route({ name: 'missing', path: '/missing/' }), route({ name: 'boom', path: '/boom/', expect: [200] })];
    const answers = [
      answer({ route: 'ok', url: '/ok/' }),
      answer({ route: 'missing', url: '/missing/', status: 404, body: '<!doctype html>\n\n<title>Not Found</title>\n' }),
      answer({ route: 'boom', url: '/boom/', status: 500, body: 'Server Error' }),
    ];
    const mismatches = findMismatches(routes, answers);
    const message = routeFailureMessage(
      [
        { setup: 'sync', startFailure: null, mismatches, appLog: 'Traceback (most recent call last):\nRuntimeError: boom' },
        { setup: 'async-limited', startFailure: 'Setup "async-limited": the app exited (exited 3) before it was ready.', mismatches: [], appLog: '' },
        { setup: 'gthread', startFailure: null, mismatches: [], appLog: '' },
      ],
      { setups: 3, seconds: 9.42, timing: 'sync 3.0 s, async-limited 3.4 s, gthread 3.0 s' },
    );
    expect(message).toBe(
      [
        'Preflight (every route once per setup at 0 ms, before any cell; 9.4 s: sync 3.0 s, async-limited 3.4 s, gthread 3.0 s): the app did not start under 1 of 3 setups and 2 requests did not answer as expected. Nothing was measured and the out folder was left as it was.',
        'setup "sync":',
        '  route "missing": GET /missing/ answered 404, expected a status below 400',
        '    response body:',
        '      <!doctype html>',
        '      <title>Not Found</title>',
        '  route "boom": GET /boom/ answered 500, expected 200',
        '    response body:',
        '      Server Error',
        '  app log, last lines:',
        '    Traceback (most recent call last):',
        '    RuntimeError: boom',
        'setup "async-limited":',
        '  Setup "async-limited": the app exited (exited 3) before it was ready.',
        "Fix the route (its path, method, body or expect in async-bench.yml) or the app's view; a 500's traceback is in the app log above when the project logs errors to the console.",
      ].join('\n'),
    );
  });

  it('a route with no answer line is a mismatch saying so', () => {
    expect(findMismatches([route({ name: 'lost', path: '/lost/' })], [])).toEqual([
      { answer: answer({ route: 'lost', url: '/lost/', status: null, error: 'the preflight script gave no answer' }), expect: [] },
    ]);
  });

  it('names migrate and each prepare step by its place in app.prepare (1-based), with the output tail', () => {
    const steps = prepareSteps([
      ['migrate', '--noinput'],
      ['seed_shop', '--products', '5000'],
      ['loaddata', 'x.json'],
    ]);
    expect(steps.map((step) => step.label)).toEqual([
      'migrate: manage.py migrate --noinput',
      'app.prepare[1]: manage.py seed_shop --products 5000',
      'app.prepare[2]: manage.py loaddata x.json',
    ]);
    expect(stepFailureMessage(steps[1]!, failed('', 'Traceback\nCommandError: no catalog'))).toBe(
      'Preflight: app.prepare[1]: manage.py seed_shop --products 5000 failed (exit 1) in a one-off app container; nothing was measured. Its output ends:\nTraceback\nCommandError: no catalog',
    );
  });

  it("names app.settings when Django does not load, with the traceback's tail", () => {
    const message = settingsFailureMessage({ settings: 'shop.settings' }, failed('', "Traceback …\nModuleNotFoundError: No module named 'redis'"));
    expect(message).toMatch(/^Preflight: Django does not start with app\.settings "shop\.settings": manage\.py check failed \(exit 1\)/);
    expect(message).toMatch(/ModuleNotFoundError: No module named 'redis'$/);
  });

  it('an app that never gets ready: the setup, its entry point (wsgi or asgi by interface), the command and the log without timestamps', () => {
    const app = { ...REFERENCE_APP, wsgi: 'shop.wsgi:app' };
    const log = "2026-11-28T09:00:15.123456789Z [ERROR] Failed to find attribute 'app' in 'shop.wsgi'.\n";
    expect(appNotReadyMessage(sync, app, 'exited 4', log, 60)).toBe(
      `Setup "sync": the app exited (exited 4) before it was ready. Its server loads app.wsgi "shop.wsgi:app": gunicorn --workers 1 --timeout 180 --graceful-timeout 5 --bind 0.0.0.0:8000 --worker-class sync shop.wsgi:app.\nLast app log lines:\n[ERROR] Failed to find attribute 'app' in 'shop.wsgi'.`,
    );
    expect(appNotReadyMessage(asyncLimited, app, 'running 0', '', 5)).toMatch(
      /^Setup "async-limited": the app was not ready within 5 s\. Its server loads app\.asgi "benchsite\.asgi:application": .* The app wrote no log\.$/,
    );
  });
});
