import { getOctokit } from '@actions/github';

/** The REST + GraphQL client the publish edge talks through (Octokit with rest + paginate plugins). */
export type Octokit = ReturnType<typeof getOctokit>;

/** Makes a client for a token; injected so tests and GHES both choose where requests go. */
export type OctokitFactory = (token: string) => Octokit;

/**
 * A factory bound to one API URL (`GITHUB_API_URL` on a runner, a local server in tests).
 * The base URL is required on purpose: nothing here silently falls back to api.github.com.
 */
export function octokitFactory(apiUrl: string): OctokitFactory {
  if (!apiUrl) throw new Error('octokitFactory needs an API URL (GITHUB_API_URL).');
  return (token) => getOctokit(token, { baseUrl: apiUrl.replace(/\/+$/, '') });
}

/** HTTP status of an Octokit RequestError (or anything shaped like one), else null. */
export function httpStatus(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : null;
}

/** A one-line description of a failed request for log messages. */
export function describeError(error: unknown): string {
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message : String(error);
  return status === null ? message : `HTTP ${status}: ${message}`;
}
