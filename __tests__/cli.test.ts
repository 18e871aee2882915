import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.js';
import { emptyResults, parseResults, serializeResults } from '../src/core/results/results.js';
import { fixture, scratch } from './helpers/fixtures.js';

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, cwd },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

/*
 * Hand calculations from the captured CSVs of fixtures/run-27 (see fixtures/README.md):
 *   awk -F, '$4=="Aggregated"{v=$5-$6; if(v>m)m=v} END{printf "%.6f\n", m}' locust_stats_history.csv
 *   awk -F, '$2=="Aggregated"{print $3-$4}' locust_stats.csv
 */
const HAND = {
  'sync/io_read/0ms': { maxSrps: 201.0, successes: 1634, shown: '201.0 & 1,634' },
  'async-limited/io_create/200ms': { maxSrps: 15.2, successes: 305 - 173, shown: '15.2 & 132' },
  'async-unlimited/cpu/0ms': { maxSrps: 68.666666, successes: 494 - 13, shown: '68.7 & 481' },
};

describe('async-bench ingest, then report --baseline paper, on 27 real cells', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let report: string;
  beforeAll(async () => {
    ({ dir, cleanup } = await scratch());
    await cp(fixture('run-27', 'cells'), join(dir, 'run', 'cells'), { recursive: true });
    const ingest = io(dir);
    expect(await runCli(['ingest', 'run'], ingest.io)).toBe(0);
    expect(ingest.out()).toMatch(/27 cells measured, 0 failed/);
    const rendered = io(dir);
    expect(await runCli(['report', 'run/results.json', '--baseline', 'paper'], rendered.io)).toBe(0);
    report = rendered.out();
  });
  afterAll(() => cleanup());

  it('writes results.json whose numbers match a hand calculation from the CSVs', async () => {
    const results = parseResults('results.json', await readFile(join(dir, 'run', 'results.json'), 'utf8'));
    expect(results.cells).toHaveLength(27);
    for (const [id, hand] of Object.entries(HAND)) {
      const cell = results.cells.find((c) => c.id === id)!;
      expect(cell.metrics!.maxSrps).toBeCloseTo(hand.maxSrps, 5);
      expect(cell.metrics!.totalSuccesses).toBe(hand.successes);
    }
  });

  it('writes report.html beside results.json: the tables with the baseline, every cell over time', async () => {
    const html = await readFile(join(dir, 'run', 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<div class="cell"/g)).toHaveLength(27);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(81);
    // report --baseline paper rewrote it with the comparison; ingest alone has none.
    // Against the paper (no steady rate published) the verdict falls back to max sRPS, with its interval.
    expect(html).toContain('<td class="improved">201.0 &amp; 1,634<small>🟢 max sRPS +773.9 % [+573.5 %, ×11]: improved</small></td>');
  });

  it('prints three tables of 3×3 cells, each cell with its delta against the paper', () => {
    const tables = report.split('\n').filter((line) => line.startsWith('| ') && /^\| (0|100|200) \|/.test(line));
    expect(tables).toHaveLength(9);
    for (const row of tables) {
      const cells = row.split(' | ').slice(1);
      expect(cells).toHaveLength(3);
      // The verdict names its metric (max sRPS: the paper has no steady rate), the change, its interval and the verdict.
      for (const cell of cells)
        expect(cell).toMatch(
          /^(\*\*)?[\d,.]+ & [\d,]+(\*\*)?<br><sub>(🔴 |🟢 |❔ )?max sRPS (×[\d.,]+|[+−±][\d.,]+ %) \[(×[\d.,]+|[+−±][\d.,]+ %), (×[\d.,]+|[+−±][\d.,]+ %)\]: (regressed|improved|inconclusive|unchanged)<\/sub>/,
        );
    }
    expect(report).toContain('**Table 1: CPU-bound**');
    expect(report).toContain('**Table 2: I/O-bound DB read**');
    expect(report).toContain('**Table 3: I/O-bound DB create**');
    for (const hand of Object.values(HAND)) expect(report).toContain(hand.shown);
    // sync/io_read/0ms: 201.0 vs the paper's 23.0 → +773.9 %; successes fell 58.4 % but decide nothing: they grow with run length.
    expect(report).toMatch(/\| 201\.0 & 1,634<br><sub>🟢 max sRPS \+773\.9 % \[[^\]]+\]: improved<\/sub>/);
    // async-limited/cpu/0ms: 74.6 vs the paper's 0.1 is ×746, not +74,500.0 %.
    expect(report).toContain('74.6 & 604<br><sub>🟢 max sRPS ×746 [');
    expect(report).not.toMatch(/\d{2},\d{3}\.\d %/);
    expect(report.split('\n')[0]).toMatch(/vs the study \(paper\)/);
  });

  it('compare exits 1 on regressions only when asked to fail', async () => {
    const quiet = io(dir);
    expect(await runCli(['compare', 'run/results.json', '--baseline', 'paper'], quiet.io)).toBe(0);
    expect(quiet.out()).toMatch(/^regressed +async-limited\/io_read\/200ms +max sRPS −46\.5 % \[−\d+\.\d %, −\d+\.\d %\]; /m);
    expect(await runCli(['compare', 'run/results.json', '--baseline', 'paper', '--fail-on-regression'], io(dir).io)).toBe(1);
  });

  it('merges shard results and refuses overlaps', async () => {
    const results = parseResults('r', await readFile(join(dir, 'run', 'results.json'), 'utf8'));
    const half = (from: number, to: number) => ({ ...results, cells: results.cells.slice(from, to) });
    await writeFile(join(dir, 'a.json'), serializeResults(half(0, 14)));
    await writeFile(join(dir, 'b.json'), serializeResults(half(14, 27)));
    const merged = io(dir);
    expect(await runCli(['merge', 'm.json', 'b.json', 'a.json'], merged.io)).toBe(0);
    const back = parseResults('m', await readFile(join(dir, 'm.json'), 'utf8'));
    expect(back.cells.map((c) => c.id)).toEqual(results.cells.map((c) => c.id));
    const overlap = io(dir);
    expect(await runCli(['merge', 'x.json', 'a.json', 'a.json'], overlap.io)).toBe(2);
    expect(overlap.err()).toMatch(/is in both a\.json and a\.json/);
  });
});

describe('CLI errors are one clear line with an exit code', () => {
  it.each([
    [['ingest', '/nonexistent-run'], /has no cells\/ folder/],
    [['report'], /report needs a results\.json/],
    [['report', '/nonexistent.json'], /cannot read \/nonexistent\.json \(ENOENT\)/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['ingest', '.', '--latencies=-5'], /Invalid latencies: "-5" is negative/],
    [['ingest', '.', '--latencies', '-5'], /Invalid latencies: "-5" is negative/],
    [['ingest', '.', '--shard', '4/3'], /Invalid shard: "4\/3": i must be between 1 and 3/],
    [['ingest', '.', '--bogus'], /Unknown option '--bogus'/],
    [['report', 'r.json', '--baseline', '/nope.json'], /cannot read/],
    [['compare', 'r.json'], /compare needs --baseline paper or --baseline <results\.json>/],
    [['compare', 'artifact.json'], /compare needs --baseline paper/],
    [['compare', 'r.json', '--baseline', 'artifact'], /baseline "artifact" is resolved by the GitHub Action/],
    [['report', 'r.json', '--baseline', 'paper', '--threshold', '200%'], /Invalid threshold: "200%"/],
    [['report', 'r.json', '--baseline', 'paper', '--confidence', '100%'], /Invalid confidence: "100%" is not a confidence level between 50% and 99\.9%/],
  ])('%j', async (argv, message) => {
    const { dir, cleanup } = await scratch();
    try {
      const results = (await import('./helpers/results.js')).makeResults({}, () => ({}));
      await writeFile(join(dir, 'r.json'), serializeResults(results));
      // What the action writes: its results record `baseline: artifact`.
      const fromAction = (await import('./helpers/results.js')).makeResults({ baseline: 'artifact' }, () => ({}));
      await writeFile(join(dir, 'artifact.json'), serializeResults(fromAction));
      const run = io(dir);
      const code = await runCli(argv, run.io);
      expect(code).toBeGreaterThan(0);
      expect(run.err()).toMatch(message);
      expect(run.err()).not.toMatch(/\n\s+at /);
    } finally {
      await cleanup();
    }
  });
});

describe('report and compare refuse a results.json with no cells', () => {
  it.each([[['report', 'empty.json']], [['compare', 'empty.json', '--baseline', 'paper']]])('%j', async (argv) => {
    const { dir, cleanup } = await scratch();
    try {
      const { makeResults } = await import('./helpers/results.js');
      const { config, environment } = makeResults({}, () => ({}));
      // What an aggregate of no shards writes: valid, and empty.
      await writeFile(join(dir, 'empty.json'), serializeResults(emptyResults(config, environment)));
      const run = io(dir);
      expect(await runCli(argv, run.io)).toBe(2);
      expect(run.err()).toBe('async-bench: empty.json has no cells: nothing to report.\n');
      expect(run.out()).toBe('');
    } finally {
      await cleanup();
    }
  });
});
