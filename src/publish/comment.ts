import * as core from '@actions/core';
import { resolveIdentity } from './identity.js';
import { commentMarker, markedBody, sameBody } from './marker.js';
import { describeError, describeRateLimit, httpStatus, rateLimitOf } from './api-errors.js';
import type { Octokit, OctokitFactory } from './octokit.js';
import { createComment, deleteComment, findStickyComments, pullRequestHead, updateComment, type IssueRef, type StoredComment } from './sticky.js';

/** The pull request a comment goes to. */
export interface PullRequestRef {
  number: number;
  /**
   * Where the number came from. `recorded` (written into the artifact by the run-mode job) is
   * untrusted for fork PRs: verify it against `workflowRun.headSha` before writing to the PR.
   */
  source: 'event' | 'workflow_run' | 'recorded';
}

export const COMMENT_POLICIES = ['always', 'on-regression', 'never'] as const;
export type CommentPolicy = (typeof COMMENT_POLICIES)[number];

export interface CommentRequest {
  policy: CommentPolicy;
  /** Tells this job's sticky comment apart from other async-bench comments on the PR. */
  key: string;
  /** The report markdown, without the marker. */
  body: string;
  regressions: number;
  owner: string;
  repo: string;
  pr: PullRequestRef | null;
  token: string | null | undefined;
  /** Login the token comments as, when it cannot tell (see identity.ts). */
  author?: string | null;
  /** Head SHA of the triggering run; a `recorded` PR number must point at a PR with this head. */
  expectedHeadSha?: string | null;
}

export interface CommentOutcome {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  url: string | null;
  reason: string;
}

export interface CommentDeps {
  octokit: OctokitFactory;
}

/** The comment could not be written for a reason that is not the token's permissions. */
export class CommentError extends Error {
  override name = 'CommentError';
  /** The HTTP status GitHub answered with, null when none came (reset, timeout). */
  readonly status: number | null;
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.status = httpStatus(cause);
  }
}

/**
 * Creates or updates this job's sticky PR comment. A comment is a courtesy, not the result:
 * no token, no PR or a token that may not write ends in `skipped` with a notice or warning,
 * never a failure. Faults the client could not retry away (5xx, resets and timeouts after the
 * retries in octokit.ts, a rate limit too long to wait for, bad credentials) are thrown as a
 * CommentError saying what failed.
 */
export async function publishComment(request: CommentRequest, deps: CommentDeps): Promise<CommentOutcome> {
  if (request.policy === 'never') return skipped('comment is "never"');
  commentMarker(request.key); // a bad key is a configuration error: throw before any request
  if (!request.token) {
    core.notice('No GitHub token: the PR comment is skipped. The report is in the job summary.');
    return skipped('no token');
  }
  if (!request.pr) {
    core.notice('Not running for a pull request: the PR comment is skipped. The report is in the job summary.');
    return skipped('no pull request');
  }
  const octokit = deps.octokit(request.token);
  const issue: IssueRef = { owner: request.owner, repo: request.repo, number: request.pr.number };
  let step = 'read the comments of';
  try {
    if (request.pr.source === 'recorded' && request.expectedHeadSha) {
      step = 'look up';
      const head = await pullRequestHead(octokit, issue);
      if (head !== request.expectedHeadSha) {
        core.warning(
          `The recorded pr-number #${issue.number} has head ${head}, not the benchmarked commit ` +
            `${request.expectedHeadSha}; not commenting on a pull request the results do not belong to.`,
        );
        return skipped(`pr-number #${issue.number} does not match the benchmarked commit`);
      }
      step = 'read the comments of';
    }
    const { login } = await resolveIdentity(octokit, request.author);
    const list = () => findStickyComments(octokit, issue, request.key, login);
    const ours = await list();
    const body = markedBody(request.key, request.body);
    const newest = ours.at(-1);
    if (newest) {
      step = 'update the comment on';
      const outcome = await refresh(octokit, issue, newest, body, list);
      await removeExtras(octokit, issue, ours.slice(0, -1));
      return outcome;
    }
    if (request.policy === 'on-regression' && request.regressions <= 0) {
      return skipped('no regressions and no earlier comment (comment: on-regression)');
    }
    step = 'comment on';
    const created = await createOnce(octokit, issue, body, list);
    core.info(`Commented on #${issue.number}: ${created.url}`);
    const kept = await keepNewest(octokit, issue, request.key, login, created);
    return { action: 'created', url: kept.url, reason: 'no earlier comment with this comment-key' };
  } catch (error) {
    const limit = rateLimitOf(error);
    if (limit) {
      throw new CommentError(`Could not ${step} pull request #${issue.number}: ${describeRateLimit(limit)} (${describeError(error)}).`, error);
    }
    const status = httpStatus(error);
    if (status === 403 || status === 404) {
      core.warning(forbiddenMessage(step, issue.number, describeError(error)));
      return skipped(`GitHub refused to ${step} #${issue.number} (HTTP ${status})`);
    }
    throw new CommentError(`Could not ${step} pull request #${issue.number}: ${describeError(error)}.`, error);
  }
}

/**
 * Brings our newest comment up to date. A 404 means deleted since we listed it, or a 404 that
 * was not: list again, update what is there, and create only when nothing is.
 */
async function refresh(octokit: Octokit, issue: IssueRef, newest: StoredComment, body: string, list: ListOurs): Promise<CommentOutcome> {
  if (sameBody(newest.body, body)) return { action: 'unchanged', url: newest.url, reason: 'body unchanged' };
  try {
    const updated = await updateComment(octokit, issue, newest.id, body);
    core.info(`Updated the benchmark comment: ${updated.url}`);
    return { action: 'updated', url: updated.url, reason: `updated comment ${newest.id}` };
  } catch (error) {
    if (httpStatus(error) !== 404) throw error;
  }
  const current = (await list()).at(-1);
  if (current) {
    const updated = await updateComment(octokit, issue, current.id, body);
    core.info(`Updating comment ${newest.id} answered 404; it is still listed, so it was updated again: ${updated.url}`);
    return { action: 'updated', url: updated.url, reason: `updated comment ${current.id} after a 404` };
  }
  const created = await createOnce(octokit, issue, body, list);
  core.info(`The benchmark comment ${newest.id} was deleted meanwhile; commented anew: ${created.url}`);
  return { action: 'created', url: created.url, reason: `comment ${newest.id} was deleted; created a new one` };
}

type ListOurs = () => Promise<StoredComment[]>;

/** Called only when none of ours is listed: any found before a retry is what the lost attempt made. */
function createOnce(octokit: Octokit, issue: IssueRef, body: string, list: ListOurs): Promise<StoredComment> {
  return createComment(octokit, issue, body, async () => (await list()).at(-1) ?? null);
}

/**
 * A run racing this one may have created its own comment meanwhile (a create whose answer was
 * lost is not retried blindly: see createOnce). Every run keeps the newest, so racing runs
 * agree on which. Best effort:
 * the comment is written, and a failed check must not turn that into a failure.
 */
async function keepNewest(octokit: Octokit, issue: IssueRef, key: string, login: string, created: StoredComment): Promise<StoredComment> {
  try {
    const ours = await findStickyComments(octokit, issue, key, login);
    const kept = ours.at(-1) ?? created;
    await removeExtras(
      octokit,
      issue,
      ours.filter((comment) => comment.id !== kept.id),
    );
    return kept;
  } catch (error) {
    core.warning(`Commented on #${issue.number}, but could not check it for duplicates: ${describeError(error)}`);
    return created;
  }
}

/** Deletes duplicate comments; best effort, since the report itself is already written. */
async function removeExtras(octokit: Octokit, issue: IssueRef, extras: StoredComment[]): Promise<void> {
  for (const extra of extras) {
    try {
      await deleteComment(octokit, issue, extra.id);
      core.info(`Deleted a duplicate benchmark comment: ${extra.url}`);
    } catch (error) {
      if (httpStatus(error) === 404) continue; // a racing run deleted it first
      core.warning(`Could not delete the duplicate benchmark comment ${extra.url}: ${describeError(error)}`);
    }
  }
}

function skipped(reason: string): CommentOutcome {
  core.debug(`PR comment skipped: ${reason}`);
  return { action: 'skipped', url: null, reason };
}

function forbiddenMessage(step: string, number: number, detail: string): string {
  return (
    `Could not ${step} pull request #${number} (${detail}). The token may not write to this pull request: ` +
    `GITHUB_TOKEN is read-only for pull requests from forks. The report is still in the job summary and the ` +
    `results artifact. To comment on fork pull requests, keep this job on \`pull_request\` and add a workflow ` +
    `triggered by \`workflow_run\` that runs async-bench with \`mode: report\` and ` +
    `\`permissions: pull-requests: write\`. For same-repository pull requests, give this job ` +
    `\`permissions: pull-requests: write\`.`
  );
}
