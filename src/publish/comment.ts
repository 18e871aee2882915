import * as core from '@actions/core';
import { resolveIdentity } from './identity.js';
import { commentMarker, markedBody, sameBody } from './marker.js';
import { describeError, httpStatus, type OctokitFactory } from './octokit.js';
import { createComment, findStickyComment, pullRequestHead, updateComment, type IssueRef } from './sticky.js';

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

/**
 * Creates or updates this job's sticky PR comment. A comment is a courtesy, not the result:
 * no token, no PR or a token that may not write ends in `skipped` with a notice or warning,
 * never a failure. Other API errors (5xx, bad credentials, invalid body) are thrown.
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
    const identity = await resolveIdentity(octokit, request.author);
    const existing = await findStickyComment(octokit, issue, request.key, identity.login);
    const body = markedBody(request.key, request.body);
    if (existing) {
      if (sameBody(existing.body, body)) return { action: 'unchanged', url: existing.url, reason: 'body unchanged' };
      step = 'update the comment on';
      const updated = await updateComment(octokit, issue, existing.id, body);
      core.info(`Updated the benchmark comment: ${updated.url}`);
      return { action: 'updated', url: updated.url, reason: `updated comment ${existing.id}` };
    }
    if (request.policy === 'on-regression' && request.regressions <= 0) {
      return skipped('no regressions and no earlier comment (comment: on-regression)');
    }
    step = 'comment on';
    const created = await createComment(octokit, issue, body);
    core.info(`Commented on #${issue.number}: ${created.url}`);
    return { action: 'created', url: created.url, reason: 'no earlier comment with this comment-key' };
  } catch (error) {
    const status = httpStatus(error);
    if (status !== 403 && status !== 404) throw error;
    core.warning(forbiddenMessage(step, issue.number, describeError(error)));
    return skipped(`GitHub refused to ${step} #${issue.number} (HTTP ${status})`);
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
