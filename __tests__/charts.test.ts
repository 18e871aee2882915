import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselineFromResults, paperBaseline } from '../src/core/compare/baseline.js';
import { compareResults } from '../src/core/compare/verdicts.js';
import { buildConfig } from '../src/core/config/build.js';
import { ingestRun } from '../src/core/ingest/run-dir.js';
import { COMMENT_LIMIT, renderReport } from '../src/core/report/body.js';
import { axisMax, chartList, chartText } from '../src/core/report/charts.js';
import { hostEnvironment } from '../src/core/results/environment.js';
import type { Results } from '../src/core/results/results.js';
import { fixture } from './helpers/fixtures.js';
import { makeResults, withRepeats } from './helpers/results.js';

/*
 * The charts are checked with Mermaid's own parser. @mermaid-js/parser (2.0) has no
 * xychart grammar, so this is `mermaid.parse` from the mermaid package (11.x; 12 needs
 * Node 22), which needs a DOM only for DOMPurify: happy-dom's Window provides it.
 */
type Mermaid = { parse(text: string): Promise<{ diagramType: string; config?: unknown }> };
let mermaid: Mermaid;
let window: Window;

beforeAll(async () => {
  window = new Window();
  Object.assign(globalThis, { window, document: window.document });
  mermaid = (await import('mermaid')).default as unknown as Mermaid;
});
afterAll(async () => {
  await window.happyDOM.close();
});

const blocks = (markdown: string): string[] => [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);

describe('Mermaid charts', () => {
  let results: Results;
  beforeAll(async () => {
    ({ results } = await ingestRun(fixture('run-27'), buildConfig({ inputs: {} }), hostEnvironment()));
  });

  it('one xychart per route that Mermaid parses, one line per setup with its max sRPS', async () => {
    const charts = chartList(results).flatMap(blocks);
    expect(charts).toHaveLength(3);
    for (const chart of charts) await expect(mermaid.parse(chart)).resolves.toMatchObject({ diagramType: 'xychart' });
    // Table 2's Sync, Async Limited and Async Unlimited at 0/100/200 ms (fixtures/README.md).
    expect(charts[1]!.match(/^ {2}line \[.*\]$/gm)).toEqual(['  line [201.0, 9.2, 4.4]', '  line [813.2, 32.8, 15.2]', '  line [674.8, 77.0, 35.0]']);
    expect(charts[1]).toContain('x-axis "Added latency (ms)" ["0", "100", "200"]');
    expect(charts[1]).toContain('y-axis "Max sRPS" 0 --> 1000.0');
    expect(charts[1]).toContain('"plotColorPalette": "#1f77b4, #ff7f0e, #2ca02c"');
  });

  it('the parser is real: it refuses a chart with a broken line', async () => {
    const [chart] = chartList(results).flatMap(blocks);
    await expect(mermaid.parse(chart!.replace(/line \[[^\]]*\]/, 'line [1.0, oops]'))).rejects.toThrow(/Parse error/);
  });

  it('keeps text from the configuration from breaking the chart or its fence', async () => {
    const hostile = makeResults({}, () => ({}));
    hostile.config.routes[0]!.title = 'CPU "bound" ``` %%{init}%% <b>x</b>';
    const markdown = chartList(hostile).join('\n\n');
    expect(blocks(markdown)).toHaveLength(3);
    await expect(mermaid.parse(blocks(markdown)[0]!)).resolves.toMatchObject({ diagramType: 'xychart' });
    expect(chartText('a "b" `c` {d}')).toBe('a b c d');
  });

  it('leaves out a setup with a failed cell, and says so under the chart', async () => {
    const partial = makeResults({}, (id) => (id === 'async-limited/io_read/100ms' ? null : {}));
    const markdown = chartList(partial).join('\n\n');
    expect(blocks(markdown)[1]!.match(/^ {2}line /gm)).toHaveLength(2);
    expect(markdown).toContain('Async Limited: no line, 1 of 3 cells not measured');
    // The palette follows the lines drawn, so colours still match the key: Sync blue, Async Unlimited green.
    expect(blocks(markdown)[1]).toContain('"plotColorPalette": "#1f77b4, #2ca02c"');
    expect(markdown).toContain('🟦 Sync · 🟩 Async Unlimited · Async Limited: no line');
    await expect(mermaid.parse(blocks(markdown)[1]!)).resolves.toMatchObject({ diagramType: 'xychart' });
  });

  it('a 27-cell run with 5 repeats, intervals and charts against a baseline fits a comment whole', async () => {
    // Every cell moves and differs by repeat, so every verdict, interval and ± is printed.
    const repeats = (base: number) => (id: string) => [0, 1, 2, 3, 4].map((i) => base * (1 + (id.length % 7) / 10) + i * 3.7);
    const baseline = baselineFromResults(
      'main',
      withRepeats(
        makeResults({ repeats: '5' }, () => ({})),
        repeats(100),
      ),
    );
    const current = withRepeats(
      makeResults({ repeats: '5' }, () => ({})),
      repeats(60),
    );
    const body = renderReport(current, {
      comparison: compareResults(current, baseline, 0.1),
      links: ['[Workflow run](https://github.com/o/r/actions/runs/1)'],
    });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toMatch(/±/);
    expect(body).toMatch(/steady sRPS −\d+\.\d % \[/);
    const charts = blocks(body);
    expect(charts).toHaveLength(3);
    for (const chart of charts) await expect(mermaid.parse(chart)).resolves.toMatchObject({ diagramType: 'xychart' });
  });

  it('rounds the axis above the data', () => {
    // 5 % headroom, then the next 1, 2, 2.5 or 5 × 10ⁿ: 95.5 → 100.3 → 200; 1000 → 1050 → 2000.
    expect([0, 4.4, 35.2, 95.5, 813.2, 1000].map(axisMax)).toEqual([1, 5, 50, 200, 1000, 2000]);
  });

  it('the 27-cell report with charts fits a comment, and charts are never the part cut', async () => {
    const body = renderReport(results, {
      comparison: compareResults(results, paperBaseline(), 0.1),
      links: ['[Workflow run](https://github.com/o/r/actions/runs/1)'],
    });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(blocks(body)).toHaveLength(3);
    expect(body).not.toContain('Some details were left out');
    // A run so large its details must go: the tables and the charts stay whole.
    const noisy = makeResults({ latencies: Array.from({ length: 60 }, (_, i) => i * 10).join(',') }, () => ({
      topFailures: [{ error: 'x'.repeat(500), occurrences: 3 }],
    }));
    const trimmed = renderReport(noisy, { comparison: null });
    expect(trimmed.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(trimmed).toContain('Some details were left out');
    const charts = blocks(trimmed);
    expect(charts).toHaveLength(3);
    for (const chart of charts) {
      expect(chart.match(/^ {2}line \[(.*)\]$/m)![1]!.split(', ')).toHaveLength(60);
      await expect(mermaid.parse(chart)).resolves.toMatchObject({ diagramType: 'xychart' });
    }
  });
});
