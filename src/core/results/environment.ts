import { cpus, release, platform, arch, totalmem } from 'node:os';
import type { Environment } from './schema.js';

export type { Environment } from './schema.js';

/** What the host can tell about itself; the stack fills in its own fields (null until then). */
export function hostEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const cores = cpus();
  return {
    cpuCount: cores.length || null,
    cpuModel: cores[0]?.model.trim() ?? null,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    kernel: release(),
    platform: `${platform()}-${arch()}`,
    node: process.version,
    runner: env.RUNNER_NAME ? `${env.RUNNER_OS ?? ''} ${env.RUNNER_NAME}`.trim() : null,
    docker: null,
    compose: null,
    stack: {},
    latencyMethod: null,
    latencyFallbackReason: null,
    app: null,
    base: null,
  };
}
