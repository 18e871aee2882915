import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { buildConfig } from '../../src/core/config/build.js';
import { ingestRun } from '../../src/core/ingest/run-dir.js';
import { hostEnvironment } from '../../src/core/results/environment.js';
import { parseResults, serializeResults, type Results } from '../../src/core/results/results.js';
import type { Signals } from '../../src/core/results/schema.js';
import { summarizeSamples } from '../../src/core/results/samples.js';
import { fixture, placeCell } from './fixtures.js';

/**
 * Signals for test results. The numbers are synthetic until the real-stack capture (the
 * signals helper's e2e run) lands: the Locust numbers under them are the real fixtures
 * of __tests__/fixtures, the per-request signals are made here, with the contract's sums.
 */

export interface StatementSpec {
  query: string;
  /** Calls per successful request. */
  perRequest: number;
  rowsPerCall?: number;
  msPerCall?: number;
}

export interface SignalSpec {
  statements?: StatementSpec[];
  cpuMsPerRequest?: number;
  dbMsOverride?: number;
  peakBytes?: number | null;
  bytesPerRequest?: number | null;
  successes?: number;
  /** No SQL collected (pg_stat_statements unavailable). */
  noSql?: boolean;
}

export const statementId = (query: string): string => createHash('sha1').update(query).digest('hex').slice(0, 12);

export const LIST_POSTS = 'SELECT "posts_post"."id", "posts_post"."title", "posts_post"."content" FROM "posts_post" ORDER BY "posts_post"."id" DESC LIMIT $1';
export const COUNT_POSTS = 'SELECT COUNT(*) AS "__count" FROM "posts_post"';
export const CATEGORY_BY_ID = 'SELECT "shop_category"."id", "shop_category"."name" FROM "shop_category" WHERE "shop_category"."id" = $1 LIMIT $2';

/** The reference app's io_read as the signals would count it: one page of posts and its count per request. */
export const IO_READ: StatementSpec[] = [
  { query: LIST_POSTS, perRequest: 1, rowsPerCall: 10, msPerCall: 0.4 },
  { query: COUNT_POSTS, perRequest: 1, rowsPerCall: 1, msPerCall: 0.2 },
];

export function makeSignals(spec: SignalSpec = {}): Signals {
  const successes = spec.successes ?? 1500;
  const statements = (spec.statements ?? IO_READ)
    .map((s) => {
      const calls = Math.round(s.perRequest * successes);
      return { id: statementId(s.query), query: s.query, calls, rows: calls * (s.rowsPerCall ?? 1), totalMs: calls * (s.msPerCall ?? 0.3) };
    })
    .filter((s) => s.calls > 0)
    .sort((a, b) => b.calls - a.calls || a.id.localeCompare(b.id));
  const sum = (key: 'calls' | 'rows' | 'totalMs') => statements.reduce((total, s) => total + s[key], 0);
  const totalMs = spec.dbMsOverride !== undefined ? spec.dbMsOverride * successes : sum('totalMs');
  const cpuMs = (spec.cpuMsPerRequest ?? 4) * successes;
  return {
    window: { seconds: 20, requests: successes, successes },
    sql: spec.noSql
      ? null
      : {
          calls: sum('calls'),
          rows: sum('rows'),
          totalMs,
          perRequest: { queries: sum('calls') / successes, rows: sum('rows') / successes, dbMs: totalMs / successes },
          statements,
        },
    cpu: {
      app: { cpuMs, perRequestMs: cpuMs / successes },
      db: { cpuMs: successes * 0.5, perRequestMs: 0.5 },
      load: { cpuMs: successes * 0.3, perRequestMs: 0.3, share: 0.2 },
    },
    memory: { appPeakBytes: spec.peakBytes === undefined ? 180_000_000 : spec.peakBytes, workers: 1, perWorkerPeakBytes: spec.peakBytes ?? 180_000_000 },
    responseBytesPerRequest: spec.bytesPerRequest === undefined ? 313 : spec.bytesPerRequest,
  };
}

/** The real run-27 results.json (__tests__/fixtures/results), with signals per cell; checked by the schema on the way. */
export async function run27WithSignals(signalsFor: (id: string) => Signals | null): Promise<Results> {
  const results = parseResults('run-27.json', await readFile(fixture('results/run-27.json'), 'utf8'));
  const cells = results.cells.map((cell) => (cell.status === 'ok' ? { ...cell, metrics: { ...cell.metrics, signals: signalsFor(cell.id) } } : cell));
  return parseResults('run-27 with signals', serializeResults({ ...results, cells }));
}

/**
 * A `baseline: base` run folder made of real captured cells (run-27's), ingested, with
 * signals per side and repeat added to every sample; the cell is re-summarised as a run would.
 */
export async function sidedRunWithSignals(
  dir: string,
  inputs: { setups: string; routes: string; latencies: string; repeats: string },
  signalsFor: (id: string, side: 'base' | 'head', repeat: number) => Signals | null,
): Promise<Results> {
  const config = buildConfig({ inputs: { ...inputs, baseline: 'base' } });
  const repeats = Number(inputs.repeats);
  for (const setup of inputs.setups.split(','))
    for (const route of inputs.routes.split(','))
      for (const ms of inputs.latencies.split(','))
        for (let r = 1; r <= repeats; r += 1)
          for (const side of ['base', 'head'])
            await placeCell(dir, `${setup}__${route}__${ms}ms/${side}/r${r}`, fixture(`run-27/cells/${setup}__${route}__${ms}ms`));
  const { results } = await ingestRun(dir, config, hostEnvironment({}));
  const cells = results.cells.map((cell) => {
    const samples = cell.samples!.map((sample) =>
      sample.metrics ? { ...sample, metrics: { ...sample.metrics, signals: signalsFor(cell.id, sample.side, sample.repeat) } } : sample,
    );
    const { outcome, summary } = summarizeSamples(samples.filter((sample) => sample.side === 'head'));
    return { ...cell, ...outcome, samples, ...(summary ? { summary } : {}) } as Results['cells'][number];
  });
  return parseResults('sided run with signals', serializeResults({ ...results, cells }));
}
