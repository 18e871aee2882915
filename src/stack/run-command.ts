import type { CliIo } from '../cli.js';
import type { Config } from '../config.js';

export async function runCommand(_config: Config, io: CliIo): Promise<number> {
  io.stderr.write('async-bench: run is not available in this build yet (the Docker stack lands with issue #3).\n');
  return 2;
}
