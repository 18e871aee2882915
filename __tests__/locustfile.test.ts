import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROUTES } from '../src/core/config/defaults.js';
import { GENERIC_USER_CLASS } from '../src/core/config/specs.js';
import { locustArgs } from '../src/stack/locust-command.js';

// The locustfile is Python in the load image: read as text, so this test needs no Python.
const locustfile = readFileSync(new URL('../locust/locustfile.py', import.meta.url), 'utf8');

/** Top-level classes deriving from a Locust user, by name. */
function userClasses(source: string): Set<string> {
  const names = [...source.matchAll(/^class (\w+)\((?:HttpUser|FastHttpUser|User)\):/gm)].map((match) => match[1]!);
  return new Set(names);
}

/** The body of one top-level class: from its `class` line to the next top-level statement. */
function classBody(source: string, name: string): string {
  const start = source.search(new RegExp(`^class ${name}\\b`, 'm'));
  if (start < 0) return '';
  const rest = source.slice(start);
  const firstLine = rest.indexOf('\n') + 1;
  const end = rest.slice(firstLine).search(/^\S/m);
  return end < 0 ? rest : rest.slice(0, firstLine + end);
}

describe('locust/locustfile.py has every user class async-bench can ask for', () => {
  const classes = userClasses(locustfile);

  it.each(BUILT_IN_ROUTES.map((route) => [route.name, route.userClass]))('built-in route %s → %s', (_name, userClass) => {
    expect(classes).toContain(userClass);
  });

  it(`the generic ${GENERIC_USER_CLASS} (custom routes) and NoopUser (the load ceiling)`, () => {
    expect(classes).toContain(GENERIC_USER_CLASS);
    expect(classes).toContain('NoopUser');
  });

  it('the built-in classes request their route’s method and path', () => {
    for (const route of BUILT_IN_ROUTES) {
      const call = new RegExp(`self\\.client\\.${route.method.toLowerCase()}\\(\\s*"${route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`);
      expect(classBody(locustfile, route.userClass), route.userClass).toMatch(call);
    }
  });
});

describe(`${GENERIC_USER_CLASS} reads the route the runner passes`, () => {
  const variable = Object.keys(locustArgs(BUILT_IN_ROUTES[0]!, { users: 1, spawnRate: 1, runTimeSeconds: 1, processes: 1 }, 'http://app:8000').env);

  it('the runner passes exactly ASYNC_BENCH_ROUTE', () => {
    expect(variable).toEqual(['ASYNC_BENCH_ROUTE']);
  });

  it('the locustfile reads ASYNC_BENCH_ROUTE from the environment for it', () => {
    expect(locustfile).toMatch(/ROUTE_ENV = "ASYNC_BENCH_ROUTE"/);
    expect(locustfile).toMatch(/os\.environ\.get\(ROUTE_ENV\)/);
    expect(classBody(locustfile, GENERIC_USER_CLASS)).toMatch(/\bROUTES\b/);
  });
});
