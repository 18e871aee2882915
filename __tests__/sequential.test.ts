import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { describe, expect, it } from 'vitest';
import { baselineFromResults, resolveBaseline } from '../src/core/compare/baseline.js';
import { isFutile } from '../src/core/compare/budget-judge.js';
import { claimPValues, confirmClaims, holm } from '../src/core/compare/family.js';
import { DEFAULT_PAIRED_NOISE, judgeLogRatios, pairedCellInterval, pairedPrior, pooledPairedNoise } from '../src/core/compare/paired-noise.js';
import { compareResults } from '../src/core/compare/verdicts.js';
import type { Results } from '../src/core/results/schema.js';
import { decide } from '../src/core/stats/decide.js';
import { logChangeInterval } from '../src/core/stats/interval.js';
import { lookConfidence, looksOf } from '../src/core/stats/sequential.js';
import { tUpperTail } from '../src/core/stats/tails.js';
import { renderComparison } from '../src/core/report/comparison-text.js';
import { makeResults, pairedSamples } from './helpers/results.js';

describe('looks: a group-sequential design with Bonferroni spending', () => {
  it('K is the most pairs a cell may get under a budget, else one', () => {
    expect(looksOf({ budgetSeconds: 900, repeats: 8 })).toBe(8);
    expect(looksOf({ budgetSeconds: null, repeats: 8 })).toBe(1);
    expect(lookConfidence(0.95, 1)).toBe(0.95);
    expect(lookConfidence(0.95, 8)).toBeCloseTo(0.99375, 12);
    expect(() => lookConfidence(0.95, 0)).toThrow(/looks must be a whole number ≥ 1, got 0/);
  });
});

describe('tUpperTail', () => {
  it('inverts the t quantile to 6 digits, from p = 1e-8 to 0.99, at any df', () => {
    for (const df of [1, 1.5, 2, 3.7, 5, 10, 30, 100, 1000, 1e5]) {
      for (const p of [1e-8, 1e-6, 1e-4, 0.001, 0.01, 0.05, 0.3, 0.5, 0.7, 0.99]) {
        expect(Math.abs(tUpperTail(tQuantile(1 - p, df), df) - p) / p).toBeLessThan(1e-6);
      }
    }
    expect(tUpperTail(1.959963985, Infinity)).toBeCloseTo(0.025, 6);
    expect(() => tUpperTail(1, 0)).toThrow(/df > 0/);
  });
});

describe('Holm across the claims', () => {
  it('steps down: the smallest p against α/m, the next against α/(m−1), and stops at the first it keeps', () => {
    expect(holm([0.01, 0.04, 0.03, 0.005], 0.05)).toEqual([true, false, false, true]);
    expect(holm([0.013, 0.02, 0.03, 0.04], 0.05)).toEqual([false, false, false, false]);
    expect(holm([0.001, 0.02, 0.03, 0.04], 0.15)).toEqual([true, true, true, true]);
  });

  it("one interval's two directions confirm exactly what the interval claims (the rule and the family agree), at any looks", () => {
    for (const looks of [1, 8]) {
      const confidence = lookConfidence(0.95, looks);
      for (let center = -0.4; center <= 0.4; center += 0.01) {
        const interval = logChangeInterval(center, 0.05 ** 2, 4, confidence);
        const verdict = decide(interval, 0.1);
        const { confirmed } = confirmClaims([{ interval, better: 'higher', verdict }], { threshold: 0.1, alpha: 0.05, looks });
        expect(confirmed).toEqual([true]);
        // A claim the interval made only at a lower confidence is never confirmed.
        const loose = decide(logChangeInterval(center, 0.05 ** 2, 4, 0.9), 0.1);
        if (loose !== verdict && (loose === 'regressed' || loose === 'improved')) {
          expect(confirmClaims([{ interval, better: 'higher', verdict: loose }], { threshold: 0.1, alpha: 0.05, looks }).confirmed).toEqual([false]);
        }
      }
    }
  });

  it('p-values follow which way is better, and an exact change has p 0 or 1', () => {
    const up = logChangeInterval(Math.log(1.3), 0.05 ** 2, 10, 0.95);
    expect(claimPValues(up, 0.1, 'higher').improved).toBeLessThan(0.01);
    expect(claimPValues(up, 0.1, 'lower').regressed).toBe(claimPValues(up, 0.1, 'higher').improved);
    expect(claimPValues(logChangeInterval(Math.log(0.8), 0, 1, 0.95), 0.1, 'higher')).toEqual({ regressed: 0, improved: 1 });
  });
});

describe('pooled paired noise', () => {
  it('pools Σ (n − 1) df of the cells with the prior; a cell with one pair adds nothing', () => {
    const pool = pooledPairedNoise([[0.1, 0.3], [0, 0, 0.06], [5]], { sd: 0.1, df: 2, source: 'p' });
    expect(pool.df).toBe(2 + 1 + 2);
    expect(pool.sd).toBeCloseTo(Math.sqrt((2 * 0.01 + 1 * 0.02 + 2 * 0.0012) / 5), 12);
    expect(pool.source).toBe('p, pooled with 3 df of this run');
  });

  it("a cell's own spread widens its interval, never narrows it below the pool", () => {
    const pool = { sd: 0.05, df: 20, source: 'p' };
    const quiet = pairedCellInterval([0.01, 0.01, 0.01], pool, 0.95);
    const noisy = pairedCellInterval([-0.2, 0.01, 0.22], pool, 0.95);
    expect(quiet.log.se).toBeCloseTo(0.05 / Math.sqrt(3), 12);
    expect(noisy.log.se).toBeGreaterThan(quiet.log.se * 2);
  });

  it('leaves out a cell whose spread is beyond the rest at 1 % (F test), which is then judged on its own spread and df', () => {
    const prior = { sd: 0.05, df: 2, source: 'p' };
    const steady = [
      [0.01, -0.02, 0.03],
      [0.0, 0.04, -0.01],
      [0.02, -0.03, 0.01],
    ];
    const wild = [0.7, -0.2, 0.4];
    const pool = pooledPairedNoise([...steady, wild], prior);
    expect(pool.sd).toBe(pooledPairedNoise(steady, prior).sd);
    expect(pool.source).toMatch(/1 cell noisier than the rest judged on its own$/);
    expect(pool.df).toBe(2 + 3 * 2);
    // The wild cell: its own variance over 3 pairs, its own 2 df; a steady one keeps the pool's.
    const own = pairedCellInterval(wild, pool, 0.95);
    expect(own.df).toBe(2);
    expect(own.log.se).toBeCloseTo(Math.sqrt((0.4 ** 2 + 0.5 ** 2 + 0.1 ** 2) / 2 / 3), 12);
    expect(pairedCellInterval(steady[0]!, pool, 0.95).df).toBe(pool.df);
    // A spread as wide as the others' stays in.
    expect(pooledPairedNoise([...steady, [0.05, -0.03, 0.0]], prior).source).not.toMatch(/noisier/);
  });

  it('decides nothing from one pair, and claims a change only from the third', () => {
    const pool = { sd: 0.02, df: 40, source: 'p' };
    const options = { threshold: 0.1, confidence: 0.95 };
    expect(judgeLogRatios([0.0], pool, options).verdict).toBe('inconclusive');
    expect(judgeLogRatios([0.0, 0.01], pool, options).verdict).toBe('unchanged');
    expect(judgeLogRatios([-0.5, -0.5], pool, options).verdict).toBe('inconclusive');
    expect(judgeLogRatios([-0.5, -0.5, -0.5], pool, options).verdict).toBe('regressed');
  });

  it('stops a cell for futility: open after three pairs and needing more than three times its maximum pairs', () => {
    const wide = logChangeInterval(0.02, 0.2 ** 2, 20, 0.95);
    const near = logChangeInterval(0.02, 0.03 ** 2, 20, 0.95);
    expect(isFutile({ throughput: 'inconclusive', interval: wide }, 3, 4, 0.1)).toBe(true);
    expect(isFutile({ throughput: 'inconclusive', interval: near }, 3, 4, 0.1)).toBe(false);
    // Two pairs show a spread with 1 df: too little to call a cell hopeless; a decided cell is not futile.
    expect(isFutile({ throughput: 'inconclusive', interval: wide }, 2, 4, 0.1)).toBe(false);
    expect(isFutile({ throughput: 'unchanged', interval: wide }, 3, 4, 0.1)).toBe(false);
  });

  it("the prior is the calibration's paired record when it has one, else the default", () => {
    const record = { measuredAt: '2026-12-01T00:00:00.000Z', repeats: 3, pooled: { cov: 0.2, df: 10 }, cells: {} };
    expect(pairedPrior(record)).toBe(DEFAULT_PAIRED_NOISE);
    expect(pairedPrior({ ...record, paired: { sd: 0.03, df: 40 } })).toEqual({ sd: 0.03, df: 40, source: 'paired calibration of 2026-12-01' });
  });
});

/**
 * The A/A of issue 18 (reference app, `ci` profile, base = head, 3 pairs a cell, no budget):
 * [base, head] steady sRPS per pair, as measured. Under the old rule every interval was ±17–25 %.
 */
const ISSUE_AA: Record<string, [number, number][]> = {
  'sync/io_read/200ms': [
    [0.6, 0.6],
    [0.6, 0.6],
    [0.6, 0.6],
  ],
  'sync/io_read/0ms': [
    [16.8, 16.9],
    [17.65, 17.0],
    [17.1, 17.6],
  ],
  'sync/cpu/0ms': [
    [2.4, 2.5],
    [2.45, 2.5],
    [2.4, 2.4],
  ],
  'async-unlimited/io_read/200ms': [
    [22.15, 21.8],
    [21.45, 21.45],
    [22.85, 21.7],
  ],
};

function issueRun(budget: boolean): Results {
  const inputs = { setups: 'sync,async-unlimited', routes: 'cpu,io_read', latencies: '0,200', repeats: budget ? '8' : '3', baseline: 'base' };
  const results = makeResults(inputs, () => ({}));
  const config = { ...results.config, budgetSeconds: budget ? 900 : null };
  const cells = results.cells.flatMap((cell) => {
    const pairs = ISSUE_AA[cell.id];
    if (!pairs) return [];
    const samples = pairedSamples(cell, pairs, () => ({ steadyBlocks: [] }));
    return [{ ...cell, samples } as Results['cells'][number]];
  });
  return { ...results, config, cells };
}

describe("issue 18's A/A under the new rule", () => {
  const compare = async (budget: boolean) => {
    const results = issueRun(budget);
    return compareResults(results, (await resolveBaseline('base', { cwd: '/', current: results }))!, 0.1);
  };
  const table = (comparison: Awaited<ReturnType<typeof compare>>) =>
    [...comparison.cells.values()].map((cell) => {
      const i = cell.interval!;
      const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
      return `${cell.id.padEnd(30)} ${pct(i.estimate)} [${pct(i.lower)}, ${pct(i.upper)}] ${cell.verdict}`;
    });

  it('3 pairs, no budget: the pooled paired noise narrows ±17–25 % to about ±5 %, and every cell reads unchanged', async () => {
    const comparison = await compare(false);
    const pool = comparison.pairedNoise!;
    console.log(`issue 18 A/A, 3 pairs, no budget (K = 1), pooled sd ${pool.sd.toFixed(3)} (${pool.df} df):\n${table(comparison).join('\n')}`);
    expect(comparison.looks).toBe(1);
    expect(comparison.pairedNoise!.df).toBe(DEFAULT_PAIRED_NOISE.df + 4 * 2);
    for (const cell of comparison.cells.values()) {
      expect(cell.interval!.upper - cell.interval!.lower).toBeLessThan(0.12);
      expect(cell.verdict).toBe('unchanged');
    }
    expect(comparison.family).toMatchObject({ method: 'holm', hypotheses: 8, withheld: 0 });
  });

  it('the same pairs read at one of 8 looks (a budget, repeats 8) are wider, and still no false alarm', async () => {
    const [fixed, sequential] = [await compare(false), await compare(true)];
    expect(sequential.looks).toBe(8);
    expect(sequential.confidence).toBe(0.95);
    console.log(`issue 18 A/A, 3 pairs read as one of 8 looks (K = 8):\n${table(sequential).join('\n')}`);
    for (const [id, cell] of sequential.cells) {
      const width = (c: typeof cell) => c.interval!.upper - c.interval!.lower;
      expect(width(cell)).toBeGreaterThan(width(fixed.cells.get(id)!));
      expect(cell.interval!.confidence).toBeCloseTo(0.99375, 12);
      expect(['unchanged', 'inconclusive']).toContain(cell.verdict);
    }
  });

  it("the report's headline names the looks and the pooled paired noise", async () => {
    const head = renderComparison(await compare(true)).split('\n')[0]!;
    expect(head).toMatch(
      /95\.0 % intervals \(each at 99\.4 %: one of 8 looks\), paired noise sd 0\.039 a pair \(default paired prior .*pooled with 8 df of this run\)/,
    );
    expect(renderComparison(await compare(false)).split('\n')[0]).toMatch(/95\.0 % intervals, paired noise sd/);
  });

  it('Holm is in every comparison, paired or not', () => {
    const run = makeResults({ setups: 'sync', routes: 'io_read', latencies: '0' }, () => ({}));
    const comparison = compareResults(run, baselineFromResults('b', run), 0.1);
    expect(comparison.family).toMatchObject({ method: 'holm', hypotheses: 2, withheld: 0 });
    expect(comparison.pairedNoise).toBeNull();
  });
});
