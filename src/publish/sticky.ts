import { sameLogin } from './identity.js';
import { hasMarker } from './marker.js';
import type { Octokit } from './octokit.js';

/** The REST calls behind a sticky comment; policy and fault handling live in comment.ts. */

export interface IssueRef {
  owner: string;
  repo: string;
  number: number;
}

export interface StoredComment {
  id: number;
  body: string;
  url: string;
}

/**
 * Our earlier comment: the first (oldest) one carrying the marker and written by `login`.
 * Walks every page (100 per page) and stops at the first match. A comment by anyone else is
 * never ours, even when it quotes the marker.
 */
export async function findStickyComment(
  octokit: Octokit,
  issue: IssueRef,
  key: string,
  login: string,
): Promise<StoredComment | null> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.number,
    per_page: 100,
  });
  for await (const page of pages) {
    const found = page.data.find((comment) => sameLogin(comment.user?.login, login) && hasMarker(comment.body, key));
    if (found) return { id: found.id, body: found.body ?? '', url: found.html_url };
  }
  return null;
}

export async function createComment(octokit: Octokit, issue: IssueRef, body: string): Promise<StoredComment> {
  const { data } = await octokit.rest.issues.createComment({
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.number,
    body,
  });
  return { id: data.id, body: data.body ?? body, url: data.html_url };
}

export async function updateComment(
  octokit: Octokit,
  issue: IssueRef,
  id: number,
  body: string,
): Promise<StoredComment> {
  const { data } = await octokit.rest.issues.updateComment({
    owner: issue.owner,
    repo: issue.repo,
    comment_id: id,
    body,
  });
  return { id: data.id, body: data.body ?? body, url: data.html_url };
}

/** Head commit of a PR, to check a PR number recorded by an untrusted (fork) run. */
export async function pullRequestHead(octokit: Octokit, issue: IssueRef): Promise<string> {
  const { data } = await octokit.rest.pulls.get({ owner: issue.owner, repo: issue.repo, pull_number: issue.number });
  return data.head.sha;
}
