import * as core from '@actions/core';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { processRunner } from '../exec/runner.js';
import { actionsLogger } from '../log.js';
import type { Results } from '../results.js';
import { runBenchmark } from './run.js';

export const TEARDOWN_STATE = 'async-bench-teardown';

/** async-bench's root when running from dist/ (bundled) or src/stack/ (tests). */
export function packageRoot(moduleUrl: string): string {
  const here = dirname(fileURLToPath(moduleUrl));
  return here.endsWith(join('src', 'stack')) ? join(here, '..', '..') : join(here, '..');
}

/** The benchmark inside the action: logs grouped, teardown state saved for the post step. */
export function runBenchmarkInAction(config: Config): Promise<Results> {
  return runBenchmark(config, {
    runner: processRunner({ write: (text) => process.stdout.write(text) }),
    log: actionsLogger,
    root: packageRoot(import.meta.url),
    cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    saveTeardown: (state) => core.saveState(TEARDOWN_STATE, JSON.stringify(state)),
    env: process.env,
  });
}
