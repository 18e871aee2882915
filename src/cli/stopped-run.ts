import { OutDirError } from '../stack/out-dir.js';
import { InterruptedError } from '../stack/run.js';
import type { CliIo } from './io.js';

/**
 * The exit code of a benchmark command that stopped on purpose: 130 after Ctrl-C or SIGTERM
 * (the measured cells are written), 2 when the out folder holds a run it must not touch.
 * Anything else is rethrown for the CLI's one error handler.
 */
export function stoppedRunExitCode(command: string, error: unknown, io: CliIo): number {
  if (error instanceof InterruptedError) {
    io.stderr.write(`async-bench: ${error.message}\n`);
    return 130;
  }
  if (error instanceof OutDirError) {
    io.stderr.write(`async-bench ${command}: ${error.message}\n`);
    return 2;
  }
  throw error;
}
