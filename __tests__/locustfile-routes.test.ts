import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileLoad } from '../src/core/config/route-request.js';
import type { RouteSpec } from '../src/core/config/schema.js';
import { hostLocust, recordingServer, type SeenRequest } from './helpers/host-locust.js';
import { route } from './helpers/routes.js';
import { Compose } from '../src/stack/compose.js';
import type { Command } from '../src/stack/exec/command.js';
import { checkTeamUserClasses, listedUserClasses } from '../src/stack/team-locustfile.js';

/**
 * The locustfile's RouteUser run by real Locust on the host (scripts/install-host-locust.sh puts the
 * pinned Locust in .cache/locust-venv; else `python3` must import it) against
 * a local HTTP server that records every request: what async-bench compiles from a
 * route is what goes over the wire.
 */
const LOCUSTFILE = fileURLToPath(new URL('../locust/locustfile.py', import.meta.url));
const TEAM_LOCUSTFILE = fileURLToPath(new URL('./fixtures/team-locust/locustfile.py', import.meta.url));
const { python: PYTHON, hasLocust: HAS_LOCUST } = hostLocust('locustfile-routes.test.ts');

let local: Awaited<ReturnType<typeof recordingServer>>;
let host: string;
let seen: SeenRequest[];

beforeAll(async () => {
  local = await recordingServer(() => '{}');
  ({ host, seen } = local);
});

afterAll(() => local.close());

/**
 * Locust headless for 2 s, 2 users; the requests it made and its stats (`--json`: name → [requests, failures]).
 * `own`: a team's locustfile and user class instead of RouteUser.
 */
async function runLocust(
  spec: RouteSpec,
  env: Record<string, string> = {},
  own?: { locustfile: string; userClass: string },
): Promise<{ requests: SeenRequest[]; stats: Map<string, [number, number]> }> {
  seen.length = 0;
  const dir = await mkdtemp(join(tmpdir(), 'locust-routes-'));
  try {
    const { stdout } = await promisify(execFile)(
      PYTHON,
      [
        '-m',
        'locust',
        '-f',
        own?.locustfile ?? LOCUSTFILE,
        '--headless',
        '--host',
        host,
        '-u',
        '2',
        '-r',
        '2',
        '-t',
        '2s',
        '--json',
        '--only-summary',
        '--exit-code-on-error',
        '0',
        own?.userClass ?? 'RouteUser',
      ],
      // cwd: not the repository, whose locust/ folder would shadow the package.
      { cwd: dir, env: { ...process.env, ...env, ASYNC_BENCH_ROUTE: JSON.stringify(compileLoad(spec)) }, timeout: 30_000 },
    );
    const rows = JSON.parse(stdout) as { name: string; num_requests: number; num_failures: number }[];
    return { requests: [...seen], stats: new Map(rows.map((row) => [row.name, [row.num_requests, row.num_failures]])) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!HAS_LOCUST)('RouteUser under real Locust sends what the route describes', () => {
  it('fills path and query placeholders afresh per request; one stats row named by the path as written', async () => {
    const { requests, stats } = await runLocust(route({ path: '/items/{int:1..3}/', query: { color: '{choice:red,blue}', q: '{string:5}' } }));
    expect(requests.length).toBeGreaterThan(5);
    for (const request of requests) {
      const url = new URL(request.url, host);
      expect(request.method).toBe('GET');
      expect(url.pathname).toMatch(/^\/items\/[123]\/$/);
      expect(['red', 'blue']).toContain(url.searchParams.get('color'));
      expect(url.searchParams.get('q')).toMatch(/^[A-Za-z]{5}$/);
      expect(request.body).toBe('');
    }
    expect(new Set(requests.map((request) => request.url)).size).toBeGreaterThan(1);
    // Locust counts a request once its response is read; the server may see a last one more.
    expect([...stats.keys()]).toEqual(['/items/{int:1..3}/']);
    expect(stats.get('/items/{int:1..3}/')![0]).toBeGreaterThanOrEqual(requests.length - 2);
  }, 40_000);

  it('headers read the runner environment; a JSON body sends a lone {int} as a number', async () => {
    const { requests } = await runLocust(
      route({
        method: 'POST',
        path: '/orders/',
        headers: { Authorization: 'Bearer ${ROUTE_TEST_TOKEN}' },
        json: { item: '{int:5..6}', note: 'n-{string:3}', gift: false },
      }),
      { ROUTE_TEST_TOKEN: 'tok-123' },
    );
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      expect(request.headers.authorization).toBe('Bearer tok-123');
      expect(request.headers['content-type']).toMatch(/application\/json/);
      const body = JSON.parse(request.body) as { item: number; note: string; gift: boolean };
      expect([5, 6]).toContain(body.item);
      expect(body.note).toMatch(/^n-[A-Za-z]{3}$/);
      expect(body.gift).toBe(false);
    }
  }, 40_000);

  it('a form body is form-encoded; PUT, PATCH and DELETE go out as such', async () => {
    const form = await runLocust(route({ method: 'PUT', path: '/p/', form: { title: 'T {int:1..1}' } }));
    expect(form.requests[0]!.method).toBe('PUT');
    expect(form.requests[0]!.body).toBe('title=T+1');
    for (const method of ['PATCH', 'DELETE'] as const) {
      const { requests } = await runLocust(route({ method, path: '/p/' }));
      expect(new Set(requests.map((request) => request.method))).toEqual(new Set([method]));
    }
  }, 60_000);

  it('a status outside expect is a Locust failure, counted, not a crash; an expected one is a success', async () => {
    const wrong = await runLocust(route({ method: 'POST', path: '/orders/', expect: [200] }));
    const [requests, failures] = wrong.stats.get('/orders/')!;
    expect(requests).toBeGreaterThan(0);
    expect(failures).toBe(requests);
    const right = await runLocust(route({ method: 'POST', path: '/orders/', expect: [201] }));
    expect(right.stats.get('/orders/')![1]).toBe(0);
    const missing = await runLocust(route({ path: '/missing/' }));
    expect(missing.stats.get('/missing/')![1]).toBe(missing.stats.get('/missing/')![0]);
  }, 60_000);
});

describe.skipIf(!HAS_LOCUST)('a mix and a team locustfile under real Locust', () => {
  it('a mix picks each request by weight (3:1), one stats row per route named by it', async () => {
    const mix = route({
      name: 'browse',
      mix: [route({ name: 'list', path: '/list/', weight: 3 }), route({ name: 'detail', path: '/detail/{int:1..9}/', expect: [200] })],
    });
    const { requests, stats } = await runLocust(mix);
    const lists = requests.filter((request) => request.url === '/list/').length;
    const details = requests.filter((request) => /^\/detail\/\d\/$/.test(request.url)).length;
    expect(lists + details).toBe(requests.length);
    // The share of list is a binomial draw with p = 0.75: within 4 standard deviations but for odds below 1e-4
    // (±0.04 over 1000 requests, about what 2 s give on a quiet machine; ±0.09 over the 200 at least).
    expect(requests.length).toBeGreaterThanOrEqual(200);
    const tolerance = 4 * Math.sqrt((0.75 * 0.25) / requests.length);
    expect(Math.abs(lists / requests.length - 0.75), `${lists} list of ${requests.length}`).toBeLessThan(tolerance);
    expect([...stats.keys()].sort()).toEqual(['detail', 'list']);
    expect(stats.get('list')![0] + stats.get('detail')![0]).toBeGreaterThanOrEqual(requests.length - 2);
    expect(stats.get('detail')![1]).toBe(0);
  }, 40_000);

  it("a team's own locustfile runs with its user class; its imports beside it work", async () => {
    const { requests, stats } = await runLocust(route({}), {}, { locustfile: TEAM_LOCUSTFILE, userClass: 'CheckoutUser' });
    expect(requests.length).toBeGreaterThan(5);
    expect(new Set(requests.map((request) => `${request.method} ${request.url}`))).toEqual(new Set(['POST /cart/', 'POST /checkout/']));
    const cart = requests.find((request) => request.url === '/cart/')!;
    expect(JSON.parse(cart.body)).toMatchObject({ quantity: 1 });
    expect([...stats.keys()].filter((name) => name.startsWith('/')).sort()).toEqual(['/cart/', '/checkout/']);
  }, 40_000);
});

describe.skipIf(!HAS_LOCUST)("a team's user class, as the load image's Locust lists it", () => {
  const compose = new Compose({ command: 'docker', prefix: ['compose'], version: '2.26.1' }, { name: 'ab-1', files: ['/a/compose.yml'], env: {} });
  const workspace = fileURLToPath(new URL('./fixtures', import.meta.url));
  const checkout = route({ name: 'checkout', locustfile: 'team-locust/locustfile.py', userClass: 'CheckoutUser' });

  /** A Runner that runs the `locust … --list` the check builds with the host's Locust, on the host path of the mount. */
  function hostLocust(calls: Command[]) {
    return async (command: Command) => {
      calls.push(command);
      const volume = command.args[command.args.indexOf('--volume') + 1]!;
      const [hostDir, mount] = volume.split(':');
      const args = command.args.slice(command.args.indexOf('locust') + 1).map((arg) => arg.replace(`${mount!}/`, `${hostDir!}/`));
      const result = spawnSync(PYTHON, ['-m', 'locust', ...args], { encoding: 'utf8', cwd: tmpdir() });
      return { exitCode: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
    };
  }

  it('runs `locust -f <file> --list` in the load image, its folder mounted read-only, and finds the class', async () => {
    const calls: Command[] = [];
    await checkTeamUserClasses(hostLocust(calls), compose, [checkout, route({ name: 'plain' })], workspace);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args.slice(calls[0]!.args.indexOf('run'))).toEqual([
      'run',
      '--rm',
      '--no-deps',
      '-T',
      '--volume',
      `${join(workspace, 'team-locust')}:/team-locust:ro`,
      'load',
      'locust',
      '-f',
      '/team-locust/locustfile.py',
      '--list',
    ]);
  });

  it("reads Locust's list; a class it does not list and a file it cannot load are errors naming the route", async () => {
    const listed = spawnSync(PYTHON, ['-m', 'locust', '-f', TEAM_LOCUSTFILE, '--list'], { encoding: 'utf8', cwd: tmpdir() }).stdout;
    expect(listedUserClasses(listed)).toEqual(['CheckoutUser', 'BrowseUser']);
    // steps.py defines cart_item, a function: no user class, as --list tells and a text search could not.
    await expect(checkTeamUserClasses(hostLocust([]), compose, [{ ...checkout, userClass: 'cart_item' }], workspace)).rejects.toThrow(
      /Invalid route "checkout" user-class: Locust finds no user class "cart_item" in team-locust\/locustfile.py \(it lists CheckoutUser, BrowseUser\)/,
    );
    // An import the image lacks: Locust cannot load the file at all.
    const dir = await mkdtemp(join(tmpdir(), 'team-locust-'));
    try {
      await writeFile(join(dir, 'locustfile.py'), 'import faker_not_installed\n');
      await expect(checkTeamUserClasses(hostLocust([]), compose, [{ ...checkout, locustfile: 'locustfile.py' }], dir)).rejects.toThrow(
        /Invalid route "checkout" locustfile: the load image's Locust cannot load locustfile.py:[^]*ModuleNotFoundError: No module named 'faker_not_installed'/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
