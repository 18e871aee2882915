import type { ApiTiming } from '../../src/publish/octokit.js';
import type { RetryPolicy } from '../../src/publish/retry.js';

/**
 * Publishing as in production, on a test's clock: the same number of retries and the same
 * rate-limit rules, with waits in milliseconds. The 30 s per-request timeout becomes 300 ms,
 * so a silent endpoint costs a test 0.3 s instead of 30 s; one second of `retry-after` lasts 10 ms.
 */
export const FAST_API: ApiTiming = {
  requestTimeoutMs: 300,
  retries: 3,
  retryBaseMs: 5,
  rateLimitSecondMs: 10,
  maxRateLimitWaitS: 120,
  writeSpacingMs: 0,
  notifySpacingMs: 0,
};

/** The upload's ten-minute attempt becomes 300 ms, its 5 s back-off 5 ms. */
export const FAST_UPLOAD: RetryPolicy = { attempts: 3, timeoutMs: 300, delayMs: 5 };
