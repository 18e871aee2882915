import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/main.js';
import { runCli } from '../../src/cli/cli.js';
import { buildConfig } from '../../src/core/config/build.js';
import { ingestRun } from '../../src/core/ingest/run-dir.js';
import { EXPORT_FILES } from '../../src/core/report/exports/index.js';
import { HTML_REPORT_FILE } from '../../src/core/report/html/index.js';
import { hostEnvironment } from '../../src/core/results/environment.js';
import { serializeResults } from '../../src/core/results/results.js';
import { stepInputs } from '../helpers/action-inputs.js';
import { startActionHarness, type ActionHarness } from '../helpers/action-harness.js';
import { FAST_API, FAST_UPLOAD } from '../helpers/fast-publish.js';
import { FIXTURES } from '../helpers/fixtures.js';

/**
 * One report step (core/report/outputs.ts) for both edges: the CLI's `report` and the
 * action's report mode, given the same results.json (the captured 27-cell run, with its
 * Locust files beside it) and the same baseline, write the same bytes.
 */
describe('the report step, through the CLI and through the action', () => {
  let harness: ActionHarness;
  beforeEach(async () => (harness = await startActionHarness()));
  afterEach(() => harness.close());

  it('writes the same report, report.html and exports, byte for byte', async () => {
    const { dir } = harness;
    const measured = join(dir, 'measured');
    await cp(join(FIXTURES, 'run-27', 'cells'), join(measured, 'cells'), { recursive: true });
    const { results } = await ingestRun(measured, buildConfig({ inputs: { out: 'measured' } }), hostEnvironment(), { now: new Date('2026-11-28T05:00:00Z') });
    await writeFile(join(measured, 'results.json'), serializeResults(results));

    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await runCli(['report', 'measured/results.json', '--baseline', 'paper', '--threshold', '15%'], {
      stdout: { write: (text: string) => stdout.push(text) },
      stderr: { write: (text: string) => stderr.push(text) },
      cwd: dir,
    });
    expect(code, stderr.join('')).toBe(0);

    await runAction({
      getInput: stepInputs({ mode: 'report', results: 'measured/results.json', baseline: 'paper', threshold: '15%', 'github-token': 'tok' }),
      env: harness.env(),
      artifactStore: async () => harness.store,
      benchmark: () => Promise.reject(new Error('report mode must not run the benchmark')),
      timing: { api: FAST_API, upload: FAST_UPLOAD },
    });
    expect(harness.out.lines('error')).toEqual([]);
    const published = join(dir, 'async-bench-results', 'report');

    const tables = await readFile(join(published, 'tables.md'), 'utf8');
    expect(tables).toContain('vs the study (paper)');
    expect(stdout.join('')).toBe(tables);
    for (const file of [HTML_REPORT_FILE, ...Object.values(EXPORT_FILES)]) {
      const fromCli = await readFile(join(measured, file), 'utf8');
      expect(fromCli.length, file).toBeGreaterThan(0);
      expect(await readFile(join(published, file), 'utf8'), file).toBe(fromCli);
    }
    // The same comparison decided both: the threshold given, against the study.
    expect(await readFile(join(measured, EXPORT_FILES.csv), 'utf8')).toMatch(/regressed|improved|unchanged|inconclusive/);
  });
});
