/** The one place commands run: the Runner over @actions/exec, streaming or capturing their output. */
import { getExecOutput } from '@actions/exec';
import { errorMessage } from '../../core/error-message.js';
import type { Command, CommandResult, Runner, RunOptions } from './command.js';

export interface ProcessRunnerOptions {
  /** Where streamed output goes (the action's log or the CLI's stderr). */
  write: (text: string) => void;
}

/**
 * Runs commands through @actions/exec without a shell (arguments stay arguments).
 * A missing executable is reported as exit code 127, as a shell would, so callers
 * can tell "not installed" from "failed".
 */
export function processRunner({ write }: ProcessRunnerOptions): Runner {
  return async (command: Command, options: RunOptions = {}): Promise<CommandResult> => {
    try {
      return await getExecOutput(command.command, command.args, {
        cwd: command.cwd,
        env: { ...(process.env as Record<string, string>), ...command.env },
        input: command.input !== undefined ? Buffer.from(command.input) : undefined,
        ignoreReturnCode: true,
        silent: true,
        listeners: options.stream ? { stdout: (data: Buffer) => write(data.toString()), stderr: (data: Buffer) => write(data.toString()) } : {},
      });
    } catch (error) {
      const message = errorMessage(error);
      const missing = /Unable to locate executable|ENOENT/.test(message);
      return { exitCode: missing ? 127 : 126, stdout: '', stderr: `${message}\n` };
    }
  };
}
