import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { artifactBaseline } from '../../src/action/baseline-source.js';
import { readActionsContext } from '../../src/action/context.js';
import { resolveBaseline, type Baseline } from '../../src/core/compare/baseline.js';
import { ARTIFACT_BASELINE_NAME } from '../../src/core/config/baseline.js';
import { serializeResults } from '../../src/core/results/results.js';
import { octokitFactory } from '../../src/publish/octokit.js';
import { FAST_API } from '../helpers/fast-publish.js';
import { scratch } from '../helpers/fixtures.js';
import type { GitHubServer } from '../helpers/github-server.js';
import { startActionHarness, type ActionHarness } from '../helpers/action-harness.js';
import { makeResults } from '../helpers/results.js';
import type { FakeArtifactStore } from '../publish/fake-artifacts.js';

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

describe("artifactBaseline: the action's artifact source", () => {
  let harness: ActionHarness;
  let server: GitHubServer;
  let dir: string;
  let store: FakeArtifactStore;
  let out: ActionHarness['out'];

  beforeEach(async () => {
    harness = await startActionHarness({ tok: 'read' });
    ({ dir, server, store, out } = harness);
  });
  afterEach(() => harness.close());

  const source = (serverUrl: string) =>
    artifactBaseline(
      {
        branch: '',
        artifactName: 'async-bench-results',
        token: 'tok',
        scratchDir: dir,
        context: readActionsContext({
          env: {
            GITHUB_REPOSITORY: 'octo/bench',
            GITHUB_SERVER_URL: serverUrl,
            GITHUB_RUN_ID: '77',
            GITHUB_BASE_REF: 'main',
            GITHUB_WORKFLOW_REF: 'octo/bench/.github/workflows/bench.yml@refs/pull/3/merge',
          },
        }),
      },
      { octokit: (token) => octokitFactory(server.url, FAST_API)(token), store: async () => store },
    );

  it('labels the baseline with the base branch and the run it came from', async () => {
    const base = server.addRun({ workflow: 'bench.yml', head_branch: 'main' });
    const listed = server.addArtifact({ runId: base.id, name: 'async-bench-results' });
    store.contents.set(listed.id, { 'results.json': RESULTS });
    const baseline = await resolveBaseline(ARTIFACT_BASELINE_NAME, { cwd: dir, artifact: source('https://github.com') });
    expect(baseline!.label).toBe(`main (run ${base.id})`);
    expect(baseline!.cells.get('sync/cpu/0ms')).toMatchObject({ maxSrps: 'sync/cpu/0ms'.length });
  });

  it('on GitHub Enterprise Server: no baseline, said once, and no request made', async () => {
    const baseline = await resolveBaseline(ARTIFACT_BASELINE_NAME, { cwd: dir, artifact: source('https://ghes.example.com') });
    expect(baseline).toEqual({ label: 'no baseline (GitHub Enterprise Server has no artifact service that @actions/artifact 2+ can use)', cells: new Map() });
    expect(out.lines('notice')).toHaveLength(1);
    expect(server.requests).toHaveLength(0);
  });
});
