import { describe, expect, it } from 'vitest';
import { describeError, rateLimitOf } from '../../src/publish/api-errors.js';
import { artifactServiceAvailable } from '../../src/publish/artifacts.js';
import { withRetries } from '../../src/publish/retry.js';
import { captureStdout } from './capture.js';

/** What Octokit's RequestError carries that we read. */
const requestError = (status: number, message: string, headers: Record<string, string> = {}) =>
  Object.assign(new Error(message), { status, response: { headers } });

describe('rateLimitOf tells a rate limit from a missing permission', () => {
  it('the hourly quota: remaining 0, with its reset', () => {
    const limit = rateLimitOf(requestError(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1767225600' }));
    expect(limit).toEqual({ kind: 'primary', resetAt: new Date('2026-01-01T00:00:00Z'), retryAfterS: null });
  });

  it('a secondary rate limit, by its message, on 403 or 429; any 429', () => {
    const message = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
    expect(rateLimitOf(requestError(403, message, { 'retry-after': '60' }))).toEqual({ kind: 'secondary', resetAt: null, retryAfterS: 60 });
    expect(rateLimitOf(requestError(429, 'Too Many Requests'))).toMatchObject({ kind: 'secondary', retryAfterS: null });
  });

  it('not a rate limit: a permission 403 (with quota left), a 404, a 500', () => {
    expect(rateLimitOf(requestError(403, 'Resource not accessible by integration', { 'x-ratelimit-remaining': '4999' }))).toBeNull();
    expect(rateLimitOf(requestError(404, 'Not Found', { 'x-ratelimit-remaining': '0' }))).toBeNull();
    expect(rateLimitOf(requestError(500, 'secondary rate limit'))).toBeNull();
  });
});

describe('describeError', () => {
  it('reduces an HTML error page to its title, and keeps one line', () => {
    const page = '<!DOCTYPE html>\n<html><head><title>Unicorn! · GitHub</title></head><body>' + 'x'.repeat(5000) + '</body></html>';
    expect(describeError(requestError(502, page))).toBe('HTTP 502: an HTML error page ("Unicorn! · GitHub")');
    expect(describeError(new Error(`a\n  b ${'y'.repeat(400)}`))).toMatch(/^a b y+…$/);
    expect(describeError(new Error(`a ${'y'.repeat(400)}`))).toHaveLength(300);
  });
});

describe('artifactServiceAvailable', () => {
  it.each([
    ['https://github.com', true],
    ['https://GitHub.com/', true],
    ['https://octo.ghe.com', true],
    ['http://api.localhost', true],
    ['https://ghes.example.com', false],
    ['https://github.example.com', false],
    ['not a url', false],
  ])('%s → %s', (url, available) => expect(artifactServiceAvailable(url)).toBe(available));
});

describe('withRetries', () => {
  const fast = { attempts: 3, timeoutMs: 50, delayMs: 1 };

  it('an attempt that never answers times out and the next one runs', async () => {
    const out = captureStdout();
    try {
      let calls = 0;
      const result = await withRetries('Uploading', () => (++calls === 1 ? new Promise<string>(() => {}) : Promise.resolve('done')), fast);
      expect([result, calls]).toEqual(['done', 2]);
      expect(out.text()).toMatch(/Uploading failed \(attempt 1 of 3: Uploading did not finish within 50 ms\); retrying in 1 ms\./);
    } finally {
      out.restore();
    }
  });

  it('gives up after the last attempt, naming the count and the last error', async () => {
    const out = captureStdout();
    try {
      let calls = 0;
      const failing = () => Promise.reject(new Error(`boom ${++calls}`));
      await expect(withRetries('Uploading', failing, fast)).rejects.toThrow('Uploading failed 3 times; last: boom 3');
    } finally {
      out.restore();
    }
  });

  it('a permanent error is thrown at once', async () => {
    let calls = 0;
    const unsupported = Object.assign(new Error('GitHub Enterprise Server is not supported'), { name: 'GHESNotSupportedError' });
    const work = () => ((calls += 1), Promise.reject(unsupported));
    await expect(withRetries('Uploading', work, fast, (error) => (error as Error).name === 'GHESNotSupportedError')).rejects.toBe(unsupported);
    expect(calls).toBe(1);
  });
});
