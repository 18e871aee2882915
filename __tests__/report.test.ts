import { describe, expect, it } from 'vitest';
import { baselineFromResults, paperBaseline } from '../src/core/compare/baseline.js';
import { compareResults } from '../src/core/compare/verdicts.js';
import { COMMENT_LIMIT, renderReport } from '../src/core/report/body.js';
import { makeResults } from './helpers/results.js';

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

  it('marks regressions and improvements against the baseline, with both deltas', () => {
    const baseline = baselineFromResults(
      'main',
      makeResults({}, () => ({ maxSrps: 20, totalSuccesses: 1000 })),
    );
    const current = makeResults({}, (id) =>
      id === 'sync/io_read/0ms'
        ? { maxSrps: 10, totalSuccesses: 900 }
        : id === 'sync/cpu/0ms'
          ? { maxSrps: 30, totalSuccesses: 1000 }
          : { maxSrps: 20, totalSuccesses: 1000 },
    );
    const body = renderReport(current, { comparison: compareResults(current, baseline, 0.1) });
    expect(body.split('\n')[0]).toBe('### async-bench: 🔴 1 regression in 27 cells vs main · 1 improved · 25 unchanged · threshold 10.0 %');
    // Each metric carries its own mark: max sRPS fell beyond the threshold, successes (exactly −10 %) did not.
    expect(tableRows(body, '**Table 2')[2]).toContain('**10.0 & 900**<br><sub>🔴 max sRPS −50.0 % · successes −10.0 %</sub>');
    expect(tableRows(body, '**Table 1')[2]).toContain('30.0 & 1,000<br><sub>🟢 max sRPS +50.0 % · successes ±0.0 %</sub>');
  });

  it('names the metric behind each verdict, shows ratios from tiny baselines, and explains every mark', () => {
    const baseline = baselineFromResults(
      'main',
      makeResults({}, (id) =>
        id === 'sync/cpu/0ms'
          ? { maxSrps: 0.1, totalSuccesses: 5 }
          : id === 'sync/io_read/0ms'
            ? { maxSrps: 0, totalSuccesses: 1000 }
            : { maxSrps: 20, totalSuccesses: 1000 },
      ),
    );
    const current = makeResults({}, (id) =>
      id === 'sync/cpu/0ms'
        ? { maxSrps: 74.6, totalSuccesses: 600 }
        : id === 'sync/io_read/0ms'
          ? { maxSrps: 10, totalSuccesses: 1000 }
          : id === 'async-limited/io_read/100ms'
            ? { maxSrps: 180, totalSuccesses: 400 }
            : { maxSrps: 20, totalSuccesses: 1000 },
    );
    const body = renderReport(current, { comparison: compareResults(current, baseline, 0.1) });
    // 74.6 / 0.1 = ×746 and 600 / 5 = ×120, not +74,500.0 % and +11,900.0 %; from 0, no ratio at all.
    expect(tableRows(body, '**Table 1')[2]).toContain('| 74.6 & 600<br><sub>🟢 max sRPS ×746 · 🟢 successes ×120</sub> |');
    expect(tableRows(body, '**Table 2')[2]).toContain('| 10.0 & 1,000<br><sub>🟢 max sRPS n/a · successes ±0.0 %</sub> |');
    // Max sRPS rose ninefold while successes fell: a regression, and it says by which metric.
    expect(tableRows(body, '**Table 2')[3]).toContain('| **180.0 & 400**<br><sub>🟢 max sRPS +800.0 % · 🔴 successes −60.0 %</sub> |');
    expect(body).toContain(
      '**Against main**, threshold 10.0 %: 1 regression, 2 improved, 24 unchanged.\n- `async-limited/io_read/100ms`: 🟢 max sRPS +800.0 %, 20.0 → 180.0; 🔴 successes −60.0 %, 1,000 → 400\n',
    );
    const legend = body.split('\n').find((line) => line.startsWith('<sub>Each cell'))!;
    for (const explained of [
      '🔴 before a metric',
      '🟢 before a metric',
      'or ×N, the ratio, when the baseline was under 1.0 sRPS or 10 successes',
      'n/a when the baseline was 0',
      '**Bold** numbers: the cell regressed',
    ]) {
      expect(legend).toContain(explained);
    }
    for (const unused of ['🆕', '⚠️', '✖']) expect(legend).not.toContain(unused);
    // One minus sign everywhere in what the comment shows (the collapsed details may quote tool output).
    const shown = body.slice(0, body.indexOf('<details>'));
    expect(shown).not.toMatch(/(^|[\s(])-\d/m);
    expect(shown).toContain('−60.0 %');
    expect(body.split('\n')[0]).not.toMatch(/[()]/);
  });

  it('says when nothing regressed, and shows failed and missing cells', () => {
    const current = makeResults({}, (id) => (id === 'async-limited/io_create/200ms' ? null : { maxSrps: 200, totalSuccesses: 30000 }));
    const body = renderReport(current, { comparison: compareResults(current, paperBaseline(), 0.1) });
    expect(body.split('\n')[0]).toMatch(/^### async-bench: 🔴 1 regression in 27 cells vs the study \(paper\), 1 of them missing · /);
    expect(body).toContain('✖ failed<br><sub>⚠️ was 82.6 & 8,644</sub>');
    expect(body).toContain('✖ 1 failed cell');
    expect(body).toContain('⚠️ the baseline measured the cell (its numbers follow “was”) and this run did not; counted as a regression. ✖ the cell failed');
    expect(body).toContain('`async-limited/io_create/200ms`: app not healthy');
    const fine = makeResults({}, () => ({ maxSrps: 1, totalSuccesses: 1 }));
    const same = renderReport(fine, { comparison: compareResults(fine, baselineFromResults('main', fine), 0.1) });
    expect(same.split('\n')[0]).toBe('### async-bench: ✅ No regressions in 27 cells vs main · 27 unchanged · threshold 10.0 %');
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
