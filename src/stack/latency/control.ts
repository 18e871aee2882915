/** The latency method: netem's preflight, the choice under `auto`, and a cell's latency turned on. */
import { runChecked } from '../exec/command.js';
import type { LatencyMethod } from '../../core/config/build.js';
import type { Runner } from '../exec/command.js';
import type { ActiveLatencyMethod } from '../project.js';
import type { Stack } from '../stack.js';
import { explainNetemFailure, netemAddArgs, netemDeleteArgs, netemReplaceArgs, NetemUnavailableError } from './netem.js';
import type { HostLog, NetemModuleOutcome } from './netem-module.js';
import { latencyRequests, PROXIES } from './toxiproxy.js';

/**
 * Proves netem works in the app container: a throwaway container (same image,
 * same capabilities) adds a 1 ms netem qdisc. Returns null when it does, else the
 * explained failure.
 */
export async function netemPreflight(run: Runner, stack: Stack): Promise<NetemUnavailableError | null> {
  const result = await run(stack.compose.run('app', netemAddArgs(1)));
  return result.exitCode === 0 ? null : explainNetemFailure(result.exitCode, `${result.stdout}\n${result.stderr}`);
}

/**
 * The host first (sch_netem loaded, installed if allowed), then the preflight. The
 * preflight runs even when preparing the host failed, because the kernel may load
 * the module on its own; when the qdisc is then unknown, the host's reason is the
 * one worth telling (it names the package, sudo, apt). Null when netem works.
 */
export async function netemAvailability(
  prepareHost: () => Promise<NetemModuleOutcome>,
  preflight: () => Promise<NetemUnavailableError | null>,
  log: HostLog,
): Promise<NetemUnavailableError | null> {
  const host = await prepareHost();
  log('netem preflight: a throwaway app container adds a 1 ms netem qdisc…');
  const failure = await preflight();
  if (!failure) {
    log('netem preflight passed.');
    return null;
  }
  log(`netem preflight failed: ${failure.message}`);
  return !host.ready && failure.kind === 'no-qdisc' ? new NetemUnavailableError(host.explanation, 'no-qdisc') : failure;
}

export interface LatencyChoice {
  method: ActiveLatencyMethod;
  /** Why, for the log: e.g. the netem preflight's failure under `auto`. */
  note: string;
  /** Why `auto` fell back to Toxiproxy (recorded in results.json); null when it did not. */
  fallbackReason: string | null;
}

/** `auto` takes netem when its preflight passes, else Toxiproxy; `netem` fails clearly instead. */
export async function chooseLatencyMethod(requested: LatencyMethod, preflight: () => Promise<Error | null>): Promise<LatencyChoice> {
  if (requested === 'toxiproxy') return { method: 'toxiproxy', note: 'latency-method: toxiproxy', fallbackReason: null };
  const failure = await preflight();
  if (!failure) return { method: 'netem', note: 'netem preflight passed', fallbackReason: null };
  if (requested === 'netem') throw failure;
  return { method: 'toxiproxy', note: `netem is unavailable, so Toxiproxy adds the latency: ${failure.message}`, fallbackReason: failure.message };
}

/** The tc command that takes an app container's netem delay from `current` ms to `wanted` ms; null when none is needed. */
export function netemChange(current: number, wanted: number): string[] | null {
  if (current === wanted) return null;
  if (wanted === 0) return netemDeleteArgs();
  return current === 0 ? netemAddArgs(wanted) : netemReplaceArgs(wanted);
}

/**
 * Turns a cell's latency on, after the app is ready and before the load starts. Toxiproxy's proxies are reset and
 * set for every sample (both app proxies alike); netem changes the sample's app container only where its delay
 * differs (a fresh container has none; a warm one keeps its last sample's).
 */
export async function applyLatency(run: Runner, stack: Stack, latencyMs: number): Promise<void> {
  if (stack.target.latencyMethod === 'toxiproxy') {
    await stack.toxiproxy.sendAll(latencyRequests(PROXIES, latencyMs));
    return;
  }
  const service = stack.appService;
  const change = netemChange(stack.warm.latencyOf(service), latencyMs);
  if (change === null) return;
  await runChecked(run, stack.compose.exec(service, change), `Setting ${latencyMs} ms with netem`);
  stack.warm.latencyApplied(service, latencyMs);
}
