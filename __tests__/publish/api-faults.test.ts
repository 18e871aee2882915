import { describe, expect, it } from 'vitest';
import { describeError, rateLimitOf } from '../../src/publish/api-errors.js';

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
