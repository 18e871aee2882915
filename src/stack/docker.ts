/** The engine a run needs: Docker answering, and which Compose runs the stack (the v2 plugin, else v1's docker-compose). */
import { join } from 'node:path';
import type { Command, Runner } from './exec/command.js';
import { tail } from './exec/command.js';
import { packageRoot } from './package-root.js';

/** The Docker engine is missing, stopped or unreachable; the message says how to fix it. */
export class DockerUnavailableError extends Error {
  override name = 'DockerUnavailableError';
}

export const dockerVersionCommand: Command = { command: 'docker', args: ['version', '--format', '{{.Server.Version}}'] };

/** By its full path: installed with npx, the script is in the package (package.json `files`), not in the team's repository. */
const provisionHint = (): string => `On Debian or Ubuntu, sudo bash ${join(packageRoot(), 'scripts', 'provision-docker.sh')} installs and starts it.`;

/** Checks that a Docker engine answers; returns its version. */
export async function checkDocker(run: Runner): Promise<string> {
  const result = await run(dockerVersionCommand);
  if (result.exitCode === 0) return result.stdout.trim();
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.exitCode === 127) {
    throw new DockerUnavailableError(
      `Docker is not installed (no "docker" command on PATH). Install Docker Engine with the compose plugin. ${provisionHint()}`,
    );
  }
  if (/permission denied/i.test(output)) {
    throw new DockerUnavailableError(
      `Docker is installed but this user may not use its socket (permission denied). Run as root or add the user to the "docker" group.\n${tail(output, 3)}`,
    );
  }
  if (/Cannot connect to the Docker daemon|Is the docker daemon running|error during connect/i.test(output)) {
    throw new DockerUnavailableError(
      `Docker is installed but its daemon is not running. Start it (systemctl start docker, or dockerd &). ${provisionHint()}\n${tail(output, 3)}`,
    );
  }
  throw new DockerUnavailableError(`"docker version" failed (exit ${result.exitCode}):\n${tail(output, 5)}`);
}

/** Compose v2 (`docker compose`, as on GitHub runners) or v1 (`docker-compose`). */
export interface ComposeFlavor {
  command: string;
  prefix: string[];
  version: string;
}

export async function detectCompose(run: Runner): Promise<ComposeFlavor> {
  const v2 = await run({ command: 'docker', args: ['compose', 'version', '--short'] });
  if (v2.exitCode === 0) return { command: 'docker', prefix: ['compose'], version: v2.stdout.trim() };
  const v1 = await run({ command: 'docker-compose', args: ['version', '--short'] });
  if (v1.exitCode === 0) return { command: 'docker-compose', prefix: [], version: v1.stdout.trim() };
  throw new DockerUnavailableError(
    `Neither "docker compose" (v2) nor "docker-compose" (v1) works. Install the Docker Compose plugin. ${provisionHint()}\n${tail(v2.stderr, 3)}`,
  );
}
