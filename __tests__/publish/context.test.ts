import { describe, expect, it } from 'vitest';
import { readActionsContext, thisRun, type ContextSources } from '../../src/action/context.js';
import { artifactUrl, runUrl } from '../../src/publish/run-ref.js';

const BASE_ENV = {
  GITHUB_REPOSITORY: 'octo/bench',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_SERVER_URL: 'https://ghe.example.com/',
  GITHUB_API_URL: 'https://ghe.example.com/api/v3',
  GITHUB_WORKFLOW_REF: 'octo/bench/.github/workflows/bench.yml@refs/pull/7/merge',
  GITHUB_EVENT_PATH: '/event.json',
  GITHUB_SHA: 'merge-sha',
};

function context(eventName: string, payload: unknown, extra: Partial<ContextSources> = {}, env = {}) {
  return readActionsContext({
    env: { ...BASE_ENV, GITHUB_EVENT_NAME: eventName, ...env },
    readFile: (path) => {
      expect(path).toBe('/event.json');
      return JSON.stringify(payload);
    },
    ...extra,
  });
}

describe('readActionsContext', () => {
  it('reads a pull_request run', () => {
    const ctx = context(
      'pull_request',
      { number: 7, pull_request: { number: 7, base: { ref: 'main', sha: 'base-sha' }, head: { sha: 'head-sha' } } },
      {},
      { GITHUB_BASE_REF: 'main' },
    );
    expect(ctx).toEqual({
      owner: 'octo',
      repo: 'bench',
      eventName: 'pull_request',
      runId: 4242,
      runAttempt: 2,
      serverUrl: 'https://ghe.example.com',
      apiUrl: 'https://ghe.example.com/api/v3',
      workflowRef: BASE_ENV.GITHUB_WORKFLOW_REF,
      workflowFile: 'bench.yml',
      baseRef: 'main',
      headSha: 'head-sha',
      baseSha: 'base-sha',
      pr: { number: 7, source: 'event' },
      workflowRun: null,
    });
  });

  it('reads pull_request_target the same way', () => {
    const ctx = context('pull_request_target', { pull_request: { number: 9, base: { ref: 'dev' } } });
    expect(ctx.pr).toEqual({ number: 9, source: 'event' });
    expect(ctx.baseRef).toBe('dev');
  });

  it('has no PR on push and compares against the default branch', () => {
    const ctx = context('push', { repository: { default_branch: 'trunk' } });
    expect(ctx.pr).toBeNull();
    expect(ctx.baseRef).toBe('trunk');
    expect(ctx.headSha).toBe('merge-sha');
  });

  it('takes a same-repository PR of a workflow_run from the payload', () => {
    const ctx = context('workflow_run', {
      workflow_run: {
        id: 99,
        head_sha: 'pr-head',
        head_branch: 'feature',
        event: 'pull_request',
        conclusion: 'success',
        pull_requests: [{ number: 12, base: { ref: 'main' } }],
      },
    });
    expect(ctx.pr).toEqual({ number: 12, source: 'workflow_run' });
    expect(ctx.baseRef).toBe('main');
    expect(ctx.workflowRun).toEqual({
      id: 99,
      headSha: 'pr-head',
      headBranch: 'feature',
      event: 'pull_request',
      conclusion: 'success',
    });
  });

  it('falls back to the recorded pr-number for a fork PR, marked untrusted', () => {
    const ctx = context(
      'workflow_run',
      { workflow_run: { id: 99, head_sha: 'fork-head', pull_requests: [] }, repository: { default_branch: 'main' } },
      { recordedPrNumber: 31 },
    );
    expect(ctx.pr).toEqual({ number: 31, source: 'recorded' });
    expect(ctx.workflowRun?.headSha).toBe('fork-head');
  });

  it('finds the PR of an issue_comment on a pull request only', () => {
    expect(context('issue_comment', { issue: { number: 5, pull_request: { url: 'x' } } }).pr).toEqual({
      number: 5,
      source: 'event',
    });
    expect(context('issue_comment', { issue: { number: 5 } }).pr).toBeNull();
  });

  it('defaults to github.com and tolerates a missing event file', () => {
    const ctx = readActionsContext({
      env: { GITHUB_REPOSITORY: 'a/b', GITHUB_EVENT_PATH: '/missing.json' },
      readFile: () => {
        throw new Error('ENOENT');
      },
    });
    expect(ctx).toMatchObject({
      owner: 'a',
      repo: 'b',
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      runId: null,
      pr: null,
      workflowFile: null,
    });
  });

  it('takes the repository from the payload when GITHUB_REPOSITORY is unset', () => {
    const ctx = readActionsContext({
      env: { GITHUB_EVENT_PATH: '/e.json' },
      readFile: () => JSON.stringify({ repository: { name: 'r', owner: { login: 'o' } } }),
    });
    expect([ctx.owner, ctx.repo]).toEqual(['o', 'r']);
  });

  it('explains a missing repository and a broken event file', () => {
    expect(() => readActionsContext({ env: {} })).toThrow(/GITHUB_REPOSITORY/);
    expect(() => readActionsContext({ env: { GITHUB_REPOSITORY: 'a/b', GITHUB_EVENT_PATH: '/e.json' }, readFile: () => '{' })).toThrow(/not JSON/);
  });
});

describe('the workflow file, from GITHUB_WORKFLOW_REF', () => {
  it.each([
    ['o/r/.github/workflows/bench.yml@refs/heads/main', 'bench.yml'],
    ['o/r/.github/workflows/nested/x.yaml@v1', 'x.yaml'],
    ['garbage', null],
    ['', null],
  ])('%s → %s', (ref, file) => {
    expect(context('push', {}, {}, { GITHUB_WORKFLOW_REF: ref }).workflowFile).toBe(file);
  });
});

describe('thisRun: the one place a run reference is built', () => {
  it('links the run and its artifacts on the server the runner names', () => {
    const run = thisRun(context('push', {}));
    expect(run).toEqual({ serverUrl: 'https://ghe.example.com', owner: 'octo', repo: 'bench', runId: 4242 });
    expect(runUrl(run!)).toBe('https://ghe.example.com/octo/bench/actions/runs/4242');
    expect(artifactUrl(run!, 9)).toBe('https://ghe.example.com/octo/bench/actions/runs/4242/artifacts/9');
  });

  it('is null outside a workflow run', () => {
    expect(thisRun(context('push', {}, {}, { GITHUB_RUN_ID: '' }))).toBeNull();
  });
});
