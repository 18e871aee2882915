/** The netem method's commands and its failures explained (no qdisc, not permitted, no tc). */
import { tail } from '../exec/command.js';

/**
 * The study's method: `tc qdisc add dev eth0 root netem delay <L>ms` inside the
 * app container. It delays every packet the app sends: responses, database
 * queries and connection set-up.
 */
export const NETEM_INTERFACE = 'eth0';

export function netemAddArgs(latencyMs: number): string[] {
  return ['tc', 'qdisc', 'add', 'dev', NETEM_INTERFACE, 'root', 'netem', 'delay', `${latencyMs}ms`];
}

/** A warm app's delay changed: `replace` sets it whether or not a netem qdisc is there. */
export function netemReplaceArgs(latencyMs: number): string[] {
  return ['tc', 'qdisc', 'replace', 'dev', NETEM_INTERFACE, 'root', 'netem', 'delay', `${latencyMs}ms`];
}

/** A warm app back to 0 ms: no qdisc at all, as a fresh container has. */
export function netemDeleteArgs(): string[] {
  return ['tc', 'qdisc', 'del', 'dev', NETEM_INTERFACE, 'root'];
}

/** Why the preflight failed: `no-qdisc` is the kernel's part, which preparing the host may explain better. */
export type NetemFailureKind = 'no-qdisc' | 'not-permitted' | 'no-tc' | 'other';

export class NetemUnavailableError extends Error {
  override name = 'NetemUnavailableError';
  constructor(
    message: string,
    readonly kind: NetemFailureKind = 'other',
  ) {
    super(message);
  }
}

/** The way out every netem explanation ends with. */
export const ALTERNATIVE = 'Use latency-method: toxiproxy (or auto, which falls back to it).';

/** Turns a failed netem preflight into the cause and the fix. */
export function explainNetemFailure(exitCode: number, output: string): NetemUnavailableError {
  if (/Specified qdisc kind is unknown|Unknown qdisc "netem"|qdisc kind is unknown/i.test(output)) {
    return new NetemUnavailableError(
      `netem is not available in this kernel (the sch_netem module is missing: "${tail(output, 1).trim()}"). ` +
        `Load it on the host with "modprobe sch_netem" (Ubuntu: package ` +
        `linux-modules-extra-$(uname -r)); WSL2 and Docker Desktop kernels lack it. ${ALTERNATIVE}`,
      'no-qdisc',
    );
  }
  if (/Operation not permitted/i.test(output)) {
    return new NetemUnavailableError(
      `tc may not change the app container's network ("Operation not permitted"): the app service ` +
        `needs the NET_ADMIN capability (cap_add: [NET_ADMIN] in the compose file). ${ALTERNATIVE}`,
      'not-permitted',
    );
  }
  if (exitCode === 127 || /executable file not found|tc: not found/i.test(output)) {
    return new NetemUnavailableError(`the app image has no "tc" command: install iproute2 in it. ${ALTERNATIVE}`, 'no-tc');
  }
  return new NetemUnavailableError(`the netem preflight failed (exit ${exitCode}): ${tail(output, 3)}. ${ALTERNATIVE}`);
}
