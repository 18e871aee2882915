import { ConfigError } from './errors.js';
import { envNames, parseJsonTemplate, parseTemplate, TemplateError, type JsonTemplate, type Segment } from './route-template.js';
import type { RouteSpec } from './schema.js';

/**
 * One route's request with every template parsed: what the locustfile's RouteUser
 * receives (as JSON in ASYNC_BENCH_ROUTE) and evaluates on each request.
 */
export interface CompiledRequest {
  /** Locust's stats row: the path as written, so one row per route. */
  name: string;
  method: RouteSpec['method'];
  path: Segment[];
  query: [string, Segment[]][];
  headers: [string, Segment[]][];
  form: [string, Segment[]][] | null;
  json: JsonTemplate | null;
  /** Statuses that count as success; empty: any status below 400 (Locust's rule). */
  expect: number[];
}

function parseField(route: RouteSpec, field: string, text: string, allowEnv = false): Segment[] {
  try {
    return parseTemplate(text, { allowEnv });
  } catch (error) {
    if (error instanceof TemplateError) throw new ConfigError(`route "${route.name}" ${field}`, `${JSON.stringify(text)}: ${error.message}`);
    throw error;
  }
}

const fields = (route: RouteSpec, field: string, entries: Record<string, string>, allowEnv = false): [string, Segment[]][] =>
  Object.entries(entries).map(([key, text]) => [key, parseField(route, `${field} ${key}`, text, allowEnv)]);

export function compileRequest(route: RouteSpec): CompiledRequest {
  const hasForm = Object.keys(route.form).length > 0;
  if (hasForm && route.json !== null) throw new ConfigError(`route "${route.name}"`, 'give a form or a json body, not both.');
  let json: JsonTemplate | null = null;
  if (route.json !== null) {
    try {
      json = parseJsonTemplate(route.json);
    } catch (error) {
      if (error instanceof TemplateError) throw new ConfigError(`route "${route.name}" json`, error.message);
      throw error;
    }
  }
  return {
    name: route.path,
    method: route.method,
    path: parseField(route, 'path', route.path),
    query: fields(route, 'query', route.query),
    headers: fields(route, 'headers', route.headers, true),
    form: hasForm ? fields(route, 'form', route.form) : null,
    json,
    expect: [...route.expect],
  };
}

/** The runner's environment variables the route's headers read (tokens). */
export function requestEnvNames(request: CompiledRequest): string[] {
  return [...new Set(request.headers.flatMap(([, segments]) => envNames(segments)))];
}

/**
 * Refuses, before anything runs, a header that reads an environment variable the
 * runner does not have: without it every request would go out unauthenticated.
 */
export function checkRequestEnv(routes: RouteSpec[], env: Record<string, string | undefined>): void {
  for (const route of routes) {
    for (const [header, segments] of compileRequest(route).headers) {
      const missing = envNames(segments).find((name) => env[name] === undefined || env[name] === '');
      if (missing) {
        throw new ConfigError(
          `route "${route.name}" headers ${header}`,
          `reads the environment variable ${missing}, which is not set; set it in the job's env (e.g. env: ${missing}: \${{ secrets.${missing} }}).`,
        );
      }
    }
  }
}
