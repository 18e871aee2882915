import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FIXTURES } from './fixtures.js';

/**
 * Every input's default from action.yml, as the runner passes them: each step
 * gets INPUT_<NAME> for every declared input, given or not.
 */
export function actionDefaults(): Record<string, string> {
  const action = parse(readFileSync(join(FIXTURES, '..', '..', 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  return Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? '']));
}

/** `with:` values over the defaults, as a getInput function. */
export function stepInputs(values: Record<string, string>): (name: string) => string {
  const all = { ...actionDefaults(), ...values };
  return (name) => all[name] ?? '';
}

/** The same as INPUT_* environment variables. */
export function inputEnv(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries({ ...actionDefaults(), ...values }).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
}
