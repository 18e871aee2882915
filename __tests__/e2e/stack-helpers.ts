import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConfig, type RawInputs } from '../../src/core/config/build.js';
import { processRunner } from '../../src/stack/exec/runner.js';
import { streamLogger } from '../../src/stack/log.js';
import { runBenchmark, type BenchmarkDeps } from '../../src/stack/run.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Containers of this process's runs (project async-bench-<pid>) still on the engine. */
export function leftoverContainers(): string[] {
  const out = execFileSync('docker', ['ps', '-a', '--filter', `label=com.docker.compose.project=async-bench-${process.pid}`, '--format', '{{.Names}}'], {
    encoding: 'utf8',
  });
  return out.split('\n').filter(Boolean);
}

export function configFor(inputs: RawInputs, file?: string) {
  return buildConfig({ inputs, ...(file ? { file: { path: 'async-bench.yml', text: file } } : {}) });
}

/** runBenchmark with the real runner, progress on stderr. */
export function bench(inputs: RawInputs, options: { file?: string; deps?: Partial<BenchmarkDeps> } = {}) {
  return runBenchmark(configFor(inputs, options.file), {
    runner: processRunner({ write: (text) => process.stderr.write(text) }),
    log: streamLogger(process.stderr),
    root: ROOT,
    cwd: ROOT,
    env: process.env,
    ...options.deps,
  });
}
