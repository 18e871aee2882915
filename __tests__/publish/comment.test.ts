import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publishComment, type CommentRequest } from '../../src/publish/comment.js';
import { commentMarker } from '../../src/publish/marker.js';
import { octokitFactory } from '../../src/publish/octokit.js';
import { writeJobSummary } from '../../src/publish/summary.js';
import { FAST_API } from '../helpers/fast-publish.js';
import { FAULTS, startGitHubServer, type GitHubServer } from '../helpers/github-server.js';
import { captureStdout } from './capture.js';

const BOT = 'github-actions[bot]';
const PR = 7;

let server: GitHubServer;
let out: ReturnType<typeof captureStdout>;

beforeEach(async () => {
  server = await startGitHubServer();
  server.addToken('gh-token', { login: BOT, kind: 'app', permission: 'write' });
  server.addToken('fork-token', { login: BOT, kind: 'app', permission: 'read' });
  server.addToken('pat', { login: 'octocat', kind: 'user', permission: 'write' });
  server.addToken('stranger', { login: BOT, kind: 'app', permission: 'none' });
  server.addPullRequest(PR, 'abc123');
  out = captureStdout();
});

afterEach(async () => {
  out.restore();
  vi.unstubAllEnvs();
  await server.close();
});

function request(overrides: Partial<CommentRequest> = {}): CommentRequest {
  return {
    policy: 'always',
    key: 'main',
    body: '## async-bench\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
    regressions: 0,
    owner: server.owner,
    repo: server.repo,
    pr: { number: PR, source: 'event' },
    token: 'gh-token',
    ...overrides,
  };
}

const deps = () => ({ octokit: octokitFactory(server.url, FAST_API) });

describe('publishComment against a local GitHub', () => {
  it('sends every request to the configured base URL', () => {
    const octokit = octokitFactory(`${server.url}/`)('gh-token');
    expect(octokit.request.endpoint.DEFAULTS.baseUrl).toBe(server.url);
  });

  it('creates one comment on the first run', async () => {
    const outcome = await publishComment(request(), deps());
    expect(outcome.action).toBe('created');
    expect(server.comments).toHaveLength(1);
    const [comment] = server.comments;
    expect(comment!.user.login).toBe(BOT);
    expect(comment!.body.startsWith(commentMarker('main'))).toBe(true);
    expect(comment!.body).toContain('| 1 | 2 |');
    expect(outcome.url).toBe(comment!.html_url);
    // Every request went to the local server, with the token.
    expect(server.requests.every((r) => r.token === 'gh-token')).toBe(true);
    expect(server.writes().map((r) => `${r.method} ${r.path}`)).toEqual([`POST /repos/octo/bench/issues/${PR}/comments`]);
  });

  it('updates the same comment when the body changes, and writes nothing when it does not', async () => {
    const first = await publishComment(request(), deps());
    const second = await publishComment(request({ body: 'changed numbers' }), deps());
    expect(second.action).toBe('updated');
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]!.body).toContain('changed numbers');
    expect(second.url).toBe(first.url);

    const writesBefore = server.writes().length;
    const third = await publishComment(request({ body: 'changed numbers' }), deps());
    expect(third).toMatchObject({ action: 'unchanged', url: first.url });
    expect(server.writes()).toHaveLength(writesBefore);
    expect(server.writes().map((r) => r.method)).toEqual(['POST', 'PATCH']);
  });

  it('keeps one comment per comment-key', async () => {
    await publishComment(request({ key: 'linux' }), deps());
    const other = await publishComment(request({ key: 'macos' }), deps());
    expect(other.action).toBe('created');
    expect(server.comments).toHaveLength(2);
    // A key that is a prefix of another is still a different key.
    const prefix = await publishComment(request({ key: 'lin' }), deps());
    expect(prefix.action).toBe('created');
    expect(server.comments).toHaveLength(3);
  });

  it('finds its comment after more than two pages of others', async () => {
    for (let i = 0; i < 250; i++) server.addComment(PR, i % 2 ? 'alice' : BOT, `comment ${i}`);
    const ours = server.addComment(PR, BOT, `${commentMarker('main')}\nold report`);
    const outcome = await publishComment(request(), deps());
    expect(outcome.action).toBe('updated');
    expect(ours.body).toContain('| 1 | 2 |');
    const listed = server.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/issues/${PR}/comments`));
    expect(listed.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(listed.every((r) => r.query.per_page === '100')).toBe(true);
  });

  it('never touches a comment with our marker by another author', async () => {
    const impostor = server.addComment(PR, 'mallory', `${commentMarker('main')}\nquoted report`);
    const outcome = await publishComment(request(), deps());
    expect(outcome.action).toBe('created');
    expect(impostor.body).toBe(`${commentMarker('main')}\nquoted report`);
    expect(server.comments).toHaveLength(2);
    expect(server.writes().map((r) => r.method)).toEqual(['POST']);
  });

  it("a marker in the report's text (a route path) cannot make another key's run take this comment over", async () => {
    const hostile = `## async-bench\n\n| route \`${commentMarker('other')}\` |\n`;
    await publishComment(request({ body: hostile }), deps());
    const other = await publishComment(request({ key: 'other', body: 'the other job' }), deps());
    expect(other.action).toBe('created');
    expect(server.comments).toHaveLength(2);
    expect(server.comments[0]!.body).toContain('| route');
  });

  it('names a personal access token by GET /user and GITHUB_TOKEN by the GraphQL viewer', async () => {
    await publishComment(request({ token: 'pat' }), deps());
    expect(server.comments[0]!.user.login).toBe('octocat');
    expect(server.requests.some((r) => r.path === '/graphql')).toBe(false);

    server.requests.length = 0;
    await publishComment(request({ token: 'gh-token' }), deps());
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`).slice(0, 2)).toEqual(['GET /user 403', 'POST /graphql 200']);
    // The PAT's comment is not the bot's: the bot creates its own.
    expect(server.comments.map((c) => c.user.login)).toEqual(['octocat', BOT]);
  });

  it('uses a configured comment author without asking who the token is', async () => {
    server.addComment(PR, 'my-app[bot]', `${commentMarker('main')}\nold`);
    const outcome = await publishComment(request({ author: 'My-App[bot]' }), deps());
    expect(outcome.action).toBe('updated');
    expect(server.requests.some((r) => r.path === '/user' || r.path === '/graphql')).toBe(false);
  });

  describe('comment policy', () => {
    it('never: makes no request at all', async () => {
      const outcome = await publishComment(request({ policy: 'never', regressions: 3 }), deps());
      expect(outcome.action).toBe('skipped');
      expect(server.requests).toHaveLength(0);
    });

    it('on-regression: does not create a comment without regressions', async () => {
      const outcome = await publishComment(request({ policy: 'on-regression', regressions: 0 }), deps());
      expect(outcome).toMatchObject({ action: 'skipped', url: null });
      expect(outcome.reason).toMatch(/no regressions/);
      expect(server.writes()).toHaveLength(0);
    });

    it('on-regression: creates one with regressions', async () => {
      const outcome = await publishComment(request({ policy: 'on-regression', regressions: 2 }), deps());
      expect(outcome.action).toBe('created');
    });

    it('on-regression: still updates an existing comment so it does not go stale', async () => {
      await publishComment(request({ policy: 'on-regression', regressions: 1, body: 'regressed' }), deps());
      const outcome = await publishComment(request({ policy: 'on-regression', regressions: 0, body: 'fixed' }), deps());
      expect(outcome.action).toBe('updated');
      expect(server.comments).toHaveLength(1);
      expect(server.comments[0]!.body).toContain('fixed');
    });
  });

  describe('faults', () => {
    it('read-only token: warns how to use report mode, writes the summary, does not fail', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'summary-'));
      const file = join(dir, 'step-summary.md');
      writeFileSync(file, '');
      vi.stubEnv('GITHUB_STEP_SUMMARY', file);

      const summary = await writeJobSummary(request().body);
      const comment = await publishComment(request({ token: 'fork-token' }), deps());

      expect(comment.action).toBe('skipped');
      expect(comment.reason).toMatch(/HTTP 403/);
      expect(summary.written).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain('| 1 | 2 |');
      const warnings = out.lines('warning');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/Resource not accessible by integration/);
      expect(warnings[0]).toMatch(/workflow_run/);
      expect(warnings[0]).toMatch(/mode: report/);
      expect(out.lines('error')).toHaveLength(0);
      expect(server.writes().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 403']);
      expect(server.comments).toHaveLength(0);
    });

    it('read-only token with an existing comment: the PATCH 403 is a warning too', async () => {
      server.addComment(PR, BOT, `${commentMarker('main')}\nold`);
      const outcome = await publishComment(request({ token: 'fork-token' }), deps());
      expect(outcome.action).toBe('skipped');
      expect(server.writes().map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 403']);
      expect(out.lines('warning')).toHaveLength(1);
    });

    it('404 on write: warning, not failure', async () => {
      server.failNext({ method: 'POST', path: /\/issues\/\d+\/comments$/, status: 404, message: 'Not Found' });
      const outcome = await publishComment(request(), deps());
      expect(outcome.action).toBe('skipped');
      expect(outcome.reason).toMatch(/HTTP 404/);
      expect(out.lines('warning')[0]).toMatch(/Not Found/);
    });

    it('404 for a repository the token cannot see: warning, not failure', async () => {
      const outcome = await publishComment(request({ token: 'stranger' }), deps());
      expect(outcome.action).toBe('skipped');
      expect(out.lines('warning')).toHaveLength(1);
    });

    it('other errors surface once the retries are spent', async () => {
      // The first answer and three retries.
      server.failNext({ method: 'POST', path: /\/issues\/\d+\/comments$/, status: 500, message: 'Server Error', times: 4 });
      await expect(publishComment(request(), deps())).rejects.toMatchObject({
        status: 500,
        message: expect.stringMatching(/Could not comment on pull request #7: HTTP 500/),
      });
      server.failNext({ method: 'GET', path: /\/issues\/\d+\/comments$/, ...FAULTS.badGatewayHtml(), times: 4 });
      await expect(publishComment(request(), deps())).rejects.toMatchObject({
        status: 502,
        message: 'Could not read the comments of pull request #7: HTTP 502: an HTML error page ("Unicorn! &middot; GitHub").',
      });
      expect(server.comments).toHaveLength(0);
    });

    it.each([
      ['a reset connection', FAULTS.reset(), /: no answer from GitHub \(.+\)\.$/],
      ['a silence', FAULTS.silence(), /: no response within 0\.3 s\.$/],
    ])('%s on every attempt is said as such, not as an HTTP 500', async (_, fault, said) => {
      server.failNext({ method: 'GET', path: /\/issues\/\d+\/comments$/, ...fault, times: 4 });
      const error = (await publishComment(request(), deps()).catch((e: unknown) => e)) as Error & { status: unknown };
      expect(error).toMatchObject({ name: 'CommentError', status: null });
      expect(error.message).toMatch(/^Could not read the comments of pull request #7: /);
      expect(error.message).toMatch(said);
      expect(error.message).not.toMatch(/HTTP 500/);
    });

    it('a one-shot 5xx is retried, not reported', async () => {
      server.failNext({ method: 'POST', path: /\/issues\/\d+\/comments$/, status: 503, message: 'Service Unavailable' });
      const outcome = await publishComment(request(), deps());
      expect(outcome.action).toBe('created');
      expect(server.writes().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 503', 'POST 201']);
      expect(server.comments).toHaveLength(1);
    });

    it('a rate-limit 403 is not a permission problem: a CommentError naming the limit, no fork advice', async () => {
      server.failNext({ method: 'POST', path: /\/issues\/\d+\/comments$/, ...FAULTS.primaryRateLimit(3600) });
      const error = await publishComment(request(), deps()).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'CommentError', status: 403 });
      expect((error as Error).message).toMatch(/^Could not comment on pull request #7: the token's GitHub API rate limit is used up until \d{4}-/);
      expect((error as Error).message).not.toMatch(/fork|workflow_run|permissions/);
      expect(out.lines('warning')).toHaveLength(0);
      // Not retried: the reset is an hour away, beyond the two minutes worth waiting.
      expect(server.writes().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 403']);
    });

    it('a secondary rate limit waits retry-after, then writes', async () => {
      server.failNext({ method: 'POST', path: /\/issues\/\d+\/comments$/, ...FAULTS.secondaryRateLimit(403, 5) });
      const outcome = await publishComment(request(), deps());
      expect(outcome.action).toBe('created');
      const [limited, retried] = server.writes();
      expect([limited!.status, retried!.status]).toEqual([403, 201]);
      // 5 s of retry-after on the test clock (10 ms a second).
      expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(50);
      expect(out.lines('warning')).toHaveLength(0);
    });

    it.each([
      ['GET', /\/issues\/\d+\/comments$/],
      ['POST', /\/issues\/\d+\/comments$/],
      ['PATCH', /\/issues\/comments\/\d+$/],
    ])('a bare 429 on %s waits retry-after, then goes on', async (method, path) => {
      if (method === 'PATCH') server.addComment(PR, BOT, `${commentMarker('main')}\nold`);
      server.failNext({ method, path, ...FAULTS.tooManyRequests(4) });
      const outcome = await publishComment(request(), deps());
      expect(outcome.action).toBe(method === 'PATCH' ? 'updated' : 'created');
      const [limited, retried] = server.requests.filter((r) => r.method === method && path.test(r.path));
      expect([limited!.status, retried!.status]).toEqual([429, method === 'POST' ? 201 : 200]);
      expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(40); // 4 s at 10 ms a second
      expect(server.comments).toHaveLength(1);
    });

    it('a 429 asking for longer than two minutes, or one after two waits, fails naming the limit', async () => {
      server.failNext({ method: 'POST', path: /\/issues\/\d+\/comments$/, ...FAULTS.tooManyRequests(600) });
      await expect(publishComment(request(), deps())).rejects.toMatchObject({ status: 429, message: expect.stringMatching(/retry-after 600 s/) });
      server.failNext({ method: 'POST', path: /\/issues\/\d+\/comments$/, ...FAULTS.tooManyRequests(1), times: 3 });
      await expect(publishComment(request(), deps())).rejects.toMatchObject({ status: 429 });
      expect(server.writes().map((r) => r.status)).toEqual([429, 429, 429, 429]);
      expect(server.comments).toHaveLength(0);
    });

    it.each([
      ['reset after it landed', FAULTS.reset('after')],
      ['silence after it landed', FAULTS.silence('after')],
      ['answered after the timeout', FAULTS.late(500)],
    ])('a create whose answer is lost (%s) on every attempt: listed before each retry, one comment, no error', async (_, fault) => {
      server.failNext({ method: 'POST', path: /\/issues\/\d+\/comments$/, ...fault, times: 4 });
      const outcome = await publishComment(request(), deps());
      expect(outcome.action).toBe('created');
      expect(server.comments).toHaveLength(1);
      expect(outcome.url).toBe(server.comments[0]!.html_url);
      const calls = server.requests.filter((r) => r.path.endsWith(`/issues/${PR}/comments`)).map((r) => r.method);
      expect(calls).toEqual(['GET', 'POST', 'GET', 'GET']); // list, create (lost), list: found, the duplicate check
    });

    it('a lost create whose check cannot list: not sent again, an error saying it may be written', async () => {
      const list = /\/issues\/\d+\/comments$/;
      server.failNext({ method: 'POST', path: list, ...FAULTS.reset('after') });
      server.beforeNext('POST', list, () => server.failNext({ method: 'GET', path: list, ...FAULTS.serverError(), times: 4 }));
      await expect(publishComment(request(), deps())).rejects.toMatchObject({
        name: 'CommentError',
        message: expect.stringMatching(/^Could not comment on pull request #7: .*may have been written anyway, and checking for it failed: .*Server Error/),
      });
      expect(server.writes().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 0']);
    });

    it('a create that failed before landing is sent again after a list finds nothing', async () => {
      server.failNext({ method: 'POST', path: /\/issues\/\d+\/comments$/, ...FAULTS.reset('before'), times: 2 });
      const outcome = await publishComment(request(), deps());
      expect(outcome.action).toBe('created');
      expect(server.comments).toHaveLength(1);
      const calls = server.requests.filter((r) => r.path.endsWith(`/issues/${PR}/comments`)).map((r) => `${r.method} ${r.status}`);
      expect(calls).toEqual(['GET 200', 'POST 0', 'GET 200', 'POST 0', 'GET 200', 'POST 201', 'GET 200']);
    });

    it('a 404 on updating a comment that is still there: listed again and updated, no second comment', async () => {
      const ours = server.addComment(PR, BOT, `${commentMarker('main')}\nold`);
      server.failNext({ method: 'PATCH', path: /\/issues\/comments\/\d+$/, status: 404, message: 'Not Found' });
      const outcome = await publishComment(request(), deps());
      expect(outcome).toMatchObject({ action: 'updated', url: ours.html_url });
      expect(server.comments).toHaveLength(1);
      expect(ours.body).toContain('| 1 | 2 |');
      expect(server.writes().map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 404', 'PATCH 200']);
    });

    it('bad credentials surface', async () => {
      await expect(publishComment(request({ token: 'revoked' }), deps())).rejects.toMatchObject({ status: 401 });
    });

    it('missing token: skipped with a notice and no request', async () => {
      for (const token of ['', null, undefined]) {
        const outcome = await publishComment(request({ token }), deps());
        expect(outcome).toMatchObject({ action: 'skipped', url: null, reason: 'no token' });
      }
      expect(out.lines('notice')).toHaveLength(3);
      expect(out.lines('warning')).toHaveLength(0);
      expect(server.requests).toHaveLength(0);
    });

    it('no pull request: skipped with a notice and no request', async () => {
      const outcome = await publishComment(request({ pr: null }), deps());
      expect(outcome).toMatchObject({ action: 'skipped', reason: 'no pull request' });
      expect(out.lines('notice')[0]).toMatch(/not running for a pull request/i);
      expect(server.requests).toHaveLength(0);
    });

    it('an invalid comment-key is a configuration error', async () => {
      await expect(publishComment(request({ key: 'has space' }), deps())).rejects.toThrow(/comment-key/);
      await expect(publishComment(request({ key: 'x-->' }), deps())).rejects.toThrow(/comment-key/);
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('workflow_run report mode with a recorded PR number', () => {
    it('comments when the PR head is the benchmarked commit', async () => {
      const outcome = await publishComment(request({ pr: { number: PR, source: 'recorded' }, expectedHeadSha: 'abc123' }), deps());
      expect(outcome.action).toBe('created');
    });

    it('refuses a recorded number that points at another PR', async () => {
      const outcome = await publishComment(request({ pr: { number: PR, source: 'recorded' }, expectedHeadSha: 'fork-sha' }), deps());
      expect(outcome.action).toBe('skipped');
      expect(out.lines('warning')[0]).toMatch(/abc123/);
      expect(server.writes()).toHaveLength(0);
    });
  });
});
