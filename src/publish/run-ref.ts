/** A workflow run, and the two pages of it the report links to. Built here and nowhere else. */
export interface RunRef {
  serverUrl: string;
  owner: string;
  repo: string;
  runId: number;
}

export function runRef(fields: { serverUrl: string; owner: string; repo: string; runId: number | null }): RunRef | null {
  return fields.runId === null ? null : { serverUrl: fields.serverUrl.replace(/\/+$/, ''), owner: fields.owner, repo: fields.repo, runId: fields.runId };
}

export function runUrl(run: RunRef): string {
  return `${run.serverUrl.replace(/\/+$/, '')}/${run.owner}/${run.repo}/actions/runs/${run.runId}`;
}

export function artifactUrl(run: RunRef, id: number): string {
  return `${runUrl(run)}/artifacts/${id}`;
}
