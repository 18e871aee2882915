import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { calibrationConfig } from '../core/compare/calibration.js';
import type { Config } from '../core/config/build.js';
import { RESULTS_FILE } from '../core/ingest/run-dir.js';
import { calibrationOutputs } from '../core/report/outputs.js';
import { serializeResults } from '../core/results/results.js';
import { processRunner } from '../stack/exec/runner.js';
import { streamLogger } from '../stack/log.js';
import type { ExistingRunPolicy } from '../stack/out-dir.js';
import { packageRoot } from '../stack/package-root.js';
import { runBenchmark } from '../stack/run.js';
import type { CliIo } from './io.js';
import { stoppedRunExitCode } from './stopped-run.js';

/**
 * `async-bench calibrate`: the configured cells measured 2 × repeats times, interleaved,
 * odd repeats as A and even as B (the same code), or under `baseline: base` as repeats pairs
 * of base and head (calibrationConfig); then the noise per cell, the false alarms the current
 * threshold would raise, and a recommendation. results.json keeps the noise.
 */
export async function calibrateCommand(config: Config, perSide: number, io: CliIo, existingRun: ExistingRunPolicy = 'refuse'): Promise<number> {
  const log = streamLogger(io.stderr);
  const doubled = calibrationConfig(config, perSide);
  try {
    const started = Date.now();
    const results = await runBenchmark(doubled, {
      runner: processRunner({ write: (text) => io.stderr.write(text) }),
      log,
      root: packageRoot(),
      cwd: io.cwd,
      env: process.env,
      existingRun,
    });
    const calibration = calibrationOutputs(results, config.compare);
    const outDir = resolve(io.cwd, config.outDir);
    await writeFile(join(outDir, RESULTS_FILE), serializeResults(calibration.results));
    await writeFile(join(outDir, calibration.file.file), calibration.file.content);
    io.stdout.write(calibration.text);
    const seconds = Math.round((Date.now() - started) / 1000);
    log.info(`Calibration took ${seconds} s; wrote ${join(outDir, RESULTS_FILE)} (with its noise) and ${join(outDir, calibration.file.file)}`);
    return 0;
  } catch (error) {
    return stoppedRunExitCode('calibrate', error, io);
  }
}
