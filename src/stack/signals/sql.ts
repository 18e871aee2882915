/**
 * The database side of a sample's window, as SQL run by psql in the db container on the
 * maintenance database (so the reader's own statements and sessions never land in the app's
 * database): pg_stat_statements reset at the start, read at the end, the app database's
 * connection counters (pg_stat_database) at both edges, and the db container's cgroup
 * files read by the server itself (pg_read_file, superuser), so one `docker exec` does all.
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

/**
 * The app database's connections (PostgreSQL 14+): `sessions`, client sessions established
 * since the database was created (counted once authenticated, so pg_isready's unauthenticated
 * health check never counts), `session_time`, the ms they have been open (a session adds its
 * time when it reports its statistics, at the latest when it ends), and `numbackends`, the
 * connections open now. The row as JSON, so a server without `sessions` (13 and older) reads
 * null rather than failing the window.
 */
function connectionsJson(scope: SqlScope): string {
  return `(SELECT json_build_object('sessions', to_jsonb(d) -> 'sessions', 'backends', d.numbackends, 'sessionMs', to_jsonb(d) -> 'session_time')
    FROM pg_stat_database d WHERE d.datname = ${literal(scope.database)})`;
}

/** The window opens: the extension made sure of (idempotent), the counters zeroed, then the db's cgroup and connections read. */
export function openWindowStatements(scope: SqlScope): string[] {
  return [
    'CREATE EXTENSION IF NOT EXISTS pg_stat_statements',
    'SELECT pg_stat_statements_reset()',
    `SELECT json_build_object('files', ${cgroupFilesJson()}, 'connections', ${connectionsJson(scope)})`,
  ];
}

/** The window closes: the db's cgroup and connections first (the statement list is the heavier part), then the app's statements. */
export function closeWindowStatements(scope: SqlScope): string[] {
  return [`SELECT json_build_object('files', ${cgroupFilesJson()}, 'connections', ${connectionsJson(scope)}, 'statements', ${statementsJson(scope)})`];
}

export interface StatementCounters {
  query: string;
  calls: number;
  rows: number;
  totalMs: number;
}

/** The app database's connection counters at one edge of the window. */
export interface ConnectionCounters {
  /** Client sessions established to it since it was created (cumulative). */
  sessions: number;
  /** Connections open to it at the reading. */
  backends: number;
  /** Milliseconds its sessions have been open, as far as they have reported it. */
  sessionMs: number;
}

export interface DatabaseReading {
  files: CgroupFiles;
  /** Null when the server has no `sessions` counter or the database is missing. */
  connections: ConnectionCounters | null;
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

function connectionsOf(value: unknown): ConnectionCounters | null {
  if (value === null || value === undefined) return null;
  const row = value as Partial<Record<keyof ConnectionCounters, unknown>>;
  if (typeof row !== 'object' || row.sessions === null) return null;
  const { sessionMs } = row;
  if (!isCount(row.sessions) || !isCount(row.backends) || typeof sessionMs !== 'number' || !Number.isFinite(sessionMs) || sessionMs < 0) {
    throw new SqlReadError(`pg_stat_database's connections are ${JSON.stringify(value)?.slice(0, 200)}; expected sessions, backends and sessionMs.`);
  }
  return { sessions: row.sessions, backends: row.backends, sessionMs };
}

/** psql -At's output: the last line is the JSON object (the reset prints a line of its own before it). */
export function parseDatabaseReading(stdout: string): DatabaseReading {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  let data: { files?: unknown; connections?: unknown; statements?: unknown };
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
  const connections = connectionsOf(data.connections);
  if (data.statements === undefined) return { files, connections, statements: null };
  if (!Array.isArray(data.statements)) throw new SqlReadError(`"statements" is ${JSON.stringify(data.statements).slice(0, 200)}; expected a list.`);
  return { files, connections, statements: data.statements.map(statementOf) };
}
