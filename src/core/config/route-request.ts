import { ConfigError } from './errors.js';
import { envNames, parseJsonTemplate, parseTemplate, TemplateError, type JsonTemplate, type Segment } from './route-template.js';
import type { RequestRoute, RouteSpec } from './schema.js';

/**
 * One route's request with every template parsed: what the locustfile's RouteUser
 * receives (as JSON in ASYNC_BENCH_ROUTE) and evaluates on each request.
 */
export interface CompiledRequest {
  /** Locust's stats row: the path as written (in a mix, the route's name), so one row per route. */
  name: string;
  method: RequestRoute['method'];
  path: Segment[];
  query: [string, Segment[]][];
  headers: [string, Segment[]][];
  form: [string, Segment[]][] | null;
  json: JsonTemplate | null;
  /** Statuses that count as success; empty: any status below 400 (Locust's rule). */
  expect: number[];
}

function parseField(route: RequestRoute, field: string, text: string, allowEnv = false): Segment[] {
  try {
    return parseTemplate(text, { allowEnv });
  } catch (error) {
    if (error instanceof TemplateError) throw new ConfigError(`route "${route.name}" ${field}`, `${JSON.stringify(text)}: ${error.message}`);
    throw error;
  }
}

const fields = (route: RequestRoute, field: string, entries: Record<string, string>, allowEnv = false): [string, Segment[]][] =>
  Object.entries(entries).map(([key, text]) => [key, parseField(route, `${field} ${key}`, text, allowEnv)]);

export function compileRequest(route: RequestRoute, name: string = route.path): CompiledRequest {
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
    name,
    method: route.method,
    path: parseField(route, 'path', route.path),
    query: fields(route, 'query', route.query),
    headers: fields(route, 'headers', route.headers, true),
    form: hasForm ? fields(route, 'form', route.form) : null,
    json,
    expect: [...route.expect],
  };
}

/**
 * The request target a report names: the path and its query as written, templates
 * unevaluated (`/products/?category={choice:books,games}`), so two routes on one path
 * that differ by their query read apart.
 */
export function requestTarget(route: Pick<RequestRoute, 'path' | 'query'>): string {
  const query = Object.entries(route.query).map(([key, value]) => `${key}=${value}`);
  return query.length === 0 ? route.path : `${route.path}?${query.join('&')}`;
}

/** One request of a mix with its share: RouteUser picks each request with probability ∝ weight. */
export interface WeightedRequest extends CompiledRequest {
  weight: number;
}

/** A route's weight in a mix when it gives none. */
export const DEFAULT_WEIGHT = 1;

/**
 * The requests a route's cell sends, as routes: a mix's members, none for a route run by a
 * team's own locustfile (its user class decides), else the route itself.
 */
export function routeRequests(route: RouteSpec): RequestRoute[] {
  if (route.locustfile !== undefined) return [];
  return route.mix ?? [route];
}

/**
 * What ASYNC_BENCH_ROUTE carries for RouteUser: one request (a JSON object), or a mix's
 * weighted requests (a JSON list), each named by its route so Locust keeps a stats row per
 * route while its Aggregated row holds the cell's numbers.
 */
export function compileLoad(route: RouteSpec): CompiledRequest | WeightedRequest[] {
  if (route.mix === undefined) return compileRequest(route);
  return route.mix.map((member) => ({ ...compileRequest(member, member.name), weight: member.weight ?? DEFAULT_WEIGHT }));
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
  for (const route of routes.flatMap(routeRequests)) {
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
