import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CONFIG_INPUTS, REGRESSION_SIGNALS, type RawInputs } from '../core/config/build.js';
import { errorMessage } from '../core/error-message.js';
import type { ExistingRunPolicy } from '../stack/out-dir.js';

/** A mistake in how the command was called: printed with a hint, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command the message is about, shown as `async-bench <command>: …`. */
    readonly command?: string,
  ) {
    super(message);
  }
}

export const OPTIONS = {
  ...Object.fromEntries(CONFIG_INPUTS.map((name) => [name, { type: 'string' as const }])),
  config: { type: 'string' },
  resume: { type: 'boolean' },
  force: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} satisfies ParseArgsConfig['options'];

export interface Parsed {
  command: string | undefined;
  positionals: string[];
  inputs: RawInputs;
  configFile: string | undefined;
  existingRun: ExistingRunPolicy;
  /** run: stream the image build's output instead of one summary line. */
  verbose: boolean;
  help: boolean;
  version: boolean;
}

const takesValue = (arg: string): boolean => {
  const name = arg.startsWith('--') ? arg.slice(2) : null;
  return name !== null && (OPTIONS as Record<string, { type: string }>)[name]?.type === 'string';
};

/**
 * `--latencies -5` → `--latencies=-5`. parseArgs reads a value starting with a dash
 * as an option and answers with a parser hint; joined, a negative number reaches
 * the input's reader, whose message says what is wrong with it.
 */
export function joinNegativeValues(argv: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') return [...joined, ...argv.slice(i)];
    const next = argv[i + 1];
    if (takesValue(arg) && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${arg}=${next}`);
      i += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** What `--fail-on-regression VALUE` may take: a boolean or a list of signals; anything else is the next argument. */
const FAIL_ON_VALUE = new RegExp(`^(true|false|yes|no|on|off|1|0|((${REGRESSION_SIGNALS.join('|')})[\\s,]*)+)$`, 'i');

/**
 * `--fail-on-regression` alone is `--fail-on-regression=true` (throughput and queries), as
 * it was when it was a switch; followed by a boolean or signals (`queries,cpu`), it takes them.
 */
function bareFailOnRegression(argv: string[]): string[] {
  return argv.flatMap((arg, i) => {
    const next = argv[i + 1];
    return arg === '--fail-on-regression' && (next === undefined || !FAIL_ON_VALUE.test(next)) ? ['--fail-on-regression=true'] : [arg];
  });
}

export function parse(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(bareFailOnRegression(argv)), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(errorMessage(error));
  }
  const { positionals } = parsed;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const inputs: RawInputs = {};
  for (const name of CONFIG_INPUTS) {
    const value = values[name];
    if (value !== undefined) inputs[name] = String(value);
  }
  const [command, ...rest] = positionals;
  return {
    command,
    positionals: rest,
    inputs,
    configFile: values.config as string | undefined,
    existingRun: existingRunChoice(command, Boolean(values.resume), Boolean(values.force)),
    verbose: Boolean(values.verbose),
    help: Boolean(values.help),
    version: Boolean(values.version),
  };
}

function existingRunChoice(command: string | undefined, resume: boolean, force: boolean): ExistingRunPolicy {
  if (resume && force) throw new UsageError('--resume keeps the earlier cells and --force deletes them: give one of them.');
  if ((resume || force) && command !== 'run' && command !== 'calibrate')
    throw new UsageError(`--${resume ? 'resume' : 'force'} applies to "run" and "calibrate" only (what to do with an earlier run in the out folder).`);
  return resume ? 'resume' : force ? 'force' : 'refuse';
}
