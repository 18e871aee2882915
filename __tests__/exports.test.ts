import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from '../src/cli/cli.js';
import { baselineFromResults } from '../src/core/compare/baseline.js';
import { compareResults } from '../src/core/compare/verdicts.js';
import { buildConfig } from '../src/core/config/build.js';
import { ingestRun } from '../src/core/ingest/run-dir.js';
import { renderBenchmarkAction } from '../src/core/report/exports/benchmark-action.js';
import { renderBencher } from '../src/core/report/exports/bencher.js';
import { renderCsv } from '../src/core/report/exports/csv.js';
import { SIGNAL_COLUMNS } from '../src/core/report/exports/signal-columns.js';
import { EXPORT_FILES, renderExports } from '../src/core/report/exports/index.js';
import { summarize, type RunSummary } from '../src/core/report/summary.js';
import { hostEnvironment } from '../src/core/results/environment.js';
import { serializeResults, type Results } from '../src/core/results/results.js';
import { fixture, scratch } from './helpers/fixtures.js';
import { makeResults } from './helpers/results.js';

/**
 * github-action-benchmark's custom tools: "Every entry in the JSON file you provide only
 * needs to provide name, unit, and value. You can also provide optional range ... and
 * extra" (its README); its extract.ts accepts an array of exactly those fields, strings
 * but for the number value.
 */
const BenchmarkActionFile = z
  .array(
    z.strictObject({
      name: z.string().min(1),
      unit: z.string().min(1),
      value: z.number().finite(),
      range: z.string().optional(),
      extra: z.string().optional(),
    }),
  )
  .min(1);

/**
 * Bencher Metric Format, as its JSON Schema (bencher.dev/bmf.json) states: an object of
 * benchmarks, each an object of measures, each `{ value (required), lower_value, upper_value }`
 * numbers; a benchmark name is at most 1,024 characters, a measure slug at most 64.
 */
const Bmf = z.record(
  z.string().min(1).max(1024),
  z.record(z.string().min(1).max(64), z.strictObject({ value: z.number(), lower_value: z.number().optional(), upper_value: z.number().optional() })),
);

describe('exports of the 27-cell fixture', () => {
  let results: Results;
  beforeAll(async () => {
    ({ results } = await ingestRun(fixture('run-27'), buildConfig({ inputs: {} }), hostEnvironment()));
  });

  it('CSV: one RFC 4180 row per cell that csv-parse reads back to the same numbers', () => {
    const text = renderCsv(results);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/\n/);
    const rows = parse(text, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    // The published header: a renamed or moved column breaks every sheet that reads it.
    const columns = [
      'id',
      'setup',
      'route',
      'latency_ms',
      'status',
      'max_srps',
      'total_successes',
      'steady_srps',
      'failure_ratio',
      'p50_ms',
      'p95_ms',
      'p99_ms',
    ].concat(['requests', 'verdict', 'baseline_max_srps', 'baseline_total_successes', 'reason']);
    expect(Object.keys(rows[0]!)).toEqual([...columns, ...SIGNAL_COLUMNS]);
    expect(rows).toHaveLength(27);
    for (const [i, cell] of results.cells.entries()) {
      const row = rows[i]!;
      const m = cell.metrics!;
      expect([row.id, row.setup, row.route, row.latency_ms, row.status]).toEqual([cell.id, cell.setup, cell.route, String(cell.latencyMs), 'ok']);
      expect(Number(row.max_srps)).toBeCloseTo(m.maxSrps, 6);
      expect(Number(row.total_successes)).toBe(m.totalSuccesses);
      expect(Number(row.requests)).toBe(m.totalRequests);
      expect(Number(row.failure_ratio)).toBeCloseTo(m.failureRatio, 6);
      expect(Number(row.p95_ms)).toBe(m.p95Ms);
      expect([row.verdict, row.baseline_max_srps, row.reason]).toEqual(['', '', '']);
    }
    // async-unlimited/cpu/0ms: 68.666666…, six decimals and no exponent or grouping.
    expect(rows.find((row) => row.id === 'async-unlimited/cpu/0ms')!.max_srps).toMatch(/^68\.66666\d$/);
  });

  it('github-action-benchmark: its customBiggerIsBetter array, two entries per cell', () => {
    const entries = BenchmarkActionFile.parse(renderBenchmarkAction(summarize(results)));
    expect(entries).toHaveLength(54);
    expect(new Set(entries.map((e) => e.name)).size).toBe(54);
    expect(entries.find((e) => e.name === 'sync/io_read/0ms max sRPS')).toMatchObject({ unit: 'sRPS', value: 201 });
    expect(entries.find((e) => e.name === 'async-limited/io_create/200ms total successes')).toMatchObject({ unit: 'successes', value: 305 - 173 });
    expect(entries[0]!.extra).toContain('added latency: 0 ms');
    expect(entries.some((e) => 'range' in e)).toBe(false);
  });

  it('Bencher: BMF with every measured cell as a benchmark', () => {
    const bmf = Bmf.parse(renderBencher(summarize(results)));
    expect(Object.keys(bmf)).toEqual(results.cells.map((cell) => cell.id));
    expect(bmf['sync/io_read/0ms']!['max-srps']).toEqual({ value: 201 });
    expect(bmf['sync/io_create/200ms']!['total-successes']).toEqual({ value: 32 });
    expect(bmf['sync/io_create/200ms']!['failure-ratio']!.value).toBeCloseTo(1 / 33, 10);
  });

  it('carries a spread when a cell summary has one', () => {
    const base = summarize(results);
    const withSpread: RunSummary = {
      ...base,
      cell: (setup, route, ms) => {
        const cell = base.cell(setup, route, ms);
        return cell && { ...cell, maxSrps: { value: cell.maxSrps.value, lower: cell.maxSrps.value - 2, upper: cell.maxSrps.value + 3 } };
      },
    };
    const bmf = Bmf.parse(renderBencher(withSpread));
    expect(bmf['sync/io_read/0ms']!['max-srps']).toEqual({ value: 201, lower_value: 199, upper_value: 204 });
    const entries = BenchmarkActionFile.parse(renderBenchmarkAction(withSpread));
    expect(entries.find((e) => e.name === 'sync/io_read/0ms max sRPS')!.range).toBe('± 2.5');
  });
});

describe('exports of a run with failures and a baseline', () => {
  const hostile = '=HYPERLINK("http://evil.example","click"), then\na second line';
  const results = makeResults({}, (id) => (id === 'sync/cpu/0ms' ? null : id === 'sync/io_read/0ms' ? { maxSrps: 5, totalSuccesses: 100, steadySrps: 4 } : {}));
  results.cells.find((cell) => cell.id === 'sync/cpu/0ms')!.reason = hostile;
  const baseline = baselineFromResults(
    'main',
    makeResults({}, () => ({})),
  );
  const comparison = compareResults(results, baseline, 0.1);

  it('CSV: a failed cell keeps its reason whole, with formulas neutralised', () => {
    const rows = parse(renderCsv(results, comparison), { columns: true }) as Record<string, string>[];
    const failed = rows.find((row) => row.id === 'sync/cpu/0ms')!;
    expect(failed).toMatchObject({ status: 'failed', max_srps: '', total_successes: '', verdict: 'missing', baseline_max_srps: '10' });
    expect(failed.reason).toBe(`'${hostile}`);
    expect(rows.find((row) => row.id === 'sync/io_read/0ms')).toMatchObject({ verdict: 'regressed', baseline_total_successes: '1000' });
    for (const row of rows) for (const column of ['id', 'setup', 'route', 'status', 'verdict', 'reason']) expect(row[column]).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('leaves failed cells out of the trackers, which need numbers', () => {
    const summary = summarize(results);
    expect(BenchmarkActionFile.parse(renderBenchmarkAction(summary)).some((e) => e.name.startsWith('sync/cpu/0ms'))).toBe(false);
    expect(Object.keys(Bmf.parse(renderBencher(summary)))).not.toContain('sync/cpu/0ms');
    expect(renderExports(results, comparison).map((f) => f.file)).toEqual([EXPORT_FILES.csv, EXPORT_FILES.benchmarkAction, EXPORT_FILES.bencher]);
  });

  it('async-bench report writes them beside results.json', async () => {
    const { dir, cleanup } = await scratch();
    try {
      await writeFile(join(dir, 'results.json'), serializeResults(results));
      const err: string[] = [];
      const io = { stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) }, cwd: dir };
      expect(await runCli(['report', 'results.json', '--baseline', 'results.json'], io)).toBe(0);
      expect(err.join('')).toContain(join(dir, EXPORT_FILES.bencher));
      const csv = parse(await readFile(join(dir, EXPORT_FILES.csv), 'utf8'), { columns: true }) as Record<string, string>[];
      expect(csv).toHaveLength(27);
      // One run a side under the default 8 % noise floor cannot say unchanged within 10 %.
      expect(csv.filter((row) => row.verdict === 'inconclusive')).toHaveLength(26);
      BenchmarkActionFile.parse(JSON.parse(await readFile(join(dir, EXPORT_FILES.benchmarkAction), 'utf8')));
      Bmf.parse(JSON.parse(await readFile(join(dir, EXPORT_FILES.bencher), 'utf8')));
    } finally {
      await cleanup();
    }
  });
});
