import type { z } from 'zod';
import { ConfigError } from './errors.js';
import {
  baselineSource,
  budgetDuration,
  choice,
  confidenceLevel,
  duration,
  gitRef,
  latencies,
  names,
  nonEmptyText,
  path,
  positiveNumber,
  ratio,
  regressionSignals,
  shard,
  wholeNumber,
} from './fields.js';
import { firstIssue, describeIssue } from './issues.js';
import { LATENCY_METHODS, LIMITS, PROFILE_NAMES } from './schema.js';

/**
 * The inputs shared by the action (`with:`), the CLI (`--name`) and async-bench.yml
 * (`name:`), each with the schema that reads it. The order is the one error messages
 * list them in.
 */
export const CONFIG_INPUT_FIELDS = {
  profile: choice(PROFILE_NAMES),
  setups: names,
  routes: names,
  latencies,
  users: wholeNumber(1, LIMITS.users),
  'spawn-rate': positiveNumber(LIMITS.spawnRate),
  'run-time': duration,
  processes: wholeNumber(1, LIMITS.processes),
  repeats: wholeNumber(1, LIMITS.repeats),
  budget: budgetDuration,
  'seed-posts': wholeNumber(0, LIMITS.seedPosts),
  'latency-method': choice(LATENCY_METHODS),
  shard,
  baseline: baselineSource,
  'base-ref': gitRef,
  threshold: ratio,
  confidence: confidenceLevel,
  'fail-on-regression': regressionSignals,
  out: path,
  // One-liners for a team's own app (its folder and settings module); the `app:` mapping of
  // async-bench.yml says the rest. They name the same fields: app.context and app.settings.
  'app-path': path,
  'app-settings': nonEmptyText('a module such as "mysite.settings"').refine((text) => /^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)*$/.test(text.trim()), {
    error: (issue) => `${JSON.stringify(issue.input)} is not a Python module path; write e.g. "mysite.settings".`,
  }),
};

export type ConfigInput = keyof typeof CONFIG_INPUT_FIELDS;
export const CONFIG_INPUTS = Object.keys(CONFIG_INPUT_FIELDS) as ConfigInput[];
export type ConfigInputValue<K extends ConfigInput> = z.output<(typeof CONFIG_INPUT_FIELDS)[K]>;

/** Reads one value with its schema; a bad one throws a ConfigError naming `input`. */
export function readValue<T>(input: string, schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw, { error: describeIssue });
  if (!parsed.success) throw new ConfigError(input, firstIssue(parsed.error).message);
  return parsed.data;
}

export function readInput<K extends ConfigInput>(name: K, raw: unknown): ConfigInputValue<K> {
  return readValue(name, CONFIG_INPUT_FIELDS[name] as unknown as z.ZodType<ConfigInputValue<K>>, raw);
}
