/** What actually ran: versions read from the engine and from inside the images, recorded in results.json. */
import type { Runner } from './exec/command.js';
import type { Stack } from './stack.js';

/** What compose/derived/add-missing.py records the derived image added to the project's packages. */
const DERIVED_RECORD = '/etc/async-bench/added';
export const DERIVED_RECORD_KEY = 'derived image added';

/**
 * Prints the Python version, the named packages' versions and, in the app image, what the
 * derived image added (DERIVED_RECORD) as JSON.
 */
export const VERSIONS_SCRIPT = [
  'import json, sys, importlib.metadata as m',
  'def v(p):',
  '    try: return m.version(p)',
  '    except m.PackageNotFoundError: return None',
  'out = {"python": sys.version.split()[0], **{p: v(p) for p in sys.argv[1:]}}',
  `try: out[${JSON.stringify(DERIVED_RECORD_KEY)}] = open(${JSON.stringify(DERIVED_RECORD)}).read().strip()`,
  'except OSError: pass',
  'print(json.dumps(out))',
].join('\n');

/** Both PostgreSQL drivers (many projects still run psycopg2), and psycopg 3's pool, which Django's own pool needs. */
export const APP_PACKAGES = [
  'django',
  'gunicorn',
  'uvicorn',
  'uvicorn-worker',
  'psycopg',
  'psycopg-binary',
  'psycopg-pool',
  'psycopg2',
  'psycopg2-binary',
  'asgiref',
];
export const LOAD_PACKAGES = ['locust'];

async function packageVersions(run: Runner, stack: Stack, service: string, packages: string[]): Promise<Record<string, string | null>> {
  const result = await run(stack.compose.run(service, ['python', '-c', VERSIONS_SCRIPT, ...packages]));
  if (result.exitCode !== 0) return {};
  try {
    return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, string | null>;
  } catch {
    return {};
  }
}

export interface StackFingerprint {
  kernel: string | null;
  cpuCount: number | null;
  stack: Record<string, string | null>;
}

/** What actually ran, read from the engine and from inside the images (not from pins). */
export async function readFingerprint(run: Runner, stack: Stack): Promise<StackFingerprint> {
  const info = await run({ command: 'docker', args: ['info', '--format', '{{.KernelVersion}}|{{.NCPU}}'] });
  const [kernel, cpus] = info.exitCode === 0 ? info.stdout.trim().split('|') : [];
  const [app, load, postgres, toxiproxy] = await Promise.all([
    packageVersions(run, stack, 'app', APP_PACKAGES),
    packageVersions(run, stack, 'load', LOAD_PACKAGES),
    run(stack.compose.exec('db', ['psql', '-U', 'postgres', '-Atc', 'SHOW server_version'])),
    stack.target.latencyMethod === 'toxiproxy' ? stack.toxiproxy.version().catch(() => null) : Promise.resolve(null),
  ]);
  const prefixed = (prefix: string, versions: Record<string, string | null>) =>
    Object.fromEntries(Object.entries(versions).map(([name, version]) => [name === 'python' ? `${prefix} python` : name, version]));
  return {
    kernel: kernel || null,
    cpuCount: cpus ? Number(cpus) : null,
    stack: {
      ...prefixed('app', app),
      ...prefixed('load', load),
      postgresql: postgres.exitCode === 0 ? postgres.stdout.trim() : null,
      ...(toxiproxy ? { toxiproxy } : {}),
      'base image': stack.layout.baseImage,
    },
  };
}
