/**
 * A sample's measured window (docs/stack.md "Signals"): opened once the app is ready and its
 * latency applied, just before Locust starts; closed as soon as Locust exits. Each edge is one
 * `docker exec` per container, run in parallel: psql in the db container (pg_stat_statements
 * and the db's cgroup) and `head` in the app container (its cgroup). The load container
 * dumps its own cgroup when Locust exits (withCgroupDumpAfter). Nothing here throws: what
 * cannot be read becomes null and a warning in signals.json; the sample's load is never lost.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { LoadSpec } from '../../core/config/build.js';
import { errorMessage } from '../../core/error-message.js';
import { APP_DATABASE, APP_USER, type Stack } from '../stack.js';
import type { Command, Runner } from '../exec/command.js';
import { tail } from '../exec/command.js';
import { CELL_FILES } from '../../core/ingest/cell.js';
import { SIGNALS_VERSION, type RawSignals } from '../../core/ingest/signals.js';
import { cgroupDumpArgv, parseCgroupFiles, parseHeadDump, type CgroupFiles, type CgroupReading } from './cgroup.js';
import { closeWindowStatements, openWindowStatements, parseDatabaseReading, type DatabaseReading, type SqlScope } from './sql.js';

/** The load container's cgroup dump, written into the sample folder, read and removed at close. */
export const LOAD_CGROUP_DUMP = 'load-cgroup.txt';

export interface SignalsTarget {
  /** The compose project: its containers are found by label (one `docker ps`, cheaper than compose). */
  projectName: string;
  scope: SqlScope;
  /** The setup's worker processes, for memory per worker; null when unknown. */
  workers: number | null;
  /** Cores Locust can use: one per process, at most the machine's. */
  loadCpus: number;
  /** The sample's app service (base's side has its own). */
  appService: string;
}

/** What the window of a sample on this stack reads: the app's database and user (docker-compose.yml's app environment). */
export function signalsTarget(stack: Pick<Stack, 'layout' | 'workers' | 'appService'>, load: Pick<LoadSpec, 'processes'>): SignalsTarget {
  return {
    appService: stack.appService,
    projectName: stack.layout.projectName,
    scope: { database: APP_DATABASE, user: APP_USER },
    workers: stack.workers,
    loadCpus: Math.max(1, Math.min(load.processes, availableParallelism())),
  };
}

/** `<service> <id>` per running container of the project. */
export function projectContainersCommand(projectName: string): Command {
  return {
    command: 'docker',
    args: ['ps', '--no-trunc', '--filter', `label=com.docker.compose.project=${projectName}`, '--format', '{{.Label "com.docker.compose.service"}} {{.ID}}'],
  };
}

export function parseProjectContainers(stdout: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const [service, id] = line.trim().split(/\s+/);
    if (service && id && !ids.has(service)) ids.set(service, id);
  }
  return ids;
}

function psqlCommand(containerId: string, statements: string[]): Command {
  return {
    command: 'docker',
    args: ['exec', containerId, 'psql', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-Atq', ...statements.flatMap((sql) => ['-c', sql])],
  };
}

function cgroupCommand(containerId: string): Command {
  return { command: 'docker', args: ['exec', containerId, ...cgroupDumpArgv()] };
}

type Read<T> = { value: T } | { error: string };

const failure = (error: unknown): { error: string } => ({ error: errorMessage(error).split('\n')[0]! });

async function readDatabase(run: Runner, id: string | undefined, statements: string[]): Promise<Read<DatabaseReading>> {
  if (id === undefined) return { error: 'no running db container' };
  try {
    const result = await run(psqlCommand(id, statements));
    if (result.exitCode !== 0) return { error: `psql exited ${result.exitCode}: ${tail(result.stderr || result.stdout, 3)}` };
    return { value: parseDatabaseReading(result.stdout) };
  } catch (error) {
    return failure(error);
  }
}

async function readAppCgroup(run: Runner, id: string | undefined): Promise<Read<CgroupReading>> {
  if (id === undefined) return { error: 'no running app container' };
  try {
    // head exits 1 for the other hierarchy's missing files: its output decides.
    const result = await run(cgroupCommand(id));
    return { value: parseCgroupFiles(parseHeadDump(result.stdout)) };
  } catch (error) {
    return failure(error);
  }
}

async function readLoadCgroup(dir: string): Promise<Read<CgroupReading>> {
  const path = join(dir, LOAD_CGROUP_DUMP);
  try {
    const text = await readFile(path, 'utf8').catch(() => null);
    if (text === null) return { error: `the load container left no ${LOAD_CGROUP_DUMP}` };
    return { value: parseCgroupFiles(parseHeadDump(text)) };
  } catch (error) {
    return failure(error);
  } finally {
    await rm(path, { force: true });
  }
}

interface Readings {
  db: Read<DatabaseReading>;
  app: Read<CgroupReading>;
  load: Read<CgroupReading>;
}

interface Opened {
  startedAt: Date;
  /** performance.now() when the counters were zeroed and read. */
  openedAt: number;
  openSeconds: number;
  ids: Map<string, string>;
  db: Read<DatabaseReading>;
  app: Read<CgroupReading>;
}

/** An open window: close it (once) right after Locust exits. */
export class SignalsWindow {
  private constructor(
    private readonly run: Runner,
    private readonly target: SignalsTarget,
    private readonly opened: Opened,
  ) {}

  static async open(run: Runner, target: SignalsTarget): Promise<SignalsWindow> {
    const begin = performance.now();
    const listed = await run(projectContainersCommand(target.projectName)).catch(() => null);
    const ids = parseProjectContainers(listed?.exitCode === 0 ? listed.stdout : '');
    const [db, app] = await Promise.all([readDatabase(run, ids.get('db'), openWindowStatements(target.scope)), readAppCgroup(run, ids.get(target.appService))]);
    const openedAt = performance.now();
    return new SignalsWindow(run, target, { startedAt: new Date(), openedAt, openSeconds: (openedAt - begin) / 1000, ids, db, app });
  }

  /** The project's running containers by service, as listed when the window opened (no second lookup for logs). */
  get containers(): ReadonlyMap<string, string> {
    return this.opened.ids;
  }

  /** Reads the counters, writes signals.json into the sample folder and returns what it wrote. */
  async close(dir: string, options: { drained: boolean | null }): Promise<RawSignals> {
    const begin = performance.now();
    const { ids } = this.opened;
    const [db, app, load] = await Promise.all([
      readDatabase(this.run, ids.get('db'), closeWindowStatements(this.target.scope)),
      readAppCgroup(this.run, ids.get(this.target.appService)),
      readLoadCgroup(dir),
    ]);
    const collectSeconds = this.opened.openSeconds + (performance.now() - begin) / 1000;
    const raw = this.record({ db, app, load }, (begin - this.opened.openedAt) / 1000, collectSeconds, options.drained);
    await writeFile(join(dir, CELL_FILES.signals), `${JSON.stringify(raw, null, 2)}\n`);
    return raw;
  }

  /** The raw counters and, for each one that could not be read, a warning saying why. */
  private record(end: Readings, seconds: number, collectSeconds: number, drained: boolean | null): RawSignals {
    const warnings: string[] = [];
    const value = <T>(read: Read<T>, what: string): T | null => {
      if ('value' in read) return read.value;
      warnings.push(`${what}: ${read.error}.`);
      return null;
    };
    const cgroup = (files: CgroupFiles | undefined, what: string): CgroupReading | null => {
      if (files === undefined) return null;
      try {
        return parseCgroupFiles(files);
      } catch (error) {
        warnings.push(`${what}: ${errorMessage(error)}`);
        return null;
      }
    };
    const span = (first: CgroupReading | null, last: CgroupReading | null) => (first && last ? { startUsec: first.cpuUsec, endUsec: last.cpuUsec } : null);
    const dbStart = value(this.opened.db, "The database's counters were not reset at the window's start");
    const dbEnd = value(end.db, "The database's counters were not read at the window's end");
    const appStart = value(this.opened.app, "The app container's cgroup was not read at the window's start");
    const appEnd = value(end.app, "The app container's cgroup was not read at the window's end");
    const load = value(end.load, "The load container's cgroup was not read");
    const connections = dbStart?.connections && dbEnd?.connections ? { start: dbStart.connections, end: dbEnd.connections } : null;
    if (dbStart && dbEnd && connections === null)
      warnings.push("The app database's connections were not read (pg_stat_database has no sessions before PostgreSQL 14).");
    const db = span(cgroup(dbStart?.files, "The db container's cgroup (start)"), cgroup(dbEnd?.files, "The db container's cgroup (end)"));
    return {
      version: SIGNALS_VERSION,
      window: { startedAt: this.opened.startedAt.toISOString(), seconds: Number(seconds.toFixed(3)), drained },
      collectSeconds: Number(collectSeconds.toFixed(3)),
      cgroup: appEnd?.version ?? load?.version ?? null,
      sql: dbStart && dbEnd?.statements ? { statements: dbEnd.statements } : null,
      cpu: { app: span(appStart, appEnd), db, load: load && { usageUsec: load.cpuUsec, cpus: this.target.loadCpus } },
      memory: { appPeakBytes: appEnd?.peakBytes ?? null, workers: this.target.workers },
      connections,
      warnings,
    };
  }
}
