import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readActionInputs } from '../../src/action/inputs.js';
import { ConfigError } from '../../src/core/config/errors.js';
import { loadConfig } from '../../src/core/config/load.js';
import { stepInputs } from '../helpers/action-inputs.js';
import { scratch } from '../helpers/fixtures.js';

const ACTION_DEFAULTS = { baseline: 'artifact' };

describe('action inputs over async-bench.yml', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await scratch()));
  afterEach(() => cleanup());

  const configFor = (values: Record<string, string>) => {
    const inputs = readActionInputs(stepInputs(values));
    return loadConfig(inputs.config, inputs.configFile, dir, ACTION_DEFAULTS);
  };

  it("the file's values apply where the step gives none (action.yml defaults do not shadow them)", async () => {
    await writeFile(join(dir, 'async-bench.yml'), 'profile: quick\nlatency-method: toxiproxy\nthreshold: 20%\nbaseline: paper\nout: bench\n');
    const config = await configFor({});
    expect(config.profile).toBe('quick');
    expect(config.latencyMethod).toBe('toxiproxy');
    expect(config.compare).toMatchObject({ threshold: 0.2, baseline: 'paper' });
    expect(config.outDir).toBe('bench');
  });

  it('with neither, the action compares with the base branch artifact; "none" turns comparison off', async () => {
    expect((await configFor({})).compare.baseline).toBe('artifact');
    expect((await configFor({ baseline: 'none' })).compare.baseline).toBeNull();
    expect((await configFor({})).profile).toBe('paper');
  });

  it('rejects bad action-only inputs before anything runs, naming them', () => {
    expect(() => readActionInputs(stepInputs({ mode: 'bench' }))).toThrow(/Invalid mode: "bench" is not one of run, aggregate, report/);
    expect(() => readActionInputs(stepInputs({ comment: 'sometimes' }))).toThrow(/Invalid comment/);
    expect(() => readActionInputs(stepInputs({ 'retention-days': '120' }))).toThrow(/Invalid retention-days: 120 is above 90/);
    expect(() => readActionInputs(stepInputs({ 'artifact-name': 'a/b' }))).toThrow(/Invalid artifact-name: "a\/b"/);
    // A bad comment-key costs only the comment: it fails the step at the end (publish-faults.test.ts).
    expect(() => readActionInputs(stepInputs({ 'comment-key': 'has space' }))).not.toThrow();
  });

  /** `app-path` and `app-settings`: one-line inputs for the app, the same fields as async-bench.yml's app mapping. */
  describe('app-path and app-settings', () => {
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
});

describe('action-only inputs, typed', () => {
  it('reads the defaults, and "" as not given', () => {
    const expected = {
      mode: 'run',
      configFile: '',
      baselineBranch: '',
      comment: 'always',
      commentKey: 'default',
      results: '',
      artifactName: 'async-bench-results',
      retentionDays: null,
      failOnIncomplete: false,
      token: '',
    };
    expect(readActionInputs(stepInputs({ 'github-token': '' }))).toMatchObject(expected);
    // A runner without action.yml's defaults (every input "") reads the same.
    expect(readActionInputs(() => '')).toMatchObject(expected);
  });

  it('reads given values, trimmed and typed; config inputs stay raw text for buildConfig', () => {
    const inputs = readActionInputs(
      stepInputs({
        mode: ' aggregate ',
        'retention-days': '7',
        'fail-on-incomplete': 'yes',
        comment: 'never',
        users: ' 40 ',
        latencies: '0, 100ms',
        config: ' bench.yml ',
      }),
    );
    expect(inputs).toMatchObject({ mode: 'aggregate', retentionDays: 7, failOnIncomplete: true, comment: 'never', configFile: 'bench.yml' });
    expect(inputs.config).toMatchObject({ users: '40', latencies: '0, 100ms', profile: '' });
  });

  it.each([
    [{ 'retention-days': 'soon' }, 'Invalid retention-days: "soon" is not a whole number; give an integer ≥ 1.'],
    [{ 'retention-days': '0' }, 'Invalid retention-days: "0" is below 1; give an integer ≥ 1.'],
    [{ 'fail-on-incomplete': 'maybe' }, 'Invalid fail-on-incomplete: "maybe" is not a boolean; use true or false.'],
    [{ comment: 'sometimes' }, 'Invalid comment: "sometimes" is not one of always, on-regression, never.'],
  ])('%j', (values, message) => {
    expect(() => readActionInputs(stepInputs(values))).toThrow(message);
  });
});
