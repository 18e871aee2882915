import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { baselineFromResults } from '../src/core/compare/baseline.js';
import { compareResults, type Comparison } from '../src/core/compare/verdicts.js';
import { COMMENT_LIMIT, renderReport } from '../src/core/report/body.js';
import { renderExports } from '../src/core/report/exports/index.js';
import { renderHtmlReport } from '../src/core/report/html/index.js';
import type { Results } from '../src/core/results/results.js';
import { withRepeats } from './helpers/results.js';
import { CATEGORY_BY_ID, IO_READ, makeSignals, run27WithSignals, statementId, type StatementSpec } from './helpers/signals.js';

/**
 * The signals where people look: the lead, the comparison line, the per-request block (comment
 * and job summary: one renderer), report.html's statements, results.csv and BMF. The Locust
 * numbers are the real run-27 fixture; the signal numbers are synthetic until the real-stack
 * capture lands.
 */

const N_PLUS_ONE = [...IO_READ, { query: CATEGORY_BY_ID, perRequest: 10, rowsPerCall: 1, msPerCall: 0.1 }];
const plantedOn = (ids: string[]) => (id: string) => makeSignals(ids.includes(id) ? { statements: N_PLUS_ONE } : {});

async function nPlusOne(ids: string[]): Promise<{ head: Results; comparison: Comparison }> {
  const base = await run27WithSignals(() => makeSignals());
  const head = await run27WithSignals(plantedOn(ids));
  return { head, comparison: compareResults(head, baselineFromResults('base.json', base), 0.1) };
}

const html = (markdown: string): string => micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

describe('the comment and the job summary', () => {
  it('lead: the route that got slower, why (the statement by name and id, more rows), and where throughput was latency-bound', async () => {
    const { head, comparison } = await nPlusOne(['sync/io_read/0ms', 'sync/io_read/100ms']);
    const body = renderReport(head, { comparison });
    const lead = body.split('\n').find((line) => line.startsWith('- `io_read`'))!;
    expect(body.indexOf('**What got slower, and why it is likely.**')).toBeLessThan(body.indexOf('**What this run shows.**'));
    expect(lead).toContain('slower in `sync/io_read/0ms`, `sync/io_read/100ms`: likely more queries (+10/request, e.g. +10 queries/request: `SELECT');
    expect(lead).toContain(`(0 → 10 per request) · id \`${statementId(CATEGORY_BY_ID)}\``);
    expect(lead).toContain('more rows (11 → 21 per request)');
    expect(lead).toMatch(
      /Throughput was latency-bound and could not see it at `sync\/io_read\/100ms` \(100 ms of added latency per round trip against ≈ [\d.]+ ms of work\)\.$/,
    );
    expect(lead).not.toMatch(/could not see it at `sync\/io_read\/0ms`/);
  });

  it('the comparison names the signal that decided, and what the throughput said', async () => {
    const { head, comparison } = await nPlusOne(['sync/io_read/0ms']);
    const line = renderReport(head, { comparison })
      .split('\n')
      .find((l) => l.startsWith('- `sync/io_read/0ms`: '))!;
    expect(line).toMatch(/^- `sync\/io_read\/0ms`: 🔴 queries\/request 2 → 12: regressed; steady sRPS [−+±][\d.]+ % \[.*\]: inconclusive/);
  });

  it('the per-request block: every cell with its queries, rows, CPU, DB time, memory and response size, and the change', async () => {
    const { head, comparison } = await nPlusOne(['sync/io_read/0ms']);
    const body = renderReport(head, { comparison });
    expect(body).toContain('| Cell | Queries | Rows | CPU (app) | DB time | Peak memory | Response |');
    // DB time +166.7 % from one sample a side: its interval [+67 %, +327 %] is a claim, but not one Holm confirms among
    // the comparison's 208 hypotheses (26 cells × 4 intervals × 2 directions), so it reads inconclusive: no 🔴.
    expect(body).toContain('| `sync/io_read/0ms` | 12 (🔴 +10) | 21 | 4.00 ms (±0.0 %) | 1.60 ms (+166.7 %) | 171.7 MiB (±0.0 %) | 313 B (±0.0 %) |');
    expect(body).toContain('; 1 of the regressed or improved claims not confirmed by Holm over 208 hypotheses read inconclusive.');
    expect(body).toContain('| `sync/cpu/0ms` | 2 (±0) | 11 |');
    const block = body.slice(body.indexOf('| Cell | Queries |')).split('\n\n')[0]!;
    expect(block.split('\n').slice(2)).toHaveLength(26); // the measured cells of run-27
    const gist = 'SELECT … FROM "shop_category" WHERE "shop_category"."id" = $1 LIMIT $2';
    expect(body).toContain(`- \`sync/io_read/0ms\`:\n  - +10 queries/request: \`${gist}\` (0 → 10 per request) · id \`${statementId(CATEGORY_BY_ID)}\``);
  });

  it('without a baseline the block shows head alone; without signals there is no block', async () => {
    const head = await run27WithSignals(() => makeSignals());
    expect(renderReport(head, { comparison: null })).toContain('| `sync/io_read/0ms` | 2 | 11 | 4.00 ms | 0.60 ms | 171.7 MiB | 313 B |');
    const none = await run27WithSignals(() => null);
    expect(renderReport(none, { comparison: null })).not.toContain('**Per request**');
  });

  it("a mix's cell says its counts are per request of the mix: in the lead, under the block and in report.html", async () => {
    const { head, comparison } = await nPlusOne(['sync/io_read/0ms']);
    // io_read as a mix of two requests: its statements cannot be told apart by route.
    const routes = head.config.routes.map((route) =>
      route.name === 'io_read'
        ? {
            ...route,
            mix: [
              { ...route, name: 'page' },
              { ...route, name: 'count' },
            ],
          }
        : route,
    );
    const mixed: Results = { ...head, config: { ...head.config, routes } };
    const body = renderReport(mixed, { comparison });
    expect(body).toMatch(/^- `io_read` \(a mix: per request of the mix\): slower in `sync\/io_read\/0ms`: likely more queries/m);
    expect(body).toContain('`io_read`: per request of the mix; its statements cannot be told apart by route.');
    const page = renderHtmlReport(mixed, { comparison, series: new Map() });
    expect(page).toContain('<h3 id="statements-sync/io_read/0ms"><code>sync/io_read/0ms</code> · a mix: per request of the mix, not by route</h3>');
    // A route that is no mix says nothing of the kind.
    expect(renderReport(head, { comparison })).not.toContain('per request of the mix');
  });

  it('the database connections: a column where some cell read them, opened per request and open on average (or held)', async () => {
    const perRequest = { opened: 1671, openedPerRequest: 1, openAtStart: 0, openAtEnd: 0, meanOpen: 6.947 };
    const pooled = { opened: 2, openedPerRequest: 0.001, openAtStart: 8, openAtEnd: 8, meanOpen: null };
    const head = await run27WithSignals((id) => ({
      ...makeSignals(),
      ...(id === 'sync/cpu/0ms' ? {} : { connections: id.startsWith('sync/') ? perRequest : pooled }),
    }));
    const body = renderReport(head, { comparison: null });
    expect(body).toContain('| Cell | Queries | Rows | CPU (app) | DB time | Peak memory | Response | DB connections |');
    expect(body).toContain('| `sync/io_read/0ms` | 2 | 11 | 4.00 ms | 0.60 ms | 171.7 MiB | 313 B | 1/request, 6.9 open |');
    expect(body).toMatch(/\| `async-limited\/io_read\/0ms` \| .* \| 313 B \| 0\/request, 8 open at the end \|/);
    expect(body).toMatch(/\| `sync\/cpu\/0ms` \| .* \| 313 B \| — \|/);
    const files = new Map(renderExports(head, null).map((file) => [file.file, file.content]));
    const [header, ...rows] = files.get('results.csv')!.trim().split('\r\n');
    const columns = header!.split(',');
    // After every older column, so scripts reading by position keep working.
    expect(columns.slice(-3)).toEqual(['memory_verdict', 'db_connections_opened_per_request', 'db_connections_mean_open']);
    const row = (id: string) =>
      rows
        .find((r) => r.startsWith(`${id},`))!
        .split(',')
        .slice(-2);
    expect(row('sync/io_read/0ms')).toEqual(['1', '6.947']);
    expect(row('async-limited/io_read/0ms')).toEqual(['0.001', '']);
    expect(row('sync/cpu/0ms')).toEqual(['', '']);
  });

  it('SQL is user text: a crafted statement renders inert (no tag, mention or link outside code) and one line', async () => {
    const evil = 'SELECT 1 /* @octocat #12 https://evil.example <img src=x onerror=alert(1)> | ` */\n-- </code><script>x</script>';
    const base = await run27WithSignals(() => makeSignals());
    const head = await run27WithSignals(() => makeSignals({ statements: [...IO_READ, { query: evil, perRequest: 1 }] }));
    const comparison = compareResults(head, baselineFromResults('b', base), 0.1);
    const rendered = html(renderReport(head, { comparison }));
    expect(rendered).not.toMatch(/<(img|script)\b/i);
    const outside = rendered.replace(/<code>[^]*?<\/code>/g, ' ').replace(/<[^>]*>/g, '');
    expect(outside).not.toMatch(/@octocat|https:\/\/evil/);
    const page = renderHtmlReport(head, { comparison, series: new Map() });
    expect(page).not.toMatch(/<(img|script)\b/i);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('the size limit', () => {
  it('27 cells × 3 repeats, 40 long statements a cell all changed: the comment stays under GitHub’s limit, statements clipped with their id', async () => {
    const long = (i: number, side: string) =>
      `SELECT ${Array.from({ length: 60 }, (_, c) => `"shop_product"."column_${c}_${side}"`).join(', ')} FROM "shop_product" WHERE "id" = $${i} ` +
      `AND "shop_product"."category_id" IN (${Array.from({ length: 40 }, (_, c) => `$${c + 100}`).join(', ')})`;
    // Head makes one query more of each: every cell regressed on queries, 80 statements changed a cell.
    const statements = (side: string): StatementSpec[] =>
      Array.from({ length: 40 }, (_, i) => ({ query: long(i, side), perRequest: (side === 'head' ? 2 : 1) + (i % 3) }));
    const repeated = (results: Results) => withRepeats(results, () => [100, 104, 98]);
    const connections = { opened: 1500, openedPerRequest: 1, openAtStart: 0, openAtEnd: 0, meanOpen: 123.456 };
    const base = repeated(await run27WithSignals(() => ({ ...makeSignals({ statements: statements('base') }), connections })));
    const head = repeated(await run27WithSignals(() => ({ ...makeSignals({ statements: statements('head') }), connections })));
    const comparison = compareResults(head, baselineFromResults('base.json', base), 0.1);
    const body = renderReport(head, { comparison });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT - 1024);
    expect(body).toContain('**Per request**');
    expect(body).toContain('| 1/request, 123.5 open |');
    expect(body).toMatch(/… and 77 more in report\.html/); // 80 changed statements a cell (40 vanished, 40 appeared), 3 shown
    expect(body).toMatch(/… and 18 more cells with changed statements, in report\.html/);
    const shown = comparison.cells.get('sync/cpu/0ms')!.signals!.queries!.statements.slice(0, 3);
    expect(shown).toHaveLength(3);
    for (const statement of shown) {
      // Each named by its gist (the statement from FROM on, clipped), its change and its id.
      expect(statement.id).toMatch(/^\w+$/);
      expect(body).toMatch(new RegExp(`\`SELECT … FROM "shop_product" WHERE [^\`]{40,}…\` \\(0 → 4 per request\\) · id \`${statement.id}\``));
    }
    expect(body).toMatch(/^- `cpu`: slower in .*: likely more queries \(\+40\/request, e\.g\. \+4 queries\/request: `SELECT … FROM/m);
    // report.html has every statement in full.
    const page = renderHtmlReport(head, { comparison, series: new Map() });
    expect(page).toContain(long(39, 'head').replaceAll('"', '&quot;'));
    expect(page).toContain(long(39, 'base').replaceAll('"', '&quot;'));
  });
});

describe('report.html, results.csv and BMF', () => {
  it('report.html has a statements table per cell, base beside head, with the change', async () => {
    const { head, comparison } = await nPlusOne(['sync/io_read/0ms']);
    const page = renderHtmlReport(head, { comparison, series: new Map() });
    const section = page.slice(page.indexOf('<section id="statements">'));
    const cell = section.slice(section.indexOf('id="statements-sync/io_read/0ms"'));
    expect(cell).toMatch(/<th>Base<\/th><th>Head<\/th><th>Change<\/th>/);
    expect(cell).toContain(`<td><code>${statementId(CATEGORY_BY_ID)}</code></td><td>0</td><td>10</td><td>+10</td>`);
  });

  it('results.csv and the BMF export carry the new measures', async () => {
    const { head, comparison } = await nPlusOne(['sync/io_read/0ms']);
    const files = new Map(renderExports(head, comparison).map((file) => [file.file, file.content]));
    const [header, ...rows] = files.get('results.csv')!.trim().split('\r\n');
    const columns = header!.split(',');
    const row = Object.fromEntries(
      rows
        .find((r) => r.startsWith('sync/io_read/0ms,'))!
        .split(',')
        .map((v, i) => [columns[i], v]),
    );
    expect(row).toMatchObject({
      queries_per_request: '12',
      rows_per_request: '21',
      db_ms_per_request: '1.6',
      app_cpu_ms_per_request: '4',
      app_peak_memory_bytes: '180000000',
      response_bytes_per_request: '313',
      decided_by: 'queries',
      baseline_queries_per_request: '2',
      queries_verdict: 'regressed',
    });
    const bmf = JSON.parse(files.get('bencher-bmf.json')!) as Record<string, Record<string, { value: number }>>;
    expect(bmf['sync/io_read/0ms']!['queries-per-request']).toEqual({ value: 12 });
    expect(bmf['sync/io_read/0ms']!['app-cpu-ms-per-request']).toEqual({ value: 4 });
  });
});
