import { describe, expect, it } from 'vitest';
import { baselineFromResults, paperBaseline } from '../src/core/compare/baseline.js';
import { compareResults } from '../src/core/compare/verdicts.js';
import { COMMENT_LIMIT, renderReport } from '../src/core/report/body.js';
import { makeResults, withRepeats } from './helpers/results.js';

const tableRows = (body: string, title: string): string[] => {
  const start = body.indexOf(title);
  return body
    .slice(start)
    .split('\n')
    .slice(2)
    .filter((line, i, lines) => line.startsWith('|') && lines.slice(0, i).every((l) => l.startsWith('|')));
};

describe('renderReport', () => {
  const results = makeResults({}, (id) => ({ maxSrps: id.length, totalSuccesses: 1000 + id.length }));

  it('prints Tables 1–3 in the study shape: one per route, rows = latency, columns = setups', () => {
    const body = renderReport(results, { comparison: null });
    expect(body).toMatch(/^### async-bench: 27 cells, no baseline/);
    for (const [n, title] of [
      [1, 'CPU-bound'],
      [2, 'I/O-bound DB read'],
      [3, 'I/O-bound DB create'],
    ] as const) {
      const rows = tableRows(body, `**Table ${n}: ${title}**`);
      expect(rows[0]).toBe('| Added latency (ms) | Sync | Async Limited | Async Unlimited |');
      expect(rows.slice(2).map((row) => row.split('|')[1]!.trim())).toEqual(['0', '100', '200']);
    }
    // sync/io_read/100ms has a 18-character id: 18.0 & 1,018
    expect(tableRows(body, '**Table 2')[3]).toContain('| 18.0 & 1,018 |');
  });

  it('marks each verdict with the metric, its change and interval; repeats show median ± half range', () => {
    const baseline = baselineFromResults(
      'main',
      withRepeats(
        makeResults({}, () => ({})),
        () => [100, 102, 98],
      ),
    );
    const current = withRepeats(
      makeResults({}, () => ({})),
      (id) => (id === 'sync/io_read/0ms' ? [60, 61, 59] : id === 'sync/cpu/0ms' ? [150, 152, 148] : [100, 101, 99]),
    );
    const body = renderReport(current, { comparison: compareResults(current, baseline, 0.1) });
    expect(body.split('\n')[0]).toBe('### async-bench: 🔴 1 regression in 27 cells vs main · 1 improved · 25 inconclusive · threshold 10.0 %');
    expect(tableRows(body, '**Table 2')[2]).toMatch(
      /\*\*66\.0 ±1\.1 & 1,200 ±20\*\*<br><sub>🔴 steady sRPS −40\.0 % \[−\d+\.\d %, −\d+\.\d %\]: regressed<\/sub>/,
    );
    expect(tableRows(body, '**Table 1')[2]).toMatch(/<sub>🟢 steady sRPS \+50\.0 % \[\+\d+\.\d %, \+\d+\.\d %\]: improved<\/sub>/);
    expect(body).toMatch(
      /\*\*Against main\*\*, threshold 10\.0 %, 95\.0 % intervals, noise floor 8\.0 % CoV \(default\): 1 regression, 1 improved, 25 inconclusive\./,
    );
    expect(body).toMatch(/- `sync\/io_read\/0ms`: 🔴 steady sRPS −40\.0 % \[.*\]: regressed \(max sRPS 110\.0 → 66\.0, successes 2,000 → 1,200\)/);
    const legend = body.split('\n').find((line) => line.startsWith('<sub>Each cell'))!;
    for (const explained of [
      'With repeats: the median over them, ± half their range.',
      'its 95.0 % interval [lower, upper]',
      '🔴 regressed: the whole interval lies below −10.0 %.',
      '🟢 improved: the whole interval lies above +10.0 %.',
      '❔ inconclusive: the interval reaches across ±10.0 %',
      '**Bold** numbers: the cell regressed.',
    ]) {
      expect(legend).toContain(explained);
    }
    for (const unused of ['🆕', '⚠️', '✖', '∅', '≠']) expect(legend).not.toContain(unused);
    // One minus sign everywhere in what the comment shows (the collapsed details may quote tool output).
    const shown = body.slice(0, body.indexOf('<details>'));
    expect(shown).not.toMatch(/(^|[\s(])-\d/m);
    expect(body.split('\n')[0]).not.toMatch(/[()]/);
  });

  it('says which cells were not measured or not comparable, and explains the marks', () => {
    const baseline = baselineFromResults(
      'main',
      makeResults({}, () => ({})),
    );
    const current = makeResults({}, (id) => (id.startsWith('sync/cpu/') ? { steadySrps: 0, totalSuccesses: 2 } : {}));
    const body = renderReport(current, { comparison: compareResults(current, baseline, 0.1) });
    expect(tableRows(body, '**Table 1')[2]).toContain('<sub>∅ not measured</sub>');
    expect(body).toContain('- `sync/cpu/0ms`: ∅ not measured: (almost) no request completed in this run; too short a run for this load');
    expect(body).toContain('∅ not measured: (almost) no request completed; the run is too short for this load.');
    const other = makeResults({ users: '77' }, () => ({}));
    const differing = renderReport(other, { comparison: compareResults(other, baseline, 0.1) });
    expect(differing.split('\n')[0]).toContain('27 not comparable');
    expect(differing).toContain('≠ not comparable: the baseline ran another load');
    expect(differing).toContain('- `sync/cpu/0ms`: ≠ not comparable: load differs (users 77 vs 500)');
  });

  it('says when nothing regressed, and shows failed and missing cells', () => {
    const current = makeResults({}, (id) => (id === 'async-limited/io_create/200ms' ? null : { maxSrps: 200, totalSuccesses: 30000 }));
    const body = renderReport(current, { comparison: compareResults(current, paperBaseline(), 0.1) });
    expect(body.split('\n')[0]).toMatch(/^### async-bench: ✅ No regressions in 27 cells vs the study \(paper\) · 1 missing · /);
    expect(body).toContain('✖ failed<br><sub>⚠️ was 82.6 & 8,644</sub>');
    expect(body).toContain('✖ 1 failed cell');
    expect(body).toContain('⚠️ the baseline measured the cell (its numbers follow “was”) and this run did not. ✖ the cell failed');
    expect(body).toContain('`async-limited/io_create/200ms`: app not healthy');
  });

  it('stays under the comment limit: details shrink first, tables never', () => {
    const noisy = makeResults({ latencies: Array.from({ length: 60 }, (_, i) => i * 10).join(',') }, () => ({
      topFailures: [{ error: 'x'.repeat(500), occurrences: 3 }],
    }));
    noisy.cells.forEach((cell, i) => {
      if (i % 2 === 0) Object.assign(cell, { status: 'failed', reason: 'y'.repeat(1000), metrics: null });
    });
    const full = renderReport(noisy, { comparison: null, maxLength: 10_000_000 });
    expect(full.length).toBeGreaterThan(COMMENT_LIMIT);
    const body = renderReport(noisy, { comparison: null });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT - 1024);
    expect(body).toContain('Some details were left out');
    expect(body).not.toContain('Per-cell metrics');
    for (const n of [1, 2, 3]) expect(tableRows(body, `**Table ${n}`)).toHaveLength(62);
  });

  it('appends links under the tables', () => {
    const body = renderReport(results, { comparison: null, links: ['[Run](https://example/run)', '[Reports](https://example/a)'] });
    expect(body).toContain('[Run](https://example/run) · [Reports](https://example/a)');
  });
});
