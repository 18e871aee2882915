import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Runner } from '../../src/stack/exec/command.js';
import { processRunner } from '../../src/stack/exec/runner.js';
import { checkDocker, detectCompose, DockerUnavailableError } from '../../src/stack/docker.js';

const runner = processRunner({ write: () => undefined });

describe('Docker preflight, against the real docker CLI', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('says Docker is not installed when there is no docker command, and how to get it', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'no-docker-'));
    process.env.PATH = empty;
    try {
      await expect(checkDocker(runner)).rejects.toThrow(DockerUnavailableError);
      const message = await checkDocker(runner).then(
        () => '',
        (error: Error) => error.message,
      );
      // The script by a path that exists wherever async-bench runs from (a clone, or installed with npx).
      const script = /sudo bash (\S+provision-docker\.sh) installs/.exec(message)?.[1];
      expect(message).toMatch(/^Docker is not installed/);
      expect(script && isAbsolute(script) && existsSync(script), message).toBe(true);
      await expect(detectCompose(runner)).rejects.toThrow(/Neither "docker compose" \(v2\) nor "docker-compose" \(v1\) works/);
    } finally {
      await rm(empty, { recursive: true });
    }
  });

  it.runIf(process.env.PATH?.split(':').some((dir) => dir && existsSync(join(dir, 'docker'))))(
    'says the daemon is not running when the docker CLI cannot reach it',
    async () => {
      const unreachable: Runner = (command, options) =>
        runner({ ...command, env: { ...command.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' } }, options);
      await expect(checkDocker(unreachable)).rejects.toThrow(/Docker is installed but its daemon is not running/);
    },
  );
});
