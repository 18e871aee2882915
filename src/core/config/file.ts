import { parse, YAMLParseError } from 'yaml';
import { ConfigError } from './errors.js';
import { CONFIG_INPUTS } from './input-names.js';

/** Keys an async-bench.yml may carry: every input, plus structured app/setups/routes. */
export const FILE_KEYS = [...CONFIG_INPUTS, 'app'] as const;

export type ConfigFile = Partial<Record<(typeof FILE_KEYS)[number], unknown>>;

/** Parses async-bench.yml text into a plain object with known keys only. */
export function parseConfigFile(path: string, text: string): ConfigFile {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    throw new ConfigError(`config file ${path}`, `not valid YAML${where}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(`config file ${path}`, 'the top level must be a mapping of keys such as "profile:" and "routes:".');
  }
  checkKeys(`config file ${path}`, data as Record<string, unknown>, FILE_KEYS);
  return data as ConfigFile;
}

export function checkKeys(where: string, object: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      throw new ConfigError(where, `unknown key "${key}"; allowed keys: ${allowed.join(', ')}.`);
    }
  }
}

export function asObject(where: string, raw: unknown): Record<string, unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(where, `expected a mapping, got ${JSON.stringify(raw)}.`);
  }
  return raw as Record<string, unknown>;
}
