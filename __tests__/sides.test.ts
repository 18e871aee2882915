import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBaseline } from '../src/core/compare/baseline.js';
import { samplePairs } from '../src/core/compare/paired-samples.js';
import { compareResults } from '../src/core/compare/verdicts.js';
import { buildConfig } from '../src/core/config/build.js';
import { ingestRun } from '../src/core/ingest/run-dir.js';
import { planCells } from '../src/core/plan/cells.js';
import { planSidedSamples } from '../src/core/plan/paired-order.js';
import { renderReport } from '../src/core/report/body.js';
import { hostEnvironment } from '../src/core/results/environment.js';
import { parseResults, serializeResults, type Results } from '../src/core/results/results.js';
import { fixture, placeCell, scratch } from './helpers/fixtures.js';
import { makeResults, pairedSamples } from './helpers/results.js';
import { stepInputs } from './helpers/action-inputs.js';

describe('planSidedSamples', () => {
  it('runs each cell base and head back to back, A B in odd repeats and B A in even ones, repeats interleaved', () => {
    const cells = planCells({ ...buildConfig({ inputs: { setups: 'sync', routes: 'cpu,io_read', latencies: '0' } }) });
    expect(planSidedSamples(cells, 2).map((sample) => sample.dir)).toEqual([
      'sync__cpu__0ms/base/r1',
      'sync__cpu__0ms/head/r1',
      'sync__io_read__0ms/base/r1',
      'sync__io_read__0ms/head/r1',
      'sync__cpu__0ms/head/r2',
      'sync__cpu__0ms/base/r2',
      'sync__io_read__0ms/head/r2',
      'sync__io_read__0ms/base/r2',
    ]);
  });
});

describe('a same-runner run folder', () => {
  it('reads both sides of every repeat into samples; the cell is head; a missing sample is "not run"', async () => {
    const { dir, cleanup } = await scratch();
    try {
      const config = buildConfig({ inputs: { setups: 'sync', routes: 'io_read', latencies: '0', repeats: '2', baseline: 'base' } });
      for (const sample of ['base/r1', 'head/r1', 'base/r2', 'head/r2']) {
        await placeCell(dir, `sync__io_read__0ms/${sample}`, fixture('run-27/cells/sync__io_read__0ms'));
      }
      await rm(`${dir}/cells/sync__io_read__0ms/head/r2`, { recursive: true });
      const { results } = await ingestRun(dir, config, hostEnvironment({}));
      const [cell] = results.cells;
      expect(cell!.samples!.map((sample) => `${sample.side}/r${sample.repeat} ${sample.status} ${sample.dir}`)).toEqual([
        'base/r1 ok cells/sync__io_read__0ms/base/r1',
        'head/r1 ok cells/sync__io_read__0ms/head/r1',
        'base/r2 ok cells/sync__io_read__0ms/base/r2',
        'head/r2 failed cells/sync__io_read__0ms/head/r2',
      ]);
      expect(cell!.status).toBe('ok');
      expect(cell!.summary!.measured).toBe(1); // head's only
      expect(samplePairs(cell!)).toHaveLength(1); // r2 has no head: no pair
      // The results.json contract holds (the JSON Schema and the zod schema read it back).
      expect(parseResults('results.json', serializeResults(results)).cells[0]!.samples).toHaveLength(4);
    } finally {
      await cleanup();
    }
  });
});

/** A same-runner run: per cell, [base, head] steady sRPS per repeat. */
function sidedResults(pairsFor: Record<string, [number, number][]>): Results {
  const results = makeResults({ setups: 'sync', routes: 'io_read,io_create', latencies: '0', repeats: '3', baseline: 'base' }, () => ({}));
  return {
    ...results,
    environment: {
      ...results.environment,
      base: { path: '/w/.stack/base', commit: 'abcdef1234567890', image: null },
      app: { path: '/w', commit: '1234', image: null },
    },
    cells: results.cells.map((cell) => {
      const samples = pairedSamples(cell, pairsFor[cell.id]!, (steady) => ({ maxSrps: steady * 1.1 }));
      return { ...cell, samples } as Results['cells'][number];
    }),
  };
}

/** Base, head steady sRPS per pair: the runner drifts 2× between repeats; io_read's head halves in every pair, io_create's does not move. */
const DRIFTING_PAIRS: Parameters<typeof sidedResults>[0] = {
  'sync/io_read/0ms': [
    [100, 50],
    [200, 96],
    [150, 77],
  ],
  'sync/io_create/0ms': [
    [100, 101],
    [200, 196],
    [150, 152],
  ],
};

describe('base vs head in the report and the PR comment', () => {
  const results = sidedResults(DRIFTING_PAIRS);

  it('pairs the sides: the halving regressed despite the drift, the other cell unchanged or inconclusive', async () => {
    const baseline = (await resolveBaseline('base', { cwd: '/', current: results }))!;
    expect(baseline.label).toBe('base abcdef1 (same runner, alternating with head)');
    const comparison = compareResults(results, baseline, 0.1);
    expect(comparison.paired).toBe(true);
    const read = comparison.cells.get('sync/io_read/0ms')!;
    expect(read.verdict).toBe('regressed');
    expect(read.sides).toEqual({ base: 150, head: 77, pairs: 3 });
    expect(read.interval!.estimate).toBeCloseTo(Math.cbrt((50 / 100) * (96 / 200) * (77 / 150)) - 1, 10);
    expect(['unchanged', 'inconclusive']).toContain(comparison.cells.get('sync/io_create/0ms')!.verdict);
  });

  it('the comment shows both sides, the paired change with its interval, and the pairs', async () => {
    const comparison = compareResults(results, (await resolveBaseline('base', { cwd: '/', current: results }))!, 0.1);
    const markdown = renderReport(results, { comparison });
    expect(markdown).toMatch(/\*\*Against base abcdef\u20601 \(same runner, alternating with head\)\*\*/);
    expect(markdown).toContain('| Cell | Base | Head | Change (paired) | Pairs | Verdict |');
    const row = markdown.split('\n').find((line) => line.startsWith('| `sync/io_read/0ms`'))!;
    expect(row).toMatch(/^\| `sync\/io_read\/0ms` \| 150\.0 \| 77\.0 \| −50\.2 % \[−\d+\.\d %, −\d+\.\d %\] \| 3 \| 🔴 regressed \|$/);
    expect(markdown.split('\n').find((line) => line.startsWith('| `sync/io_create/0ms`'))).toMatch(/\| 150\.0 \| 152\.0 \| .* \| 3 \| /);
  });

  it('without a base side, "base" gives no baseline before the run, and the report has no sides table', async () => {
    expect(await resolveBaseline('base', { cwd: '/' })).toBeNull();
    const plain = makeResults({ setups: 'sync', routes: 'io_read', latencies: '0' }, () => ({}));
    const comparison = compareResults(plain, (await resolveBaseline(fixture('results/minimal.json').replace(/.*/, 'paper'), { cwd: '/' }))!, 0.1);
    expect(renderReport(plain, { comparison })).not.toContain('Change (paired)');
  });
});

describe('the action in a pull_request event', () => {
  it("measures the PR's base SHA unless base-ref names one; other baselines are left alone", async () => {
    const { obtainResults } = await import('../src/action/obtain.js');
    const { readActionInputs } = await import('../src/action/inputs.js');
    const { readActionsContext } = await import('../src/action/context.js');
    const { dir, cleanup } = await scratch();
    /** The base-ref the benchmark is given in mode run, for a pull_request event whose base commit is `baseSha`. */
    const measuredBaseRef = async (inputs: Record<string, string>, baseSha: string | null): Promise<string | null> => {
      const event = join(dir, 'event.json');
      await writeFile(
        event,
        JSON.stringify({ pull_request: { number: 3, base: { ref: 'main', ...(baseSha ? { sha: baseSha } : {}) }, head: { sha: 'beef' } } }),
      );
      const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'octo/bench', GITHUB_SERVER_URL: 'https://github.com' };
      const getInput = stepInputs({ mode: 'run', out: 'out', ...inputs });
      let given: Results['config'] | null = null;
      const benchmark = async (config: Results['config']) => {
        given = config;
        return makeResults({ setups: 'sync', routes: 'io_read', latencies: '0' }, () => ({}));
      };
      const deps = { getInput, env, benchmark, artifactStore: () => Promise.reject(new Error('no artifact store in this test')) };
      const noApi = () => {
        throw new Error('no GitHub API in this test');
      };
      await obtainResults(readActionInputs(getInput), readActionsContext({ env }), deps, noApi, dir);
      return given!.compare.baseRef;
    };
    try {
      expect(await measuredBaseRef({ baseline: 'base' }, 'abc123')).toBe('abc123');
      expect(await measuredBaseRef({ baseline: 'base', 'base-ref': 'v1.2' }, 'abc123')).toBe('v1.2');
      expect(await measuredBaseRef({ baseline: 'base' }, null)).toBeNull();
      expect(await measuredBaseRef({ baseline: 'artifact' }, 'abc123')).toBeNull();
    } finally {
      await cleanup();
    }
  });

  it('refuses a base-ref that reads as an option', () => {
    expect(() => buildConfig({ inputs: { baseline: 'base', 'base-ref': '--upload-pack=x' } })).toThrow(/base-ref.*starts with "-"/);
  });
});

describe('the CLI on a same-runner results.json', () => {
  it('compare pairs the sides it recorded, and --fail-on-regression exits 1; --baseline base on a plain run is refused', async () => {
    const { runCli } = await import('../src/cli/cli.js');
    const { writeFile } = await import('node:fs/promises');
    const { dir, cleanup } = await scratch();
    try {
      const results = sidedResults(DRIFTING_PAIRS);
      await writeFile(`${dir}/results.json`, serializeResults(results));
      let stdout = '';
      let stderr = '';
      const io = { stdout: { write: (text: string) => ((stdout += text), true) }, stderr: { write: (text: string) => ((stderr += text), true) }, cwd: dir };
      expect(await runCli(['compare', 'results.json', '--fail-on-regression'], io)).toBe(1);
      expect(stdout).toMatch(/^regressed +sync\/io_read\/0ms +steady sRPS −50\.2 % \[/m);
      // io_create's pairs agree within 2 %: the pooled paired noise (not the between-run floor) vouches for unchanged.
      expect(stdout).toMatch(/1 regression\(s\), 1 unchanged vs base abcdef1 \(same runner, alternating with head\)/);
      const plain = makeResults({ setups: 'sync', routes: 'io_read', latencies: '0' }, () => ({}));
      await writeFile(`${dir}/plain.json`, serializeResults(plain));
      expect(await runCli(['compare', 'plain.json', '--baseline', 'base'], io)).toBe(2);
      expect(stderr).toMatch(/baseline "base" compares the base side a run measured beside head/);
    } finally {
      await cleanup();
    }
  });
});
