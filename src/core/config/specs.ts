import { ConfigError } from './errors.js';
import { asObject, checkKeys } from './file.js';
import { readChoice, readInteger, readList } from './readers.js';
import type { AppSpec, RouteSpec, SetupSpec } from './types.js';

/**
 * Setups, routes and the app may be named (built-ins) or defined in async-bench.yml.
 * A definition whose name matches a built-in overrides just the fields it gives.
 */

const NAME = /^[a-z0-9][a-z0-9_-]*$/;

function readName(where: string, raw: unknown): string {
  if (raw === undefined || raw === null || raw === '') throw new ConfigError(where, 'is missing; every entry needs a name.');
  const name = String(raw).trim();
  if (!NAME.test(name)) {
    throw new ConfigError(where, `name ${JSON.stringify(raw)} must be lowercase letters, digits, "-" or "_".`);
  }
  // Cell folders join names with "__" (plan.ts cellDir); a name holding "__" would make them ambiguous.
  if (name.includes('__')) {
    throw new ConfigError(where, `name ${JSON.stringify(raw)} must not contain "__" (it separates names in cell folders); use "_" or "-".`);
  }
  return name;
}

function readString(where: string, raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw new ConfigError(where, 'must be a non-empty string.');
  return raw;
}

function readEnv(where: string, raw: unknown): Record<string, string> {
  const env = asObject(where, raw);
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value)]));
}

const SETUP_KEYS = ['name', 'label', 'interface', 'command', 'env', 'max-connections'];

export function readSetupDefinition(raw: unknown, builtIns: SetupSpec[]): SetupSpec {
  if (typeof raw === 'string') return findBuiltIn('setups', readName('setups', raw), builtIns);
  const where = 'setups entry';
  const object = asObject(where, raw);
  checkKeys(where, object, SETUP_KEYS);
  const name = readName(`${where} name`, object.name);
  const base = builtIns.find((setup) => setup.name === name);
  const at = `setup "${name}"`;
  const missing = ['interface', 'command'].filter((key) => object[key] === undefined);
  if (!base && missing.length > 0) {
    throw new ConfigError(at, `a new setup needs ${missing.join(' and ')} (built-ins: ${builtIns.map((s) => s.name).join(', ')}).`);
  }
  return {
    name,
    label: object.label !== undefined ? readString(`${at} label`, object.label) : (base?.label ?? name),
    interface:
      object.interface !== undefined
        ? readChoice(`${at} interface`, object.interface, ['wsgi', 'asgi'] as const)
        : base!.interface,
    command: object.command !== undefined ? readCommand(`${at} command`, object.command) : base!.command,
    env: object.env !== undefined ? { ...base?.env, ...readEnv(`${at} env`, object.env) } : { ...base?.env },
    database: {
      maxConnections:
        object['max-connections'] !== undefined
          ? readInteger(`${at} max-connections`, object['max-connections'], 1)
          : (base?.database.maxConnections ?? 100),
    },
  };
}

function readCommand(where: string, raw: unknown): string[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new ConfigError(where, 'must be a list of arguments, e.g. ["gunicorn", "--workers", "1", "{module}"].');
  }
  return raw.map((arg) => String(arg));
}

const ROUTE_KEYS = ['name', 'title', 'method', 'path', 'form', 'user-class'];

/** Locust user class that requests any route described by the environment (custom routes). */
export const GENERIC_USER_CLASS = 'RouteUser';

export function readRouteDefinition(raw: unknown, builtIns: RouteSpec[]): RouteSpec {
  if (typeof raw === 'string') return findBuiltIn('routes', readName('routes', raw), builtIns);
  const where = 'routes entry';
  const object = asObject(where, raw);
  checkKeys(where, object, ROUTE_KEYS);
  const name = readName(`${where} name`, object.name);
  const base = builtIns.find((route) => route.name === name);
  const at = `route "${name}"`;
  if (!base && object.path === undefined) throw new ConfigError(at, 'a new route needs a path, e.g. "/search/".');
  const path = object.path !== undefined ? readString(`${at} path`, object.path) : base!.path;
  if (!path.startsWith('/')) throw new ConfigError(`${at} path`, `${JSON.stringify(path)} must start with "/".`);
  return {
    name,
    title: object.title !== undefined ? readString(`${at} title`, object.title) : (base?.title ?? name),
    method:
      object.method !== undefined
        ? readChoice(`${at} method`, String(object.method).toUpperCase(), ['GET', 'POST'] as const)
        : (base?.method ?? 'GET'),
    path,
    form: object.form !== undefined ? readList(`${at} form`, object.form) : (base?.form ?? []),
    userClass:
      object['user-class'] !== undefined
        ? readString(`${at} user-class`, object['user-class'])
        : (base && object.path === undefined && object.method === undefined && object.form === undefined
            ? base.userClass
            : GENERIC_USER_CLASS),
  };
}

function findBuiltIn<T extends { name: string }>(input: string, name: string, builtIns: T[]): T {
  const found = builtIns.find((item) => item.name === name);
  if (!found) {
    throw new ConfigError(input, `unknown name "${name}"; known: ${builtIns.map((item) => item.name).join(', ')} (define new ones in async-bench.yml).`);
  }
  return found;
}

const APP_KEYS = ['name', 'context', 'dockerfile', 'wsgi', 'asgi', 'port', 'health-path'];

export function readAppDefinition(raw: unknown, reference: AppSpec): AppSpec {
  const where = 'app';
  const object = asObject(where, raw);
  checkKeys(where, object, APP_KEYS);
  // An empty mapping is the reference app; anything else describes the user's own app,
  // which must not be dropped silently when its context is missing.
  if (Object.keys(object).length === 0) return { ...reference };
  if (object.context === undefined) {
    throw new ConfigError(where, 'your own app needs context: its Docker build context, relative to the workspace (e.g. "./mysite").');
  }
  const missing = ['wsgi', 'asgi'].filter((key) => object[key] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(where, `your own app needs ${missing.join(' and ')} (e.g. "mysite.wsgi:application").`);
  }
  const healthPath = object['health-path'] !== undefined ? readString('app health-path', object['health-path']) : '/';
  return {
    name: object.name !== undefined ? readName('app name', object.name) : 'app',
    builtIn: false,
    context: readString('app context', object.context),
    dockerfile: object.dockerfile !== undefined ? readString('app dockerfile', object.dockerfile) : 'Dockerfile',
    wsgi: readModule('app wsgi', object.wsgi),
    asgi: readModule('app asgi', object.asgi),
    port: object.port !== undefined ? readInteger('app port', object.port, 1) : 8000,
    healthPath,
  };
}

function readModule(where: string, raw: unknown): string {
  const text = readString(where, raw);
  if (!/^[\w.]+:[\w.]+$/.test(text)) {
    throw new ConfigError(where, `${JSON.stringify(text)} is not "module.path:callable", e.g. "mysite.wsgi:application".`);
  }
  return text;
}

/** Selection by name among the known definitions, keeping the order given. */
export function selectByName<T extends { name: string }>(input: string, names: string[], known: T[]): T[] {
  return names.map((name) => findBuiltIn(input, name, known));
}

export { readName };
