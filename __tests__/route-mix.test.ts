import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildConfig, ConfigError, ConfigSchema, type Config } from '../src/core/config/build.js';
import { checkRequestEnv, compileLoad, routeRequests } from '../src/core/config/route-request.js';
import { locustArgs } from '../src/stack/locust-command.js';
import { checkTeamLocustfiles } from '../src/stack/team-locustfile.js';
import { scratch } from './helpers/fixtures.js';

/** Route mixes (`mix:` + `weight:`) and a team's own Locust file (`locustfile:` + `user-class:`). */

const build = (yaml: string, inputs: Record<string, string> = {}): Config => buildConfig({ inputs, file: { path: 'async-bench.yml', text: yaml } });

function errorOf(yaml: string): ConfigError {
  try {
    build(yaml);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

const SHOP = `
routes:
  - { name: list, path: /products/, query: { category: '{choice:books,games}' }, weight: 3, expect: [200] }
  - { name: detail, path: '/products/{int:1..50}/', headers: { Authorization: 'Bearer \${SHOP_TOKEN}' } }
  - { name: browse, title: Browsing, mix: [list, detail] }
`;
const LOAD = { users: 10, spawnRate: 10, runTimeSeconds: 5, processes: 1 };
const WORKSPACE = fileURLToPath(new URL('./fixtures', import.meta.url));

describe('a mix route', () => {
  it('holds copies of its routes with their weights (default 1); results.json accepts it', () => {
    const config = build(SHOP);
    const browse = config.routes.find((route) => route.name === 'browse')!;
    expect(browse.title).toBe('Browsing');
    expect(browse.mix!.map((member) => [member.name, member.weight])).toEqual([
      ['list', 3],
      ['detail', undefined],
    ]);
    expect(browse.mix![0]!.query).toEqual({ category: '{choice:books,games}' });
    expect(routeRequests(browse).map((route) => route.name)).toEqual(['list', 'detail']);
    expect(ConfigSchema.parse(JSON.parse(JSON.stringify(config)))).toEqual(config);
  });

  it('may name built-in routes and routes defined after it; the routes input selects it alone', () => {
    const config = build(`${SHOP}\n  - { name: all, mix: [io_read, later] }\n  - { name: later, path: /later/, weight: 0.5 }\n`, { routes: 'all' });
    expect(config.routes.map((route) => route.name)).toEqual(['all']);
    expect(config.routes[0]!.mix!.map((member) => [member.name, member.path, member.weight])).toEqual([
      ['io_read', '/posts/io_read/', undefined],
      ['later', '/later/', 0.5],
    ]);
  });

  it('compiles to a list of weighted requests, each named by its route; the generic user requests it', () => {
    const browse = build(SHOP).routes.find((route) => route.name === 'browse')!;
    const load = compileLoad(browse);
    expect(Array.isArray(load)).toBe(true);
    expect((load as { name: string; weight: number }[]).map(({ name, weight }) => [name, weight])).toEqual([
      ['list', 3],
      ['detail', 1],
    ]);
    const invocation = locustArgs(browse, LOAD, 'http://app:8000');
    expect(invocation.args.at(-1)).toBe('RouteUser');
    expect(JSON.parse(invocation.env.ASYNC_BENCH_ROUTE!)).toEqual(load);
    // The members' header tokens go by name, as for a single route.
    expect(invocation.passEnv).toEqual(['SHOP_TOKEN']);
    expect(() => checkRequestEnv([browse], {})).toThrow(/route "detail" headers Authorization.*SHOP_TOKEN/);
  });

  it('a single route still sends one JSON object named by its path', () => {
    const list = build(SHOP).routes[0]!;
    expect(JSON.parse(locustArgs(list, LOAD, 'http://app:8000').env.ASYNC_BENCH_ROUTE!)).toMatchObject({ name: '/products/', method: 'GET' });
  });

  it.each([
    ['an unknown route', '  - { name: bad, mix: [list, nope] }', 'route "bad" mix', /unknown route "nope"; known: .*list, detail/],
    ['a mix inside a mix', '  - { name: bad, mix: [browse, list] }', 'route "bad" mix', /"browse" is a mix itself/],
    ['a weight of 0', '  - { name: bad, path: /x/, weight: 0 }', 'route "bad" weight', /0 must be greater than 0/],
    ['a negative weight', '  - { name: bad, path: /x/, weight: -2 }', 'route "bad" weight', /-2 must be greater than 0/],
    ['request fields beside mix', '  - { name: bad, path: /x/, mix: [list] }', 'route "bad" mix', /drop path/],
    ['an empty mix', '  - { name: bad, mix: [] }', 'route "bad" mix', /empty/],
    ['a route twice', '  - { name: bad, mix: [list, list] }', 'route "bad" mix', /"list" is listed twice/],
  ])('refuses %s, naming the route', (_what, line, input, message) => {
    const error = errorOf(`${SHOP}${line}\n`);
    expect(error.input).toBe(input);
    expect(error.message).toMatch(message);
  });

  it('refuses a locustfile route inside a mix', () => {
    const error = errorOf(`${SHOP}  - { name: own, locustfile: team-locust/locustfile.py, user-class: CheckoutUser }\n  - { name: bad, mix: [list, own] }\n`);
    expect(error.input).toBe('route "bad" mix');
    expect(error.message).toMatch(/"own" runs your own locustfile/);
  });
});

const TEAM = `
routes:
  - { name: checkout, title: Checkout, locustfile: team-locust/locustfile.py, user-class: CheckoutUser }
`;

describe("a route with a team's own locustfile", () => {
  it('runs the file from its folder, mounted read-only, with its class; no RouteUser, no route variable', () => {
    const checkout = build(TEAM).routes[0]!;
    expect(checkout).toMatchObject({ name: 'checkout', locustfile: 'team-locust/locustfile.py', userClass: 'CheckoutUser' });
    expect(routeRequests(checkout)).toEqual([]);
    const invocation = locustArgs(checkout, LOAD, 'http://toxiproxy:18000', WORKSPACE);
    expect(invocation.args.slice(0, 2)).toEqual(['-f', '/team-locust/locustfile.py']);
    expect(invocation.args.at(-1)).toBe('CheckoutUser');
    expect(invocation.args).toContain('--csv');
    expect(invocation.volumes).toEqual([`${join(WORKSPACE, 'team-locust')}:/team-locust:ro`]);
    expect(invocation.env).toEqual({});
    expect(invocation.passEnv).toEqual([]);
  });

  it('finds the class in the file before the run', async () => {
    await expect(checkTeamLocustfiles(build(TEAM).routes, WORKSPACE)).resolves.toBeUndefined();
  });

  it('refuses a missing file, naming the route and the path', async () => {
    const routes = build(TEAM.replace('team-locust/locustfile.py', 'loadtest/nope.py')).routes;
    await expect(checkTeamLocustfiles(routes, WORKSPACE)).rejects.toThrow(
      `Invalid route "checkout" locustfile: cannot read "loadtest/nope.py" (${join(WORKSPACE, 'loadtest/nope.py')}: ENOENT)`,
    );
  });

  it('refuses a FIFO or a folder as the file before opening it (a FIFO would wait for a writer)', async () => {
    const { dir, cleanup } = await scratch();
    try {
      execFileSync('mkfifo', [join(dir, 'pipe.py')]);
      await mkdir(join(dir, 'folder.py'));
      const team = (file: string) => build(TEAM.replace('team-locust/locustfile.py', file)).routes;
      const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still reading after 5 s')), 5_000).unref());
      await expect(Promise.race([checkTeamLocustfiles(team('pipe.py'), dir), late])).rejects.toThrow(
        `Invalid route "checkout" locustfile: "pipe.py" (${join(dir, 'pipe.py')}): is a FIFO (named pipe), not a regular file, so it was not read; ` +
          'expected the path of your Locust file, relative to the workspace.',
      );
      await expect(checkTeamLocustfiles(team('folder.py'), dir)).rejects.toThrow(/"folder\.py" \(\S+folder\.py\): is a directory \(EISDIR\)/);
    } finally {
      await cleanup();
    }
  });

  it('refuses a class the file does not define, listing the ones it does', async () => {
    const routes = build(TEAM.replace('CheckoutUser', 'CartUser')).routes;
    await expect(checkTeamLocustfiles(routes, WORKSPACE)).rejects.toThrow(
      /Invalid route "checkout" user-class: "CartUser" is not a class of team-locust\/locustfile.py \(it defines CheckoutUser, BrowseUser\)/,
    );
  });

  it.each([
    ['no user-class', '  - { name: bad, locustfile: x.py }', 'route "bad" locustfile', /needs user-class/],
    ['request fields beside it', '  - { name: bad, locustfile: x.py, user-class: A, path: /x/ }', 'route "bad" locustfile', /drop path/],
    ['mix beside it', '  - { name: bad, locustfile: x.py, user-class: A, mix: [checkout] }', 'route "bad" mix', /not both/],
  ])('refuses %s', (_what, line, input, message) => {
    const error = errorOf(`${TEAM}${line}\n`);
    expect(error.input).toBe(input);
    expect(error.message).toMatch(message);
  });
});
