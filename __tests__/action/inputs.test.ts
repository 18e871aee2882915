import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readActionInputs } from '../../src/action/inputs.js';
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
    expect(() => readActionInputs(stepInputs({ 'comment-key': 'has space' }))).toThrow(/comment-key/);
  });
});
