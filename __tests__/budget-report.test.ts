import { describe, expect, it } from 'vitest';
import { judgeBudget, pairsToDecide, precisionInterval } from '../src/core/compare/budget-judge.js';
import { resolveBaseline } from '../src/core/compare/baseline.js';
import { compareResults } from '../src/core/compare/verdicts.js';
import { budgetSummary, renderBudget } from '../src/core/report/budget-text.js';
import { renderReport, reportSections } from '../src/core/report/body.js';
import { renderHtmlReport } from '../src/core/report/html/index.js';
import type { Results } from '../src/core/results/results.js';
import { makeResults, pairedSamples, withRepeats } from './helpers/results.js';

describe('pairsToDecide: about how many pairs would decide an open cell', () => {
  it('is n × (half-width ÷ room)²: an interval twice as wide as its room needs four times the pairs', () => {
    // Centred on 0: room is ln(1.1) to the threshold; a half-width of 2 × ln(1.1) needs 4 × 3 pairs.
    const half = 2 * Math.log(1.1);
    expect(pairsToDecide({ estimate: 0, lower: Math.expm1(-half), upper: Math.expm1(half) }, 0.1, 3)).toBe(12);
  });

  it('measures the room to the nearer edge it must clear: beyond the threshold, to clear it', () => {
    // Estimate −20 %: the interval must end below −10 %, a room of ln(0.9) − ln(0.8).
    const centre = Math.log(0.8);
    const room = Math.log(0.9) - centre;
    const interval = { estimate: -0.2, lower: Math.expm1(centre - 3 * room), upper: Math.expm1(centre + 3 * room) };
    expect(pairsToDecide(interval, 0.1, 2)).toBe(18);
  });

  it('has no estimate for an interval centred on the threshold, and never fewer pairs than taken', () => {
    expect(pairsToDecide({ estimate: 0.1, lower: 0, upper: 0.2 }, 0.1, 2)).toBeNull();
    expect(pairsToDecide({ estimate: 0, lower: -0.01, upper: 0.01 }, 0.1, 3)).toBe(3);
  });
});

/** Repeated results of two cells without a baseline, as a budget of `repeats` looks would leave them. */
function unpaired(steady: Record<string, number[]>, threshold = '10%'): Results {
  const results = withRepeats(
    makeResults({ setups: 'sync', routes: 'cpu,io_read', latencies: '0', repeats: '8', budget: '15m', threshold, baseline: 'none' }, () => ({})),
    (id) => steady[id]!,
  );
  return {
    ...results,
    budget: {
      runs: [{ shard: null, budgetSeconds: 900, spentSeconds: 600, stoppedBy: 'budget' }],
      cells: Object.fromEntries(Object.entries(steady).map(([id, values]) => [id, { pairs: values.length, decided: false }])),
    },
  };
}

describe('the precision rule (no baseline)', () => {
  it('narrows with repeats and widens with their spread, at the look-corrected confidence', () => {
    const steady = { 'sync/cpu/0ms': [10, 10, 10, 10, 10, 10], 'sync/io_read/0ms': [8, 12, 9, 11, 7, 13] };
    const results = unpaired(steady);
    const tight = precisionInterval(results, 'sync/cpu/0ms')!;
    const loose = precisionInterval(results, 'sync/io_read/0ms')!;
    expect(tight.confidence).toBeCloseTo(1 - 0.05 / 8, 10);
    expect(tight.upper).toBeLessThan(0.1);
    expect(loose.upper).toBeGreaterThan(0.1);
    expect([...judgeBudget(results, null).decided]).toEqual(['sync/cpu/0ms']);
    expect(precisionInterval(unpaired({ 'sync/cpu/0ms': [10, 10], 'sync/io_read/0ms': [10] }), 'sync/cpu/0ms')!.upper).toBeGreaterThan(tight.upper);
  });
});

describe('the comment says what the budget bought', () => {
  it('per cell the repeats and whether decided; for an open cell its interval and the pairs (and minutes) likely to decide it', () => {
    const results = unpaired({ 'sync/cpu/0ms': [10, 10, 10, 10, 10, 10], 'sync/io_read/0ms': [8, 12, 9, 11, 7, 13] });
    const text = renderBudget(results, null);
    expect(text).toContain('**Budget**: 10 min of 15 min spent, stopped because the next pair would not have fit. 12 repeats decided 1 of 2 cells.');
    expect(text).toMatch(/\| `sync\/cpu\/0ms` \| 6 \| yes \(precise\) \| — \| — \|/);
    const open = text.split('\n').find((line) => line.includes('sync/io_read/0ms'))!;
    // 600 s for 12 repeats: 50 s each.
    const [, needed, more, minutes] = /≈ (\d+) repeats \((\d+) more, ≈ (\d+) min; beyond repeats 8\)/.exec(open)!;
    expect(Number(needed) - Number(more)).toBe(6);
    expect(Number(minutes)).toBe(Math.round((Number(more) * 50) / 60));
    expect(open).toMatch(/\| no \(imprecise\) \| ±\d+\.\d % \|/);
    // report.html has the same section, as a table.
    const html = renderHtmlReport(results, { comparison: null, series: new Map() });
    expect(html).toMatch(/<section id="budget"><h2>What the budget bought<\/h2>[\s\S]*<table>[\s\S]*sync\/io_read\/0ms[\s\S]*<\/section>/);
    expect(
      renderHtmlReport(
        makeResults({ setups: 'sync', routes: 'cpu', latencies: '0' }, () => ({})),
        { comparison: null, series: new Map() },
      ),
    ).not.toContain('id="budget"');
  });

  it('against the base side: the verdict, the paired interval and whether cellDecided holds', async () => {
    const base = makeResults({ setups: 'sync', routes: 'cpu,io_read', latencies: '0', repeats: '8', budget: '15m', baseline: 'base' }, () => ({}));
    const pairs: Record<string, [number, number][]> = {
      'sync/cpu/0ms': [
        [10, 10.1],
        [10, 9.9],
        [10, 10],
      ],
      'sync/io_read/0ms': [
        [10, 8],
        [10, 12],
      ],
    };
    const results: Results = {
      ...base,
      cells: base.cells.map((cell) => ({
        ...cell,
        samples: pairedSamples(cell, pairs[cell.id]!),
      })) as Results['cells'],
      budget: {
        runs: [{ shard: null, budgetSeconds: 900, spentSeconds: 400, stoppedBy: 'budget' }],
        cells: { 'sync/cpu/0ms': { pairs: 3, decided: false }, 'sync/io_read/0ms': { pairs: 2, decided: false } },
      },
    };
    const comparison = compareResults(results, (await resolveBaseline('base', { cwd: '/', current: results }))!, 0.1);
    const text = renderBudget(results, comparison);
    expect(text).toContain('| Cell | Pairs | Decided |');
    const row = (id: string) => text.split('\n').find((line) => line.includes(id))!;
    const io = comparison.cells.get('sync/io_read/0ms')!;
    expect(io.verdict).toBe('inconclusive');
    expect(row('sync/io_read/0ms')).toContain('| 2 | no (❔ inconclusive) |');
    expect(row('sync/io_read/0ms')).toMatch(/≈ \d+ pairs \(\d+ more, ≈ \d+ (s|min); beyond repeats 8\)/);
    expect(judgeBudget(results, null).comparison).not.toBeNull();
  });

  it('is left out without a budget, and shrinks to its summary line when the comment is too long', () => {
    const plain = makeResults({ setups: 'sync', routes: 'cpu', latencies: '0' }, () => ({}));
    expect(renderBudget(plain, null)).toBe('');
    const results = unpaired({ 'sync/cpu/0ms': [10, 10, 10], 'sync/io_read/0ms': [8, 12, 9] });
    const full = renderReport(results, { comparison: null, maxLength: 1_000_000 });
    expect(full).toContain('| Cell | Repeats | Decided |');
    // A section (fit.ts) whose floor is the summary line: a huge matrix keeps that line, never half a table.
    const section = reportSections(results, { comparison: null }).find((candidate) => candidate.text.includes('| Cell | Repeats |'))!;
    expect(section.floor).toBe(budgetSummary(results, null));
    expect(section.floor).toMatch(/^\*\*Budget\*\*: 10 min of 15 min spent[^\n]*$/);
  });
});
