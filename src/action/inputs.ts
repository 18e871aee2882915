import * as core from '@actions/core';
import { CONFIG_INPUTS, ConfigError, type RawInputs } from '../core/config/build.js';
import { readBoolean, readChoice, readInteger } from '../core/config/readers.js';
import { artifactName } from '../publish/artifacts.js';
import { COMMENT_POLICIES, type CommentPolicy } from '../publish/comment.js';
import { commentMarker } from '../publish/marker.js';

export const MODES = ['run', 'aggregate', 'report'] as const;
export type Mode = (typeof MODES)[number];

/** Everything the action reads from `with:`, typed; Config inputs stay raw for buildConfig. */
export interface ActionInputs {
  mode: Mode;
  config: RawInputs;
  configFile: string;
  baselineBranch: string;
  comment: CommentPolicy;
  commentKey: string;
  results: string;
  artifactName: string;
  retentionDays: number | null;
  failOnIncomplete: boolean;
  token: string;
}

type GetInput = (name: string) => string;

export function readActionInputs(getInput: GetInput = (name) => core.getInput(name)): ActionInputs {
  const text = (name: string): string => getInput(name).trim();
  const config: RawInputs = Object.fromEntries(CONFIG_INPUTS.map((name) => [name, text(name)]));
  const retention = text('retention-days');
  const days = retention === '' ? null : readInteger('retention-days', retention, 1);
  if (days !== null && days > 90) throw new ConfigError('retention-days', `${days} is above 90, GitHub's maximum; give 1–90 or leave it empty.`);
  const commentKey = text('comment-key') || 'default';
  const name = text('artifact-name') || 'async-bench-results';
  // Checked now, not after an hour of benchmark: both throw with the input named.
  commentMarker(commentKey);
  artifactName(name, null);
  return {
    mode: readChoice('mode', text('mode') || 'run', MODES),
    config,
    configFile: text('config'),
    baselineBranch: text('baseline-branch'),
    comment: readChoice('comment', text('comment') || 'always', COMMENT_POLICIES),
    commentKey,
    results: text('results'),
    artifactName: name,
    retentionDays: days,
    failOnIncomplete: text('fail-on-incomplete') === '' ? false : readBoolean('fail-on-incomplete', text('fail-on-incomplete')),
    token: text('github-token'),
  };
}
