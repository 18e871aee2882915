import { downloadResultsArtifact, type DownloadedResults } from './artifact-download.js';
import type { ArtifactStore } from './artifacts.js';
import type { Octokit } from './octokit.js';

export interface NamedArtifactQuery {
  owner: string;
  repo: string;
  artifactName: string;
}

/** The newest live artifact called `artifactName` in run `runId`, else the newest expired one, else null. */
export async function namedArtifact(octokit: Octokit, query: NamedArtifactQuery, runId: number) {
  const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({
    owner: query.owner,
    repo: query.repo,
    run_id: runId,
    name: query.artifactName,
    per_page: 100,
  });
  const named = data.artifacts.filter((artifact) => artifact.name === query.artifactName);
  // A re-run can upload the name again; prefer a live one, newest first.
  named.sort((a, b) => Number(a.expired) - Number(b.expired) || (b.created_at ?? '').localeCompare(a.created_at ?? ''));
  return named[0] ?? null;
}

export interface RunArtifactRequest extends NamedArtifactQuery {
  runId: number;
  token: string;
  destination: string;
}

/**
 * Report mode in a `workflow_run` workflow: the results artifact of the triggering
 * run. Only data is downloaded (results.json, tables, a PR number); nothing of the
 * PR's code runs here, which is what makes the pair fork-safe.
 */
export async function downloadRunResults(request: RunArtifactRequest, deps: { octokit: Octokit; store: ArtifactStore }): Promise<DownloadedResults> {
  const artifact = await namedArtifact(deps.octokit, request, request.runId);
  if (!artifact) {
    throw new Error(`Run ${request.runId} has no artifact named ${request.artifactName}; does its workflow upload one with this artifact-name?`);
  }
  if (artifact.expired) throw new Error(`Artifact ${request.artifactName} of run ${request.runId} has expired.`);
  return downloadResultsArtifact(deps.store, {
    label: `Artifact ${request.artifactName} of run ${request.runId}`,
    id: artifact.id,
    destination: request.destination,
    findBy: { token: request.token, repositoryOwner: request.owner, repositoryName: request.repo, workflowRunId: request.runId },
  });
}
