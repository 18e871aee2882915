import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnswers, preflightInvocation } from '../src/stack/preflight-report.js';
import { hostLocust, recordingServer, type SeenRequest } from './helpers/host-locust.js';
import { route } from './helpers/routes.js';

/**
 * locust/preflight.py run by the host's Python with the pinned Locust
 * (scripts/install-host-locust.sh) against a local server that records each request:
 * the preflight sends what the locustfile's build_request makes of a route, and
 * reports each answer (or why none came) for async-bench to judge.
 */
const SCRIPT = fileURLToPath(new URL('../locust/preflight.py', import.meta.url));
const { python: PYTHON, hasLocust: HAS_LOCUST } = hostLocust('locust-preflight.test.ts');

let local: Awaited<ReturnType<typeof recordingServer>>;
let host: string;
let seen: SeenRequest[];

beforeAll(async () => {
  local = await recordingServer((status) => (status === 404 ? 'no such page\n' : '{"ok": true}'));
  ({ host, seen } = local);
});

afterAll(() => local.close());

describe.skipIf(!HAS_LOCUST)('locust/preflight.py', () => {
  it('sends each route once, templates filled as under load, and reports status, URL and body', async () => {
    const routes = [
      route({
        name: 'order',
        method: 'POST',
        path: '/orders/{int:5..5}/',
        json: { qty: '{int:2..2}' },
        headers: { Authorization: 'Token ${API_TOKEN}' },
        expect: [201],
      }),
      route({ name: 'search', path: '/search/', query: { q: '{choice:books}' } }),
      route({ name: 'missing', path: '/missing/' }),
      route({ name: 'dropped', path: '/drop/' }),
    ];
    const invocation = preflightInvocation(routes, host);
    const { stdout } = await promisify(execFile)(PYTHON, [SCRIPT, host], {
      env: { ...process.env, ...invocation.env, API_TOKEN: 's3cret', NO_PROXY: '*' },
    });
    const answers = parseAnswers(stdout);
    expect(answers.map(({ route, method, url, status, body }) => ({ route, method, url, status, body }))).toEqual([
      { route: 'order', method: 'POST', url: '/orders/5/', status: 201, body: '{"ok": true}' },
      { route: 'search', method: 'GET', url: '/search/?q=books', status: 200, body: '{"ok": true}' },
      { route: 'missing', method: 'GET', url: '/missing/', status: 404, body: 'no such page\n' },
      { route: 'dropped', method: 'GET', url: '/drop/', status: null, body: '' },
    ]);
    expect(answers[3]!.error).toMatch(/^ConnectionError: /);
    expect(seen[0]!.headers.authorization).toBe('Token s3cret');
    expect(JSON.parse(seen[0]!.body)).toEqual({ qty: 2 });
  });
});
