import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../core/error-message.js';

/** The REST + GraphQL client the publish edge talks through (Octokit with rest + paginate plugins). */
export type Octokit = ReturnType<typeof getOctokit>;

/** Makes a client for a token; injected so tests and GHES both choose where requests go. */
export type OctokitFactory = (token: string) => Octokit;

type OctokitPlugin = NonNullable<Parameters<typeof getOctokit>[2]>;

/** How patient the client is. Production values below; tests shrink every one of them. */
export interface ApiTiming {
  /** One attempt of one request: a silent API cannot hold the step beyond this. */
  requestTimeoutMs: number;
  /** Retries of a 5xx, a reset connection or a timeout (after 1, 4, 9 × retryBaseMs). */
  retries: number;
  retryBaseMs: number;
  /** What one second of `retry-after` or of a rate-limit reset lasts (1000; tests shrink it). */
  rateLimitSecondMs: number;
  /** The longest rate-limit wait accepted, in GitHub's seconds; beyond it the request fails. */
  maxRateLimitWaitS: number;
  /** Spacing of mutating requests, and of those that notify (GitHub asks for ≥ 1 s; the plugin uses 1 s and 3 s). */
  writeSpacingMs: number;
  notifySpacingMs: number;
}

/**
 * Worst case for a silent API: (1 + retries) × 30 s + 14 s ≈ 2¼ min per request, instead of
 * hanging until the job's 6-hour timeout. Rate limits wait what GitHub asks, up to 2 minutes:
 * at the end of a 90-minute run that is worth it; an hour until the quota resets is not.
 */
const API_TIMING: ApiTiming = {
  requestTimeoutMs: 30_000,
  retries: 3,
  retryBaseMs: 1000,
  rateLimitSecondMs: 1000,
  maxRateLimitWaitS: 120,
  writeSpacingMs: 1000,
  notifySpacingMs: 3000,
};

const RATE_LIMIT_RETRIES = 2;

/**
 * A factory bound to one API URL (`GITHUB_API_URL` on a runner, a local server in tests).
 * The base URL is required on purpose: nothing here silently falls back to api.github.com.
 *
 * Every client retries what is worth retrying: 5xx, reset connections and timeouts by
 * @octokit/plugin-retry; 403/429 rate limits by @octokit/plugin-throttling, which waits
 * `retry-after` or until `x-ratelimit-reset`; a plain 429 (neither of the two GitHub signals the
 * throttling plugin reads) by tooManyRequests, with the same bound. The retry plugin leaves 429
 * alone so no two of them retry one response. Write spacing is per factory, not the throttling plugin's
 * process-wide default, so one client's writes never wait for another's.
 */
export function octokitFactory(apiUrl: string, timing: Partial<ApiTiming> = {}): OctokitFactory {
  if (!apiUrl) throw new Error('octokitFactory needs an API URL (GITHUB_API_URL).');
  const t = { ...API_TIMING, ...timing };
  const write = new Bottleneck.Group({ maxConcurrent: 1, minTime: t.writeSpacingMs });
  const notifications = new Bottleneck.Group({ maxConcurrent: 1, minTime: t.notifySpacingMs });
  const onLimit =
    (what: string) =>
    (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const wait = retryAfter <= t.maxRateLimitWaitS && retryCount < RATE_LIMIT_RETRIES;
      core.info(`${options.method} ${options.url}: ${what}; ${wait ? `retrying in ${retryAfter} s` : 'not waiting that long'}.`);
      return wait;
    };
  return (token) =>
    getOctokit(
      token,
      {
        baseUrl: apiUrl.replace(/\/+$/, ''),
        retry: { retries: t.retries, retryAfterBaseValue: t.retryBaseMs, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
        throttle: {
          retryAfterBaseValue: t.rateLimitSecondMs,
          write,
          notifications,
          onRateLimit: onLimit('the API rate limit is used up'),
          onSecondaryRateLimit: onLimit('secondary rate limit'),
        },
      },
      // Order matters: the first plugin's hook is innermost, so every retry gets a fresh timeout
      // and is checked (checkBeforeRetry) before it is sent.
      attemptTimeout(t.requestTimeoutMs),
      checkBeforeRetry,
      retry,
      tooManyRequests(t),
      throttling,
    );
}

/**
 * Each attempt of each request gets its own deadline through the request signal; a timeout
 * surfaces as a 500-like RequestError (Octokit's wrapping of a failed fetch), which the retry
 * plugin retries, with a message that says what happened. The hooks inside this one are bound
 * to the options object they were given, so the signal is set on that object, per attempt
 * (nothing in async-bench passes a signal of its own).
 */
function attemptTimeout(ms: number): OctokitPlugin {
  return (octokit) => {
    octokit.hook.wrap('request', async (request, options) => {
      const deadline = AbortSignal.timeout(ms);
      options.request = { ...options.request, signal: deadline };
      try {
        return await request(options);
      } catch (error) {
        if (deadline.aborted && error instanceof Error) error.message = `no response within ${ms / 1000} s`;
        throw error;
      }
    });
    return {};
  };
}

/**
 * Asked before a request is sent again (`request: { landedCheck }` on a call): the data of what
 * the earlier attempt made, when it did make it, or null to send the request again.
 */
export type LandedCheck = () => Promise<unknown>;

/** The check failed, so it is unknown whether the write landed: not retried (plugin-retry reads `request.request.retries`). */
class LandedUnknownError extends Error {
  override name = 'LandedUnknownError';
  readonly request = { request: { retries: 0 } };
}

/**
 * A write whose answer was lost (reset, timeout) may have been done: GitHub got it, the answer
 * never came. Retried blindly, a create makes a second comment. So a request that carries a
 * `landedCheck` runs it before each retry, and a found result is taken as the answer.
 */
const checkBeforeRetry: OctokitPlugin = (octokit) => {
  octokit.hook.wrap('request', async (request, options) => {
    const landedCheck = options.request?.landedCheck as LandedCheck | undefined;
    if (landedCheck && Number(options.request?.retryCount ?? 0) > 0) {
      let landed: unknown;
      try {
        landed = await landedCheck();
      } catch (error) {
        const detail = errorMessage(error);
        throw new LandedUnknownError(`an attempt failed and may have been written anyway, and checking for it failed: ${detail}`, { cause: error });
      }
      if (landed !== null) {
        core.info(`${options.method} ${options.url}: the earlier attempt was written though its answer was lost; not sending it again.`);
        return { status: 200, url: options.url, headers: {}, data: landed };
      }
    }
    return request(options);
  });
  return {};
};

interface FailedRequest {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | number | undefined> };
}

/**
 * A 429 that plugin-throttling passes by: no "secondary rate limit" in its message and quota left.
 * It waits `retry-after` (60 s without one, as GitHub advises) as the throttling plugin would:
 * at most RATE_LIMIT_RETRIES times, and never longer than maxRateLimitWaitS.
 */
function tooManyRequests(t: ApiTiming): OctokitPlugin {
  const plain429 = (error: FailedRequest): boolean =>
    error.status === 429 && !/\bsecondary rate\b/i.test(String(error.message)) && String(error.response?.headers?.['x-ratelimit-remaining']) !== '0';
  return (octokit) => {
    octokit.hook.wrap('request', async (request, options) => {
      for (let retries = 0; ; retries++) {
        try {
          return await request(options);
        } catch (error) {
          const failed = (error ?? {}) as FailedRequest;
          if (!plain429(failed)) throw error;
          const retryAfter = Number(failed.response?.headers?.['retry-after'] ?? 60);
          const wait = Number.isFinite(retryAfter) && retryAfter <= t.maxRateLimitWaitS && retries < RATE_LIMIT_RETRIES;
          core.info(`${options.method} ${options.url}: too many requests (HTTP 429); ${wait ? `retrying in ${retryAfter} s` : 'not waiting that long'}.`);
          if (!wait) throw error;
          await sleep(Math.max(retryAfter, 0) * t.rateLimitSecondMs);
        }
      }
    });
    return {};
  };
}
