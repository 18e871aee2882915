import { existsSync, mkdtempSync } from 'node:fs';
import { serializeResults } from '../../src/core/results/results.js';
import { makeResults } from '../helpers/results.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { findBaselineArtifact, type BaselineLookup } from '../../src/publish/baseline-artifact.js';
import { octokitFactory } from '../../src/publish/octokit.js';
import { FAST_API } from '../helpers/fast-publish.js';
import { FAULTS, startGitHubServer, workflowId, type GitHubServer } from '../helpers/github-server.js';
import { captureStdout } from './capture.js';
import { FakeArtifactStore } from './fake-artifacts.js';

const RESULTS = serializeResults(makeResults({}, () => ({})));

let server: GitHubServer;
let store: FakeArtifactStore;
let out: ReturnType<typeof captureStdout>;

beforeEach(async () => {
  server = await startGitHubServer();
  server.addToken('gh-token', { login: 'github-actions[bot]', kind: 'app', permission: 'read' });
  store = new FakeArtifactStore();
  out = captureStdout();
});

afterEach(async () => {
  out.restore();
  await server.close();
});

function lookup(overrides: Partial<BaselineLookup> = {}): BaselineLookup {
  return {
    owner: 'octo',
    repo: 'bench',
    workflow: 'bench.yml',
    branch: 'main',
    artifactName: 'async-bench',
    token: 'gh-token',
    destination: mkdtempSync(join(tmpdir(), 'baseline-')),
    currentRunId: 4242,
    ...overrides,
  };
}

const find = (overrides: Partial<BaselineLookup> = {}) =>
  findBaselineArtifact(lookup(overrides), { octokit: octokitFactory(server.url, FAST_API)('gh-token'), store });

/** An artifact on the server and the files its download yields. */
function artifact(runId: number, options: { expired?: boolean; files?: Record<string, string> } = {}) {
  const listed = server.addArtifact({ runId, name: 'async-bench', expired: options.expired ?? false });
  store.contents.set(listed.id, options.files ?? { 'results.json': RESULTS });
  return listed;
}

describe('findBaselineArtifact', () => {
  it('downloads results.json of the latest successful push run on the base branch', async () => {
    const older = server.addRun({ workflow: 'bench.yml', head_branch: 'main' });
    artifact(older.id);
    const failed = server.addRun({ workflow: 'bench.yml', head_branch: 'main', conclusion: 'failure' });
    artifact(failed.id);
    server.addRun({ workflow: 'bench.yml', head_branch: 'feature' });
    const latest = server.addRun({ workflow: 'bench.yml', head_branch: 'main' });
    const wanted = artifact(latest.id);
    // Newer, but not a push: a scheduled or manual run is not what the base branch's pushes keep.
    artifact(server.addRun({ workflow: 'bench.yml', head_branch: 'main', event: 'schedule' }).id);

    const found = await find();

    expect(found).toMatchObject({ runId: latest.id, artifactId: wanted.id, runUrl: latest.html_url });
    expect(found.path).not.toBeNull();
    expect(existsSync(found.path!)).toBe(true);
    const runsRequest = server.requests.find((r) => r.path.endsWith('/runs'));
    expect(runsRequest).toMatchObject({
      path: '/repos/octo/bench/actions/workflows/bench.yml/runs',
      query: { branch: 'main', status: 'success', event: 'push' },
    });
    const artifactsRequest = server.requests.find((r) => r.path.endsWith('/artifacts'));
    expect(artifactsRequest?.query).toMatchObject({ name: 'async-bench' });
    expect(store.downloads).toEqual([
      {
        id: wanted.id,
        options: {
          path: expect.any(String),
          findBy: { token: 'gh-token', repositoryOwner: 'octo', repositoryName: 'bench', workflowRunId: latest.id },
        },
      },
    ]);
  });

  it('none: no successful run on the base branch', async () => {
    server.addRun({ workflow: 'bench.yml', head_branch: 'main', conclusion: 'failure' });
    const found = await find();
    expect(found).toEqual({ path: null, reason: 'no successful push run of workflow bench.yml on main' });
    expect(store.downloads).toHaveLength(0);
    expect(out.lines('warning')).toHaveLength(0);
  });

  it("expired: the latest base run's artifact is gone", async () => {
    const older = server.addRun({ workflow: 'bench.yml', head_branch: 'main' });
    artifact(older.id, { expired: true });
    const latest = server.addRun({ workflow: 'bench.yml', head_branch: 'main' });
    artifact(latest.id, { expired: true });
    const found = await find();
    expect(found.path).toBeNull();
    expect(found.reason).toMatch(/has expired/);
    expect(found.reason).toContain(latest.html_url);
    expect(store.downloads).toHaveLength(0);
  });

  it('skips runs that did not upload the artifact (job skipped) and takes an older one', async () => {
    const older = server.addRun({ workflow: 'bench.yml', head_branch: 'main' });
    artifact(older.id);
    server.addRun({ workflow: 'bench.yml', head_branch: 'main' });
    expect((await find()).path).not.toBeNull();
    expect(store.downloads.map((d) => d.options?.findBy?.workflowRunId)).toEqual([older.id]);
  });

  it('ignores fork PR runs whose head branch is also called main, and this run itself', async () => {
    const fork = server.addRun({
      workflow: 'bench.yml',
      head_branch: 'main',
      event: 'pull_request',
      head_repository: { full_name: 'mallory/bench' },
    });
    artifact(fork.id);
    const self = server.addRun({ id: 4242, workflow: 'bench.yml', head_branch: 'main' });
    artifact(self.id);
    const found = await find();
    expect(found).toEqual({ path: null, reason: 'no successful push run of workflow bench.yml on main' });
  });

  it('pages past fork runs and runs without the artifact to the base run on page 2', async () => {
    const wanted = server.addRun({ workflow: 'bench.yml', head_branch: 'main' });
    artifact(wanted.id);
    const fork = { head_branch: 'main', head_repository: { full_name: 'mallory/bench' } };
    for (let i = 0; i < 4; i++) {
      // A fork's pull requests from its own main, newest, each with an artifact of our name...
      artifact(server.addRun({ workflow: 'bench.yml', ...fork, event: 'pull_request' }).id);
      artifact(server.addRun({ workflow: 'bench.yml', ...fork, event: 'pull_request_target' }).id);
      // ...and pushes to main whose benchmark job was skipped: no artifact.
      server.addRun({ workflow: 'bench.yml', head_branch: 'main' });
    }
    // Whatever a listing holds, only this repository's own pushes count.
    artifact(server.addRun({ workflow: 'bench.yml', ...fork, event: 'push' }).id);

    const found = await find({ perPage: 3 });

    expect(found).toMatchObject({ runId: wanted.id });
    const listings = server.requests.filter((r) => r.path.endsWith('/bench.yml/runs'));
    expect(listings.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    expect(listings.every((r) => r.query.event === 'push' && r.query.branch === 'main' && r.query.status === 'success')).toBe(true);
    expect(store.downloads.map((d) => d.options?.findBy?.workflowRunId)).toEqual([wanted.id]);
  });

  it('searches at most maxRuns of the base branch runs', async () => {
    artifact(server.addRun({ workflow: 'bench.yml', head_branch: 'main' }).id);
    for (let i = 0; i < 5; i++) server.addRun({ workflow: 'bench.yml', head_branch: 'main' });
    const found = await find({ maxRuns: 5, perPage: 2 });
    expect(found.path).toBeNull();
    expect(found.reason).toMatch(/none of the 5 latest successful push runs/);
    expect(server.requests.filter((r) => r.path.endsWith('/artifacts'))).toHaveLength(5);
  });

  it('a rate-limited lookup says so, without the permissions hint', async () => {
    server.failNext({ method: 'GET', path: /\/runs$/, ...FAULTS.primaryRateLimit(3600) });
    const found = await find();
    expect(found.path).toBeNull();
    expect(found.reason).toMatch(/rate limit is used up until/);
    expect(found.reason).not.toMatch(/actions: read/);
  });

  it('finds the workflow from this run when GITHUB_WORKFLOW_REF is unknown', async () => {
    server.addRun({ id: 4242, workflow: 'bench.yml', head_branch: 'feature', event: 'pull_request', conclusion: null });
    const base = server.addRun({ workflow: 'bench.yml', head_branch: 'main' });
    artifact(base.id);
    const found = await find({ workflow: null });
    expect(found).toMatchObject({ runId: base.id });
    expect(server.requests.map((r) => r.path)).toContain(`/repos/octo/bench/actions/workflows/${workflowId('bench.yml')}/runs`);
  });

  it('none: no run has the artifact', async () => {
    server.addRun({ workflow: 'bench.yml', head_branch: 'main' });
    const found = await find();
    expect(found.path).toBeNull();
    expect(found.reason).toMatch(/none of the 1 latest successful push runs .* has an artifact named async-bench/);
  });

  it('none: the workflow is new (404)', async () => {
    const found = await find({ workflow: 'new.yml' });
    expect(found.path).toBeNull();
    expect(found.reason).toMatch(/new\.yml is not known/);
  });

  it('unreadable: an artifact without results.json, or with a results.json this version cannot read', async () => {
    const run = server.addRun({ workflow: 'bench.yml', head_branch: 'main' });
    artifact(run.id, { files: { 'tables.md': '' } });
    expect((await find()).reason).toMatch(/has no results\.json/);

    const next = server.addRun({ workflow: 'bench.yml', head_branch: 'main' });
    artifact(next.id, { files: { 'results.json': JSON.stringify({ schemaVersion: '9.0', config: {}, cells: [] }) } });
    const found = await find();
    expect(found.path).toBeNull();
    expect(found.reason).toMatch(/unusable: .*schemaVersion 9\.0/);
    expect(out.lines('warning')).toHaveLength(1);
  });

  it('a failed download or an API error is a reason and a warning, never a throw', async () => {
    const run = server.addRun({ workflow: 'bench.yml', head_branch: 'main' });
    artifact(run.id);
    store.failDownload = new Error('Unable to download artifact: 410 Gone');
    expect((await find()).reason).toMatch(/410 Gone/);

    server.failNext({ method: 'GET', path: /\/runs$/, status: 403, message: 'Resource not accessible by integration' });
    const forbidden = await find();
    expect(forbidden.path).toBeNull();
    expect(forbidden.reason).toMatch(/actions: read/);

    // Four in a row: the first answer and every retry.
    server.failNext({ method: 'GET', path: /\/artifacts$/, status: 500, message: 'boom', times: 4 });
    expect((await find()).reason).toMatch(/HTTP 500/);
    expect(out.lines('warning')).toHaveLength(3);
  });
});
