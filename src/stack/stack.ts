/** The stack's operations (build, database, app, logs, teardown) as commands run through the Runner, for one target. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AppSpec } from '../core/config/build.js';
import { errorMessage } from '../core/error-message.js';
import { CommandError, runChecked, type Runner } from './exec/command.js';
import { Compose, containerLogsCommand, containerStateCommand } from './compose.js';
import type { ComposeFlavor } from './docker.js';
import { ToxiproxyClient, TOXIPROXY_API_PORT } from './latency/toxiproxy.js';
import { prepareCommands, settingsModule } from './app-settings.js';
import { appNotReadyMessage, prepareSteps, stepFailureMessage } from './preflight-report.js';
import {
  appServiceOf,
  composeProject,
  settingsPath,
  setupOverride,
  setupOverridePath,
  stackStateDir,
  WAIT_READY,
  type AppService,
  type SampleTarget,
  type StackLayout,
} from './project.js';
import { buildAppImages } from './image-build.js';
import { serverCommand, serverWorkers } from '../core/config/server-command.js';
import { appKey, WarmState } from './warm.js';

/** The services compose builds itself; the app's images are built by image-build.ts. */
const STACK_SERVICES = ['db', 'load'];

/** Seconds the ready-waits inside the containers allow (db accepting, a worker serving). */
export const READY_TIMEOUT_SECONDS = 60;

/** The database the app uses, and the template every cell's copy of it is made from. */
export const APP_DATABASE = 'bench';
/** The role the app connects as (docker-compose.yml's POSTGRES_USER for the app). */
export const APP_USER = 'postgres';
export const SNAPSHOT_DATABASE = 'bench_snapshot';

/**
 * FILE_COPY: the files are copied as they are (with a checkpoint), not logged block by
 * block into the WAL as the default strategy does: the faster one for a large table.
 * Each statement is its own -c, so none runs in a transaction block (CREATE DATABASE may not).
 */
export function snapshotStatements(): string[] {
  return [
    `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '${APP_DATABASE}' AND pid <> pg_backend_pid()`,
    `DROP DATABASE IF EXISTS ${SNAPSHOT_DATABASE}`,
    `CREATE DATABASE ${SNAPSHOT_DATABASE} TEMPLATE ${APP_DATABASE} STRATEGY FILE_COPY`,
  ];
}

export function restoreStatements(): string[] {
  return [`DROP DATABASE IF EXISTS ${APP_DATABASE} WITH (FORCE)`, `CREATE DATABASE ${APP_DATABASE} TEMPLATE ${SNAPSHOT_DATABASE} STRATEGY FILE_COPY`];
}

export class StackError extends Error {
  override name = 'StackError';
}

/**
 * The running compose project of one benchmark run, seen through one target: every
 * operation is a command built by Compose from the layout and the target, and executed by
 * the injected Runner. `at` gives the same stack for another target; nothing is mutated.
 */
export class Stack {
  constructor(
    private readonly run: Runner,
    readonly flavor: ComposeFlavor,
    readonly layout: StackLayout,
    readonly app: AppSpec,
    readonly target: SampleTarget,
    /** The engine's cores, read once per run and shared by every target. */
    private readonly engine: { cpus: number | null } = { cpus: null },
    /** What is kept warm between samples (warm.ts), shared by every target. */
    readonly warm: WarmState = new WarmState(),
  ) {}

  /** The same stack, for another target (a side, a setup, the chosen latency method). */
  at(target: SampleTarget): Stack {
    return new Stack(this.run, this.flavor, this.layout, this.app, target, this.engine, this.warm);
  }

  /** The target's app service: base's has its own (APP_SERVICES), so both sides of a cell stay warm. */
  get appService(): AppService {
    return appServiceOf(this.target.side);
  }

  get compose(): Compose {
    return new Compose(this.flavor, composeProject(this.layout, this.target));
  }

  get toxiproxy(): ToxiproxyClient {
    return new ToxiproxyClient(`http://127.0.0.1:${this.layout.toxiproxyApiPort}`);
  }

  /** The target setup's worker processes (its server command, filled in); null when unknown. */
  get workers(): number | null {
    return serverWorkers(serverCommand(this.target.setup, this.app, this.engine.cpus));
  }

  /** Writes the target's setup into the override file (its server command) and the settings module. */
  async writeSetupOverride(): Promise<void> {
    const setup = this.target.setup;
    const path = setupOverridePath(this.layout);
    await mkdir(dirname(path), { recursive: true });
    const cpus = setup.workers === null && setup.command.some((arg) => arg.includes('{workers}')) ? await this.appCpus() : null;
    await writeFile(settingsPath(this.layout), settingsModule(this.app));
    await writeFile(path, setupOverride(setup, this.app, cpus, settingsPath(this.layout), this.layout.root));
  }

  /** Cores the app container sees (no CPU limit is set: the engine's), for {workers}. */
  private async appCpus(): Promise<number> {
    if (this.engine.cpus === null) {
      const { stdout } = await runChecked(this.run, { command: 'docker', args: ['info', '--format', '{{.NCPU}}'] }, 'Reading the number of cores');
      const cpus = Number(stdout.trim());
      if (!Number.isInteger(cpus) || cpus < 1) throw new StackError(`docker info reported ${JSON.stringify(stdout.trim())} cores; set "workers" in the setup.`);
      this.engine.cpus = cpus;
    }
    return this.engine.cpus;
  }

  /**
   * Builds the images: db and load, and the target's app. Verbose streams compose's output; otherwise one line sums it
   * up, and a failed build's error carries the output's last lines (CommandError).
   */
  async build(options: { verbose: boolean; info: (line: string) => void }): Promise<void> {
    const start = Date.now();
    // db and load here; the app's images (project, then derived) through image-build.ts, whatever the app.
    const stack = await runChecked(this.run, this.compose.build(STACK_SERVICES), 'Building the images', { stream: options.verbose });
    const app = await buildAppImages(this.run, this.flavor, {
      app: this.app,
      source: this.target.app,
      root: this.layout.root,
      stateDir: stackStateDir(this.layout),
      baseImage: this.layout.baseImage,
      projectName: this.layout.projectName,
      verbose: options.verbose,
    });
    const output = [stack, ...app].map((result) => `${result.stdout}\n${result.stderr}`);
    if (!options.verbose) options.info(buildSummary(output, (Date.now() - start) / 1000));
  }

  /** Starts (or, when max_connections changed, recreates) the database, and Toxiproxy with it. */
  async startDatabase(): Promise<void> {
    // A recreated database (another max_connections) cut every app's connections.
    this.warm.forgetApps();
    const toxiproxy = this.target.latencyMethod === 'toxiproxy';
    await runChecked(this.run, this.compose.up(toxiproxy ? ['db', 'toxiproxy'] : ['db'], { noDeps: true }), 'Starting the database');
    await this.waitReady('db');
    if (toxiproxy) await this.waitToxiproxy();
  }

  /**
   * Once per run: migrate, then the app's own data steps (manage.py commands), each in
   * a one-off app container. Returns the last line each printed, for the log.
   */
  async prepareData(seedPosts: number): Promise<string[]> {
    const lines: string[] = [];
    for (const step of prepareSteps(prepareCommands(this.app, seedPosts))) {
      const result = await this.run(this.compose.run('app', ['python', 'manage.py', ...step.argv]));
      // Named by the step (app.prepare[1]: manage.py …), not by compose's long command line.
      if (result.exitCode !== 0) throw new StackError(stepFailureMessage(step, result));
      lines.push(result.stdout.trim().split('\n').at(-1) || `manage.py ${step.argv[0]}: done`);
    }
    return lines;
  }

  /**
   * Keeps the database as migrations and the data step left it, as a template
   * database: a file-level copy of every table, index and statistic, whatever the
   * schema, so no app needs a reset command of its own.
   */
  async snapshotDatabase(): Promise<void> {
    await runChecked(this.run, this.adminPsql(snapshotStatements()), 'Taking the database snapshot');
  }

  /**
   * Every cell starts from the snapshot: the database the last cell changed is
   * dropped (its connections closed) and copied afresh from the template. Returns the
   * seconds it took, which the cell records.
   */
  async restoreDatabase(): Promise<number> {
    const start = Date.now();
    // WITH (FORCE) cuts the apps' connections: a pooled one would fail its next query, so each app starts afresh.
    this.warm.forgetApps();
    this.warm.pristine = false;
    await runChecked(this.run, this.adminPsql(restoreStatements()), 'Restoring the database snapshot');
    this.warm.pristine = true;
    return (Date.now() - start) / 1000;
  }

  /** psql in the db container, on the maintenance database (CREATE/DROP DATABASE cannot run on the one they touch). */
  private adminPsql(statements: string[]) {
    return this.compose.exec('db', ['psql', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-Atq', ...statements.flatMap((sql) => ['-c', sql])]);
  }

  /** A fresh app container of the target's service, ready when a worker has loaded Django and reached the database. */
  async startApp(): Promise<void> {
    const service = this.appService;
    this.warm.forgetApp(service);
    await runChecked(this.run, this.compose.up([service], { recreate: true, noDeps: true }), 'Starting the app');
    try {
      await this.waitReady(service);
    } catch {
      const [state, logs] = await Promise.all([this.state(service).catch(() => null), this.logs(service).catch(() => '')]);
      throw new StackError(appNotReadyMessage(this.target.setup, this.app, state, logs, this.readyTimeout(service)));
    }
    this.warm.started(service, appKey(this.target));
  }

  /**
   * Stops the target's app at once: requests Locust abandoned (an undrained sample) would otherwise go on
   * being served into the next sample's window. The next sample of this service starts a fresh one.
   */
  async killApp(): Promise<void> {
    this.warm.forgetApp(this.appService);
    await runChecked(this.run, this.compose.kill([this.appService]), 'Stopping the app');
  }

  /**
   * The sample's app: the container already running for this very target (same side, image, setup and
   * latency method, no database restore since), else a fresh one. Returns whether it started one.
   */
  async readyApp(): Promise<boolean> {
    if (this.warm.app(this.appService, appKey(this.target))) return false;
    await this.startApp();
    return true;
  }

  private readyTimeout(service: 'db' | AppService): number {
    return service === 'db' ? READY_TIMEOUT_SECONDS : (this.layout.appReadyTimeoutSeconds ?? READY_TIMEOUT_SECONDS);
  }

  private async waitReady(service: 'db' | AppService): Promise<void> {
    // The app's image may be a team's: the ready-wait is mounted, not installed.
    const wait = service === 'db' ? ['async-bench-wait-ready'] : ['sh', WAIT_READY];
    await runChecked(this.run, this.compose.exec(service, [...wait, String(this.readyTimeout(service))]), `Waiting for ${service}`);
  }

  private async waitToxiproxy(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_SECONDS * 1000;
    for (;;) {
      try {
        await this.toxiproxy.version();
        return;
      } catch (error) {
        if (Date.now() > deadline)
          throw new StackError(
            `Toxiproxy's API (127.0.0.1:${this.layout.toxiproxyApiPort} → ${TOXIPROXY_API_PORT}) ` +
              `did not answer within ${READY_TIMEOUT_SECONDS} s: ${errorMessage(error)}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  async containerId(service: string): Promise<string | null> {
    const result = await this.run(this.compose.containerId(service));
    const id = result.stdout.trim().split('\n')[0] ?? '';
    return result.exitCode === 0 && id !== '' ? id : null;
  }

  /** `running`, or how the container ended (`exited 137`); null when there is none. `knownId` saves compose's lookup. */
  async state(service: string, knownId?: string): Promise<string | null> {
    const id = knownId ?? (await this.containerId(service));
    if (!id) return null;
    const result = await this.run(containerStateCommand(id));
    return result.exitCode === 0 ? result.stdout.trim() : null;
  }

  /** A service's log (stdout and stderr), optionally since an RFC 3339 time; `knownId` saves compose's lookup. */
  async logs(service: string, since?: string, knownId?: string): Promise<string> {
    const id = knownId ?? (await this.containerId(service));
    if (!id) return '';
    const result = await this.run(containerLogsCommand(id, since));
    return `${result.stdout}${result.stderr}`;
  }

  async down(): Promise<void> {
    const result = await this.run(this.compose.down());
    if (result.exitCode !== 0) throw new CommandError(this.compose.down(), result, 'Tearing the stack down');
  }
}

/** `Images built in 31.2 s (4 images; 12 of 40 steps cached); --verbose shows the build output.` */
export function buildSummary(output: string | string[], seconds: number): string {
  // One output per build command: BuildKit numbers the steps of each build from #1.
  const outputs = typeof output === 'string' ? [output] : output;
  const images = new Set(outputs.flatMap((text) => [...text.matchAll(/naming to (?:docker\.io\/library\/)?(\S+)/g)].map((match) => match[1]!)));
  const cached = outputs.reduce((sum, text) => sum + (text.match(/\bCACHED\b/g) ?? []).length, 0);
  const steps = outputs.reduce((sum, text) => sum + new Set([...text.matchAll(/^#(\d+) \[/gm)].map((match) => match[1])).size, 0);
  const parts = [...(images.size ? [`${images.size} image${images.size === 1 ? '' : 's'}`] : []), ...(steps ? [`${cached} of ${steps} steps cached`] : [])];
  return `Images built in ${seconds.toFixed(1)} s${parts.length ? ` (${parts.join('; ')})` : ''}; --verbose shows the build output.`;
}
