/** The run's environment as results.json records it: the host, the engine, the latency method and what the images hold. */
import { hostEnvironment, type Environment } from '../core/results/environment.js';
import type { Runner } from './exec/command.js';
import type { StackFingerprint } from './fingerprint.js';
import type { AppSource } from './image-build.js';
import type { LatencyChoice } from './latency/control.js';
import type { Engine } from './prepare-stack.js';

/** Which app this run measured: its folder, the checkout's commit and the image built from it. */
async function appIdentity(run: Runner, app: AppSource): Promise<Environment['app']> {
  const [commit, image] = await Promise.all([
    run({ command: 'git', args: ['-C', app.context, 'rev-parse', 'HEAD'] }),
    run({ command: 'docker', args: ['image', 'inspect', '--format', '{{.Id}}', app.image] }),
  ]);
  const value = (result: { exitCode: number; stdout: string }) => (result.exitCode === 0 && result.stdout.trim() !== '' ? result.stdout.trim() : null);
  return { path: app.context, commit: value(commit), image: value(image) };
}

/** The host, completed with what the stack reported (engine, versions inside the images, latency method, the apps). */
export async function runEnvironment(
  run: Runner,
  env: NodeJS.ProcessEnv,
  stack: { engine: Engine; latency: LatencyChoice; fingerprint: StackFingerprint; head: AppSource; base: AppSource | null },
): Promise<Environment> {
  const { fingerprint } = stack;
  return {
    ...hostEnvironment(env),
    app: await appIdentity(run, stack.head),
    base: stack.base ? await appIdentity(run, stack.base) : null,
    docker: stack.engine.docker,
    compose: stack.engine.flavor.version,
    latencyMethod: stack.latency.method,
    latencyFallbackReason: stack.latency.fallbackReason,
    kernel: fingerprint.kernel,
    cpuCount: fingerprint.cpuCount,
    stack: fingerprint.stack,
  };
}
