import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { parseResults } from '../../src/core/results/results.js';
import { ROOT } from './stack-helpers.js';

/*
 * The budget loop on the real stack: the reference app in a temporary git repository, base =
 * head (A/A), 2 cells, 12 s samples, a 3-minute budget and at most 3 pairs a cell. The run must
 * stop within its budget, every cell's samples must be whole pairs, no cell may regress or
 * improve, and the report must say what the budget bought.
 */
const CONFIG = `app:
  name: budget-e2e
  context: app
  settings: benchsite.settings
  wsgi: benchsite.wsgi:application
  asgi: benchsite.asgi:application
  health-path: /healthz/
  prepare:
    - [seed_posts, --count, '{seed-posts}']
`;
const git = (repo: string, ...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();

describe('a budget on the real stack (A/A, baseline: base)', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'async-bench-budget-'));
    await cp(join(ROOT, 'compose/app'), join(repo, 'app'), { recursive: true, filter: (source) => !source.includes('__pycache__') });
    await writeFile(join(repo, 'async-bench.yml'), CONFIG);
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A', '-f');
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'base');
  });
  afterAll(async () => {
    if (repo) await rm(repo, { recursive: true, force: true });
  });

  it('stops within its budget, in whole pairs, with no cell regressed or improved, and reports what it bought', async () => {
    const out = join(repo, 'out');
    let stderr = '';
    let stdout = '';
    const io = {
      stdout: { write: (text: string) => ((stdout += text), true) },
      stderr: { write: (text: string) => ((stderr += text), process.stderr.write(text)) },
      cwd: repo,
    };
    const load = ['--users', '20', '--spawn-rate', '20', '--run-time', '12s', '--seed-posts', '20000', '--latencies', '0'];
    const code = await runCli(
      [
        'run',
        '--config',
        'async-bench.yml',
        '--baseline',
        'base',
        '--base-ref',
        'HEAD',
        ...load,
        '--setups',
        'sync,async-unlimited',
        '--routes',
        'io_read',
      ].concat(['--budget', '3m', '--repeats', '3', '--out', out, '--force']),
      io,
    );
    expect(code, stderr.slice(-3000)).toBe(0);
    const results = parseResults('results.json', await readFile(join(out, 'results.json'), 'utf8'));
    const budget = results.budget!;
    process.stderr.write(`budget record: ${JSON.stringify(budget)}\n`);
    expect(budget.runs[0]!.spentSeconds).toBeLessThanOrEqual(180);
    for (const cell of results.cells) {
      const pairs = budget.cells[cell.id]!.pairs;
      expect(pairs).toBeGreaterThanOrEqual(1);
      expect(cell.samples!.filter((sample) => sample.status === 'ok')).toHaveLength(2 * pairs);
    }
    expect(stdout).not.toMatch(/🔴|🟢 /);
    expect(stdout).toContain('**Budget**: ');
  });
});
