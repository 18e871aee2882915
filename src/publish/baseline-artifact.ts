import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { parseResults } from '../core/results/results.js';
import { downloadResultsArtifact, NoResultsError } from './artifact-download.js';
import type { ArtifactStore } from './artifacts.js';
import { describeError, httpStatus, type Octokit } from './octokit.js';
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
  /** How many recent successful runs to search for the artifact (runs that skipped the job have none). */
  maxRuns?: number;
}

export type BaselineArtifact =
  | { path: string; runId: number; runUrl: string; artifactId: number; reason: string }
  | { path: null; reason: string };

export interface BaselineDeps {
  octokit: Octokit;
  store: ArtifactStore;
}

interface Candidate {
  id: number;
  url: string;
}

/**
 * `baseline: artifact`: results.json of the latest successful run of this workflow on the base
 * branch. Never throws: every way of not finding one (first run, expired, no permission,
 * unreadable) is `{ path: null, reason }`, and the report treats every cell as new.
 */
export async function findBaselineArtifact(lookup: BaselineLookup, deps: BaselineDeps): Promise<BaselineArtifact> {
  try {
    const workflow = lookup.workflow ?? (await currentWorkflow(lookup, deps.octokit));
    if (workflow === null) return none('neither the workflow nor this run is known');
    const runs = await successfulRuns({ ...lookup, workflow }, deps.octokit);
    if (typeof runs === 'string') return none(runs);
    let expired: string | null = null;
    for (const run of runs) {
      const artifact = await namedArtifact(deps.octokit, lookup, run.id);
      if (!artifact) continue;
      if (artifact.expired) {
        // Older runs' artifacts expired no later than this one's.
        expired = `artifact ${lookup.artifactName} of the latest base run (${run.url}) has expired`;
        break;
      }
      return await download(lookup, deps.store, run, artifact.id);
    }
    return none(
      expired ??
        `none of the ${runs.length} latest successful runs of workflow ${workflow} on ${lookup.branch} ` +
          `has an artifact named ${lookup.artifactName}`,
    );
  } catch (error) {
    const status = httpStatus(error);
    const hint = status === 403 ? ' (the token needs `permissions: actions: read`)' : '';
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

async function successfulRuns(
  lookup: BaselineLookup & { workflow: string | number },
  octokit: Octokit,
): Promise<Candidate[] | string> {
  const where = `${lookup.workflow} on ${lookup.branch}`;
  let data;
  try {
    ({ data } = await octokit.rest.actions.listWorkflowRuns({
      owner: lookup.owner,
      repo: lookup.repo,
      workflow_id: lookup.workflow,
      branch: lookup.branch,
      status: 'success',
      per_page: lookup.maxRuns ?? 20,
    }));
  } catch (error) {
    if (httpStatus(error) === 404) return `workflow ${lookup.workflow} is not known to the repository yet (new in this change?)`;
    throw error;
  }
  const fullName = `${lookup.owner}/${lookup.repo}`.toLowerCase();
  const runs = data.workflow_runs.filter(
    (run) =>
      run.id !== lookup.currentRunId &&
      // `branch=` matches a fork PR's head branch of the same name: only the base repo's own runs count.
      !run.event.startsWith('pull_request') &&
      (run.head_repository?.full_name ?? fullName).toLowerCase() === fullName,
  );
  if (runs.length === 0) return `no successful run of ${where}`;
  return runs.map((run) => ({ id: run.id, url: run.html_url }));
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
    return { path: resultsPath, runId: run.id, runUrl: run.url, artifactId, reason: `latest successful run on ${lookup.branch}` };
  } catch (error) {
    if (error instanceof NoResultsError) return none(`the baseline artifact of ${run.url} has no results.json`);
    const detail = error instanceof Error ? error.message : String(error);
    core.warning(`The baseline artifact of ${run.url} is unusable: ${detail}`);
    return none(`the baseline artifact of ${run.url} is unusable: ${detail}`);
  }
}

function none(reason: string): BaselineArtifact {
  core.info(`No baseline: ${reason}.`);
  return { path: null, reason };
}
