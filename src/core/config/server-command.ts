import type { AppSpec, SetupSpec } from './schema.js';

/** A setup's server argv with `{module}` (the app's WSGI or ASGI entry) and `{port}` filled in. */
export function serverCommand(setup: SetupSpec, app: AppSpec): string[] {
  const module = setup.interface === 'wsgi' ? app.wsgi : app.asgi;
  return setup.command.map((arg) => arg.replaceAll('{module}', module).replaceAll('{port}', String(app.port)));
}
