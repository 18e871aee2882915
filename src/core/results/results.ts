import type { Config } from '../config/build.js';
import { describeIssue, firstIssue, jsonPath } from '../config/issues.js';
import { errorMessage } from '../error-message.js';
import { inPlanOrder, planCells } from '../plan/cells.js';
import { VERSION } from '../version.js';
import { failedCell } from './cell.js';
import type { Environment } from './environment.js';
import { ResultsError } from './errors.js';
import { ResultsSchema, type BudgetRecord, type Results } from './schema.js';

export type { CellMetrics, CellResult, Environment, Results } from './schema.js';
export { ResultsError } from './errors.js';

/** `major.minor`: readers accept any minor of their major and refuse other majors. */
export const SCHEMA_VERSION = '1.1';
const SCHEMA_MAJOR = 1;

/** Parses results.json text, refusing what this version cannot read faithfully. */
export function parseResults(source: string, text: string): Results {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ResultsError(`${source} is not JSON: ${errorMessage(error)}`);
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version !== 'string') {
    throw new ResultsError(`${source} has no "schemaVersion"; is it an async-bench results.json?`);
  }
  // Before the shape: a 2.x file is not a broken 1.x file, it needs another reader.
  const major = Number(version.split('.')[0]);
  if (major !== SCHEMA_MAJOR) {
    throw new ResultsError(
      `${source} has schemaVersion ${version}; this async-bench reads ${SCHEMA_MAJOR}.x. ` +
        (major > SCHEMA_MAJOR ? 'Upgrade async-bench to read it.' : 'Re-run the benchmark to produce a current file.'),
    );
  }
  const parsed = ResultsSchema.safeParse(data, { error: describeIssue });
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new ResultsError(`${source} is not a valid results.json: ${jsonPath('results', issue.path)} ${issue.message}.`);
  }
  return parsed.data;
}

/**
 * For commands that show results: a file with no cells (an aggregate of no shards
 * writes one) is valid but has nothing to report or compare.
 */
export function requireCells(source: string, results: Results): Results {
  if (results.cells.length === 0) throw new ResultsError(`${source} has no cells: nothing to report.`);
  return results;
}

/** Results with no cells yet, for a run or an aggregate that has nothing to show. */
export function emptyResults(config: Config, environment: Environment, now = new Date()): Results {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'async-bench', version: VERSION },
    createdAt: now.toISOString(),
    config,
    environment,
    shard: config.shard,
    cells: [],
  };
}

export function serializeResults(results: Results): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

/** What two shards must share to be merged: everything but the shard and where they wrote. */
function comparableConfig(config: Config): string {
  const { shard: _shard, outDir: _outDir, ...rest } = config;
  return JSON.stringify(rest);
}

/**
 * Merges shard results into one run. Refuses different configs (they would be
 * different experiments) and cells measured twice (which one would be true?).
 */
export function mergeResults(parts: { source: string; results: Results }[]): Results {
  const [first] = parts;
  if (!first) throw new ResultsError('nothing to merge: no results were given.');
  const expected = comparableConfig(first.results.config);
  const seen = new Map<string, string>();
  for (const part of parts) {
    if (comparableConfig(part.results.config) !== expected) {
      throw new ResultsError(`${part.source} was run with a different configuration than ${first.source}; only shards of one run merge.`);
    }
    // Under latency-method auto, one runner may get netem and another Toxiproxy: not one experiment.
    const method = part.results.environment.latencyMethod;
    if (method !== first.results.environment.latencyMethod) {
      throw new ResultsError(
        `${part.source} added latency with ${method} and ${first.source} with ${first.results.environment.latencyMethod}; ` +
          `pin latency-method so every shard uses one.`,
      );
    }
    for (const cell of part.results.cells) {
      const other = seen.get(cell.id);
      if (other !== undefined) throw new ResultsError(`cell ${cell.id} is in both ${other} and ${part.source}; shards must not overlap.`);
      seen.set(cell.id, part.source);
    }
  }
  const budget = mergeBudgets(parts.map((part) => part.results.budget));
  const { budget: _first, ...rest } = first.results;
  return {
    ...rest,
    ...(budget ? { budget } : {}),
    config: { ...first.results.config, shard: null },
    shard: null,
    cells: inPlanOrder(
      parts.flatMap((part) => part.results.cells),
      first.results.config,
    ),
    createdAt: parts
      .map((part) => part.results.createdAt)
      .sort()
      .at(-1)!,
  };
}

/** The shards' budgets as one record: every shard's own run (each had its own budget), every cell's pairs. */
function mergeBudgets(records: (BudgetRecord | undefined)[]): BudgetRecord | undefined {
  const present = records.filter((record): record is BudgetRecord => record !== undefined);
  if (present.length === 0) return undefined;
  return { runs: present.flatMap((record) => record.runs), cells: Object.assign({}, ...present.map((record) => record.cells)) as BudgetRecord['cells'] };
}

/**
 * Adds a failed entry for every planned cell that has none (a shard that never
 * reported), so the report shows the hole instead of a smaller matrix.
 */
export function withMissingCells(results: Results, reason: string): { results: Results; missing: string[] } {
  const present = new Set(results.cells.map((cell) => cell.id));
  const missing = planCells(results.config)
    .filter((cell) => !present.has(cell.id))
    .map((cell) => failedCell(cell, reason));
  if (missing.length === 0) return { results, missing: [] };
  return { results: { ...results, cells: inPlanOrder([...results.cells, ...missing], results.config) }, missing: missing.map((cell) => cell.id) };
}
