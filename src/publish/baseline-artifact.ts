import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { errorMessage } from '../core/error-message.js';
import { parseResults } from '../core/results/results.js';
import { describeError, httpStatus, rateLimitOf, describeRateLimit } from './api-errors.js';
import { downloadResultsArtifact, NoResultsError } from './artifact-download.js';
import type { ArtifactStore } from './artifacts.js';
import type { Octokit } from './octokit.js';
import { namedArtifact } from './run-artifact.js';

export interface BaselineLookup {
  owner: string;
  repo: string;
  /**
   * Workflow file name (`bench.yml`, from GITHUB_WORKFLOW_REF) or numeric id: the same workflow
   * as this run. Null: asked of the API from `currentRunId` (runners without GITHUB_WORKFLOW_REF).
   */
  workflow: string | number | null;
  /** The base branch, e.g. the PR's `base.ref`. */
  branch: string;
  artifactName: string;
  /** Needs `actions: read`; also handed to the artifact client to download from another run. */
  token: string;
  destination: string;
  /** This run, never its own baseline (a re-run on the base branch is already "success"). */
  currentRunId?: number | null;
  /** How many of the base branch's runs to search for the artifact (runs that skipped the job have none). */
  maxRuns?: number;
  /** Runs per page of the listing (100; tests use a few to reach page 2). */
  perPage?: number;
}

export type BaselineArtifact = { path: string; runId: number; runUrl: string; artifactId: number; reason: string } | { path: null; reason: string };

export interface BaselineDeps {
  octokit: Octokit;
  store: ArtifactStore;
}

interface Candidate {
  id: number;
  url: string;
}

/** Pages of the run listing read at most, whatever they hold. */
const MAX_PAGES = 10;

/**
 * `baseline: artifact`: results.json of the latest successful `push` run of this workflow on
 * the base branch of this repository. Never throws: every way of not finding one (first run,
 * expired, no permission, unreadable) is `{ path: null, reason }`, and the report treats every
 * cell as new.
 */
export async function findBaselineArtifact(lookup: BaselineLookup, deps: BaselineDeps): Promise<BaselineArtifact> {
  const maxRuns = lookup.maxRuns ?? 20;
  try {
    const workflow = lookup.workflow ?? (await currentWorkflow(lookup, deps.octokit));
    if (workflow === null) return none('neither the workflow nor this run is known');
    const where = `workflow ${workflow} on ${lookup.branch}`;
    let examined = 0;
    for await (const run of baseBranchRuns({ ...lookup, workflow }, deps.octokit)) {
      if (run === UNKNOWN_WORKFLOW) return none(`workflow ${workflow} is not known to the repository yet (new in this change?)`);
      examined += 1;
      const artifact = await namedArtifact(deps.octokit, lookup, run.id);
      if (artifact?.expired) {
        // Older runs' artifacts expired no later than this one's.
        return none(`artifact ${lookup.artifactName} of the latest base run (${run.url}) has expired`);
      }
      if (artifact) return await download(lookup, deps.store, run, artifact.id);
      if (examined >= maxRuns) break;
    }
    if (examined === 0) return none(`no successful push run of ${where}`);
    return none(`none of the ${examined} latest successful push runs of ${where} has an artifact named ${lookup.artifactName}`);
  } catch (error) {
    const limit = rateLimitOf(error);
    const hint = limit ? ` (${describeRateLimit(limit)})` : httpStatus(error) === 403 ? ' (the token needs `permissions: actions: read`)' : '';
    core.warning(`Could not look up the baseline artifact: ${describeError(error)}${hint}. Comparing against no baseline.`);
    return none(`the baseline lookup failed: ${describeError(error)}${hint}`);
  }
}

async function currentWorkflow(lookup: BaselineLookup, octokit: Octokit): Promise<number | null> {
  if (!lookup.currentRunId) return null;
  const { data } = await octokit.rest.actions.getWorkflowRun({
    owner: lookup.owner,
    repo: lookup.repo,
    run_id: lookup.currentRunId,
  });
  return data.workflow_id;
}

const UNKNOWN_WORKFLOW = Symbol('unknown workflow');

/**
 * The base branch's own successful push runs, newest first, page after page. `branch=` alone
 * also matches pull requests whose head branch has that name, including a fork's `main`: the
 * query asks for `event=push`, and every run is checked to be a push of this repository, so a
 * fork can neither hide the baseline (by filling the first page) nor replace it.
 */
async function* baseBranchRuns(lookup: BaselineLookup & { workflow: string | number }, octokit: Octokit): AsyncGenerator<Candidate | typeof UNKNOWN_WORKFLOW> {
  const fullName = `${lookup.owner}/${lookup.repo}`.toLowerCase();
  const listing = octokit.paginate.iterator(octokit.rest.actions.listWorkflowRuns, {
    owner: lookup.owner,
    repo: lookup.repo,
    workflow_id: lookup.workflow,
    branch: lookup.branch,
    event: 'push',
    status: 'success',
    per_page: lookup.perPage ?? 100,
  });
  const pages = listing[Symbol.asyncIterator]();
  let read = 0;
  while (read < MAX_PAGES) {
    let page;
    try {
      page = await pages.next();
    } catch (error) {
      if (read === 0 && httpStatus(error) === 404) {
        yield UNKNOWN_WORKFLOW;
        return;
      }
      throw error;
    }
    if (page.done) return;
    read += 1;
    for (const run of page.value.data) {
      const ours = run.event === 'push' && run.head_repository?.full_name?.toLowerCase() === fullName;
      if (ours && run.id !== lookup.currentRunId) yield { id: run.id, url: run.html_url };
    }
  }
}

async function download(lookup: BaselineLookup, store: ArtifactStore, run: Candidate, artifactId: number): Promise<BaselineArtifact> {
  try {
    const { resultsPath } = await downloadResultsArtifact(store, {
      label: `The baseline artifact of ${run.url}`,
      id: artifactId,
      destination: lookup.destination,
      findBy: { token: lookup.token, repositoryOwner: lookup.owner, repositoryName: lookup.repo, workflowRunId: run.id },
    });
    parseResults(resultsPath, await readFile(resultsPath, 'utf8'));
    core.info(`Baseline: ${lookup.artifactName} from ${run.url}`);
    return { path: resultsPath, runId: run.id, runUrl: run.url, artifactId, reason: `latest successful push run on ${lookup.branch}` };
  } catch (error) {
    if (error instanceof NoResultsError) return none(`the baseline artifact of ${run.url} has no results.json`);
    const detail = errorMessage(error);
    core.warning(`The baseline artifact of ${run.url} is unusable: ${detail}`);
    return none(`the baseline artifact of ${run.url} is unusable: ${detail}`);
  }
}

function none(reason: string): BaselineArtifact {
  core.info(`No baseline: ${reason}.`);
  return { path: null, reason };
}
