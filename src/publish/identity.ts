import * as core from '@actions/core';
import { describeError } from './api-errors.js';
import type { Octokit } from './octokit.js';

/**
 * Who the token writes comments as, so we only ever edit our own.
 *
 * Order, most to least specific:
 * 1. a configured login (`comment-author`) — for tokens that cannot name themselves;
 * 2. REST `GET /user` — works for personal access tokens;
 * 3. GraphQL `viewer { login }` — works for installation tokens too, including GITHUB_TOKEN,
 *    for which REST `/user` answers 403 ("Resource not accessible by integration");
 * 4. `github-actions[bot]`, the author of every GITHUB_TOKEN comment.
 */
export interface Identity {
  login: string;
  source: 'configured' | 'rest-user' | 'graphql-viewer' | 'default';
}

export const DEFAULT_LOGIN = 'github-actions[bot]';

export async function resolveIdentity(octokit: Octokit, configured?: string | null): Promise<Identity> {
  if (configured && configured.trim() !== '') return { login: configured.trim(), source: 'configured' };
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    if (data.login) return { login: data.login, source: 'rest-user' };
  } catch (error) {
    core.debug(`GET /user did not name the token's user (${describeError(error)}); asking GraphQL.`);
  }
  try {
    const data = await octokit.graphql<{ viewer?: { login?: string } }>('query { viewer { login } }');
    if (data.viewer?.login) return { login: data.viewer.login, source: 'graphql-viewer' };
  } catch (error) {
    core.debug(`GraphQL viewer did not name the token's user (${describeError(error)}).`);
  }
  core.debug(`Assuming comments are written as ${DEFAULT_LOGIN}; set comment-author if the token is someone else.`);
  return { login: DEFAULT_LOGIN, source: 'default' };
}

/** GitHub logins are case-insensitive. */
export function sameLogin(a: string | null | undefined, b: string): boolean {
  return typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
}
