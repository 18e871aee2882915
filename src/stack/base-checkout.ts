/**
 * The base commit of `baseline: base` as a git worktree beside the checkout: found
 * (a ref, the PR's base, or the merge-base with the default branch), checked to be in
 * the clone's history, added detached, and removed when the run ends.
 */
import { relative } from 'node:path';
import type { Command, Runner } from './exec/command.js';
import { runChecked } from './exec/command.js';

export class BaseCommitError extends Error {
  override name = 'BaseCommitError';
}

const git = (repo: string, ...args: string[]): Command => ({ command: 'git', args: ['-C', repo, ...args] });

/** How to get the history a shallow clone lacks: what every missing-commit error ends with. */
export const FETCH_DEPTH_FIX =
  'In GitHub Actions, check out with `actions/checkout` and `fetch-depth: 0` (or fetch the ' +
  'base commit: `git fetch --no-tags origin <sha>`); locally, `git fetch --unshallow`.';

async function output(run: Runner, command: Command): Promise<string | null> {
  const result = await run(command);
  return result.exitCode === 0 && result.stdout.trim() !== '' ? result.stdout.trim() : null;
}

/** The repository's top folder holding `dir`; a clear error when `dir` is in none. */
export async function repositoryOf(run: Runner, dir: string): Promise<string> {
  const top = await output(run, git(dir, 'rev-parse', '--show-toplevel'));
  if (!top) {
    throw new BaseCommitError(
      `baseline: base measures the base commit of the app's git checkout, but ${dir} is ` +
        `not inside a git repository; check the app out with git, or use another baseline.`,
    );
  }
  return top;
}

const isShallow = async (run: Runner, repo: string): Promise<boolean> => (await output(run, git(repo, 'rev-parse', '--is-shallow-repository'))) === 'true';

/**
 * The ref to measure as base when none is given: the PR's base branch (GITHUB_BASE_REF,
 * as origin/<branch>), else the remote's default branch (origin/HEAD), else main/master.
 */
async function defaultBranch(run: Runner, repo: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  if (env.GITHUB_BASE_REF) return `origin/${env.GITHUB_BASE_REF}`;
  const remoteHead = await output(run, git(repo, 'symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'));
  if (remoteHead) return remoteHead;
  for (const candidate of ['origin/main', 'origin/master', 'main', 'master']) {
    if (await output(run, git(repo, 'rev-parse', '--verify', '--quiet', `${candidate}^{commit}`))) return candidate;
  }
  return null;
}

/**
 * The base commit's full SHA. `ref` (a SHA, branch or tag) when given; otherwise the
 * merge-base of HEAD with the default branch. A commit the clone does not have (a shallow
 * clone, actions/checkout's default) is an error naming `baseline: base`, the ref and the fix.
 */
export async function resolveBaseCommit(run: Runner, repo: string, ref: string | null, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const shallowNote = async () => ((await isShallow(run, repo)) ? ` ${repo} is a shallow clone, so it lacks the history that holds it.` : '');
  if (ref) {
    const sha = await output(run, git(repo, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`));
    if (!sha) {
      throw new BaseCommitError(`baseline: base needs the base commit ${ref}, which is not in this clone.${await shallowNote()} ${FETCH_DEPTH_FIX}`);
    }
    return sha;
  }
  const branch = await defaultBranch(run, repo, env);
  if (!branch) {
    throw new BaseCommitError(
      `baseline: base found no default branch to measure against in ${repo} (no GITHUB_BASE_REF, origin/HEAD, ` +
        `main or master); give the base commit with --base-ref (input base-ref).${await shallowNote()}`,
    );
  }
  const sha = await output(run, git(repo, 'merge-base', 'HEAD', branch));
  if (!sha) {
    throw new BaseCommitError(
      `baseline: base needs the merge-base of HEAD and ${branch}, and this clone has ` +
        `none.${await shallowNote()} ${FETCH_DEPTH_FIX} Or give the base commit with --base-ref.`,
    );
  }
  return sha;
}

/** The base commit checked out, detached, in its own worktree. */
export interface BaseCheckout {
  repo: string;
  sha: string;
  /** The worktree's folder. */
  dir: string;
  /** The app's folder inside the worktree: the same place relative to the repository as head's. */
  appContext: string;
}

/** Adds the worktree (replacing one a killed run left there) for the app at `appContext` in `repo`. */
export async function addBaseCheckout(run: Runner, repo: string, sha: string, dir: string, appContext: string): Promise<BaseCheckout> {
  // A run killed outright leaves its worktree registered: remove it, or `add` refuses the folder.
  await run(git(repo, 'worktree', 'remove', '--force', dir));
  await run(git(repo, 'worktree', 'prune'));
  await runChecked(run, git(repo, 'worktree', 'add', '--detach', '--force', dir, sha), `Checking out the base commit ${sha.slice(0, 12)} (baseline: base)`);
  const inside = relative(repo, appContext);
  return { repo, sha, dir, appContext: inside === '' ? dir : `${dir}/${inside}` };
}

export async function removeBaseCheckout(run: Runner, checkout: Pick<BaseCheckout, 'repo' | 'dir'>): Promise<void> {
  await runChecked(run, git(checkout.repo, 'worktree', 'remove', '--force', checkout.dir), 'Removing the base worktree');
}
