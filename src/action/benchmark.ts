import * as core from '@actions/core';
import type { Config } from '../core/config/build.js';
import { processRunner } from '../stack/exec/runner.js';
import { packageRoot } from '../stack/package-root.js';
import { actionsLogger } from './logger.js';
import type { Results } from '../core/results/results.js';
import { runBenchmark } from '../stack/run.js';

export const TEARDOWN_STATE = 'async-bench-teardown';

/** The benchmark inside the action: logs grouped, teardown state saved for the post step. */
export function runBenchmarkInAction(config: Config): Promise<Results> {
  return runBenchmark(config, {
    runner: processRunner({ write: (text) => process.stdout.write(text) }),
    log: actionsLogger,
    root: packageRoot(),
    cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    saveTeardown: (state) => core.saveState(TEARDOWN_STATE, JSON.stringify(state)),
    env: process.env,
    // Plain lines every 15 s in the job log; the image build in full only with step debug logging on.
    live: { write: (text) => process.stdout.write(text), mode: 'plain' },
    verbose: process.env.RUNNER_DEBUG === '1',
  });
}
