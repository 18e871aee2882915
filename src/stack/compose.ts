/** `docker compose` commands as data (and the two `docker` ones a container needs): nothing here runs anything. */
import type { Command } from './exec/command.js';
import type { ComposeFlavor } from './docker.js';

export interface ComposeProject {
  /** `-p`: isolates containers, networks and volumes of one run. */
  name: string;
  /** `-f` files, in order; later files override earlier ones. */
  files: string[];
  /** Variables the compose files interpolate; the same for every call, or compose recreates containers. */
  env: Record<string, string>;
  /** `--profile`s to enable (the `load` service lives in profile `load`). */
  profiles?: string[];
}

/**
 * Builds `docker compose` commands as data. Nothing here runs anything: the
 * stack passes these to its Runner, and tests assert the argument arrays.
 */
export class Compose {
  constructor(
    readonly flavor: ComposeFlavor,
    readonly project: ComposeProject,
  ) {}

  private command(args: string[], profiles: string[] = []): Command {
    return {
      command: this.flavor.command,
      args: [
        ...this.flavor.prefix,
        '--project-name',
        this.project.name,
        ...this.project.files.flatMap((file) => ['--file', file]),
        ...profiles.flatMap((profile) => ['--profile', profile]),
        ...args,
      ],
      env: this.project.env,
    };
  }

  /** Builds the given services' images (every one when none is named), profiles included. */
  build(services: string[] = [], buildArgs: Record<string, string> = {}): Command {
    return this.command(
      ['build', ...Object.entries(buildArgs).flatMap(([key, value]) => ['--build-arg', `${key}=${value}`]), ...services],
      this.project.profiles,
    );
  }

  /**
   * Starts services in the background; readiness is awaited separately (v1 has no
   * --wait). A forced recreate kills the old container at once: its cell is over and
   * its log already saved, and a graceful stop of a worker still busy with CPU-bound
   * requests would add seconds to every cell.
   */
  up(services: string[], options: { recreate?: boolean; noDeps?: boolean } = {}): Command {
    return this.command([
      'up',
      '--detach',
      ...(options.recreate ? ['--force-recreate', '--timeout', '0'] : []),
      ...(options.noDeps ? ['--no-deps'] : []),
      ...services,
    ]);
  }

  /** SIGKILL to a service's containers: they stay, exited, with their logs. */
  kill(services: string[]): Command {
    return this.command(['kill', ...services]);
  }

  /** Container id of a service, running or exited (an app that crashed still has logs to read). */
  containerId(service: string): Command {
    return this.command(['ps', '--all', '--quiet', service]);
  }

  exec(service: string, argv: string[]): Command {
    return this.command(['exec', '-T', service, ...argv]);
  }

  /** A one-off container of `service` with volumes and environment of its own. */
  /** `passEnv`: variables handed over by name (`--env NAME`), so a secret's value is never an argument. */
  run(service: string, argv: string[], options: { volumes?: string[]; env?: Record<string, string>; passEnv?: string[] } = {}): Command {
    return this.command([
      'run',
      '--rm',
      '--no-deps',
      '-T',
      ...(options.volumes ?? []).flatMap((volume) => ['--volume', volume]),
      ...Object.entries(options.env ?? {}).flatMap(([key, value]) => ['--env', `${key}=${value}`]),
      ...(options.passEnv ?? []).flatMap((name) => ['--env', name]),
      service,
      ...argv,
    ]);
  }

  down(): Command {
    return this.command(['down', '--volumes', '--remove-orphans', '--timeout', '5'], this.project.profiles);
  }
}

/**
 * A container's log. `docker logs`, not `compose logs`: compose 2.26 prefixes every
 * line with an ANSI erase sequence even with --no-color (docker/compose#11727).
 */
export function containerLogsCommand(containerId: string, since?: string): Command {
  return { command: 'docker', args: ['logs', '--timestamps', ...(since ? ['--since', since] : []), containerId] };
}

/** `running 0`, `exited 3`: whether a container still runs and how it ended. */
export function containerStateCommand(containerId: string): Command {
  return { command: 'docker', args: ['inspect', '--format', '{{.State.Status}} {{.State.ExitCode}}', containerId] };
}
