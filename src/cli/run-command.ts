import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ARTIFACT_BASELINE_NAME, resolveBaseline } from '../core/compare/baseline.js';
import { BASE_BASELINE_NAME } from '../core/compare/sides.js';
import { writeExports, writeHtmlReport } from './exports.js';
import type { CliIo } from './io.js';
import { stoppedRunExitCode } from './stopped-run.js';
import { compareResults, failingSignals, regressionCount } from '../core/compare/verdicts.js';
import type { Config } from '../core/config/build.js';
import { processRunner } from '../stack/exec/runner.js';
import { RESULTS_FILE, TABLES_FILE } from '../core/ingest/run-dir.js';
import { streamLogger } from '../stack/log.js';
import { renderReport } from '../core/report/body.js';
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
  const source = config.compare.baseline;
  if (source === ARTIFACT_BASELINE_NAME)
    log.warning('baseline "artifact" is resolved by the GitHub Action only; the CLI compares with paper or a results.json path.');
  // Read before the run: a bad baseline path should not wait for the benchmark to say so.
  // No artifact source here: `artifact` resolves to no baseline (the warning above says why).
  const baseline = await resolveBaseline(source, { cwd: io.cwd });
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
    });
    const outDir = resolve(io.cwd, config.outDir);
    // base: the base side this run measured beside head.
    const against = source === BASE_BASELINE_NAME ? await resolveBaseline(source, { cwd: io.cwd, current: results }) : baseline;
    const comparison = against ? compareResults(results, against, config.compare.threshold, { confidence: config.compare.confidence }) : null;
    const markdown = renderReport(results, { comparison });
    await writeFile(join(outDir, TABLES_FILE), markdown);
    const exports = await writeExports(outDir, results, comparison);
    const html = await writeHtmlReport(outDir, results, comparison);
    io.stdout.write(markdown);
    log.info(`Wrote ${[join(outDir, RESULTS_FILE), join(outDir, TABLES_FILE), html, ...exports].join(', ')}`);
    return comparison && regressionCount(comparison, failingSignals(config.compare)) > 0 ? 1 : 0;
  } catch (error) {
    return stoppedRunExitCode('run', error, io);
  }
}
