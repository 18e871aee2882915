import { errorMessage } from '../error-message.js';
import { readInputText } from '../ingest/input-file.js';
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
  const name = JSON.stringify(configFile ?? DEFAULT_CONFIG_FILE);
  // A FIFO or device is refused before it is opened (it would hang or never end).
  const text = await readInputText(path, name, 'the path of an async-bench.yml').catch((error: unknown) => {
    throw new ConfigError('config', errorMessage(error));
  });
  if (text === null && explicit) throw new ConfigError('config', `cannot read ${name} (ENOENT); give the path of an async-bench.yml.`);
  return buildConfig({ inputs, defaults, ...(text !== null ? { file: { path: explicit ? configFile : DEFAULT_CONFIG_FILE, text } } : {}) });
}
