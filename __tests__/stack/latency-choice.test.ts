import { describe, expect, it } from 'vitest';
import { chooseLatencyMethod, netemAvailability } from '../../src/stack/latency/control.js';
import { explainNetemFailure, NetemUnavailableError } from '../../src/stack/latency/netem.js';
import type { NetemModuleOutcome } from '../../src/stack/latency/netem-module.js';

const NO_QDISC = explainNetemFailure(2, 'Error: Specified qdisc kind is unknown.\n');
const NO_NET_ADMIN = explainNetemFailure(2, 'RTNETLINK answers: Operation not permitted\n');
const HOST_REASON =
  'sch_netem is not installed for kernel 6.8.0-1021-azure and apt has no package linux-modules-extra-6.8.0-1021-azure. Use latency-method: toxiproxy (or auto, which falls back to it).';
const HOST_FAILED: NetemModuleOutcome = { ready: false, cause: 'package-not-found', explanation: HOST_REASON };
const HOST_READY: NetemModuleOutcome = { ready: true, how: 'installed and loaded' };

async function availability(host: NetemModuleOutcome, preflight: NetemUnavailableError | null) {
  const order: string[] = [];
  const log: string[] = [];
  const result = await netemAvailability(
    async () => (order.push('host'), host),
    async () => (order.push('preflight'), preflight),
    (line) => log.push(line),
  );
  return { result, order, log };
}

describe('netem availability: the host first, then the preflight', () => {
  it('prepares the host before the preflight, and the preflight decides', async () => {
    const { result, order, log } = await availability(HOST_READY, null);
    expect(order).toEqual(['host', 'preflight']);
    expect(result).toBeNull();
    expect(log).toEqual(['netem preflight: a throwaway app container adds a 1 ms netem qdisc…', 'netem preflight passed.']);
  });

  it('the preflight still runs when the host could not be prepared (the kernel may load the module itself)', async () => {
    const { result, order } = await availability(HOST_FAILED, null);
    expect(order).toEqual(['host', 'preflight']);
    expect(result).toBeNull();
  });

  it('an unknown qdisc after a failed preparation is explained by the host: package, sudo, apt', async () => {
    const { result } = await availability(HOST_FAILED, NO_QDISC);
    expect(result).toBeInstanceOf(NetemUnavailableError);
    expect(result?.message).toBe(HOST_REASON);
    expect(result?.kind).toBe('no-qdisc');
  });

  it("a container-side failure (no NET_ADMIN) is the preflight's own, whatever the host said", async () => {
    expect((await availability(HOST_FAILED, NO_NET_ADMIN)).result).toBe(NO_NET_ADMIN);
    expect((await availability(HOST_READY, NO_QDISC)).result).toBe(NO_QDISC);
  });
});

describe('choosing the latency method', () => {
  it('auto falls back to Toxiproxy and records the reason', async () => {
    const failure = new NetemUnavailableError(HOST_REASON, 'no-qdisc');
    const choice = await chooseLatencyMethod('auto', async () => failure);
    expect(choice).toEqual({
      method: 'toxiproxy',
      note: `netem is unavailable, so Toxiproxy adds the latency: ${failure.message}`,
      fallbackReason: failure.message,
    });
  });

  it('auto takes netem when it works: no fallback reason', async () => {
    expect(await chooseLatencyMethod('auto', async () => null)).toEqual({ method: 'netem', note: 'netem preflight passed', fallbackReason: null });
  });

  it('explicit netem stops before measuring with the explanation', async () => {
    await expect(chooseLatencyMethod('netem', async () => NO_QDISC)).rejects.toBe(NO_QDISC);
  });

  it('explicit toxiproxy neither prepares nor probes netem', async () => {
    let probed = false;
    const choice = await chooseLatencyMethod('toxiproxy', async () => ((probed = true), null));
    expect(probed).toBe(false);
    expect(choice.fallbackReason).toBeNull();
  });
});
