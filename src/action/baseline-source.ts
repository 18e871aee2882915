import * as core from '@actions/core';
import { join } from 'node:path';
import { loadBaseline, type Baseline } from '../core/compare/baseline.js';
import { artifactServiceAvailable, NO_ARTIFACT_SERVICE, type ArtifactStore } from '../publish/artifacts.js';
import { findBaselineArtifact } from '../publish/baseline-artifact.js';
import type { OctokitFactory } from '../publish/octokit.js';
import type { ActionsContext } from './context.js';

export interface ArtifactBaselineRequest {
  /** The branch whose runs hold the baseline artifact; empty = the PR's base or the default branch. */
  branch: string;
  artifactName: string;
  token: string;
  scratchDir: string;
  context: ActionsContext;
}

/**
 * The action's source for `baseline: artifact`, handed to the core's resolveBaseline. Finding
 * nothing is not an error: the comparison is against an empty baseline, so every cell is new,
 * and the label says why.
 */
export function artifactBaseline(
  request: ArtifactBaselineRequest,
  deps: { octokit: OctokitFactory; store: () => Promise<ArtifactStore> },
): () => Promise<Baseline> {
  return async () => {
    const { context } = request;
    const branch = request.branch || context.baseRef;
    const none = (reason: string): Baseline => {
      core.notice(`No baseline to compare with: ${reason}. Every cell is reported as new.`);
      return { label: `no baseline (${reason})`, cells: new Map() };
    };
    if (!artifactServiceAvailable(context.serverUrl)) return none(NO_ARTIFACT_SERVICE);
    if (!request.token) return none('no github-token to look up the base branch run');
    if (!branch) return none('the base branch is unknown; set baseline-branch');
    const found = await findBaselineArtifact(
      {
        owner: context.owner,
        repo: context.repo,
        // In a workflow_run report, the baseline comes from the triggering workflow's runs.
        workflow: context.workflowRun ? null : context.workflowFile,
        branch,
        artifactName: request.artifactName,
        token: request.token,
        destination: join(request.scratchDir, 'baseline'),
        currentRunId: context.workflowRun?.id ?? context.runId,
      },
      { octokit: deps.octokit(request.token), store: await deps.store() },
    );
    if (found.path === null) return none(found.reason);
    const baseline = await loadBaseline(found.path);
    return { ...baseline, label: `${branch} (run ${found.runId})` };
  };
}
