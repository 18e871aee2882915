import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveBaseline } from '../core/compare/baseline.js';
import { failingSignals, regressionCount, type Comparison } from '../core/compare/verdicts.js';
import { errorMessage } from '../core/error-message.js';
import { RESULTS_FILE, TABLES_FILE } from '../core/ingest/run-dir.js';
import { EXPORT_FILES } from '../core/report/exports/index.js';
import { HTML_REPORT_FILE } from '../core/report/html/index.js';
import { longForm, reportOutputs, type ReportOutputs } from '../core/report/outputs.js';
import { failedCells } from '../core/results/cell.js';
import { serializeResults } from '../core/results/results.js';
import { artifactName, defaultArtifactStore, uploadResults, type UploadOutcome } from '../publish/artifacts.js';
import { publishComment } from '../publish/comment.js';
import { octokitFactory, type OctokitFactory } from '../publish/octokit.js';
import { runUrl } from '../publish/run-ref.js';
import { writeJobSummary } from '../publish/summary.js';
import { artifactBaseline } from './baseline-source.js';
import { readActionsContext, thisRun, type ActionsContext } from './context.js';
import type { ActionDeps } from './deps.js';
import { readActionInputs, type ActionInputs } from './inputs.js';
import { obtainResults, type Obtained } from './obtain.js';

const defaultDeps = (): ActionDeps => ({
  getInput: (name) => core.getInput(name),
  env: process.env,
  artifactStore: defaultArtifactStore,
  benchmark: async (config) => {
    const { runBenchmarkInAction } = await import('./benchmark.js');
    return runBenchmarkInAction(config);
  },
});

/** One step of the action: its inputs, context and clients, and the results it publishes. */
interface ActionStep extends Obtained {
  inputs: ActionInputs;
  context: ActionsContext;
  deps: ActionDeps;
  octokit: OctokitFactory;
  cwd: string;
}

/** What the runner holds once step 1 is done; the artifact and the comment are built from it. */
interface OnRunner {
  report: ReportOutputs;
  regressions: number;
  /** The link to this workflow run, when there is one. */
  runLinks: string[];
  /** What is already written, for the errors of a failed upload or comment. */
  written: string;
}

/**
 * The whole action. Order is the point: everything that lives on the runner (results.json,
 * tables.md, the job summary, every output) is written first; then the artifact; then the
 * comment. A failed upload or comment is an error where it happens and fails the step only
 * at the very end, so after a 90-minute run nothing that could be written is lost.
 */
export async function runAction(deps: ActionDeps = defaultDeps()): Promise<void> {
  const step = await obtainStep(deps);
  // Each publishing step that fails adds its name here; the step fails on them only at the end.
  const failed: string[] = [];
  const onRunner = await writeOnRunner(step, failed);
  const artifact = await uploadArtifact(step, onRunner, failed);
  await postComment(step, onRunner, artifact, failed);
  const reasons = failureReasons(step, onRunner.report.comparison, failed);
  if (reasons.length > 0) core.setFailed(reasons.join(' '));
}

/** The inputs, the context (with the PR a triggering run recorded) and the results, by mode. */
async function obtainStep(deps: ActionDeps): Promise<ActionStep> {
  const inputs = readActionInputs(deps.getInput);
  const context = readActionsContext({ env: deps.env });
  const octokit = deps.octokit ?? octokitFactory(context.apiUrl, deps.timing?.api);
  const cwd = deps.env.GITHUB_WORKSPACE ?? process.cwd();
  const obtained = await obtainResults(inputs, context, deps, octokit, cwd);
  const recorded = obtained.recordedPr !== null ? readActionsContext({ env: deps.env, recordedPrNumber: obtained.recordedPr }) : context;
  return { ...obtained, inputs, context: recorded, deps, octokit, cwd };
}

/** 1. The runner: results.json, tables.md, report.html and the exports, every output, the job summary. */
async function writeOnRunner(step: ActionStep, failed: string[]): Promise<OnRunner> {
  const { inputs, context, deps, octokit, cwd, results, config, outDir, cellsFrom } = step;
  const resultsPath = join(outDir, RESULTS_FILE);
  if (inputs.mode !== 'run') await writeFile(resultsPath, serializeResults(results));
  const baseline = await resolveBaseline(config.compare.baseline, {
    cwd,
    current: results,
    artifact: artifactBaseline(
      { branch: inputs.baselineBranch, artifactName: inputs.artifactName, token: inputs.token, scratchDir: join(outDir, '.baseline'), context },
      { octokit, store: deps.artifactStore },
    ),
  });
  const report = await reportOutputs({ results, baseline, compare: config.compare, cellsFrom: [outDir, ...cellsFrom] });
  const regressions = report.comparison ? regressionCount(report.comparison) : 0;
  await writeFile(join(outDir, TABLES_FILE), report.tables.content);
  await writeLongForm(report, outDir);
  setOutputs(outDir, report, regressions);
  const run = thisRun(context);
  const runLinks = run ? [`[Workflow run](${runUrl(run)})`] : [];
  let summary = false;
  try {
    summary = (await writeJobSummary(report.withLinks(runLinks))).written;
  } catch (error) {
    core.error(`The job summary was not written: ${message(error)}`);
    failed.push('the job summary');
  }
  const written = `results.json (${resultsPath}), tables.md${summary ? ', the job summary' : ''} and the outputs are written`;
  return { report, regressions, runLinks, written };
}

/**
 * The long form and the exports go beside results.json, so the artifact carries them; a
 * failure here costs them only, not the summary, outputs, artifact or comment after a long run.
 */
async function writeLongForm(report: ReportOutputs, outDir: string): Promise<void> {
  try {
    if (report.problem !== null) throw new Error(report.problem);
    for (const file of longForm(report)) await writeFile(join(outDir, file.file), file.content);
  } catch (error) {
    core.error(`report.html or the exports were not written: ${message(error)}`);
  }
}

/** Every output now; the artifact's and the comment's are set again once they exist. */
function setOutputs(outDir: string, report: ReportOutputs, regressions: number): void {
  core.setOutput('results-path', join(outDir, RESULTS_FILE));
  core.setOutput('markdown-path', join(outDir, TABLES_FILE));
  core.setOutput('html-path', join(outDir, HTML_REPORT_FILE));
  core.setOutput('csv-path', join(outDir, EXPORT_FILES.csv));
  core.setOutput('bmf-path', join(outDir, EXPORT_FILES.bencher));
  core.setOutput('benchmark-action-path', join(outDir, EXPORT_FILES.benchmarkAction));
  core.setOutput('regressions', regressions);
  core.setOutput('improvements', report.comparison?.counts.improved ?? 0);
  core.setOutput('artifact-id', '');
  core.setOutput('artifact-url', '');
  core.setOutput('comment-url', '');
}

/** 2. The artifact: results.json, the reports and the Locust files of outDir, when this mode uploads. */
async function uploadArtifact(step: ActionStep, { written }: OnRunner, failed: string[]): Promise<UploadOutcome | null> {
  const { inputs, context, deps, results, outDir } = step;
  const run = thisRun(context);
  if (!step.upload || !run) return null;
  try {
    const artifact = await uploadResults(
      await deps.artifactStore(),
      { name: artifactName(inputs.artifactName, results.shard), outDir, retentionDays: inputs.retentionDays, run },
      deps.timing?.upload,
    );
    core.setOutput('artifact-id', artifact.id ?? '');
    core.setOutput('artifact-url', artifact.url ?? '');
    return artifact;
  } catch (error) {
    core.error(`The results artifact was not uploaded: ${message(error)} Still, ${written}; the Locust reports are only on this runner.`);
    failed.push('the artifact upload');
    return null;
  }
}

/** 3. The comment, linking the run and the artifact. */
async function postComment(step: ActionStep, onRunner: OnRunner, artifact: UploadOutcome | null, failed: string[]): Promise<void> {
  const { inputs, context, octokit } = step;
  const links = [...onRunner.runLinks, ...(artifact?.url ? [`[Locust reports and results.json](${artifact.url})`] : [])];
  try {
    const comment = await publishComment(
      {
        policy: inputs.comment,
        key: inputs.commentKey,
        body: onRunner.report.withLinks(links),
        regressions: onRunner.regressions,
        owner: context.owner,
        repo: context.repo,
        pr: context.pr,
        token: inputs.token,
        expectedHeadSha: context.workflowRun?.headSha ?? null,
      },
      { octokit },
    );
    core.setOutput('comment-url', comment.url ?? '');
  } catch (error) {
    const uploaded = artifact?.url ? ` and the artifact is uploaded (${artifact.url})` : '';
    core.error(`The pull request comment was not written: ${message(error)} Still, ${onRunner.written}${uploaded}.`);
    failed.push('the pull request comment');
  }
}

/** 4. The verdict, last: a publishing failure, a regression that fails the step, or (when asked) a missing cell. */
function failureReasons({ inputs, results, config }: ActionStep, comparison: Comparison | null, failed: string[]): string[] {
  const reasons: string[] = [];
  if (failed.length > 0) reasons.push(`Publishing failed: ${failed.join(' and ')} (see the errors above).`);
  const incomplete = failedCells(results.cells);
  const failOn = failingSignals(config.compare);
  const failing = comparison ? regressionCount(comparison, failOn) : 0;
  if (failing > 0) {
    reasons.push(`${failing} cell(s) regressed against ${comparison!.baselineLabel} (fail-on-regression: ${failOn.join(', ')}).`);
  } else if (inputs.failOnIncomplete && incomplete.length > 0) {
    reasons.push(`${incomplete.length} cell(s) have no result (fail-on-incomplete is on): ${incomplete.map((cell) => cell.id).join(', ')}`);
  }
  return reasons;
}

function message(error: unknown): string {
  const text = errorMessage(error);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Entry of the action's main step: any thrown value becomes one failure message. */
export async function run(deps?: ActionDeps): Promise<void> {
  try {
    await runAction(deps);
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}
