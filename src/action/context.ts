import { readFileSync } from 'node:fs';
import { errorMessage } from '../core/error-message.js';
import type { PullRequestRef } from '../publish/comment.js';
import { runRef, type RunRef } from '../publish/run-ref.js';

export type { PullRequestRef };

/**
 * What the publish edge needs from the Actions environment, read once from `process.env` and
 * the event payload file. Tests pass their own env and reader instead of touching globals.
 */
export interface ActionsContext {
  owner: string;
  repo: string;
  eventName: string;
  runId: number | null;
  runAttempt: number | null;
  serverUrl: string;
  apiUrl: string;
  /** `owner/repo/.github/workflows/bench.yml@refs/heads/main`, when the runner sets it. */
  workflowRef: string | null;
  /** File name of the running workflow (`bench.yml`), usable as `workflow_id` in the REST API. */
  workflowFile: string | null;
  /** Branch the PR merges into; otherwise the repository's default branch. Null when unknown. */
  baseRef: string | null;
  headSha: string | null;
  /** The PR's base commit (`pull_request.base.sha`): what `baseline: base` measures in a pull_request event. */
  baseSha: string | null;
  pr: PullRequestRef | null;
  /** The triggering run, for `workflow_run` events (fork-safe report mode). */
  workflowRun: TriggeringRun | null;
}

export interface TriggeringRun {
  id: number;
  headSha: string | null;
  headBranch: string | null;
  event: string | null;
  conclusion: string | null;
}

export interface ContextSources {
  env?: NodeJS.ProcessEnv;
  readFile?: (path: string) => string;
  /** The `pr-number` recorded by the run-mode job, for `workflow_run` report mode. */
  recordedPrNumber?: number | null;
}

export class ContextError extends Error {
  override name = 'ContextError';
}

type Json = Record<string, unknown>;

const PR_EVENTS = ['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment'];

export function readActionsContext(sources: ContextSources = {}): ActionsContext {
  const env = sources.env ?? process.env;
  const payload = readPayload(env.GITHUB_EVENT_PATH, sources.readFile ?? ((path) => readFileSync(path, 'utf8')));
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const { owner, repo } = readRepository(env.GITHUB_REPOSITORY, payload);
  const workflowRef = nonEmpty(env.GITHUB_WORKFLOW_REF);
  const pullRequest = object(payload.pull_request);
  const workflowRun = readWorkflowRun(object(payload.workflow_run));
  const runPull = firstPull(payload.workflow_run);
  return {
    owner,
    repo,
    eventName,
    runId: integer(env.GITHUB_RUN_ID),
    runAttempt: integer(env.GITHUB_RUN_ATTEMPT),
    serverUrl: trimSlash(nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com'),
    apiUrl: trimSlash(nonEmpty(env.GITHUB_API_URL) ?? 'https://api.github.com'),
    workflowRef,
    workflowFile: workflowRef ? workflowFileOf(workflowRef) : null,
    baseRef:
      nonEmpty(env.GITHUB_BASE_REF) ??
      string(object(pullRequest?.base)?.ref) ??
      string(object(runPull?.base)?.ref) ??
      string(object(payload.repository)?.default_branch),
    headSha: string(object(pullRequest?.head)?.sha) ?? nonEmpty(env.GITHUB_SHA),
    baseSha: string(object(pullRequest?.base)?.sha),
    pr: readPullRequest(eventName, payload, sources.recordedPrNumber ?? null),
    workflowRun,
  };
}

/** This workflow run, for links and uploads; null outside a runner (no GITHUB_RUN_ID). */
export function thisRun(context: ActionsContext): RunRef | null {
  return runRef({ serverUrl: context.serverUrl, owner: context.owner, repo: context.repo, runId: context.runId });
}

/** `o/r/.github/workflows/bench.yml@refs/heads/main` → `bench.yml`. */
function workflowFileOf(workflowRef: string): string | null {
  const path = workflowRef.split('@')[0] ?? '';
  const file = path.split('/').pop() ?? '';
  return /\.ya?ml$/.test(file) ? file : null;
}

function readPullRequest(eventName: string, payload: Json, recorded: number | null): PullRequestRef | null {
  if (PR_EVENTS.includes(eventName)) {
    const number = positive(object(payload.pull_request)?.number ?? payload.number);
    return number === null ? null : { number, source: 'event' };
  }
  if (eventName === 'issue_comment' && object(object(payload.issue)?.pull_request)) {
    const number = positive(object(payload.issue)?.number);
    return number === null ? null : { number, source: 'event' };
  }
  if (eventName === 'workflow_run') {
    // Same-repo PRs are listed by GitHub itself; fork PRs are not, so fall back to the recorded number.
    const listed = positive(firstPull(payload.workflow_run)?.number);
    if (listed !== null) return { number: listed, source: 'workflow_run' };
  }
  const number = positive(recorded);
  return number === null ? null : { number, source: 'recorded' };
}

function readWorkflowRun(run: Json | null): TriggeringRun | null {
  const id = positive(run?.id);
  if (!run || id === null) return null;
  return {
    id,
    headSha: string(run.head_sha),
    headBranch: string(run.head_branch),
    event: string(run.event),
    conclusion: string(run.conclusion),
  };
}

function readPayload(path: string | undefined, readFile: (path: string) => string): Json {
  if (!path) return {};
  let text: string;
  try {
    text = readFile(path);
  } catch {
    // The runner always writes it; locally (CLI) a stale GITHUB_EVENT_PATH should not break anything.
    return {};
  }
  try {
    return object(JSON.parse(text)) ?? {};
  } catch (error) {
    throw new ContextError(`GITHUB_EVENT_PATH ${path} is not JSON: ${errorMessage(error)}`);
  }
}

function readRepository(slug: string | undefined, payload: Json): { owner: string; repo: string } {
  const [owner, repo, extra] = (slug ?? '').split('/');
  if (owner && repo && extra === undefined) return { owner, repo };
  const repository = object(payload.repository);
  const payloadOwner = string(object(repository?.owner)?.login);
  const payloadRepo = string(repository?.name);
  if (payloadOwner && payloadRepo) return { owner: payloadOwner, repo: payloadRepo };
  throw new ContextError(`GITHUB_REPOSITORY must look like "owner/repo" (got ${JSON.stringify(slug ?? '')}).`);
}

function firstPull(run: unknown): Json | null {
  const pulls = object(run)?.pull_requests;
  return Array.isArray(pulls) ? object(pulls[0]) : null;
}

const object = (value: unknown): Json | null => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null);
const string = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const nonEmpty = (value: string | undefined): string | null => (value && value.trim() !== '' ? value.trim() : null);
const trimSlash = (url: string): string => url.replace(/\/+$/, '');

function integer(value: string | undefined): number | null {
  return value && /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}

function positive(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : null;
}
