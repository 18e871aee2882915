import * as core from '@actions/core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { resolveBaseline } from '../core/compare/baseline.js';
import { calibrationConfig, DEFAULT_CALIBRATION_REPEATS } from '../core/compare/calibration.js';
import { ARTIFACT_BASELINE_NAME, measuresBaseSide } from '../core/config/baseline.js';
import type { Config } from '../core/config/build.js';
import { ConfigError } from '../core/config/errors.js';
import { loadConfig } from '../core/config/load.js';
import { errorMessage } from '../core/error-message.js';
import { readInputText } from '../core/ingest/input-file.js';
import { RESULTS_FILE } from '../core/ingest/run-dir.js';
import { calibrationOutputs } from '../core/report/outputs.js';
import { hostEnvironment } from '../core/results/environment.js';
import { emptyResults, mergeResults, parseResults, withMissingCells, type Results } from '../core/results/results.js';
import { downloadShardArtifacts } from '../publish/artifact-download.js';
import {
  artifactName,
  artifactServiceAvailable,
  isFile,
  NO_ARTIFACT_SERVICE,
  readRecordedPrNumber,
  recordPrNumber,
  shardArtifactPrefix,
  uploadResults,
} from '../publish/artifacts.js';
import type { OctokitFactory } from '../publish/octokit.js';
import { downloadRunResults } from '../publish/run-artifact.js';
import { thisRun, type ActionsContext } from './context.js';
import type { ActionDeps } from './deps.js';
import type { ActionInputs } from './inputs.js';

export interface Obtained {
  results: Results;
  /** This step's config: its baseline and threshold apply whatever run made the results. */
  config: Config;
  /** Where this step writes results.json and tables.md: its own folder, never another run's. */
  outDir: string;
  /** Upload an artifact of outDir (run and aggregate modes; report mode publishes another run's). */
  upload: boolean;
  recordedPr: number | null;
  /** Folders besides outDir that hold the cells' Locust files (a downloaded run, the shards merged), for the report's history. */
  cellsFrom: string[];
}

/**
 * Report and aggregate modes write into folders of their own under `out`, so a step that runs
 * after a benchmark in the same job (or publishes the file that benchmark wrote) never
 * overwrites that run's results.json or tables.md.
 */
const MODE_FOLDERS = { report: 'report', aggregate: 'aggregate' } as const;

/** What every mode's step reads: the action's inputs and context, and the config loaded once. */
interface ModeStep {
  inputs: ActionInputs;
  context: ActionsContext;
  deps: ActionDeps;
  octokit: OctokitFactory;
  cwd: string;
  config: Config;
  /** The configured out folder, resolved. */
  out: string;
  /** Whether this server has the artifact service (not GHES). */
  artifacts: boolean;
}

/** The results this step publishes, by mode: measured, merged from shards, or read. */
export async function obtainResults(inputs: ActionInputs, context: ActionsContext, deps: ActionDeps, octokit: OctokitFactory, cwd: string): Promise<Obtained> {
  // In the action, a run compares with the base branch's results unless told otherwise.
  const config = await loadConfig(inputs.config, inputs.configFile, cwd, { baseline: ARTIFACT_BASELINE_NAME });
  const step: ModeStep = {
    inputs,
    context,
    deps,
    octokit,
    cwd,
    config,
    out: resolve(cwd, config.outDir),
    artifacts: artifactServiceAvailable(context.serverUrl),
  };
  // A baseline file that cannot be read is found now, not after the benchmark or the downloads.
  await resolveBaseline(config.compare.baseline, { cwd });
  switch (inputs.mode) {
    case 'run':
      return measureHere(step);
    case 'calibrate':
      return calibrateHere(step);
    case 'aggregate':
      return mergeShards(step);
    case 'report':
      return inputs.results ? readGivenResults(step, inputs.results) : downloadTriggeringRun(step);
  }
}

/** mode run: the benchmark on this runner. */
async function measureHere({ inputs, context, deps, config, out, artifacts }: ModeStep): Promise<Obtained> {
  // A server where the results artifact cannot be uploaded is said now, not after the benchmark.
  if (!artifacts) {
    // A warning, not an error: results.json, tables.md, the summary and the comment are the
    // benchmark's answer and all work here; only the artifact does not. Failing would make
    // the action unusable on GHES, where a later actions/upload-artifact@v3 step can keep
    // the reports (results-path names the folder).
    core.warning(
      `The results artifact will not be uploaded: ${NO_ARTIFACT_SERVICE} (GITHUB_SERVER_URL is ${context.serverUrl}). ` +
        'The benchmark still writes results.json, tables.md, the job summary and the comment; keep the Locust reports ' +
        'with an actions/upload-artifact@v3 step on the folder of the results-path output. `baseline: artifact` finds no baseline here.',
    );
  }
  await mkdir(out, { recursive: true });
  let results: Results;
  try {
    results = await deps.benchmark(withBaseSha(config, context));
  } catch (error) {
    if (artifacts) await uploadPartial(out, config, inputs, context, deps);
    throw error;
  }
  if (context.pr) await recordPrNumber(out, context.pr.number);
  return { results, config, outDir: out, upload: artifacts, recordedPr: null, cellsFrom: [] };
}

/** mode calibrate: A/A on this runner, the same code as A and B, interleaved; results.json keeps the noise. */
async function calibrateHere({ inputs, deps, config, out, artifacts }: ModeStep): Promise<Obtained> {
  await mkdir(out, { recursive: true });
  const perSide = inputs.config.repeats ? config.repeats : DEFAULT_CALIBRATION_REPEATS;
  const measured = await deps.benchmark(calibrationConfig(config, perSide));
  const calibration = calibrationOutputs(measured, config.compare);
  await writeFile(join(out, calibration.file.file), calibration.file.content);
  core.info(calibration.text);
  return { results: calibration.results, config: calibrationConfig(config, perSide), outDir: out, upload: artifacts, recordedPr: null, cellsFrom: [] };
}

/** mode aggregate: the shards' artifacts, merged; a cell no shard reported is marked missing. */
async function mergeShards({ inputs, context, deps, config, out, artifacts }: ModeStep): Promise<Obtained> {
  if (!artifacts) throw new Error(`mode aggregate downloads the shard artifacts, and ${NO_ARTIFACT_SERVICE} (GITHUB_SERVER_URL is ${context.serverUrl}).`);
  const outDir = join(out, MODE_FOLDERS.aggregate);
  await mkdir(outDir, { recursive: true });
  const shards = await downloadShardArtifacts(await deps.artifactStore(), {
    prefix: shardArtifactPrefix(inputs.artifactName),
    destination: join(outDir, '.shards'),
  });
  const parts = await Promise.all(
    shards.map(async (shard) => ({ source: shard.name, results: parseResults(shard.name, await readFile(shard.resultsPath, 'utf8')) })),
  );
  const merged = parts.length > 0 ? mergeResults(parts) : emptyResults({ ...config, shard: null }, hostEnvironment());
  const { results, missing } = withMissingCells(merged, 'no shard artifact reported this cell');
  if (missing.length > 0) core.warning(`${missing.length} cell(s) have no shard result: ${missing.join(', ')}`);
  if (context.pr) await recordPrNumber(outDir, context.pr.number);
  return { results, config, outDir, upload: true, recordedPr: null, cellsFrom: shards.map((shard) => shard.dir) };
}

/** mode report with `results`: a results.json on this runner, never the one this step writes. */
async function readGivenResults({ cwd, config, out }: ModeStep, given: string): Promise<Obtained> {
  const outDir = join(out, MODE_FOLDERS.report);
  const path = resolve(cwd, given);
  if (path === join(outDir, RESULTS_FILE)) {
    throw new ConfigError(
      'results',
      `${JSON.stringify(given)} is where mode report writes its own results.json (${outDir}); give the results of another folder, or set out: elsewhere.`,
    );
  }
  const text = await readInputText(path, path, 'a results.json').catch((error: unknown) => {
    throw new ConfigError('results', `${errorMessage(error)} Give \`results\` the path of a results.json file.`);
  });
  if (text === null) throw new ConfigError('results', `${path} does not exist; give \`results\` the path of a results.json file.`);
  const results = parseResults(path, text);
  await mkdir(outDir, { recursive: true });
  return { results, config, outDir, upload: false, recordedPr: null, cellsFrom: [dirname(path)] };
}

/** mode report in a workflow_run: the triggering run's artifact, and the PR it recorded. */
async function downloadTriggeringRun({ inputs, context, deps, octokit, config, out, artifacts }: ModeStep): Promise<Obtained> {
  const outDir = join(out, MODE_FOLDERS.report);
  if (!context.workflowRun) {
    throw new Error('mode report needs a `results` path, or a workflow_run event whose triggering run uploaded the results artifact.');
  }
  if (!artifacts)
    throw new Error(`mode report without \`results\` downloads the triggering run's artifact, and ${NO_ARTIFACT_SERVICE}; give \`results\` a path.`);
  await mkdir(outDir, { recursive: true });
  const { dir, resultsPath } = await downloadRunResults(
    {
      owner: context.owner,
      repo: context.repo,
      runId: context.workflowRun.id,
      artifactName: inputs.artifactName,
      token: inputs.token,
      destination: join(outDir, '.triggering-run'),
    },
    { octokit: octokit(inputs.token), store: await deps.artifactStore() },
  );
  return {
    results: parseResults(resultsPath, await readFile(resultsPath, 'utf8')),
    config,
    outDir,
    upload: false,
    recordedPr: await readRecordedPrNumber(dir),
    cellsFrom: [dirname(resultsPath)],
  };
}

/** A run that failed or was cancelled part-way still leaves its measured cells in an artifact. */
async function uploadPartial(outDir: string, config: Config, inputs: ActionInputs, context: ActionsContext, deps: ActionDeps): Promise<void> {
  const run = thisRun(context);
  if (!run || !(await isFile(join(outDir, RESULTS_FILE)))) return;
  try {
    const name = artifactName(inputs.artifactName, config.shard);
    await uploadResults(await deps.artifactStore(), { name, outDir, retentionDays: inputs.retentionDays, run }, deps.timing?.upload);
    core.warning(`The run stopped early; the cells it measured are in the artifact ${name}.`);
  } catch (error) {
    core.warning(`Could not upload the partial results: ${errorMessage(error)}`);
  }
}

/** baseline: base in a pull_request event: the PR's base commit from the event, unless base-ref names one. */
function withBaseSha(config: Config, context: Pick<ActionsContext, 'baseSha'>): Config {
  if (!measuresBaseSide(config.compare.baseline) || config.compare.baseRef || !context.baseSha) return config;
  return { ...config, compare: { ...config.compare, baseRef: context.baseSha } };
}
