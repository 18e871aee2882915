/**
 * The database side of a sample's window, as SQL run by psql in the db container on the
 * maintenance database (so the reader's own statements never land in the app's database):
 * pg_stat_statements reset at the start, read at the end, and the db container's cgroup
 * files read by the server itself (pg_read_file, superuser), so one `docker exec` does both.
 */
import { CGROUP_FILES, type CgroupFiles } from './cgroup.js';

/** Whose statements count: the app's database (re-created from the template per sample, so by name) and user. */
export interface SqlScope {
  database: string;
  user: string;
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Each cgroup file's text, null where missing: `{"<path>": "<text>" | null, …}`. */
function cgroupFilesJson(): string {
  const reads = Object.values(CGROUP_FILES).map((path) => `${literal(path)}, pg_read_file(${literal(path)}, 0, 65536, true)`);
  return `json_build_object(${reads.join(', ')})`;
}

/**
 * Top-level statements only: what the app sent (track = all also counts statements run
 * inside functions; their time is already in their caller's).
 */
function statementsJson(scope: SqlScope): string {
  return `coalesce((SELECT json_agg(json_build_object('query', s.query, 'calls', s.calls, 'rows', s.rows, 'totalMs', s.total_exec_time))
    FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid JOIN pg_roles r ON r.oid = s.userid
    WHERE d.datname = ${literal(scope.database)} AND r.rolname = ${literal(scope.user)} AND s.toplevel), '[]'::json)`;
}

/** The window opens: the extension made sure of (idempotent), the counters zeroed, then the db's cgroup read. */
export function openWindowStatements(): string[] {
  return ['CREATE EXTENSION IF NOT EXISTS pg_stat_statements', 'SELECT pg_stat_statements_reset()', `SELECT json_build_object('files', ${cgroupFilesJson()})`];
}

/** The window closes: the db's cgroup first (the statement list is the heavier part), then the app's statements. */
export function closeWindowStatements(scope: SqlScope): string[] {
  return [`SELECT json_build_object('files', ${cgroupFilesJson()}, 'statements', ${statementsJson(scope)})`];
}

export interface StatementCounters {
  query: string;
  calls: number;
  rows: number;
  totalMs: number;
}

export interface DatabaseReading {
  files: CgroupFiles;
  statements: StatementCounters[] | null;
}

export class SqlReadError extends Error {
  override name = 'SqlReadError';
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function statementOf(value: unknown, index: number): StatementCounters {
  const row = value as Partial<Record<keyof StatementCounters, unknown>> | null;
  if (row === null || typeof row !== 'object' || typeof row.query !== 'string' || !isCount(row.calls) || !isCount(row.rows)) {
    throw new SqlReadError(`statement ${index} of pg_stat_statements is ${JSON.stringify(value)?.slice(0, 200)}; expected query, calls and rows.`);
  }
  const totalMs = row.totalMs;
  if (typeof totalMs !== 'number' || !Number.isFinite(totalMs) || totalMs < 0) throw new SqlReadError(`statement ${index} has totalMs ${String(totalMs)}.`);
  return { query: row.query, calls: row.calls, rows: row.rows, totalMs };
}

/** psql -At's output: the last line is the JSON object (the reset prints a line of its own before it). */
export function parseDatabaseReading(stdout: string): DatabaseReading {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  let data: { files?: unknown; statements?: unknown };
  try {
    data = JSON.parse(line) as typeof data;
  } catch {
    throw new SqlReadError(`psql printed ${JSON.stringify(line.slice(0, 200))}; expected one JSON object.`);
  }
  if (data === null || typeof data !== 'object' || typeof data.files !== 'object' || data.files === null) {
    throw new SqlReadError(`psql printed ${JSON.stringify(line.slice(0, 200))}; expected an object with "files".`);
  }
  const files: CgroupFiles = {};
  for (const [path, text] of Object.entries(data.files)) files[path] = typeof text === 'string' ? text : null;
  if (data.statements === undefined) return { files, statements: null };
  if (!Array.isArray(data.statements)) throw new SqlReadError(`"statements" is ${JSON.stringify(data.statements).slice(0, 200)}; expected a list.`);
  return { files, statements: data.statements.map(statementOf) };
}
