import * as core from '@actions/core';
import { resolveBaseline } from '../core/compare/baseline.js';
import type { Config } from '../core/config/build.js';
import { processRunner } from '../stack/exec/runner.js';
import { packageRoot } from '../stack/package-root.js';
import { actionsLogger } from './logger.js';
import type { Results } from '../core/results/results.js';
import { runBenchmark } from '../stack/run.js';

export const TEARDOWN_STATE = 'async-bench-teardown';

/** The benchmark inside the action: logs grouped, teardown state saved for the post step. */
export async function runBenchmarkInAction(config: Config): Promise<Results> {
  const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
  return runBenchmark(config, {
    runner: processRunner({ write: (text) => process.stdout.write(text) }),
    log: actionsLogger,
    root: packageRoot(),
    cwd,
    saveTeardown: (state) => core.saveState(TEARDOWN_STATE, JSON.stringify(state)),
    env: process.env,
    // Plain lines every 15 s in the job log; the image build in full only with step debug logging on.
    live: { write: (text) => process.stdout.write(text), mode: 'plain' },
    verbose: process.env.RUNNER_DEBUG === '1',
    // Under a budget: a results.json or the paper judges the cells after each pair; the artifact is
    // fetched after the run (resolveBaseline has no source for it here), so there precision decides.
    baseline: await resolveBaseline(config.compare.baseline, { cwd }),
  });
}
