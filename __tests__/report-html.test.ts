import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperBaseline } from '../src/core/compare/baseline.js';
import { compareResults, type Comparison } from '../src/core/compare/verdicts.js';
import { buildConfig } from '../src/core/config/build.js';
import { ingestRun } from '../src/core/ingest/run-dir.js';
import { Downsampler, readHistorySeries, readRunSeries, type CellSeries } from '../src/core/ingest/series.js';
import { renderReport } from '../src/core/report/body.js';
import { renderHtmlReport } from '../src/core/report/html/index.js';
import { niceMax } from '../src/core/report/html/svg.js';
import { hostEnvironment } from '../src/core/results/environment.js';
import type { Results } from '../src/core/results/results.js';
import { findChromium, openInChromium } from './helpers/browser.js';
import { fixture, placeCell, scratch } from './helpers/fixtures.js';
import { makeResults, withRepeats } from './helpers/results.js';

/** The fixture's history, read the plain way: every Aggregated row, split by hand. */
async function aggregatedRows(path: string): Promise<string[][]> {
  const [header, ...lines] = (await readFile(path, 'utf8')).trim().split('\n');
  const name = header!.split(',').indexOf('Name');
  return lines.map((line) => line.split(',')).filter((fields) => fields[name] === 'Aggregated');
}

describe('Downsampler', () => {
  it('keeps every point of a short series and at most the bound of a long one, evenly spaced from the start', () => {
    const short = new Downsampler<number>(10);
    for (let i = 0; i < 7; i += 1) short.add(i);
    expect(short.points()).toEqual([0, 1, 2, 3, 4, 5, 6]);

    const long = new Downsampler<number>(10);
    for (let i = 0; i < 10_000; i += 1) long.add(i);
    const points = long.points();
    expect(points.length).toBeLessThanOrEqual(10);
    expect(points.length).toBeGreaterThanOrEqual(5);
    expect(points[0]).toBe(0);
    const gaps = new Set(points.slice(1).map((p, i) => p - points[i]!));
    expect(gaps.size).toBe(1);
    // The kept points span the run, not just its start.
    expect(points.at(-1)!).toBeGreaterThan(5_000);
  });
});

describe('readHistorySeries', () => {
  it('reads the Aggregated rows of a real history as sRPS, users, failures and percentiles', async () => {
    const path = fixture('run-27', 'cells', 'async-limited__io_read__100ms', 'locust_stats_history.csv');
    const rows = await aggregatedRows(path);
    const points = await readHistorySeries(await open(path), 'history', 1000);
    expect(points).toHaveLength(rows.length);
    const [first, last] = [rows[0]!, rows.at(-1)!];
    expect(points[0]!.t).toBe(0);
    expect(points.at(-1)!.t).toBe(Number(last[0]) - Number(first[0]));
    const peak = Math.max(...rows.map((r) => Number(r[4]) - Number(r[5])));
    expect(Math.max(...points.map((p) => p.srps))).toBeCloseTo(peak, 6);
    expect(points.at(-1)!.users).toBe(Number(last[1]));
    expect(points.some((p) => p.failuresPerSecond > 0)).toBe(true);
    // Locust writes N/A before its first sample: unknown, not 0.
    expect(points[0]!.p50Ms).toBeNull();
    expect(points.some((p) => p.p95Ms !== null && p.p95Ms > 100)).toBe(true);
  });

  it('keeps at most the bound of points however long the history', async () => {
    const { dir, cleanup } = await scratch();
    try {
      const path = join(dir, 'history.csv');
      const lines = ['Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,95%'];
      for (let i = 0; i < 5_000; i += 1) lines.push(`${1000 + i},10,GET,/x,1,0,5,9`, `${1000 + i},10,,Aggregated,${i},0,5,9`);
      await writeFile(path, `${lines.join('\n')}\n`);
      const points = await readHistorySeries(await open(path), 'history', 100);
      expect(points.length).toBeLessThanOrEqual(100);
      expect(points.at(-1)!.t).toBeGreaterThan(4_900);
      expect(points.every((p) => p.srps === p.t)).toBe(true);
    } finally {
      await cleanup();
    }
  });
});

describe('report.html', () => {
  let results: Results;
  let comparison: Comparison;
  let series: Map<string, CellSeries>;
  let html: string;
  let renderMs: number;
  beforeAll(async () => {
    ({ results } = await ingestRun(fixture('run-27'), buildConfig({ inputs: {} }), hostEnvironment()));
    comparison = compareResults(results, paperBaseline(), results.config.compare.threshold);
    series = await readRunSeries(fixture('run-27'), results);
    const start = performance.now();
    html = renderHtmlReport(results, { comparison, series });
    renderMs = performance.now() - start;
  });

  it('holds the findings, the comparison, Tables 1–3 with every cell and one card per cell with three charts', () => {
    expect(html).toContain('<h2>Findings</h2>');
    expect(html).toContain('What this run shows.');
    expect(html).toContain('Theory line X ≤ W / (s + k·L)');
    expect(html).toContain('<h2>Against the baseline</h2>');
    for (const route of results.config.routes) expect(html).toContain(`<code>${route.path}</code>`);
    expect(html.match(/<table>/g)).toHaveLength(3);
    expect(html).toContain('<h2>Tables 1–3</h2>');
    // Table 2, Sync at 100 ms: 9.2 max sRPS (fixtures/README.md), with its change against the paper.
    expect(html).toMatch(/<td class="[a-z]+">9\.2 &amp; [\d,]+<small>[^<]*max sRPS/);
    expect(html.match(/<div class="cell"/g)).toHaveLength(27);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(27 * 3);
    // Markdown is rendered, not shown: no stray ** or backticks.
    expect(html).not.toMatch(/\*\*|`/);
  });

  it('is self-contained: no script, no external URL, a policy that forbids both', () => {
    expect(html).not.toMatch(/<script|<link|src="http|url\(/i);
    expect(html).toContain(`content="default-src 'none'`);
  });

  it('renders 27 cells quickly and stays small', () => {
    expect(renderMs).toBeLessThan(1_000);
    expect(html.length).toBeLessThan(1_000_000);
  });

  it('links each cell to its Locust report only when the file is there, by a relative path', async () => {
    expect(html).not.toContain('Locust report</a>');
    const { dir, cleanup } = await scratch();
    try {
      const cell = await placeCell(dir, 'sync__cpu__0ms', fixture('run-27', 'cells', 'sync__cpu__0ms'));
      await writeFile(join(cell, 'report.html'), '<html></html>');
      const one = await readRunSeries(dir, results);
      expect(one.get('sync/cpu/0ms')!.hasLocustReport).toBe(true);
      expect(one.get('sync/io_read/0ms')!.error).toMatch(/locust_stats_history\.csv does not exist/);
      const page = renderHtmlReport(results, { comparison: null, series: one });
      expect(page.match(/<a href="[^"]*">Locust report<\/a>/g)).toEqual(['<a href="cells/sync__cpu__0ms/report.html">Locust report</a>']);
    } finally {
      await cleanup();
    }
  });

  it('draws a repeated cell from its median repeat, and finds cells in other folders without linking what the page leaves behind', async () => {
    const { dir, cleanup } = await scratch();
    try {
      const repeated = withRepeats(
        makeResults({ setups: 'sync', routes: 'cpu', latencies: '0', repeats: '3' }, () => ({})),
        () => [5, 9, 7],
      );
      // The median by steady sRPS is repeat 3 (7); only its folder exists here.
      const cell = await placeCell(join(dir, 'page'), 'sync__cpu__0ms/r3', fixture('run-27', 'cells', 'sync__cpu__0ms'));
      await writeFile(join(cell, 'report.html'), '<html></html>');
      const own = (await readRunSeries(join(dir, 'page'), repeated)).get('sync/cpu/0ms')!;
      expect(own).toMatchObject({ folder: 'cells/sync__cpu__0ms/r3', hasLocustReport: true, error: null });
      expect(own.points.length).toBeGreaterThan(0);
      expect(renderHtmlReport(repeated, { comparison: null, series: new Map([['sync/cpu/0ms', own]]) })).toContain(
        '<a href="cells/sync__cpu__0ms/r3/report.html">Locust report</a>',
      );
      // The same cells in another folder (a downloaded run, a shard): drawn, not linked.
      const elsewhere = (await readRunSeries([join(dir, 'empty'), join(dir, 'page')], repeated)).get('sync/cpu/0ms')!;
      expect(elsewhere).toMatchObject({ hasLocustReport: false, error: null });
      expect(elsewhere.points).toEqual(own.points);
    } finally {
      await cleanup();
    }
  });

  it('escapes everything from results.json: a crafted label, reason or warning stays text', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    const crafted: Results = {
      ...results,
      config: {
        ...results.config,
        setups: results.config.setups.map((setup) => ({ ...setup, label: `${setup.label}${evil}` })),
        routes: results.config.routes.map((route) => ({ ...route, title: `${route.title}${evil}`, path: `${route.path}${evil}` })),
      },
      cells: results.cells.map((cell, i) =>
        i === 0 ? { ...cell, status: 'failed', metrics: null, reason: evil, warnings: [evil] } : { ...cell, warnings: [evil] },
      ) as Results['cells'],
      tool: { ...results.tool, version: evil },
    };
    const page = renderHtmlReport(crafted, { comparison: compareResults(crafted, paperBaseline(), 0.1), series });
    expect(page).not.toMatch(/<script|<img|onerror=alert\(2\)>/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('writes no bidirectional control from results.json: an override in a label or reason cannot reorder the page', () => {
    const bidi = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
    const crafted: Results = {
      ...results,
      config: {
        ...results.config,
        setups: results.config.setups.map((setup) => ({ ...setup, label: `${setup.label} \u202eevil` })),
        routes: results.config.routes.map((route) => ({ ...route, title: `${route.title}\u2067x\u2069` })),
      },
      cells: results.cells.map((cell, i) => (i === 0 ? { ...cell, status: 'failed', metrics: null, reason: 'row 2\u200f\u061c' } : cell)) as Results['cells'],
    };
    const page = renderHtmlReport(crafted, { comparison: compareResults(crafted, paperBaseline(), 0.1), series });
    expect(page).not.toMatch(bidi);
    expect(page).toContain('Sync \ufffdevil');
  });
});

describe('in headless Chromium', () => {
  const chromium = findChromium();
  const reason = 'no Chromium binary (install it with scripts/install-chromium.sh, or set CHROMIUM_BIN)';
  if (!chromium) console.warn(`report-html.test.ts: browser checks skipped: ${reason}`);
  // ASYNC_BENCH_SCREENSHOTS=docs (scripts/screenshot-report.mjs) refreshes the README's screenshots.
  const shots = process.env.ASYNC_BENCH_SCREENSHOTS === 'docs' ? join(import.meta.dirname, '..', 'docs') : null;
  it.runIf(shots && !chromium)('refreshes the screenshots only with a browser', () => {
    throw new Error(`ASYNC_BENCH_SCREENSHOTS=docs, but ${reason}.`);
  });
  let work: Awaited<ReturnType<typeof scratch>>;
  let results: Results;
  let comparison: Comparison;
  beforeAll(async () => {
    work = await scratch();
    ({ results } = await ingestRun(fixture('run-27'), buildConfig({ inputs: {} }), hostEnvironment()));
    comparison = compareResults(results, paperBaseline(), results.config.compare.threshold);
  });
  afterAll(async () => {
    await work.cleanup();
  });

  it.skipIf(!chromium)('opens report.html of the 27-cell fixture without console errors, every chart drawn', async () => {
    const series = await readRunSeries(fixture('run-27'), results);
    const path = join(work.dir, 'report.html');
    await writeFile(path, renderHtmlReport(results, { comparison, series }));
    const page = await openInChromium(chromium!, path, {
      width: 1280,
      height: 900,
      expression: `({ cards: document.querySelectorAll('.cell').length, lines: document.querySelectorAll('svg.chart polyline').length,
        tables: document.querySelectorAll('table').length, width: document.querySelector('svg.chart').getBoundingClientRect().width })`,
    });
    expect(page.errors).toEqual([]);
    expect(page.value).toMatchObject({ cards: 27, tables: 3 });
    expect((page.value as { lines: number }).lines).toBeGreaterThanOrEqual(27 * 5);
    expect((page.value as { width: number }).width).toBeGreaterThan(200);
    expect(page.screenshot.subarray(1, 4).toString()).toBe('PNG');
    await writeFile(join(work.dir, 'report-html.png'), page.screenshot);
    if (shots) await writeFile(join(shots, 'report-html.png'), page.screenshot);
  });

  it.skipIf(!chromium)('reports a console error when a page has one (the check can fail)', async () => {
    const path = join(work.dir, 'bad.html');
    await writeFile(path, '<!doctype html><title>x</title><script>console.error("broken")</script><img src="missing.png">');
    const page = await openInChromium(chromium!, path, { width: 400, height: 300 });
    expect(page.errors.join('\n')).toMatch(/broken/);
    expect(page.errors.join('\n')).toMatch(/missing\.png/);
  });

  it.skipIf(!chromium)(
    'renders the PR comment as GitHub would, Mermaid charts drawn by Mermaid itself',
    async () => {
      const markdown = renderReport(results, { comparison, links: ['[Workflow run](https://github.com/org/repo/actions/runs/1)'] });
      const page = commentPage(markdown, await readFile(join(import.meta.dirname, '..', 'node_modules', 'mermaid', 'dist', 'mermaid.min.js'), 'utf8'));
      const path = join(work.dir, 'comment.html');
      await writeFile(path, page);
      const shown = await openInChromium(chromium!, path, {
        width: 1012,
        height: 900,
        readyWhen: `document.body.dataset.rendered === 'yes'`,
        expression: `document.querySelectorAll('pre.mermaid svg').length`,
        timeoutMs: 60_000,
      });
      expect(shown.errors).toEqual([]);
      expect(shown.value).toBe(3);
      await writeFile(join(work.dir, 'comment.png'), shown.screenshot);
      if (shots) await writeFile(join(shots, 'comment.png'), shown.screenshot);
    },
    90_000,
  );
});

/**
 * A GitHub-like page for the comment: micromark with GitHub's extensions (raw HTML
 * allowed, as GitHub allows the <sub>, <br> and <details> the comment uses), the
 * ```mermaid blocks handed to Mermaid's browser bundle, inlined.
 */
function commentPage(markdown: string, mermaidBundle: string): string {
  const body = micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] }).replace(
    /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
    '<pre class="mermaid">$1</pre>',
  );
  const style = `body{font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;color:#1f2328;margin:0;padding:16px;background:#fff}
.comment{border:1px solid #d1d9e0;border-radius:6px;max-width:960px}.comment-head{background:#f6f8fa;border-bottom:1px solid #d1d9e0;padding:8px 16px;color:#59636e}
.markdown-body{padding:16px}table{border-collapse:collapse;display:block;overflow:auto}th,td{border:1px solid #d1d9e0;padding:6px 13px}tr:nth-child(2n){background:#f6f8fa}
code{font:85% ui-monospace,SFMono-Regular,Menlo,monospace;background:#eff1f3;padding:.2em .4em;border-radius:6px}h3{font-size:1.25em}pre.mermaid{background:#fff;text-align:center}
a{color:#0969da;text-decoration:none}sub{color:#59636e}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>PR comment</title><style>${style}</style></head>
<body><div class="comment"><div class="comment-head"><strong>github-actions</strong> bot commented</div><div class="markdown-body">${body}</div></div>
<script>${mermaidBundle.replace(/<\/script/gi, '<\\/script')}</script>
<script>mermaid.initialize({ startOnLoad: false, theme: 'default' }); mermaid.run({ querySelector: 'pre.mermaid' }).then(() => { document.body.dataset.rendered = 'yes'; }, (error) => { console.error(String(error)); });</script>
</body></html>`;
}

describe('niceMax', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.3, 1, 7, 23, 201, 813.2, 1001].map(niceMax)).toEqual([1, 0.5, 1, 10, 50, 500, 1000, 2000]);
  });
});
