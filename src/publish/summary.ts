import * as core from '@actions/core';
import { neutralizeBidi } from '../core/report/escape.js';
import { cutToFit } from '../core/report/fit.js';

/** GitHub drops a step summary above 1 MiB; stay under it with room for the note. */
export const SUMMARY_LIMIT = 1024 * 1024 - 1024;

export interface SummaryOutcome {
  written: boolean;
  reason: string;
}

/**
 * Appends the report to the job summary. Written whenever the runner offers one
 * (GITHUB_STEP_SUMMARY), whatever the comment policy: it is the one place a fork PR's
 * results are always visible. Outside Actions (the CLI) it is a no-op.
 */
export async function writeJobSummary(markdown: string): Promise<SummaryOutcome> {
  // core.summary reads the same variable (and remembers the first path it saw, per process);
  // checking it first turns "no summary here" into a no-op instead of a throw.
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return { written: false, reason: 'GITHUB_STEP_SUMMARY is not set' };
  // The report escapes what it quotes; this covers whatever else reaches the summary.
  await core.summary.addRaw(fitSummary(neutralizeBidi(markdown)), true).write();
  return { written: true, reason: `appended to ${file}` };
}

export function fitSummary(markdown: string, limit = SUMMARY_LIMIT): string {
  if (Buffer.byteLength(markdown) <= limit) return markdown;
  const note = '\n\n_… truncated: the step summary limit is 1 MiB. The full report is in the results artifact._\n';
  return cutToFit(markdown, note, limit, (text) => Buffer.byteLength(text));
}
