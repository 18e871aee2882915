import { sameLogin } from './identity.js';
import { hasMarker } from './marker.js';
import type { LandedCheck, Octokit } from './octokit.js';

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
 * Our earlier comments: every one carrying the marker and written by `login`, oldest first.
 * Usually one; two when runs raced (both created) or a retried create had already landed.
 * Walks every page (100 per page). A comment by anyone else is never ours, even when it
 * quotes the marker.
 */
export async function findStickyComments(octokit: Octokit, issue: IssueRef, key: string, login: string): Promise<StoredComment[]> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.number,
    per_page: 100,
  });
  const ours: StoredComment[] = [];
  for await (const page of pages) {
    for (const comment of page.data) {
      if (sameLogin(comment.user?.login, login) && hasMarker(comment.body, key)) {
        ours.push({ id: comment.id, body: comment.body ?? '', url: comment.html_url });
      }
    }
  }
  // Comment ids grow with time: sorting by id is creation order whatever the pages did.
  return ours.sort((a, b) => a.id - b.id);
}

/**
 * Creates a comment. `landed` finds the comment an earlier attempt made when its answer was lost;
 * it runs before every retry (octokit.ts), so a lost answer never becomes a second comment.
 */
export async function createComment(
  octokit: Octokit,
  issue: IssueRef,
  body: string,
  landed: () => Promise<StoredComment | null> = async () => null,
): Promise<StoredComment> {
  const landedCheck: LandedCheck = async () => {
    const found = await landed();
    return found ? { id: found.id, body: found.body, html_url: found.url } : null;
  };
  const { data } = await octokit.rest.issues.createComment({
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.number,
    body,
    request: { landedCheck },
  });
  return { id: data.id, body: data.body ?? body, url: data.html_url };
}

export async function updateComment(octokit: Octokit, issue: IssueRef, id: number, body: string): Promise<StoredComment> {
  const { data } = await octokit.rest.issues.updateComment({
    owner: issue.owner,
    repo: issue.repo,
    comment_id: id,
    body,
  });
  return { id: data.id, body: data.body ?? body, url: data.html_url };
}

export async function deleteComment(octokit: Octokit, issue: IssueRef, id: number): Promise<void> {
  await octokit.rest.issues.deleteComment({ owner: issue.owner, repo: issue.repo, comment_id: id });
}

/** Head commit of a PR, to check a PR number recorded by an untrusted (fork) run. */
export async function pullRequestHead(octokit: Octokit, issue: IssueRef): Promise<string> {
  const { data } = await octokit.rest.pulls.get({ owner: issue.owner, repo: issue.repo, pull_number: issue.number });
  return data.head.sha;
}
