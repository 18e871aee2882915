/** An external command as data: built by pure functions, run only by a Runner. */
export interface Command {
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
  /** Text written to the command's standard input. */
  input?: string;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Stream output to the log as it comes (image builds); otherwise it is only captured. */
  stream?: boolean;
}

/** The one way async-bench executes anything external (docker, compose, tc, locust). */
export type Runner = (command: Command, options?: RunOptions) => Promise<CommandResult>;

/** For logs and error messages only: arguments quoted as a shell would need. */
export function describeCommand(command: Command): string {
  const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
  return [command.command, ...command.args].map(quote).join(' ');
}

/** The last lines of a command's output, for an error message that shows the cause. */
export function tail(text: string, lines = 20): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    readonly command: Command,
    readonly result: CommandResult,
    what: string,
  ) {
    const output = tail(`${result.stdout}\n${result.stderr}`.trim());
    super(`${what} failed (exit ${result.exitCode}): ${describeCommand(command)}${output ? `\n${output}` : ''}`);
  }
}

/** Runs and throws a CommandError naming `what` when the command exits non-zero. */
export async function runChecked(runner: Runner, command: Command, what: string, options?: RunOptions): Promise<CommandResult> {
  const result = await runner(command, options);
  if (result.exitCode !== 0) throw new CommandError(command, result, what);
  return result;
}
