/**
 * The run's fixed layout (folders, project name, ports, ids) and what one sample runs against (SampleTarget),
 * and from the two: the compose project, the setup override, where Locust sends its requests.
 */
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { AppSpec, SetupSpec } from '../core/config/build.js';
import type { SampleSide } from '../core/plan/paired-order.js';
import { ASYNC_BENCH_ROOT } from '../core/config/defaults.js';
import { serverCommand } from '../core/config/server-command.js';
import { settingsEnvironment, SETTINGS_DIR, SETTINGS_FILE } from './app-settings.js';
import type { AppSource } from './image-build.js';
import type { ComposeProject } from './compose.js';
import { TOXIPROXY_ROUTES } from './latency/toxiproxy.js';

export type ActiveLatencyMethod = 'netem' | 'toxiproxy';

/** The compose files that ship with async-bench, relative to its root. */
export const COMPOSE_FILE = 'compose/docker-compose.yml';
export const TOXIPROXY_FILE = 'compose/toxiproxy.yml';
export const LOAD_PROFILE = 'load';
/** Where the run keeps its generated compose override (the current setup). */
export const STACK_STATE_DIR = '.stack';
export const SETUP_OVERRIDE_FILE = 'setup.yml';

export const DEFAULT_BASE_IMAGE = 'debian:trixie-slim';

/** What stays the same for the whole run, whatever the sample. */
export interface StackLayout {
  /** async-bench's own root (compose/, locust/). */
  readonly root: string;
  /** The workspace: relative paths of the config (a route's locustfile) resolve against it. */
  readonly workspace: string;
  /** The run's output folder (absolute). */
  readonly outDir: string;
  readonly projectName: string;
  readonly toxiproxyApiPort: number;
  readonly baseImage: string;
  readonly uid: number;
  readonly gid: number;
  /** Seconds a fresh app may take to be ready; READY_TIMEOUT_SECONDS when absent (tests shorten it). */
  readonly appReadyTimeoutSeconds?: number;
}

/**
 * What one sample (or a step before the samples) runs against, fixed when it is made: the
 * compose project and the app service are derived from it, so switching sides or setups is a
 * new target, never a change to one. Only the app service reads `app`, so a target that differs
 * only in side recreates the app container and leaves db and Toxiproxy running.
 */
export interface SampleTarget {
  /** base or head in a same-runner run (baseline: base); null otherwise. */
  readonly side: SampleSide | null;
  /** How the app's images are built (image-build.ts); `image` is the one the stack runs. */
  readonly app: AppSource;
  /** Chosen before the first sample; `netem` before the choice, when nothing adds latency yet. */
  readonly latencyMethod: ActiveLatencyMethod;
  readonly setup: SetupSpec;
}

/**
 * The app's services: head's (or the only side's) and base's, the same service under two names
 * (docker-compose.yml), so a cell's two sides each keep their container across its pairs.
 */
export const APP_SERVICES = { head: 'app', base: 'app_base' } as const;
export type AppService = (typeof APP_SERVICES)[keyof typeof APP_SERVICES];

export function appServiceOf(side: SampleSide | null): AppService {
  return side === 'base' ? APP_SERVICES.base : APP_SERVICES.head;
}

/** The app's folder on this machine: {async-bench} is async-bench's root; anything else is relative to the workspace. */
export function appContext(context: string, root: string, cwd: string): string {
  return resolve(cwd, context.replaceAll(ASYNC_BENCH_ROOT, root));
}

/** The image the stack runs for an app (the derived one), so the reference app's cached image is never a team's. */
export function appImage(app: Pick<AppSpec, 'name'>): string {
  return `async-bench-app-${app.name.toLowerCase().replace(/[^a-z0-9_.-]/g, '-')}:local`;
}

/** async-bench's own files every app container gets (read-only), whatever its image. */
export const SUPPORT_DIR = '/opt/async-bench';
export const WAIT_READY = `${SUPPORT_DIR}/async-bench-wait-ready`;
const GUNICORN_CONF = `${SUPPORT_DIR}/gunicorn.conf.py`;

/** The run's generated files (setup override, settings module, images file). */
export function stackStateDir(layout: Pick<StackLayout, 'outDir'>): string {
  return join(layout.outDir, STACK_STATE_DIR);
}

export function setupOverridePath(layout: Pick<StackLayout, 'outDir'>): string {
  return join(layout.outDir, STACK_STATE_DIR, SETUP_OVERRIDE_FILE);
}

/** The generated settings module on the host, mounted read-only into every app container. */
export function settingsPath(layout: Pick<StackLayout, 'outDir'>): string {
  return join(layout.outDir, STACK_STATE_DIR, SETTINGS_FILE);
}

/**
 * The compose project of one run, for one target. The setup's database size goes into the env
 * (interpolated by docker-compose.yml); the server command and its environment go
 * into a generated override, so a setup is data: new ones need no code.
 */
export function composeProject(layout: StackLayout, target: SampleTarget): ComposeProject {
  const toxiproxy = target.latencyMethod === 'toxiproxy' ? [join(layout.root, TOXIPROXY_FILE)] : [];
  return {
    name: layout.projectName,
    files: [join(layout.root, COMPOSE_FILE), ...toxiproxy, setupOverridePath(layout)],
    env: {
      BASE_IMAGE: layout.baseImage,
      ASYNC_BENCH_DB_MAX_CONNECTIONS: String(target.setup.database.maxConnections),
      ASYNC_BENCH_TOXIPROXY_API_PORT: String(layout.toxiproxyApiPort),
      ASYNC_BENCH_UID: String(layout.uid),
      ASYNC_BENCH_GID: String(layout.gid),
      ASYNC_BENCH_APP_IMAGE: target.app.image,
    },
    profiles: [LOAD_PROFILE],
  };
}

/**
 * The override file's text for one setup. ASYNC_BENCH_HEALTH_URL lets the ready-wait
 * fall back to one request to the health path, for servers without gunicorn's
 * ready hook (plain uvicorn).
 */
export function setupOverride(setup: SetupSpec, app: AppSpec, cpus: number | null, settingsPath: string, root: string): string {
  const service = {
    command: serverCommand(setup, app, cpus),
    environment: {
      ASYNC_BENCH_HEALTH_URL: `http://127.0.0.1:${app.port}${app.healthPath}`,
      // gunicorn's ready hook (the ready file the ready-wait tests), for any image.
      GUNICORN_CMD_ARGS: `--config ${GUNICORN_CONF}`,
      ...settingsEnvironment(app),
      ...setup.env,
    },
    volumes: [
      `${settingsPath}:${SETTINGS_DIR}/${SETTINGS_FILE}:ro`,
      `${join(root, 'compose/app/async-bench-wait-ready')}:${WAIT_READY}:ro`,
      `${join(root, 'compose/app/gunicorn.conf.py')}:${GUNICORN_CONF}:ro`,
    ],
  };
  const document = { services: Object.fromEntries(Object.values(APP_SERVICES).map((name) => [name, service])) };
  return `# Generated by async-bench for setup "${setup.name}"; rewritten per setup.\n${stringify(document, { aliasDuplicateObjects: false })}`;
}

/** Where Locust sends requests: the side's app itself (netem) or its proxy (toxiproxy). */
export function loadTarget(method: ActiveLatencyMethod, app: AppSpec, side: SampleSide | null = null): string {
  if (method === 'toxiproxy') return side === 'base' ? TOXIPROXY_ROUTES.baseAppUrl : TOXIPROXY_ROUTES.appUrl;
  return `http://${appServiceOf(side)}:${app.port}`;
}

/** A free loopback port for Toxiproxy's API, so a taken 8474 never stops a run. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
