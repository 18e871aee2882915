import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { compareResults, type Comparison } from '../../src/core/compare/verdicts.js';
import { resolveBaseline } from '../../src/core/compare/baseline.js';
import { sideSamples } from '../../src/core/compare/paired-samples.js';
import { parseResults, type Results } from '../../src/core/results/results.js';
import { leftoverContainers, ROOT } from './stack-helpers.js';

/*
 * Verdicts on the real stack with the reference app, base and head measured alternately
 * in the same run (`baseline: base`), from a temporary git repository holding a copy of
 * the reference app:
 *  (a) A/A: base = head (the same commit), 3 setups × io_read, io_create, 3 repeats: no cell
 *      regressed or improved;
 *  (b) A/B: head's commit (base is its merge-base with main) plants, in Sync's views, an N+1
 *      on io_read (each of the first 10 listed posts read again by a query of its own) and
 *      15 % more of the `cpu` route's loop: io_read's queries regressed from one pair, the
 *      `cpu` route's CPU per request regressed over 5 pairs while its throughput did not,
 *      io_create (untouched) never regressed.
 * Short cells: 12 s, the shortest whose steady sRPS is one full 10 s rate window of the
 * hold (at 6 s Locust's rate still averages the start, and samples read 0–1 sRPS beside a
 * 50 sRPS peak); 20 users, 20,000 posts. VERDICTS_E2E_MODES=ab
 * runs one mode only.
 */
const MODES = (process.env.VERDICTS_E2E_MODES ?? 'aa,ab').split(',');
const LOAD = ['--users', '20', '--spawn-rate', '20', '--run-time', '12s', '--seed-posts', '20000', '--latencies', '0'];
const CONFIG = `app:
  name: verdicts-e2e
  context: app
  settings: benchsite.settings
  wsgi: benchsite.wsgi:application
  asgi: benchsite.asgi:application
  health-path: /healthz/
  prepare:
    - [seed_posts, --count, '{seed-posts}']
`;
/** Head's edits of the Sync views: [what, the base's text, head's]. */
const PLANTS: [string, string, string][] = [
  [
    'N+1 on io_read',
    '    ct = Post.objects.count()\n',
    '    ct = Post.objects.count()\n    titles = [Post.objects.get(pk=post.pk).title for post in list(posts)[:10]]\n    assert len(titles) == 10\n',
  ],
  ['15 % more CPU on cpu', '    for i in range(10**7):\n', '    for i in range(115 * 10**5):\n'],
];

/** Applies PLANTS to the scratch copy's Sync views; throws when the reference app no longer has a base text. */
async function plant(repo: string): Promise<void> {
  const path = join(repo, 'app/posts/views_sync.py');
  let text = await readFile(path, 'utf8');
  for (const [what, before, after] of PLANTS) {
    if (!text.includes(before)) throw new Error(`verdicts e2e: cannot plant the ${what}: ${JSON.stringify(before)} is not in ${path}.`);
    text = text.replace(before, after);
  }
  await writeFile(path, text);
}

const git = (repo: string, ...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();

/** A git repo on main with the reference app (its wheels committed, so the base worktree builds offline too). */
async function appRepository(): Promise<string> {
  const repo = await mkdtemp(join(tmpdir(), 'async-bench-verdicts-'));
  await cp(join(ROOT, 'compose/app'), join(repo, 'app'), { recursive: true, filter: (source) => !source.includes('__pycache__') });
  await writeFile(join(repo, 'async-bench.yml'), CONFIG);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A', '-f');
  git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'base');
  return repo;
}

interface Measured {
  /** The compose service of every container created during the run, in order. */
  created: string[];
  results: Results;
  comparison: Comparison;
  tables: string;
  seconds: number;
}

async function run(repo: string, extra: string[], repeats = 3): Promise<Measured> {
  const out = join(repo, 'out');
  let stderr = '';
  const io = { stdout: { write: () => true }, stderr: { write: (text: string) => ((stderr += text), process.stderr.write(text)) }, cwd: repo };
  const watcher = watchCreates();
  const started = Date.now();
  const code = await runCli(
    ['run', '--config', 'async-bench.yml', '--baseline', 'base', ...LOAD, '--repeats', String(repeats), ...extra, '--out', out, '--force'],
    io,
  );
  const seconds = (Date.now() - started) / 1000;
  const created = await watcher.stop();
  expect(code, stderr.slice(-3000)).toBe(0);
  const results = parseResults('results.json', await readFile(join(out, 'results.json'), 'utf8'));
  const baseline = (await resolveBaseline('base', { cwd: repo, current: results }))!;
  return {
    created,
    results,
    comparison: compareResults(results, baseline, results.config.compare.threshold),
    tables: await readFile(join(out, 'tables.md'), 'utf8'),
    seconds,
  };
}

/**
 * Follows the engine's container-create events of this process's compose projects while a
 * run goes on, as the compose service of each: streamed live, since the engine keeps only
 * the latest events and a long run's first ones are gone by its end.
 */
function watchCreates(): { stop: () => Promise<string[]> } {
  const filters = ['--filter', 'type=container', '--filter', 'event=create', '--filter', `label=com.docker.compose.project=async-bench-${process.pid}`];
  const child = spawn('docker', ['events', ...filters, '--format', '{{index .Actor.Attributes "com.docker.compose.service"}}'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return {
    stop: async () => {
      // Events of the teardown's last second still arrive; then the watcher ends.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      child.kill('SIGTERM');
      return out.split('\n').filter(Boolean);
    },
  };
}

/** The comparison of the first pair alone, as a run with one repeat would read it: each cell cut to its r1 samples. */
async function firstPair(measured: Measured, repo: string): Promise<Comparison> {
  const results: Results = {
    ...measured.results,
    cells: measured.results.cells.map((cell) => ({ ...cell, samples: cell.samples!.filter((s) => s.repeat === 1) })),
  };
  const baseline = (await resolveBaseline('base', { cwd: repo, current: results }))!;
  return compareResults(results, baseline, results.config.compare.threshold);
}

const cellSamples = (measured: Measured) => measured.results.cells[0]?.samples?.length ?? 0;

/** Per cell: the CoV of each side's steady sRPS over its repeats, and the sd of the pairs' log ratios. */
function noiseLine(measured: Measured): string {
  const cov = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)) / mean;
  };
  return measured.results.cells
    .map((cell) => {
      const steady = (side: 'base' | 'head') => sideSamples(cell, side).map((sample) => sample.metrics?.steadySrps ?? 0);
      const [base, head] = [steady('base'), steady('head')];
      const ratios = base.map((value, i) => Math.log(head[i]! / value));
      const verdict = measured.comparison.cells.get(cell.id)!;
      const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
      const sd = Math.sqrt(ratios.reduce((a, b) => a + (b - mean) ** 2, 0) / (ratios.length - 1));
      const change = verdict.interval
        ? `${(verdict.interval.estimate * 100).toFixed(1)} % [${(verdict.interval.lower * 100).toFixed(1)}, ${(verdict.interval.upper * 100).toFixed(1)}]`
        : '—';
      return `${cell.id}: base ${base.map((v) => v.toFixed(1)).join(' ')} (CoV ${(cov(base) * 100).toFixed(1)} %), head ${head.map((v) => v.toFixed(1)).join(' ')} (CoV ${(cov(head) * 100).toFixed(1)} %), sd of log ratios ${sd.toFixed(2)}, change ${change} → ${verdict.verdict}`;
    })
    .join('\n');
}

/**
 * Per cell over every sample (both sides: A/A), the CoV of the steady sRPS beside the signals'
 * (app CPU-ms, DB time and db CPU-ms per request, the app's peak memory), and the queries per request seen.
 */
function signalsNoiseTable(measured: Measured): string {
  const cov = (values: number[]) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return (Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)) / mean) * 100;
  };
  const rows = measured.results.cells.map((cell) => {
    const metrics = cell.samples!.map((sample) => sample.metrics!);
    const signals = metrics.map((m) => m.signals!);
    const column = (values: number[]) => `${cov(values).toFixed(1)} %`;
    return [
      cell.id,
      column(metrics.map((m) => m.steadySrps ?? 0)),
      column(signals.map((s) => s.cpu.app!.perRequestMs)),
      column(signals.map((s) => s.sql!.perRequest.dbMs)),
      column(signals.map((s) => s.cpu.db!.perRequestMs)),
      column(signals.map((s) => s.memory.appPeakBytes!)),
      `${(Math.max(...signals.map((s) => s.memory.appPeakBytes!)) / 2 ** 20).toFixed(0)} MiB`,
      [...new Set(signals.map((s) => s.sql!.perRequest.queries))].join(' '),
      Math.max(...signals.map((s) => s.cpu.load!.share)).toFixed(2),
    ].join(' | ');
  });
  const head = 'cell | sRPS CoV | app CPU-ms/req CoV | DB-ms/req CoV | db CPU-ms/req CoV | app peak memory CoV | max peak | queries/req | max load share';
  return [head, ...rows].join('\n');
}

describe.runIf(MODES.length > 0)('verdicts on the real stack, base and head alternating on the same runner', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await appRepository();
  });
  afterAll(async () => {
    if (repo) await rm(repo, { recursive: true, force: true });
  });

  it.runIf(MODES.includes('aa'))(
    'A/A: base = head, 6 cells, 3 repeats: no cell regressed or improved, no signal either',
    async () => {
      const measured = await run(repo, ['--base-ref', 'main', '--setups', 'sync,async-limited,async-unlimited', '--routes', 'io_read,io_create']);
      process.stderr.write(`e2e verdicts A/A: ${measured.seconds.toFixed(0)} s\n${noiseLine(measured)}\n`);
      expect(measured.results.cells).toHaveLength(6);
      expect(measured.comparison.paired).toBe(true);
      for (const cell of measured.results.cells) {
        expect(cell.samples!.map((sample) => `${sample.side}/r${sample.repeat}:${sample.status}`).sort()).toEqual(
          ['base', 'head'].flatMap((side) => [1, 2, 3].map((repeat) => `${side}/r${repeat}:ok`)),
        );
      }
      expect(measured.results.environment.base!.commit).toBe(measured.results.environment.app!.commit);
      process.stderr.write(`signals A/A noise (CoV over all ${cellSamples(measured)} samples a cell):\n${signalsNoiseTable(measured)}\n`);
      // Deterministic views read the same queries per request in every sample: set_config (Django's
      // time zone, per connection = per request) + io_read's page and count, io_create's insert.
      for (const cell of measured.results.cells) {
        const queries = cell.samples!.map((sample) => sample.metrics!.signals!.sql!.perRequest.queries);
        expect(queries, cell.id).toEqual(queries.map(() => (cell.route === 'io_read' ? 3 : 2)));
      }
      expect(measured.comparison.counts.regressed, noiseLine(measured)).toBe(0);
      expect(measured.comparison.counts.improved, noiseLine(measured)).toBe(0);
      // No signal moved either: queries unchanged in every cell (exact), CPU, DB time and memory neither regressed nor improved.
      for (const [id, cell] of measured.comparison.cells) {
        const signals = cell.signals!;
        expect(signals.queries!.verdict, id).toBe('unchanged');
        for (const signal of ['cpu', 'db', 'memory'] as const) expect(['unchanged', 'inconclusive'], `${id} ${signal}`).toContain(signals[signal]!.verdict);
      }
      // Each side has its app service (head's app, base's app_base), kept warm across a cell's pairs while only
      // reads touched the database: io_read's samples reuse them, io_create's restore and start afresh.
      // db and Toxiproxy stay up.
      const { created } = measured;
      const count = (service: string) => created.filter((name) => name === service).length;
      process.stderr.write(
        `containers created: db ${count('db')}, toxiproxy ${count('toxiproxy')}, app ${count('app')}, app_base ${count('app_base')}, load ${count('load')}\n`,
      );
      // One db per max_connections change, never one per sample: the first, the preflight's
      // 100 → 1000 (sync, async-limited, async-unlimited), then the cells' 1000 → 100 → 1000 in
      // each of 3 interleaved repeats: 1 + 1 + 6.
      expect(count('db')).toBeLessThanOrEqual(8);
      expect(count('toxiproxy')).toBeLessThanOrEqual(1);
      // 36 samples (3 setups × 2 routes × 3 pairs × 2 sides): fewer apps than samples, each side's its own.
      expect(count('app_base')).toBeGreaterThan(0);
      expect(count('app') + count('app_base')).toBeLessThan(36);
      expect(measured.tables).toMatch(/\| Cell \| Base \| Head \| Change \(paired\) \| Pairs \| Verdict \|/);
      expect(leftoverContainers()).toEqual([]);
      expect(git(repo, 'worktree', 'list')).not.toMatch(/\.stack/);
    },
    900_000,
  );

  it.runIf(MODES.includes('ab'))(
    'A/B: an N+1 on io_read caught by its queries from one pair, 15 % more CPU on cpu caught by CPU per request, io_create never regressed',
    async () => {
      git(repo, 'checkout', '-q', '-b', 'feature');
      await plant(repo);
      git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-am', 'plant');
      // No --base-ref: the merge-base of HEAD with main, the commit before the plant.
      // 5 pairs: the 15 % on cpu is 1.5 times the threshold, and CPU per request read +16.4 % [+8.6, +24.9]
      // over 3 pairs in one run here (inconclusive), [+12.9, +20.3] in another.
      const measured = await run(repo, ['--setups', 'sync', '--routes', 'io_read,io_create,cpu'], 5);
      process.stderr.write(`e2e verdicts A/B: ${measured.seconds.toFixed(0)} s\n${noiseLine(measured)}\n${signalsNoiseTable(measured)}\n`);
      expect(measured.results.environment.base!.commit).toBe(git(repo, 'rev-parse', 'main'));
      expect(measured.results.environment.app!.commit).toBe(git(repo, 'rev-parse', 'HEAD'));
      const cellOf = (comparison: Comparison, id: string) => comparison.cells.get(id)!;

      // The N+1, from the first pair alone (one sample a side): queries decide, the statement is named.
      const first = await firstPair(measured, repo);
      const nPlusOne = cellOf(first, 'sync/io_read/0ms');
      const queries = nPlusOne.signals!.queries!;
      process.stderr.write(
        `N+1, first pair: queries/request ${queries.base} → ${queries.head}, throughput ${nPlusOne.throughput}, decided by ${nPlusOne.decidedBy}\n` +
          `${queries.statements.map((change) => `  ${change.base} → ${change.head}: ${change.query}`).join('\n')}\n`,
      );
      expect(queries.varies).toBeNull();
      expect([queries.base, queries.head]).toEqual([3, 13]);
      expect(queries.verdict).toBe('regressed');
      expect(nPlusOne.verdict).toBe('regressed');
      // The cell's verdict names the first signal that regressed, throughput before queries. The N+1 slows
      // io_read too, so one pair's throughput may already read regressed (it did in one of three runs here);
      // where it does not, the queries decided.
      expect(nPlusOne.decidedBy).toBe(nPlusOne.throughput === 'regressed' ? 'throughput' : 'queries');
      expect(queries.statements).toHaveLength(1);
      expect(queries.statements[0]).toMatchObject({ base: 0, head: 10 });
      expect(queries.statements[0]!.query).toMatch(/^SELECT .* FROM "posts_post" WHERE "posts_post"\."id" = \$1::uuid LIMIT \$2$/);
      // The report of the whole run names it the same way.
      expect(cellOf(measured.comparison, 'sync/io_read/0ms').signals!.queries!.verdict).toBe('regressed');
      expect(measured.tables).toMatch(
        /\+10 queries\/request: `SELECT … FROM "posts_post" WHERE "posts_post"\."id" = \$1::uuid LIMIT \$2` \(0 → 10 per request\)/,
      );

      // 15 % more of the cpu route's loop: CPU per request regressed over the 5 pairs, throughput not.
      const cpuCell = cellOf(measured.comparison, 'sync/cpu/0ms');
      const cpu = cpuCell.signals!.cpu!;
      const change = (interval: { estimate: number; lower: number; upper: number } | null) =>
        interval ? `${(interval.estimate * 100).toFixed(1)} % [${(interval.lower * 100).toFixed(1)}, ${(interval.upper * 100).toFixed(1)}]` : '—';
      process.stderr.write(
        `cpu route: app CPU-ms/request ${cpu.base.toFixed(1)} → ${cpu.head.toFixed(1)}, ${change(cpu.interval)} → ${cpu.verdict}; ` +
          `steady sRPS ${change(cpuCell.interval)} → ${cpuCell.throughput}; decided by ${cpuCell.decidedBy}\n`,
      );
      expect(cpu.verdict).toBe('regressed');
      expect(['inconclusive', 'unchanged']).toContain(cpuCell.throughput);
      expect(cpuCell.signals!.queries!.verdict).toBe('unchanged');

      // Untouched: io_create never regressed on any signal, nor did anything improve.
      const untouched = cellOf(measured.comparison, 'sync/io_create/0ms');
      expect(untouched.verdict, JSON.stringify(untouched.signals)).not.toBe('regressed');
      expect(untouched.signals!.queries!.verdict).toBe('unchanged');
      expect(measured.comparison.counts.improved).toBe(0);
      expect(leftoverContainers()).toEqual([]);
    },
    900_000,
  );
});
