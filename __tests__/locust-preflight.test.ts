import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnswers, preflightInvocation } from '../src/stack/preflight-report.js';
import { route } from './helpers/routes.js';

/**
 * locust/preflight.py run by the host's Python with the pinned Locust
 * (scripts/install-host-locust.sh) against a local server that records each request:
 * the preflight sends what the locustfile's build_request makes of a route, and
 * reports each answer (or why none came) for async-bench to judge.
 */
const SCRIPT = fileURLToPath(new URL('../locust/preflight.py', import.meta.url));
const VENV_PYTHON = fileURLToPath(new URL('../.cache/locust-venv/bin/python', import.meta.url));
const PYTHON = existsSync(VENV_PYTHON) ? VENV_PYTHON : 'python3';
const HAS_LOCUST = spawnSync(PYTHON, ['-m', 'locust', '--version'], { stdio: 'ignore' }).status === 0;
if (!HAS_LOCUST) console.warn('locust-preflight.test.ts: skipped, no Locust on this host; run `bash scripts/install-host-locust.sh`.');

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let host: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/drop/') return request.socket.destroy();
    const entry: Seen = { method: request.method!, url: request.url!, headers: request.headers, body: '' };
    seen.push(entry);
    request.on('data', (chunk: Buffer) => (entry.body += chunk.toString()));
    request.on('end', () => {
      response.statusCode = request.url!.startsWith('/missing') ? 404 : request.method === 'POST' ? 201 : 200;
      response.end(response.statusCode === 404 ? 'no such page\n' : '{"ok": true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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
