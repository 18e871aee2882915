import { join, resolve } from 'node:path';
import { isFile, RESULTS_FILE, type ArtifactStore } from './artifacts.js';
import { namedArtifact } from './baseline-artifact.js';
import type { Octokit } from './octokit.js';

export interface RunArtifactRequest {
  owner: string;
  repo: string;
  runId: number;
  artifactName: string;
  token: string;
  destination: string;
}

/**
 * Report mode in a `workflow_run` workflow: the results artifact of the triggering
 * run. Only data is downloaded (results.json, tables, a PR number); nothing of the
 * PR's code runs here, which is what makes the pair fork-safe.
 */
export async function downloadRunResults(request: RunArtifactRequest, deps: { octokit: Octokit; store: ArtifactStore }): Promise<{ dir: string; resultsPath: string }> {
  const artifact = await namedArtifact(deps.octokit, request, request.runId);
  if (!artifact) {
    throw new Error(`Run ${request.runId} has no artifact named ${request.artifactName}; does its workflow upload one with this artifact-name?`);
  }
  if (artifact.expired) throw new Error(`Artifact ${request.artifactName} of run ${request.runId} has expired.`);
  const dir = resolve(request.destination);
  const { downloadPath } = await deps.store.downloadArtifact(artifact.id, {
    path: dir,
    findBy: { token: request.token, repositoryOwner: request.owner, repositoryName: request.repo, workflowRunId: request.runId },
  });
  const resultsPath = join(downloadPath ?? dir, RESULTS_FILE);
  if (!(await isFile(resultsPath))) throw new Error(`Artifact ${request.artifactName} of run ${request.runId} has no ${RESULTS_FILE}.`);
  return { dir: downloadPath ?? dir, resultsPath };
}
