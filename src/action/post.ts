import * as core from '@actions/core';
import { errorMessage } from '../core/error-message.js';
import type { Runner } from '../stack/exec/command.js';
import { processRunner } from '../stack/exec/runner.js';
import { TEARDOWN_STATE } from './benchmark.js';
import { Compose } from '../stack/compose.js';
import type { TeardownState } from '../stack/run.js';

/**
 * The action's post step: removes the run's containers, networks and volumes even
 * when the main step failed or the job was cancelled mid-cell. A no-op when the
 * main step never started a stack.
 */
export async function post(
  getState: (name: string) => string = core.getState,
  runner: Runner = processRunner({ write: (text) => core.info(text) }),
): Promise<void> {
  try {
    const saved = getState(TEARDOWN_STATE);
    if (!saved) {
      core.info('No benchmark stack was started; nothing to tear down.');
      return;
    }
    const state = JSON.parse(saved) as TeardownState;
    const compose = new Compose(state.flavor, state.project);
    const result = await runner(compose.down());
    if (result.exitCode === 0) core.info(`Removed the benchmark stack ${state.project.name}.`);
    else core.warning(`Could not tear the benchmark stack down (exit ${result.exitCode}): ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
  } catch (error) {
    // Teardown is best effort: never turn a finished job red because cleanup hiccupped.
    core.warning(`Teardown failed: ${errorMessage(error)}`);
  }
}
