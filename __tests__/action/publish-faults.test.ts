import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ActionDeps } from '../../src/action/deps.js';
import { run } from '../../src/action/main.js';
import type { Config } from '../../src/core/config/build.js';
import { serializeResults } from '../../src/core/results/results.js';
import { commentMarker } from '../../src/publish/marker.js';
import { stepInputs } from '../helpers/action-inputs.js';
import { FAST_API, FAST_UPLOAD } from '../helpers/fast-publish.js';
import { BOT, PR, startActionHarness, type ActionHarness } from '../helpers/action-harness.js';
import { FAULTS, type FaultAnswer, type GitHubServer } from '../helpers/github-server.js';
import { makeResults } from '../helpers/results.js';
import type { FakeArtifactStore } from '../publish/fake-artifacts.js';

const MARKER = commentMarker('default');
const OUTPUTS = [
  'results-path',
  'markdown-path',
  'html-path',
  'csv-path',
  'bmf-path',
  'benchmark-action-path',
  'regressions',
  'improvements',
  'comment-url',
  'artifact-id',
  'artifact-url',
];

/**
 * "Nothing lost after a 90-minute run": the whole action (run mode) against a local GitHub that
 * fails the way GitHub's API does, on each request the comment makes, and an artifact store
 * that fails or hangs. Timings are FAST_API's (a 300 ms request timeout instead of 30 s).
 */
describe('publishing through API faults', () => {
  let harness: ActionHarness;
  let server: GitHubServer;
  let dir: string;
  let store: FakeArtifactStore;
  let out: ActionHarness['out'];

  beforeEach(async () => {
    harness = await startActionHarness({ tok: 'write', 'fork-token': 'read' });
    ({ dir, server, store, out } = harness);
  });
  afterEach(() => harness.close());

  /** A benchmark that writes its results.json as the stack does, in no time. */
  const benchmark = async (config: Config) => {
    const results = makeResults({ baseline: 'paper' }, () => ({}));
    await writeFile(join(dir, config.outDir, 'results.json'), serializeResults(results));
    return results;
  };

  async function action(options: { token?: string; serverUrl?: string; deps?: Partial<ActionDeps> } = {}) {
    await run({
      getInput: stepInputs({ mode: 'run', baseline: 'paper', 'github-token': options.token ?? 'tok' }),
      env: { ...harness.env(), ...(options.serverUrl ? { GITHUB_SERVER_URL: options.serverUrl } : {}) },
      artifactStore: async () => store,
      benchmark,
      timing: { api: FAST_API, upload: FAST_UPLOAD },
      ...options.deps,
    });
    return {
      exitCode: process.exitCode ?? 0,
      outputs: parseOutputs(await readFile(join(dir, 'output.txt'), 'utf8')),
      summary: await readFile(harness.summary, 'utf8'),
      errors: out.lines('error'),
      warnings: out.lines('warning'),
    };
  }

  const marked = () => server.comments.filter((comment) => comment.body.startsWith(MARKER));
  const earlierComment = () => server.addComment(PR, BOT, `${MARKER}\nthe previous push's report`);

  /** What every run must leave, whatever happened to the API. */
  function expectEverythingWritten(result: Awaited<ReturnType<typeof action>>) {
    expect(Object.keys(result.outputs).sort()).toEqual([...OUTPUTS].sort());
    expect(result.outputs['results-path']).toBe(join(dir, 'async-bench-results', 'results.json'));
    expect(result.summary).toContain('**Table 1: CPU-bound**');
  }

  /** ...and, when the faults were transient, all of it. */
  function expectClean(result: Awaited<ReturnType<typeof action>>) {
    expectEverythingWritten(result);
    expect(marked()).toHaveLength(1);
    const [comment] = marked();
    expect(comment!.body).toContain('**Table 1: CPU-bound**');
    expect(comment!.body).toMatch(/\[Locust reports and results\.json\]\(https:\/\/github\.com\/octo\/bench\/actions\/runs\/77\/artifacts\/\d+\)/);
    expect(result.outputs['comment-url']).toBe(comment!.html_url);
    expect(result.outputs['artifact-url']).toMatch(/^https:\/\/github\.com\/octo\/bench\/actions\/runs\/77\/artifacts\/\d+$/);
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
  }

  const ENDPOINTS = {
    'list comments': { method: 'GET', path: /^\/repos\/octo\/bench\/issues\/3\/comments$/, earlier: false },
    'create comment': { method: 'POST', path: /^\/repos\/octo\/bench\/issues\/3\/comments$/, earlier: false },
    'update comment': { method: 'PATCH', path: /^\/repos\/octo\/bench\/issues\/comments\/\d+$/, earlier: true },
  };
  const TRANSIENT: Record<string, { answer: FaultAnswer; status: number }> = {
    'a one-shot 500': { answer: FAULTS.serverError(), status: 500 },
    'a 502 with an HTML body': { answer: FAULTS.badGatewayHtml(), status: 502 },
    'a 429 with retry-after': { answer: FAULTS.secondaryRateLimit(429, 5), status: 429 },
    'a bare 429 Too Many Requests with retry-after': { answer: FAULTS.tooManyRequests(5), status: 429 },
    'a reset connection': { answer: FAULTS.reset(), status: 0 },
    'a silence': { answer: FAULTS.silence(), status: 0 },
  };
  const matrix = Object.entries(ENDPOINTS).flatMap(([endpoint, where]) =>
    Object.entries(TRANSIENT).map(([fault, { answer, status }]) => ({ endpoint, where, fault, answer, status })),
  );

  it.each(matrix)('$fault on $endpoint: retried, one comment, everything written, rc 0', async ({ where, answer, status }) => {
    if (where.earlier) earlierComment();
    server.failNext({ method: where.method, path: where.path, ...answer });

    const result = await action();

    expectClean(result);
    expect(marked()[0]!.body).not.toContain("the previous push's report");
    const hits = server.requests.filter((r) => r.method === where.method && where.path.test(r.path));
    expect(hits[0]!.status).toBe(status);
    expect(hits[1]!.status).toBe(where.method === 'POST' ? 201 : 200);
    if (status === 429) expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(50); // retry-after: 5, at 10 ms a second
  });

  it.each(['reset', 'silence'] as const)('a create whose answer is lost after GitHub wrote it (%s) leaves one comment', async (kind) => {
    server.failNext({ method: 'POST', path: ENDPOINTS['create comment'].path, ...FAULTS[kind]('after') });

    const result = await action();

    expectClean(result);
    // It landed: the list before the retry finds it, so it is not sent again.
    expect(server.writes().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 0']);
  });

  describe('the artifact upload', () => {
    it.each(['fail', 'hang'] as const)('an upload that fails or hangs once (%s) is retried', async (fault) => {
      store.uploadFaults.push(fault);
      const result = await action();
      expectClean(result);
      expect(store.uploadAttempts).toBe(2);
      expect(store.uploads).toHaveLength(1);
      expect(result.outputs['artifact-id']).toBe(String(store.uploads.length + 500));
    });

    it('an upload that keeps failing: an error saying what is still written, the comment anyway, the step fails last', async () => {
      store.uploadFaults.push('fail', 'hang', 'fail');

      const result = await action();

      expect(store.uploadAttempts).toBe(3);
      expectEverythingWritten(result);
      expect(result.outputs['artifact-url']).toBe('');
      expect(marked()).toHaveLength(1);
      expect(marked()[0]!.body).not.toContain('Locust reports and results.json');
      expect(result.outputs['comment-url']).toBe(marked()[0]!.html_url);
      expect(result.errors[0]).toMatch(/The results artifact was not uploaded: Uploading the artifact async-bench-results failed 3 times; last: .*ECONNRESET/);
      expect(result.errors[0]).toMatch(/results\.json \(.*\), tables\.md, the job summary and the outputs are written/);
      expect(result.errors.at(-1)).toMatch(/^::error::Publishing failed: the artifact upload \(see the errors above\)/);
      expect(result.exitCode).toBe(1);
    });
  });

  describe('faults that do not pass', () => {
    it('a 500 on every attempt to comment: the artifact is uploaded, the error says what failed, the step fails last', async () => {
      server.failNext({ method: 'POST', path: ENDPOINTS['create comment'].path, ...FAULTS.serverError(), times: 4 });

      const result = await action();

      expectEverythingWritten(result);
      expect(marked()).toHaveLength(0);
      expect(store.uploads).toHaveLength(1);
      expect(result.outputs['artifact-url']).toMatch(/\/artifacts\/\d+$/);
      expect(result.outputs['comment-url']).toBe('');
      expect(result.errors[0]).toMatch(/The pull request comment was not written: Could not comment on pull request #3: HTTP 500: Server Error/);
      expect(result.errors[0]).toMatch(/the outputs are written and the artifact is uploaded \(https:\/\/github\.com\//);
      expect(result.errors.at(-1)).toMatch(/^::error::Publishing failed: the pull request comment/);
      expect(result.exitCode).toBe(1);
    });

    it('a silent API: every attempt times out, and the step still ends (in 4 × the request timeout)', async () => {
      server.failNext({ method: 'GET', path: ENDPOINTS['list comments'].path, ...FAULTS.silence(), times: 4 });
      const started = Date.now();
      const result = await action();
      expect(Date.now() - started).toBeLessThan(5000);
      expectEverythingWritten(result);
      expect(result.errors[0]).toMatch(/Could not read the comments of pull request #3: no response within 0\.3 s/);
      expect(result.exitCode).toBe(1);
    });

    it('an invalid comment-key: a warning at the start, results, summary and outputs written, then the error, the step fails last', async () => {
      const result = await run({
        getInput: stepInputs({ mode: 'run', baseline: 'paper', 'github-token': 'tok', 'comment-key': 'has space' }),
        env: harness.env(),
        artifactStore: async () => store,
        benchmark,
        timing: { api: FAST_API, upload: FAST_UPLOAD },
      }).then(async () => ({
        outputs: parseOutputs(await readFile(join(dir, 'output.txt'), 'utf8')),
        summary: await readFile(harness.summary, 'utf8'),
      }));
      expect(Object.keys(result.outputs).sort()).toEqual([...OUTPUTS].sort());
      expect(result.summary).toContain('**Table 1: CPU-bound**');
      expect(store.uploads).toHaveLength(1);
      expect(out.lines('warning')[0]).toMatch(/Invalid comment-key: "has space".*the step fails at the end/);
      expect(out.lines('error')[0]).toMatch(/The pull request comment was not written: Invalid comment-key: "has space"/);
      expect(server.writes()).toHaveLength(0);
      expect(process.exitCode).toBe(1);
    });

    it('a rate-limit 403 is told apart from a permission 403: no fork advice', async () => {
      server.failNext({ method: 'POST', path: ENDPOINTS['create comment'].path, ...FAULTS.primaryRateLimit(3600) });

      const result = await action();

      expectEverythingWritten(result);
      expect(result.errors[0]).toMatch(/Could not comment on pull request #3: the token's GitHub API rate limit is used up until/);
      expect(result.errors.join('\n')).not.toMatch(/fork|workflow_run/);
      expect(result.warnings).toEqual([]);
      expect(result.exitCode).toBe(1);
    });

    it("a permission 403 (a fork PR's read-only token) is a warning with the fork advice, rc 0", async () => {
      const result = await action({ token: 'fork-token' });
      expectEverythingWritten(result);
      expect(result.warnings.join('\n')).toMatch(/Resource not accessible by integration.*workflow_run/);
      expect(result.errors).toEqual([]);
      expect(result.exitCode).toBe(0);
    });
  });

  describe('the sticky comment', () => {
    it('deleted after it was listed (404 on update): a new one is written', async () => {
      const deleted = earlierComment();
      server.beforeNext('PATCH', ENDPOINTS['update comment'].path, () => server.comments.splice(server.comments.indexOf(deleted), 1));

      const result = await action();

      expectClean(result);
      expect(marked()[0]!.id).not.toBe(deleted.id);
      expect(server.writes().map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 404', 'POST 201']);
    });

    it('a written comment whose duplicate check fails is still a success: a warning, rc 0', async () => {
      const list = ENDPOINTS['list comments'];
      // Once the comment is created, listing fails on every attempt.
      server.beforeNext('POST', list.path, () => server.failNext({ method: 'GET', path: list.path, ...FAULTS.serverError(), times: 4 }));

      const result = await action();

      expectClean(result);
      expect(result.warnings).toEqual([expect.stringMatching(/Commented on #3, but could not check it for duplicates: HTTP 500/)]);
    });

    it('two marked comments left by racing runs: the newest is updated, the other deleted', async () => {
      const older = earlierComment();
      const newer = earlierComment();

      const result = await action();

      expectClean(result);
      expect(marked().map((comment) => comment.id)).toEqual([newer.id]);
      expect(server.writes().map((r) => `${r.method} ${r.path.split('/').pop()} ${r.status}`)).toEqual([`PATCH ${newer.id} 200`, `DELETE ${older.id} 204`]);
    });
  });

  describe('GitHub Enterprise Server (no artifact service for @actions/artifact 2+)', () => {
    it('run mode warns before the benchmark starts, skips the upload, publishes the rest, rc 0', async () => {
      let warnedBeforeBenchmark = false;
      const result = await action({
        serverUrl: 'https://ghes.example.com',
        deps: {
          benchmark: async (config) => {
            warnedBeforeBenchmark = out.lines('warning').some((line) => /will not be uploaded: GitHub Enterprise Server/.test(line));
            return benchmark(config);
          },
        },
      });
      expect(warnedBeforeBenchmark).toBe(true);
      expect(result.warnings[0]).toMatch(/actions\/upload-artifact@v3/);
      expect(store.uploadAttempts).toBe(0);
      expectEverythingWritten(result);
      expect(result.outputs['artifact-url']).toBe('');
      expect(marked()).toHaveLength(1);
      expect(result.exitCode).toBe(0);
    });

    it('aggregate mode, which needs the shard artifacts, stops at once with the reason', async () => {
      await run({
        getInput: stepInputs({ mode: 'aggregate', 'github-token': 'tok' }),
        env: { GITHUB_REPOSITORY: 'octo/bench', GITHUB_API_URL: server.url, GITHUB_SERVER_URL: 'https://ghes.example.com', GITHUB_WORKSPACE: dir },
        artifactStore: async () => store,
        benchmark,
      });
      expect(out.lines('error')).toEqual([
        expect.stringMatching(/mode aggregate downloads the shard artifacts, and GitHub Enterprise Server has no artifact service .*ghes\.example\.com/),
      ]);
      expect(store.lists).toHaveLength(0);
      expect(process.exitCode).toBe(1);
    });
  });
});

/** GITHUB_OUTPUT's `name<<delimiter` blocks; a name set twice keeps its last value, as the runner does. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const block = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm;
  for (const match of text.matchAll(block)) outputs[match[1]!] = match[3]!;
  return outputs;
}
