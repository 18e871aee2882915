import * as core from '@actions/core';
import { z } from 'zod';
import { CONFIG_INPUTS, ConfigError, type RawInputs } from '../core/config/build.js';
import { choice, flag, wholeNumber } from '../core/config/fields.js';
import { describeIssue, firstIssue } from '../core/config/issues.js';
import { errorMessage } from '../core/error-message.js';
import { artifactName } from '../publish/artifacts.js';
import { COMMENT_POLICIES } from '../publish/comment.js';
import { commentMarker } from '../publish/marker.js';

export const MODES = ['run', 'aggregate', 'report', 'calibrate'] as const;

/** Actions passes "" for an input the step does not set: that is "not given". */
const unlessEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((raw) => (typeof raw === 'string' && raw.trim() === '' ? undefined : raw), schema);
const text = z.string().transform((raw) => raw.trim());

/**
 * The action-only inputs of action.yml, as a schema. The config inputs (users,
 * latencies, …) stay raw here: buildConfig reads them over async-bench.yml.
 */
const ActionInputsSchema = z
  .object({
    mode: unlessEmpty(choice(MODES).default('run')),
    config: text,
    'baseline-branch': text,
    comment: unlessEmpty(choice(COMMENT_POLICIES).default('always')),
    'comment-key': unlessEmpty(text.default('default')),
    results: text,
    'artifact-name': unlessEmpty(text.default('async-bench-results')),
    'retention-days': unlessEmpty(
      wholeNumber(1, Infinity)
        .refine((days) => days <= 90, { error: (issue) => `${String(issue.input)} is above 90, GitHub's maximum; give 1–90 or leave it empty.` })
        .nullable()
        .default(null),
    ),
    'fail-on-incomplete': unlessEmpty(flag.default(false)),
    'github-token': text,
  })
  .transform((inputs) => ({
    mode: inputs.mode,
    configFile: inputs.config,
    baselineBranch: inputs['baseline-branch'],
    comment: inputs.comment,
    commentKey: inputs['comment-key'],
    results: inputs.results,
    artifactName: inputs['artifact-name'],
    retentionDays: inputs['retention-days'],
    failOnIncomplete: inputs['fail-on-incomplete'],
    token: inputs['github-token'],
  }));

const ACTION_INPUTS = Object.keys(ActionInputsSchema.in.shape);

/** Everything the action reads from `with:`, typed; Config inputs stay raw for buildConfig. */
export type ActionInputs = z.output<typeof ActionInputsSchema> & { config: RawInputs };

type GetInput = (name: string) => string;

export function readActionInputs(getInput: GetInput = (name) => core.getInput(name)): ActionInputs {
  const parsed = ActionInputsSchema.safeParse(Object.fromEntries(ACTION_INPUTS.map((name) => [name, getInput(name)])), { error: describeIssue });
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const inputs = parsed.data;
  // Checked now, not after an hour of benchmark: the artifact name is needed to store the results.
  artifactName(inputs.artifactName, null);
  // A bad comment-key costs the comment only: said now, and the step fails at the end, once
  // results, summary and outputs are written (publishComment throws it then).
  try {
    commentMarker(inputs.commentKey);
  } catch (error) {
    core.warning(`${errorMessage(error)} Everything else is written; the comment is not, and the step fails at the end.`);
  }
  return { ...inputs, config: Object.fromEntries(CONFIG_INPUTS.map((name) => [name, getInput(name).trim()])) };
}
