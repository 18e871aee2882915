import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { resolveBaseline } from '../core/compare/baseline.js';
import { baselineChoice } from '../core/config/baseline.js';
import type { CliIo } from './io.js';
import { stoppedRunExitCode } from './stopped-run.js';
import { failingSignals, regressionCount } from '../core/compare/verdicts.js';
import type { Config } from '../core/config/build.js';
import { processRunner } from '../stack/exec/runner.js';
import { RESULTS_FILE } from '../core/ingest/run-dir.js';
import { streamLogger } from '../stack/log.js';
import { longForm, reportOutputs } from '../core/report/outputs.js';
import { packageRoot } from '../stack/package-root.js';
import type { ExistingRunPolicy } from '../stack/out-dir.js';
import { progressMode } from '../stack/progress.js';
import { runBenchmark } from '../stack/run.js';

/**
 * `async-bench run`: the matrix, then results.json and tables.md in the out
 * folder and the tables on stdout. Progress goes to stderr. An out folder holding
 * an earlier run is refused unless --resume or --force says what to do with it.
 */
export async function runCommand(config: Config, io: CliIo, existingRun: ExistingRunPolicy = 'refuse', options: { verbose?: boolean } = {}): Promise<number> {
  const log = streamLogger(io.stderr);
  const choice = baselineChoice(config.compare.baseline);
  if (choice.kind === 'artifact') log.warning('baseline "artifact" is resolved by the GitHub Action only; the CLI compares with paper or a results.json path.');
  // Read before the run: a bad baseline path should not wait for the benchmark to say so.
  // No artifact source here: `artifact` resolves to no baseline (the warning above says why).
  const baseline = await resolveBaseline(choice, { cwd: io.cwd });
  try {
    const results = await runBenchmark(config, {
      runner: processRunner({ write: (text) => io.stderr.write(text) }),
      log,
      root: packageRoot(),
      cwd: io.cwd,
      env: process.env,
      existingRun,
      live: { write: (text) => io.stderr.write(text), mode: progressMode(io.stderr.isTTY, process.env) },
      verbose: options.verbose ?? false,
      // Under a budget, the cells are judged after each pair against it (base: the run's own base side).
      baseline,
    });
    const outDir = resolve(io.cwd, config.outDir);
    // base: the base side this run measured beside head.
    const against = choice.kind === 'base' ? await resolveBaseline(choice, { cwd: io.cwd, current: results }) : baseline;
    const report = await reportOutputs({ results, baseline: against, compare: config.compare, cellsFrom: [outDir] });
    if (report.problem !== null) log.warning(`report.html and the exports were not written: ${report.problem}`);
    const files = [report.tables, ...longForm(report)];
    for (const file of files) await writeFile(join(outDir, file.file), file.content);
    io.stdout.write(report.markdown);
    log.info(`Wrote ${[RESULTS_FILE, ...files.map((file) => file.file)].map((file) => join(outDir, file)).join(', ')}`);
    return report.comparison && regressionCount(report.comparison, failingSignals(config.compare)) > 0 ? 1 : 0;
  } catch (error) {
    return stoppedRunExitCode('run', error, io);
  }
}
