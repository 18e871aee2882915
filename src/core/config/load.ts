import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildConfig, type RawInputs } from './build.js';
import { ConfigError } from './errors.js';
import type { Config } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'async-bench.yml';

/**
 * Reads the optional async-bench.yml (the named one must exist; the default one
 * may not) and builds the Config with the inputs on top.
 */
export async function loadConfig(inputs: RawInputs, configFile: string | undefined, cwd: string, defaults?: RawInputs): Promise<Config> {
  const explicit = configFile !== undefined && configFile.trim() !== '';
  const path = resolve(cwd, explicit ? configFile : DEFAULT_CONFIG_FILE);
  let text: string | null = null;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (explicit || (error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError(
        'config',
        `cannot read ${JSON.stringify(configFile ?? DEFAULT_CONFIG_FILE)} (${(error as NodeJS.ErrnoException).code}); give the path of an async-bench.yml.`,
      );
    }
  }
  return buildConfig({ inputs, defaults, ...(text !== null ? { file: { path: explicit ? configFile : DEFAULT_CONFIG_FILE, text } } : {}) });
}
