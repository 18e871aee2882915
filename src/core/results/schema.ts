import { ResultsError } from './errors.js';

/**
 * Shape checks for results.json read from elsewhere (a baseline artifact, a fork's
 * shard): every value the report prints must have the type the report expects, so
 * a crafted file can neither crash the report nor smuggle markup in as a number.
 */

type Check = (value: unknown, at: string) => void;

const fail = (at: string, expected: string, value: unknown): never => {
  throw new ResultsError(`${at} should be ${expected}, not ${JSON.stringify(value)?.slice(0, 60)}`);
};

const number: Check = (v, at) => void (typeof v === 'number' && Number.isFinite(v) ? v : fail(at, 'a number', v));
const string: Check = (v, at) => void (typeof v === 'string' ? v : fail(at, 'a string', v));
const boolean: Check = (v, at) => void (typeof v === 'boolean' ? v : fail(at, 'true or false', v));
const nullable = (check: Check): Check => (v, at) => (v === null ? undefined : check(v, at));
/** A field added after files were written: older files lack it. */
const optional = (check: Check): Check => (v, at) => (v === undefined ? undefined : check(v, at));
const array = (check: Check): Check => (v, at) => (Array.isArray(v) ? v.forEach((item, i) => check(item, `${at}[${i}]`)) : fail(at, 'a list', v));
const object =
  (fields: Record<string, Check>): Check =>
  (v, at) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(at, 'an object', v);
    for (const [key, check] of Object.entries(fields)) check((v as Record<string, unknown>)[key], `${at}.${key}`);
  };
const record = (check: Check): Check => (v, at) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(at, 'an object', v);
  for (const [key, item] of Object.entries(v as Record<string, unknown>)) check(item, `${at}.${key}`);
};

const metrics = object({
  maxSrps: number,
  totalSuccesses: number,
  totalRequests: number,
  totalFailures: number,
  failureRatio: number,
  steadySrps: nullable(number),
  p50Ms: nullable(number),
  p95Ms: nullable(number),
  p99Ms: nullable(number),
  averageMs: nullable(number),
  peakUsers: number,
  historySamples: number,
  locustCpuWarning: boolean,
  topFailures: array(object({ error: string, occurrences: number })),
});

const config = object({
  profile: string,
  app: object({ name: string, builtIn: boolean, context: string, wsgi: string, asgi: string, port: number }),
  setups: array(object({ name: string, label: string, interface: string, command: array(string), env: record(string), database: object({ maxConnections: number }) })),
  routes: array(object({ name: string, title: string, method: string, path: string, form: array(string), userClass: string })),
  latenciesMs: array(number),
  latencyMethod: string,
  load: object({ users: number, spawnRate: number, runTimeSeconds: number, processes: number }),
  seedPosts: number,
  shard: nullable(object({ index: number, total: number })),
  compare: object({ baseline: nullable(string), threshold: number, failOnRegression: boolean }),
  outDir: string,
});

const environment = object({
  cpuCount: nullable(number),
  cpuModel: nullable(string),
  memoryGiB: nullable(number),
  kernel: nullable(string),
  platform: nullable(string),
  node: nullable(string),
  runner: nullable(string),
  docker: nullable(string),
  compose: nullable(string),
  stack: record(nullable(string)),
  latencyMethod: nullable(string),
  latencyFallbackReason: optional(nullable(string)),
});

const cell = object({
  id: string,
  dir: string,
  setup: string,
  route: string,
  latencyMs: number,
  status: (v, at) => void (v === 'ok' || v === 'failed' ? v : fail(at, '"ok" or "failed"', v)),
  reason: nullable(string),
  metrics: nullable(metrics),
  warnings: array(string),
  resumedFrom: optional(string),
});

export const checkResultsShape = object({
  schemaVersion: string,
  tool: object({ name: string, version: string }),
  createdAt: string,
  config,
  environment,
  shard: nullable(object({ index: number, total: number })),
  cells: array(cell),
});
