import { describe, expect, it } from 'vitest';
import { paperBaseline } from '../src/core/compare/baseline.js';
import { compareResults } from '../src/core/compare/verdicts.js';
import { COMMENT_LIMIT, renderReport } from '../src/core/report/body.js';
import { closeOpenBlocks, droppable, fitSections, kept, shrinkable } from '../src/core/report/fit.js';
import type { Results } from '../src/core/results/results.js';
import { markedBody } from '../src/publish/marker.js';
import { fitSummary } from '../src/publish/summary.js';
import { makeResults } from './helpers/results.js';

/** Fence lines (``` …) in a body: an odd count leaves the rest of it rendered as code. */
const fences = (body: string): string[] => body.split('\n').filter((line) => /^```/.test(line));

/** Each table title followed by its header, delimiter and one row per latency. */
function tablesOf(body: string): { title: string; rows: number }[] {
  const lines = body.split('\n');
  return lines.flatMap((line, i) => {
    if (!line.startsWith('**Table ')) return [];
    let rows = 0;
    for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j++) rows += 1;
    return [{ title: line, rows }];
  });
}

/** What the action posts: the report, then the marker and GitHub's limit (marker.ts). */
const comment = (results: Results, withBaseline = true): string =>
  markedBody(
    'main',
    renderReport(results, {
      comparison: withBaseline ? compareResults(results, paperBaseline(), 0.1) : null,
      links: ['[Workflow run](https://github.com/o/r/actions/runs/1)', '[Locust reports and results.json](https://github.com/o/r/actions/runs/1/artifacts/2)'],
    }),
  );

describe('a report near GitHub’s comment limit', () => {
  const latencies = (n: number) => Array.from({ length: n }, (_, i) => i * 10).join(',');

  it.each([
    ['a very long setup label', 20_000, 10, 12],
    ['a very long route title', 10, 20_000, 12],
    ['long labels and titles on a large matrix', 3_000, 3_000, 40],
  ])('%s: every table whole, the headline, the findings, the links and a closed fence', (_, labelLength, titleLength, n) => {
    const results = makeResults({ latencies: latencies(n) }, (id) => ({ topFailures: [{ error: `${id} ${'e'.repeat(300)}`, occurrences: 2 }] }));
    results.config.setups.forEach((setup, i) => (setup.label = `${'L'.repeat(labelLength)}${i}`));
    results.config.routes.forEach((route, i) => (route.title = `${'T'.repeat(titleLength)}${i}`));

    const body = comment(results);

    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.split('\n')[1]).toMatch(/^### async-bench: /);
    const tables = tablesOf(body);
    expect(tables).toHaveLength(3);
    for (const table of tables) expect(table.rows).toBe(2 + n);
    expect(body).toContain('**What this run shows.**');
    for (const route of results.config.routes) expect(body).toContain(`· \`${route.name}\` ·`);
    expect(body).toContain('[Locust reports and results.json](https://github.com/o/r/actions/runs/1/artifacts/2)');
    expect(fences(body).length % 2).toBe(0);
    expect(body).not.toMatch(/truncated: the comment hit/); // whole sections went, nothing was cut mid-way
  });

  it('at every size up to the limit (the tables alone from a third of it to nearly all), the same holds', () => {
    for (let n = 120; n <= 340; n += 44) {
      const results = makeResults({ latencies: latencies(n) }, () => ({}));
      results.config.setups.forEach((setup, i) => (setup.label = `${'L'.repeat(70)}${i}`));
      const body = comment(results, false);
      expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
      expect(tablesOf(body).map((table) => table.rows)).toEqual([2 + n, 2 + n, 2 + n]);
      expect(fences(body).length % 2).toBe(0);
      expect(body).not.toMatch(/truncated: the comment hit/);
    }
  });

  it('sections go from the end: details, then charts, then the comparison; never a table', () => {
    const results = makeResults({ latencies: latencies(60) }, (id) => ({ topFailures: [{ error: `${id} ${'e'.repeat(500)}`, occurrences: 2 }] }));
    const body = comment(results);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain('report.html and results.json in the results artifact have them all');
    expect(body).not.toContain('Per-cell metrics');
    expect(tablesOf(body).map((table) => table.rows)).toEqual([62, 62, 62]);
    expect(fences(body).length % 2).toBe(0);
  });
});

describe('fitSections', () => {
  const note = '(cut)';
  // A block added tomorrow (per-route signals, say) is one more droppable section: nothing else changes.
  const sections = [
    kept('HEAD'),
    shrinkable('finding one\n  detail one\nfinding two\n  detail two', 'finding one\nfinding two'),
    kept('TABLE'),
    droppable('NEW BLOCK '.repeat(5)),
    droppable('DETAILS '.repeat(10)),
  ];

  it('keeps everything when it fits, without the note', () => {
    expect(fitSections(sections, 1000, note)).not.toContain(note);
  });

  it('drops from the end, then shrinks to the floor, never below; the note last', () => {
    const all = fitSections(sections, 1000, note);
    const noDetails = fitSections(sections, all.length - 1, note);
    expect(noDetails).not.toContain('DETAILS');
    expect(noDetails).toContain('NEW BLOCK');
    expect(noDetails.trimEnd().endsWith(note)).toBe(true);
    const floor = fitSections(sections, 60, note);
    expect(floor).toBe('HEAD\n\nfinding one\nfinding two\n\nTABLE\n\n(cut)\n');
  });

  it('when the kept sections alone are too long, keeps the whole ones that fit from the top', () => {
    expect(fitSections([kept('HEAD'), kept('T'.repeat(50)), kept('U'.repeat(5))], 30, note)).toBe('HEAD\n\n(cut)\n');
  });
});

describe('a cut at a line closes what it left open', () => {
  const chart = ['```mermaid', 'xychart-beta', ...Array.from({ length: 200 }, (_, i) => `  line [${i}, ${i}]`), '```'].join('\n');

  it('markedBody: the truncated note is never inside a code fence or a <details>', () => {
    for (const limit of [300, 1000, 2500]) {
      const body = markedBody('main', `### head\n\n<details><summary>s</summary>\n\n${chart}\n\n</details>\n\nafter`, limit);
      expect(body.length).toBeLessThanOrEqual(limit);
      expect(fences(body).length % 2).toBe(0);
      expect(body.split('<details>').length).toBe(body.split('</details>').length);
      expect(body).toMatch(/```\n(<\/details>\n)?\n_… truncated/);
    }
  });

  it('fitSummary too', () => {
    const body = fitSummary(`### head\n\n${chart}`, 1000);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(1000);
    expect(fences(body).length % 2).toBe(0);
  });

  it('closeOpenBlocks leaves balanced text alone and knows a longer fence', () => {
    expect(closeOpenBlocks('a\n```\nb\n```\nc')).toBe('a\n```\nb\n```\nc');
    expect(closeOpenBlocks('````\n```\nstill code')).toBe('````\n```\nstill code\n````');
    expect(closeOpenBlocks('<details>\n```x\ny')).toBe('<details>\n```x\ny\n```\n</details>');
  });
});
