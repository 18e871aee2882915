import type { AppSpec, SetupSpec } from './schema.js';

/** gunicorn's advice for a server's worker count: 2 × cores + 1. */
export function defaultWorkers(cpus: number): number {
  return 2 * cpus + 1;
}

/**
 * A setup's server argv with its placeholders filled in: `{module}` (the app's WSGI or
 * ASGI entry, by the setup's interface), `{wsgi}`, `{asgi}`, `{port}`, and `{workers}`
 * (the setup's own count, else 2 × `cpus` + 1; left as written when cpus is unknown,
 * as in a report read without the run's environment).
 */
export function serverCommand(setup: SetupSpec, app: AppSpec, cpus: number | null = null): string[] {
  const module = setup.interface === 'wsgi' ? app.wsgi : app.asgi;
  const workers = setup.workers ?? (cpus ? defaultWorkers(cpus) : null);
  return setup.command.map((arg) =>
    arg
      .replaceAll('{module}', module)
      .replaceAll('{wsgi}', app.wsgi)
      .replaceAll('{asgi}', app.asgi)
      .replaceAll('{port}', String(app.port))
      .replaceAll('{workers}', workers === null ? '{workers}' : String(workers)),
  );
}

/** Servers whose worker count is 1 unless a flag says otherwise. */
const KNOWN_SERVERS = new Set(['gunicorn', 'uvicorn', 'granian', 'hypercorn', 'daphne']);

/**
 * The worker processes a filled-in server argv starts: its `--workers N` (`--workers=N`, `-w N`),
 * else 1 for a server known to default to one; null when the command is not one we can read.
 */
export function serverWorkers(argv: string[]): number | null {
  for (const [index, arg] of argv.entries()) {
    const value = arg.startsWith('--workers=') ? arg.slice('--workers='.length) : arg === '--workers' || arg === '-w' ? argv[index + 1] : undefined;
    if (value !== undefined) return /^[1-9]\d*$/.test(value) ? Number(value) : null;
  }
  return argv.some((arg) => KNOWN_SERVERS.has(arg.split('/').at(-1)!)) ? 1 : null;
}
