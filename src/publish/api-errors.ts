/** Reading a failed GitHub request: its status, whether it was a rate limit, one line for the log. */

interface ErrorShape {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | number | undefined> };
  request?: unknown;
}

const shape = (error: unknown): ErrorShape => (error !== null && typeof error === 'object' ? (error as ErrorShape) : {});

/**
 * HTTP status of an Octokit RequestError (or anything shaped like one), else null. Octokit
 * gives a request that got no answer (reset, timeout, refused) status 500 and no response:
 * that is no HTTP status at all, and null here.
 */
export function httpStatus(error: unknown): number | null {
  const { status, response, request } = shape(error);
  if (typeof status !== 'number') return null;
  return status === 500 && request !== undefined && response === undefined ? null : status;
}

export interface RateLimit {
  kind: 'primary' | 'secondary';
  /** When the primary limit resets (x-ratelimit-reset), else null. */
  resetAt: Date | null;
  /** Seconds GitHub asked us to wait (retry-after), else null. */
  retryAfterS: number | null;
}

/**
 * A 403/429 that is GitHub's rate limit, not a missing permission. GitHub says which in the
 * response: `x-ratelimit-remaining: 0` (the hourly quota) or a message naming a secondary rate
 * limit (too many requests too fast, with `retry-after`). A 429 is a rate limit by definition.
 */
export function rateLimitOf(error: unknown): RateLimit | null {
  const status = httpStatus(error);
  if (status !== 403 && status !== 429) return null;
  const headers = shape(error).response?.headers ?? {};
  const header = (name: string): number | null => {
    const value = Number(headers[name]);
    return headers[name] === undefined || !Number.isFinite(value) ? null : value;
  };
  const message = String(shape(error).message ?? '');
  const retryAfterS = header('retry-after');
  const reset = header('x-ratelimit-reset');
  const resetAt = reset === null ? null : new Date(reset * 1000);
  if (headers['x-ratelimit-remaining'] !== undefined && String(headers['x-ratelimit-remaining']) === '0') {
    return { kind: 'primary', resetAt, retryAfterS };
  }
  if (/secondary rate limit/i.test(message) || status === 429) return { kind: 'secondary', resetAt: null, retryAfterS };
  return null;
}

/** What a rate limit means for the reader, in one sentence. */
export function describeRateLimit(limit: RateLimit): string {
  if (limit.kind === 'primary') {
    const when = limit.resetAt ? ` until ${limit.resetAt.toISOString()}` : '';
    return `the token's GitHub API rate limit is used up${when}`;
  }
  const wait = limit.retryAfterS === null ? '' : ` (retry-after ${limit.retryAfterS} s)`;
  return `GitHub's secondary rate limit stopped the request${wait}`;
}

/**
 * A one-line description of a failed request for log messages. A proxy's HTML error page
 * (a 502 from a load balancer) is reduced to its title instead of flooding the log.
 */
export function describeError(error: unknown): string {
  const status = httpStatus(error);
  const raw = error instanceof Error ? error.message : String(shape(error).message ?? error);
  const message = /<html|<!doctype/i.test(raw) ? htmlTitle(raw) : oneLine(raw);
  if (status !== null) return `HTTP ${status}: ${message}`;
  return typeof shape(error).status === 'number' && !/^no response/.test(message) ? `no answer from GitHub (${message})` : message;
}

function htmlTitle(html: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
  return title ? `an HTML error page ("${oneLine(title)}")` : 'an HTML error page';
}

function oneLine(text: string, limit = 300): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}
