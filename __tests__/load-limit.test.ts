import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/core/report/body.js';
import { loadLimited } from '../src/core/results/load-limit.js';
import { makeSignals, run27WithSignals } from './helpers/signals.js';

/** Locust's measured CPU share (synthetic signals on the real run-27 cells) decides whether the load generator was the limit. */
describe('the load generator as the limit', () => {
  const withLoadShare = (share: number) => {
    const signals = makeSignals();
    return { ...signals, cpu: { ...signals.cpu, load: { ...signals.cpu.load!, share } } };
  };

  it('is measured from Locust’s CPU share where the sample has signals, else taken from its warning', () => {
    expect(loadLimited({ locustCpuWarning: false, signals: withLoadShare(0.95) })).toBe(true);
    // The measurement overrides Locust's own warning, which is a guess from one moment of its log.
    expect(loadLimited({ locustCpuWarning: true, signals: withLoadShare(0.4) })).toBe(false);
    expect(loadLimited({ locustCpuWarning: true })).toBe(true);
    expect(loadLimited({ locustCpuWarning: false, signals: null })).toBe(false);
  });

  it('the per-cell details name it on the cell whose Locust ran at its CPU limit, and on no other', async () => {
    const results = await run27WithSignals((id) => (id === 'sync/cpu/0ms' ? withLoadShare(0.97) : withLoadShare(0.2)));
    const report = renderReport(results, { comparison: null });
    const rows = report.split('\n').filter((line) => line.includes('Locust CPU &gt; 90 %'));
    expect(rows.map((row) => row.split(' | ')[0])).toEqual(['| `sync/cpu/0ms`']);
  });
});
