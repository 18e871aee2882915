import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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

export const git = (repo: string, ...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();

/** The reference app as a team's project: its settings, servers and data step, in async-bench.yml. */
const REFERENCE_APP_CONFIG = `app:
  name: verdicts-e2e
  context: app
  settings: benchsite.settings
  wsgi: benchsite.wsgi:application
  asgi: benchsite.asgi:application
  health-path: /healthz/
  prepare:
    - [seed_posts, --count, '{seed-posts}']
`;

/**
 * A scratch git repository on main holding a copy of the reference app, its wheels committed:
 * a base worktree (`baseline: base`) holds only tracked files, and must still build offline.
 */
export async function referenceAppRepository(prefix: string): Promise<string> {
  const repo = await mkdtemp(join(tmpdir(), prefix));
  await cp(join(ROOT, 'compose/app'), join(repo, 'app'), { recursive: true, filter: (source) => !source.includes('__pycache__') });
  await writeFile(join(repo, 'async-bench.yml'), REFERENCE_APP_CONFIG);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A', '-f');
  git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'base');
  return repo;
}
