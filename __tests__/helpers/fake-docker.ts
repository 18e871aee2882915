import { cp } from 'node:fs/promises';
import type { Command, CommandResult, Runner } from '../../src/stack/exec/command.js';
import { CELL_MOUNT } from '../../src/stack/locust-command.js';
import { PREFLIGHT_ENV, PREFLIGHT_SCRIPT } from '../../src/stack/preflight-report.js';
import { fixture } from './fixtures.js';

/**
 * A stand-in Docker engine behind the Runner seam (the one place async-bench runs
 * commands): it answers every command like a healthy stack, with the versions
 * given, and a Locust run writes a captured clean cell into the mounted folder. It
 * lets runBenchmark's folder handling run for real without an engine; what it
 * cannot show (timings, the app) the e2e tests measure on the real stack.
 */
export interface FakeDocker {
  runner: Runner;
  calls: Command[];
  /** Folders Locust wrote into, in order. */
  locustRuns: string[];
}

export interface FakeDockerOptions {
  docker?: string;
  django?: string;
  /** `docker version` fails as with a stopped daemon. */
  unavailable?: boolean;
  /** Called as each command runs, before its answer (to look at the folder, or send a signal). */
  onCommand?: (command: Command, fake: FakeDocker) => void | Promise<void>;
  /** The preflight's answer per route name; default: the route's first expected status, else 200. */
  preflightStatus?: (route: string) => number;
  /**
   * The statements each sample's signals window reads from the database (its containers listed by
   * `docker ps`); without it the window reads nothing, as where no container answers.
   */
  statements?: (sampleDir: string) => string[];
}

const ok = (stdout = ''): CommandResult => ({ exitCode: 0, stdout, stderr: '' });

/** A cell's Locust run: the one command that mounts a cell folder. */
export const isLoadRun = (command: Command): boolean => command.args.includes('locust') && command.args.includes('--volume');

export function fakeDocker(options: FakeDockerOptions = {}): FakeDocker {
  const fake: FakeDocker = {
    calls: [],
    locustRuns: [],
    runner: async (command) => {
      fake.calls.push(command);
      await options.onCommand?.(command, fake);
      const { args } = command;
      const has = (...words: string[]) => words.every((word) => args.includes(word));
      if (command.command === 'docker' && args[0] === 'version') {
        return options.unavailable
          ? { exitCode: 1, stdout: '', stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' }
          : ok(options.docker ?? '27.3.1');
      }
      if (has('compose', 'version')) return ok('2.29.7');
      if (command.command === 'docker' && args[0] === 'info') return ok('6.1.0|4');
      if (has('python', '-c')) return ok(JSON.stringify({ python: '3.12.7', django: options.django ?? '5.1.4', locust: '2.32.4' }));
      if (has('seed_posts')) return ok('inserted 1000 posts in 0.1 s');
      if (has('psql', 'SHOW server_version')) return ok('17.2');
      if (has('python', PREFLIGHT_SCRIPT)) return ok(preflightAnswers(args, options.preflightStatus));
      if (options.statements) {
        if (command.command === 'docker' && args[0] === 'ps') return ok('db c-db\napp c-app\napp_base c-app-base\n');
        if (command.command === 'docker' && args[0] === 'inspect') return ok('running 0');
        if (args[0] === 'exec' && has('psql') && args.some((arg) => arg.includes('pg_stat_statements_reset'))) return ok(JSON.stringify({ files: {} }));
        if (args[0] === 'exec' && has('psql') && args[1] === 'c-db') {
          const queries = options.statements(fake.locustRuns.at(-1) ?? '');
          return ok(JSON.stringify({ files: {}, statements: queries.map((query) => ({ query, calls: 1, rows: 1, totalMs: 1 })) }));
        }
      }
      if (isLoadRun(command)) {
        const volume = args[args.indexOf('--volume') + 1]!;
        const dir = volume.slice(0, volume.lastIndexOf(`:${CELL_MOUNT}`));
        fake.locustRuns.push(dir);
        await cp(fixture('locust-current', 'clean'), dir, { recursive: true });
        return ok();
      }
      return ok();
    },
  };
  return fake;
}

/** The preflight's one request per route: each answers its first expected status (else 200). */
function preflightAnswers(args: string[], status?: (route: string) => number): string {
  const value = args.find((arg) => arg.startsWith(`${PREFLIGHT_ENV}=`))!.slice(PREFLIGHT_ENV.length + 1);
  const entries = JSON.parse(value) as { route: string; request: { method: string; name: string; expect: number[] } }[];
  return entries
    .map(
      ({ route, request }) =>
        `PREFLIGHT ${JSON.stringify({ route, method: request.method, url: request.name, status: status?.(route) ?? request.expect[0] ?? 200, body: 'answer body', error: null })}`,
    )
    .join('\n');
}
