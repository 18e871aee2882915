import { ConfigError } from './errors.js';
import type { AppDefinition, RouteDefinition, SetupDefinition } from './file.js';
import { didYouMean } from './nearest.js';
import { compileRequest } from './route-request.js';
import { RANDOM_FORM_VALUE, type AppSpec, type RequestRoute, type RouteSpec, type SetupSpec } from './schema.js';

/**
 * Setups, routes and the app may be named (built-ins) or defined in async-bench.yml
 * (already checked by file.ts). A definition whose name matches a built-in overrides
 * just the fields it gives; a new one must give what a built-in would have supplied.
 */

/** Locust user class that requests any route described by the environment (custom routes). */
export const GENERIC_USER_CLASS = 'RouteUser';

function findBuiltIn<T extends { name: string }>(input: string, name: string, builtIns: T[]): T {
  const found = builtIns.find((item) => item.name === name);
  if (!found) {
    const known = builtIns.map((item) => item.name);
    throw new ConfigError(input, `unknown name "${name}"${didYouMean(name, known)}; known: ${known.join(', ')} (define new ones in async-bench.yml).`);
  }
  return found;
}

export function resolveSetup(entry: string | SetupDefinition, builtIns: SetupSpec[]): SetupSpec {
  if (typeof entry === 'string') return findBuiltIn('setups', entry, builtIns);
  const base = builtIns.find((setup) => setup.name === entry.name);
  const missing = (['interface', 'command'] as const).filter((key) => entry[key] === undefined);
  if (!base && missing.length > 0) {
    throw new ConfigError(`setup "${entry.name}"`, `a new setup needs ${missing.join(' and ')} (built-ins: ${builtIns.map((s) => s.name).join(', ')}).`);
  }
  return {
    name: entry.name,
    label: entry.label ?? base?.label ?? entry.name,
    interface: entry.interface ?? base!.interface,
    command: entry.command ?? [...base!.command],
    workers: entry.workers ?? base?.workers ?? null,
    env: { ...base?.env, ...entry.env },
    database: { maxConnections: entry['max-connections'] ?? base?.database.maxConnections ?? 100 },
  };
}

/**
 * The file's routes. A mix names routes of the file or built-ins, in any order, so its
 * members are filled in once every route is known; each member is a copy, so results.json
 * says what the mix sent.
 */
export function resolveRoutes(entries: (string | RouteDefinition)[], builtIns: RouteSpec[]): RouteSpec[] {
  const resolved = entries.map((entry) => resolveRoute(entry, builtIns));
  const known = new Map([...builtIns, ...resolved].map((route) => [route.name, route]));
  return resolved.map((route, i) => {
    const entry = entries[i]!;
    if (typeof entry === 'string' || entry.mix === undefined) return route;
    return { ...route, mix: entry.mix.map((name) => mixMember(route.name, name, known)) };
  });
}

function mixMember(mix: string, name: string, known: Map<string, RouteSpec>): RequestRoute {
  const member = known.get(name);
  const where = `route "${mix}" mix`;
  if (!member) throw new ConfigError(where, `unknown route "${name}"; known: ${[...known.keys()].join(', ')} (define it under routes:).`);
  if (member.mix !== undefined) throw new ConfigError(where, `"${name}" is a mix itself; a mix holds plain routes, so list its routes here instead.`);
  if (member.locustfile !== undefined) {
    throw new ConfigError(where, `"${name}" runs your own locustfile; a mix holds routes async-bench requests (path, query, body).`);
  }
  const { mix: _mix, locustfile: _locustfile, kind: _kind, ...request } = member;
  return structuredClone(request);
}

/** A route that sends no request of its own (a mix, a team's locustfile): these fields are unused. */
const noOwnRequest = (): Pick<RouteSpec, 'method' | 'path' | 'query' | 'headers' | 'form' | 'json' | 'expect'> => ({
  method: 'GET',
  path: '/',
  query: {},
  headers: {},
  form: {},
  json: null,
  expect: [],
});

export function resolveRoute(entry: string | RouteDefinition, builtIns: RouteSpec[]): RouteSpec {
  if (typeof entry === 'string') return findBuiltIn('routes', entry, builtIns);
  const base = builtIns.find((route) => route.name === entry.name);
  if (entry.mix !== undefined || entry.locustfile !== undefined) {
    return {
      name: entry.name,
      title: entry.title ?? base?.title ?? entry.name,
      ...noOwnRequest(),
      userClass: entry['user-class'] ?? GENERIC_USER_CLASS,
      ...(entry.weight !== undefined ? { weight: entry.weight } : {}),
      ...(entry.kind !== undefined ? { kind: entry.kind } : {}),
      // resolveRoutes fills a mix's members once every route is known.
      ...(entry.mix !== undefined ? { mix: [] } : { locustfile: entry.locustfile! }),
    };
  }
  if (!base && entry.path === undefined) throw new ConfigError(`route "${entry.name}"`, 'a new route needs a path, e.g. "/search/".');
  // A built-in route whose request changed is no longer what its own Locust user requests.
  const reshaped = (['path', 'method', 'form', 'json', 'query', 'headers', 'expect'] as const).some((key) => entry[key] !== undefined);
  const form = Array.isArray(entry.form) ? Object.fromEntries(entry.form.map((field) => [field, RANDOM_FORM_VALUE])) : entry.form;
  const route: RouteSpec = {
    name: entry.name,
    title: entry.title ?? base?.title ?? entry.name,
    method: entry.method ?? base?.method ?? 'GET',
    path: entry.path ?? base!.path,
    query: entry.query ?? { ...base?.query },
    headers: entry.headers ?? { ...base?.headers },
    form: form ?? (entry.json !== undefined ? {} : { ...base?.form }),
    json: entry.json ?? (form !== undefined ? null : (base?.json ?? null)),
    expect: entry.expect ?? [...(base?.expect ?? [])],
    userClass: entry['user-class'] ?? (base && !reshaped ? base.userClass : GENERIC_USER_CLASS),
    ...(entry.weight !== undefined ? { weight: entry.weight } : {}),
    ...(entry.kind !== undefined ? { kind: entry.kind } : {}),
  };
  compileRequest(route); // refuses a bad placeholder now, naming the route and the field
  return route;
}

/** The user's own app; file.ts has made sure a non-empty definition has context, wsgi and asgi. */
export function resolveApp(entry: AppDefinition, reference: AppSpec): AppSpec {
  if (entry.context === undefined || entry.wsgi === undefined || entry.asgi === undefined) return { ...reference };
  return {
    name: entry.name ?? 'app',
    context: entry.context,
    // The generic builder when python + requirements are given; otherwise the project's Dockerfile.
    dockerfile: entry.python !== undefined ? null : (entry.dockerfile ?? 'Dockerfile'),
    python: entry.python ?? null,
    requirements: entry.requirements ?? null,
    build: [...(entry.build ?? [])],
    wsgi: entry.wsgi,
    asgi: entry.asgi,
    port: entry.port ?? 8000,
    healthPath: entry['health-path'] ?? '/',
    settings: entry.settings ?? `${entry.wsgi.split('.')[0]}.settings`,
    env: { ...entry.env },
    prepare: (entry.prepare ?? []).map((command) => [...command]),
  };
}

/** Selection by name among the known definitions, keeping the order given. */
export function selectByName<T extends { name: string }>(input: string, names: string[], known: T[]): T[] {
  return names.map((name) => findBuiltIn(input, name, known));
}

/**
 * The `app-path` and `app-settings` one-liners over the app so far: they set its context and
 * settings; with the reference app, `app-path` starts a team's own app whose wsgi and asgi
 * entries sit beside its settings module (mysite.settings → mysite.wsgi:application).
 */
export function appFromInputs(app: AppSpec, inputs: { path?: string | undefined; settings?: string | undefined }, reference: AppSpec): AppSpec {
  const { path, settings } = inputs;
  if (path === undefined && settings === undefined) return app;
  if (app.context !== reference.context) {
    return { ...app, ...(path !== undefined ? { context: path } : {}), ...(settings !== undefined ? { settings } : {}) };
  }
  if (path === undefined) {
    throw new ConfigError('app-settings', 'is the settings module of your own app; give app-path too (its folder, relative to the workspace).');
  }
  if (settings === undefined) {
    throw new ConfigError(
      'app-path',
      `needs app-settings too: your project's settings module (e.g. "mysite.settings"), or an app: mapping in async-bench.yml.`,
    );
  }
  const project = settings.split('.').slice(0, -1).join('.') || settings;
  return {
    name: 'app',
    context: path,
    dockerfile: 'Dockerfile',
    python: null,
    requirements: null,
    build: [],
    wsgi: `${project}.wsgi:application`,
    asgi: `${project}.asgi:application`,
    port: 8000,
    healthPath: '/',
    settings,
    env: {},
    prepare: [],
  };
}
