import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { parseResults } from '../../src/core/results/results.js';
import { git, leftoverContainers, referenceAppRepository } from './stack-helpers.js';

/*
 * `async-bench calibrate --baseline base` on the real stack: the reference app in a temporary
 * git repository (its wheels committed, so the base worktree builds offline), base = HEAD
 * (calibrate's default under base), one cell, 2 pairs of 12 s samples.
 */
const LOAD = ['--users', '20', '--spawn-rate', '20', '--run-time', '12s', '--seed-posts', '20000', '--latencies', '0'];

describe('calibrate under baseline: base, on the real stack', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await referenceAppRepository('async-bench-calibrate-');
  });
  afterAll(async () => {
    if (repo) await rm(repo, { recursive: true, force: true });
  });

  it('measures pairs of HEAD against itself and records noise.paired beside the between-run noise', async () => {
    const out = join(repo, 'out');
    let stderr = '';
    let stdout = '';
    const io = { stdout: { write: (text: string) => ((stdout += text), true) }, stderr: { write: (text: string) => ((stderr += text), true) }, cwd: repo };
    const started = Date.now();
    const args = ['calibrate', '--config', 'async-bench.yml', '--baseline', 'base', '--setups', 'sync', '--routes', 'io_read', ...LOAD];
    const code = await runCli([...args, '--repeats', '2', '--out', out, '--force'], io);
    expect(code, stderr.slice(-3000)).toBe(0);
    const results = parseResults('results.json', await readFile(join(out, 'results.json'), 'utf8'));
    const [cell] = results.cells;
    expect(cell!.samples!.map((sample) => `${sample.side}/r${sample.repeat}:${sample.status}`).sort()).toEqual([
      'base/r1:ok',
      'base/r2:ok',
      'head/r1:ok',
      'head/r2:ok',
    ]);
    expect(results.environment.base!.commit).toBe(git(repo, 'rev-parse', 'HEAD'));
    expect(results.noise!.repeats).toBe(2);
    expect(results.noise!.paired!.df).toBe(1);
    expect(results.noise!.paired!.sd).toBeGreaterThanOrEqual(0);
    expect(stdout).toMatch(/^### async-bench calibration \(A\/A, paired\)/);
    expect(await readFile(join(out, 'calibration.md'), 'utf8')).toContain('sd of ln(head ÷ base)');
    const rates = cell!.samples!.map((sample) => `${sample.side}/r${sample.repeat} ${sample.metrics!.steadySrps!.toFixed(2)}`).join(', ');
    process.stderr.write(
      `e2e calibrate paired: ${((Date.now() - started) / 1000).toFixed(0)} s; ${rates}; paired sd ${results.noise!.paired!.sd.toFixed(4)}\n`,
    );
    expect(leftoverContainers()).toEqual([]);
  }, 900_000);
});
