import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { resolveBaseline } from '../../src/core/compare/baseline.js';
import { sideSamples } from '../../src/core/compare/paired-samples.js';
import { compareResults } from '../../src/core/compare/verdicts.js';
import { CELL_FILES } from '../../src/core/ingest/cell.js';
import { parseResults } from '../../src/core/results/results.js';
import { git, leftoverContainers, referenceAppRepository } from './stack-helpers.js';

/*
 * Issue 17's planted CPU cost: head's commit runs 15 % more of the Sync `cpu` view's loop
 * (10⁷ → 1.15 × 10⁷ iterations, a code change as a team would make one), base is its
 * merge-base with main, `baseline: base`, a threshold of 5 %. Caught by CPU per request; the
 * throughput's verdict is printed, whatever it says.
 *
 * Why this shape (docs/verdicts.md "A planted 15 % CPU cost"):
 *  - A threshold of 5 %: the same plant reads +12.1 % to +16.5 % of CPU a request from one run to
 *    the next here (the loop is most of the route's CPU, not all, and the machine is shared), so
 *    against the default 10 % even a narrow interval straddles the threshold in some runs (the
 *    first run of this test: +12.1 % [+9.9 %, +14.3 %] over 8 pairs, inconclusive).
 *  - One cell, Sync × `cpu` × 0 ms: a CPU-bound route (≈ 260 ms of CPU a request, its floor
 *    1.5 %), and a family of 6 hypotheses (throughput, CPU, memory × 2 directions; the route sends
 *    no SQL), so the claim needs p ≤ 0.05 / 6, not 0.05 / 24 as with three cells.
 *  - No budget: one look (a budget of K pairs multiplies every p-value by K).
 *  - 8 pairs: simulated with this project's intervals and Holm (4,000 runs), a true +12 % is then
 *    confirmed in all runs when the pairs' CPU log ratios spread by 2.4 % (this test's first run)
 *    and in 87 % at 4 %; +15 % in 99 % at 4 %.
 *  - 5 users: the one sync worker stays saturated, and the queue Locust drains at a sample's end
 *    is 5 × 260 ms, within its 5 s stop timeout (20 users left 5 s of it, and requests served
 *    but not counted would add their CPU to too few requests).
 */
const PAIRS = 8;
const LOAD = ['--users', '5', '--spawn-rate', '5', '--run-time', '12s', '--seed-posts', '20000', '--threshold', '5%'];
const CELL = 'sync/cpu/0ms';
const LOOP = '    for i in range(10**7):\n';
const PLANTED_LOOP = '    for i in range(115 * 10**5):\n';

async function plant(repo: string): Promise<void> {
  const path = join(repo, 'app/posts/views_sync.py');
  const text = await readFile(path, 'utf8');
  if (!text.includes(LOOP)) throw new Error(`cpu plant e2e: cannot plant: ${JSON.stringify(LOOP)} is not in ${path}.`);
  await writeFile(path, text.replace(LOOP, PLANTED_LOOP));
}

const percent = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} %`;
const change = (interval: { estimate: number; lower: number; upper: number } | null) =>
  interval ? `${percent(interval.estimate)} [${percent(interval.lower)}, ${percent(interval.upper)}]` : '—';

describe('a planted 15 % CPU cost on the real stack, base and head in pairs on the same runner', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await referenceAppRepository('async-bench-cpu-plant-');
  });
  afterAll(async () => {
    if (repo) await rm(repo, { recursive: true, force: true });
  });

  it(
    `15 % more of the cpu route's loop in head's commit: CPU per request regressed over ${PAIRS} pairs, the throughput's verdict reported`,
    async () => {
      git(repo, 'checkout', '-q', '-b', 'feature');
      await plant(repo);
      git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-am', 'plant 15 % more CPU on cpu');
      const out = join(repo, 'out');
      let stderr = '';
      const io = { stdout: { write: () => true }, stderr: { write: (text: string) => ((stderr += text), process.stderr.write(text)) }, cwd: repo };
      const started = Date.now();
      const argv = ['run', '--config', 'async-bench.yml', '--baseline', 'base', '--setups', 'sync', '--routes', 'cpu', '--latencies', '0'];
      const code = await runCli([...argv, ...LOAD, '--repeats', String(PAIRS), '--out', out, '--force'], io);
      const seconds = (Date.now() - started) / 1000;
      expect(code, stderr.slice(-3000)).toBe(0);
      const results = parseResults('results.json', await readFile(join(out, 'results.json'), 'utf8'));
      const comparison = compareResults(results, (await resolveBaseline('base', { cwd: repo, current: results }))!, results.config.compare.threshold);
      const tables = await readFile(join(out, 'tables.md'), 'utf8');

      const result = results.cells.find((cell) => cell.id === CELL)!;
      const values = (side: 'base' | 'head') => sideSamples(result, side).map((sample) => sample.metrics?.signals?.cpu.app?.perRequestMs ?? NaN);
      const steady = (side: 'base' | 'head') => sideSamples(result, side).map((sample) => sample.metrics?.steadySrps ?? NaN);
      const ratios = values('head').map((head, i) => Math.log(head / values('base')[i]!));
      const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
      const sd = Math.sqrt(ratios.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (ratios.length - 1));
      const cell = comparison.cells.get(CELL)!;
      const cpu = cell.signals!.cpu!;
      process.stderr.write(
        `e2e cpu plant: ${seconds.toFixed(0)} s wall, ${PAIRS} pairs\n` +
          `app CPU-ms/request base ${values('base')
            .map((v) => v.toFixed(1))
            .join(' ')} / head ${values('head')
            .map((v) => v.toFixed(1))
            .join(' ')}; sd of the pairs' log ratios ${sd.toFixed(4)}\n` +
          `steady sRPS base ${steady('base')
            .map((v) => v.toFixed(2))
            .join(' ')} / head ${steady('head')
            .map((v) => v.toFixed(2))
            .join(' ')}\n` +
          `CPU/request ${cpu.base.toFixed(1)} → ${cpu.head.toFixed(1)} ms, ${change(cpu.interval)}: ${cpu.verdict}; ` +
          `steady sRPS ${change(cell.interval)}: ${cell.throughput}; decided by ${cell.decidedBy}; family ${JSON.stringify(comparison.family)}\n`,
      );

      expect(results.environment.base!.commit).toBe(git(repo, 'rev-parse', 'main'));
      expect(results.environment.app!.commit).toBe(git(repo, 'rev-parse', 'HEAD'));
      expect(comparison.paired).toBe(true);
      expect(comparison.looks).toBe(1);
      expect(comparison.threshold).toBe(0.05);
      expect(sideSamples(result, 'base')).toHaveLength(PAIRS);
      expect(sideSamples(result, 'head')).toHaveLength(PAIRS);
      // Every window drained: no request served and not counted inflated a sample's CPU per request.
      for (const sample of result.samples!) {
        const raw = JSON.parse(await readFile(join(out, sample.dir, CELL_FILES.signals), 'utf8')) as { window: { drained: boolean | null } };
        expect(raw.window.drained, `r${sample.repeat} ${sample.side}`).not.toBe(false);
      }
      // The family the design counts on: throughput, CPU and memory, two directions each (no SQL, so no DB time).
      expect(comparison.family.hypotheses).toBe(6);

      // The plant, as measured: about 15 % more CPU a request, and the claim Holm confirmed.
      expect(cpu.interval!.estimate).toBeGreaterThan(0.08);
      expect(cpu.interval!.estimate).toBeLessThan(0.22);
      expect(cpu.verdict, stderr.slice(-2000)).toBe('regressed');
      expect(cell.verdict).toBe('regressed');
      expect(cell.decidedBy).toBe(cell.throughput === 'regressed' ? 'throughput' : 'cpu');
      expect(cell.signals!.queries).toMatchObject({ base: 0, head: 0, verdict: 'unchanged' });
      // The throughput is measured and its verdict reported beside the CPU's, whatever it says.
      expect(cell.interval).not.toBeNull();
      expect(['regressed', 'inconclusive', 'unchanged']).toContain(cell.throughput);
      // The report's lead says what got slower and why it is likely.
      expect(tables).toMatch(/^- `cpu`: slower in `sync\/cpu\/0ms`: likely more CPU per request \(CPU\/request \+[\d.]+ % \[/m);
      expect(leftoverContainers()).toEqual([]);
    },
    15 * 60_000,
  );
});
