import { cpus, release, platform, arch, totalmem } from 'node:os';

/**
 * What ran: enough to know, when two results differ, whether the machine or the
 * software did. Fields the host cannot tell stay null; the stack fills its own.
 */
export interface Environment {
  cpuCount: number | null;
  cpuModel: string | null;
  memoryGiB: number | null;
  kernel: string | null;
  platform: string | null;
  node: string | null;
  runner: string | null;
  docker: string | null;
  compose: string | null;
  /** Python packages and servers inside the stack, e.g. django, gunicorn, locust, postgresql. */
  stack: Record<string, string | null>;
  latencyMethod: 'netem' | 'toxiproxy' | null;
  /** Why `auto` added the latency with Toxiproxy instead of netem; null when it did not fall back. */
  latencyFallbackReason: string | null;
}

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
  };
}
