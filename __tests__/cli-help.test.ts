import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.js';
import { buildConfig } from '../src/core/config/build.js';
import { BUILT_IN_SETUPS, PRESET_SETUPS } from '../src/core/config/defaults.js';

async function help(): Promise<string> {
  let out = '';
  const io = { stdout: { write: (text: string) => ((out += text), true) }, stderr: { write: () => true }, cwd: process.cwd() };
  expect(await runCli(['run', '--help'], io)).toBe(0);
  return out;
}

describe('async-bench --help, read by a team trying it in its own repository', () => {
  it('says how to describe its app and which setups its app gets by default, as the config builds them', async () => {
    const text = await help();
    const team = buildConfig({
      inputs: {},
      file: {
        path: 'async-bench.yml',
        text: 'app: { context: shop, settings: shop.settings, wsgi: shop.wsgi:application, asgi: shop.asgi:application }\nroutes: [{ name: list, path: /l/ }]\n',
      },
    });
    const defaults = team.setups.map((setup) => setup.name).join(', ');
    expect(text).toContain('./async-bench.yml');
    expect(text).toContain('async-bench run --profile quick');
    expect(text.replace(/\s+/g, ' ')).toContain(`at equal resources, each with 2 × the cores + 1 workers: ${defaults} `);
    // Not the study's three as if they were every run's setups.
    expect(text).not.toContain('--setups sync,async-limited,async-unlimited');
  });

  it('names every setup --setups accepts', async () => {
    const text = await help();
    const listed = text.slice(text.indexOf('Setups by name:'));
    for (const setup of [...BUILT_IN_SETUPS, ...PRESET_SETUPS]) expect(listed).toMatch(new RegExp(`\\b${setup.name}\\b`));
  });
});
