import * as core from '@actions/core';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../core/error-message.js';

/**
 * Retries with a deadline per attempt, for work that is not an Octokit request (those retry in
 * octokit.ts): the artifact upload, whose client retries single HTTP calls but can still fail
 * part-way, or wait forever on a connection that went silent.
 */
export interface RetryPolicy {
  attempts: number;
  /** One attempt; beyond it the attempt counts as failed and the next one starts. */
  timeoutMs: number;
  /** Wait before attempt n + 1: delayMs × n². */
  delayMs: number;
}

class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * Runs `work` up to `policy.attempts` times; `permanent` errors (bad input, an unsupported
 * platform) are thrown at once. The last error is thrown with the attempts counted.
 */
export async function withRetries<T>(
  what: string,
  work: () => Promise<T>,
  policy: RetryPolicy,
  permanent: (error: unknown) => boolean = () => false,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTimeout(work(), policy.timeoutMs, `${what} did not finish within ${seconds(policy.timeoutMs)}`);
    } catch (error) {
      const message = errorMessage(error);
      if (permanent(error)) throw error;
      if (attempt >= policy.attempts) {
        throw new Error(`${what} failed ${policy.attempts === 1 ? 'once' : `${policy.attempts} times`}; last: ${message}`, { cause: error });
      }
      const delay = policy.delayMs * attempt ** 2;
      core.info(`${what} failed (attempt ${attempt} of ${policy.attempts}: ${message}); retrying in ${seconds(delay)}.`);
      await sleep(delay);
    }
  }
}

/**
 * Settles with `promise`, or rejects after `ms`. The work itself cannot be cancelled (the
 * artifact client takes no signal): a timed-out attempt is abandoned, not stopped.
 */
async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    // Not unref'd: a hung attempt may hold no handle of its own, and the deadline must still come.
    timer = setTimeout(() => reject(new TimeoutError(message)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
