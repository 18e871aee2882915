import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readActionInputs } from '../../src/action/inputs.js';
import { ConfigError } from '../../src/core/config/errors.js';
import { loadConfig } from '../../src/core/config/load.js';
import { stepInputs } from '../helpers/action-inputs.js';
import { scratch } from '../helpers/fixtures.js';

/** `app-path` and `app-settings`: one-line inputs for the app, the same fields as async-bench.yml's app mapping. */
describe('app-path and app-settings', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await scratch()));
  afterEach(() => cleanup());

  const configFor = (values: Record<string, string>) => {
    const inputs = readActionInputs(stepInputs(values));
    return loadConfig(inputs.config, inputs.configFile, dir, { baseline: 'artifact' });
  };

  it('without a config file: your own app, wsgi and asgi beside the settings module', async () => {
    const { app } = await configFor({ 'app-path': ' ./mysite ', 'app-settings': 'mysite.conf.settings' });
    expect(app).toMatchObject({
      context: './mysite',
      settings: 'mysite.conf.settings',
      wsgi: 'mysite.conf.wsgi:application',
      asgi: 'mysite.conf.asgi:application',
      dockerfile: 'Dockerfile',
      prepare: [],
    });
  });

  it("over the file's app mapping they set its context and settings, keeping the rest", async () => {
    await writeFile(
      join(dir, 'async-bench.yml'),
      'app:\n  name: shop\n  context: examples/shop\n  settings: shop.settings\n  wsgi: shop.wsgi:application\n  asgi: shop.asgi:application\n  health-path: /health/\n',
    );
    expect((await configFor({ 'app-path': 'vendored/shop' })).app).toMatchObject({
      name: 'shop',
      context: 'vendored/shop',
      settings: 'shop.settings',
      healthPath: '/health/',
    });
    expect((await configFor({ 'app-settings': 'shop.settings_bench' })).app).toMatchObject({ context: 'examples/shop', settings: 'shop.settings_bench' });
  });

  it('the file may give them as keys too; the step overrides the file', async () => {
    await writeFile(join(dir, 'async-bench.yml'), 'app-path: mysite\napp-settings: mysite.settings\n');
    expect((await configFor({})).app).toMatchObject({ context: 'mysite', wsgi: 'mysite.wsgi:application' });
    expect((await configFor({ 'app-path': 'other' })).app.context).toBe('other');
  });

  it.each([
    [{ 'app-path': 'mysite' }, 'app-path', /needs app-settings too/],
    [{ 'app-settings': 'mysite.settings' }, 'app-settings', /give app-path too/],
    [{ 'app-path': 'mysite', 'app-settings': 'my-site.settings' }, 'app-settings', /"my-site.settings" is not a Python module path/],
  ])('refuses %o, naming the input', async (values, input, message) => {
    const error = await configFor(values).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).input).toBe(input);
    expect((error as ConfigError).message).toMatch(message);
  });
});
