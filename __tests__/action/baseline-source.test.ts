import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARTIFACT_BASELINE_NAME, resolveBaseline, type Baseline } from '../../src/core/compare/baseline.js';
import { serializeResults } from '../../src/core/results/results.js';
import { scratch } from '../helpers/fixtures.js';
import { makeResults } from '../helpers/results.js';

const RESULTS = serializeResults(makeResults({}, (id) => ({ maxSrps: id.length })));

describe('resolveBaseline: one resolver, the artifact source injected', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await scratch()));
  afterEach(() => cleanup());

  it('none, paper and a path resolve the same with or without an artifact source', async () => {
    const never = () => Promise.reject(new Error('the artifact source is only for "artifact"'));
    await writeFile(join(dir, 'base.json'), RESULTS);
    for (const sources of [{ cwd: dir }, { cwd: dir, artifact: never }]) {
      expect(await resolveBaseline(null, sources)).toBeNull();
      expect(await resolveBaseline('none', sources)).toBeNull();
      expect((await resolveBaseline('paper', sources))!.label).toBe('the study (paper)');
      const file = await resolveBaseline('base.json', sources);
      expect(file!.label).toBe(join(dir, 'base.json'));
      expect(file!.cells.get('sync/cpu/0ms')).toMatchObject({ maxSrps: 'sync/cpu/0ms'.length });
    }
    await expect(resolveBaseline('missing.json', { cwd: dir })).rejects.toThrow(/Invalid baseline: cannot read .*missing\.json.*ENOENT/);
  });

  it('"artifact" asks the injected source, and is no baseline without one (the CLI)', async () => {
    const fromArtifact: Baseline = { label: 'main (run 9)', cells: new Map() };
    let asked = 0;
    const artifact = async () => ((asked += 1), fromArtifact);
    expect(await resolveBaseline(ARTIFACT_BASELINE_NAME, { cwd: dir, artifact })).toBe(fromArtifact);
    expect(asked).toBe(1);
    expect(await resolveBaseline(ARTIFACT_BASELINE_NAME, { cwd: dir })).toBeNull();
  });
});
