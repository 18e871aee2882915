import * as core from '@actions/core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readActionInputs, type ActionInputs } from './inputs.js';
import { artifactBaseline } from './baseline-source.js';
import { resolveBaseline } from '../core/compare/baseline.js';
import { compareResults, regressionCount } from '../core/compare/verdicts.js';
import type { Config } from '../core/config/build.js';
import { loadConfig } from '../core/config/load.js';
import { RESULTS_FILE, TABLES_FILE } from '../core/ingest/run-dir.js';
import { renderReport } from '../core/report/body.js';
import { hostEnvironment } from '../core/results/environment.js';
import { emptyResults, mergeResults, parseResults, serializeResults, withMissingCells, type Results } from '../core/results/results.js';
import { downloadShardArtifacts } from '../publish/artifact-download.js';
import { artifactName, defaultArtifactStore, isFile, readRecordedPrNumber, recordPrNumber, shardArtifactPrefix, uploadResults, type ArtifactStore } from '../publish/artifacts.js';
import { runUrl } from '../publish/run-ref.js';
import { readActionsContext, thisRun, type ActionsContext } from './context.js';
import { octokitFactory, type OctokitFactory } from '../publish/octokit.js';
import { publishReport } from '../publish/publish.js';
import { downloadRunResults } from '../publish/run-artifact.js';

/** The effects the action has on the world, injectable for tests. */
export interface ActionDeps {
  getInput: (name: string) => string;
  env: NodeJS.ProcessEnv;
  octokit?: OctokitFactory;
  artifactStore: () => Promise<ArtifactStore>;
  /** Runs the matrix (the Docker stack); loaded lazily so report mode never touches Docker code. */
  benchmark: (config: Config) => Promise<Results>;
}

const defaultDeps = (): ActionDeps => ({
  getInput: (name) => core.getInput(name),
  env: process.env,
  artifactStore: defaultArtifactStore,
  benchmark: async (config) => {
    const { runBenchmarkInAction } = await import('./benchmark.js');
    return runBenchmarkInAction(config);
  },
});

interface Obtained {
  results: Results;
  /** This step's config: its baseline and threshold apply whatever run made the results. */
  config: Config;
  outDir: string;
  /** Upload an artifact of outDir (run and aggregate modes; report mode publishes another run's). */
  upload: boolean;
  recordedPr: number | null;
}

async function obtainResults(inputs: ActionInputs, context: ActionsContext, deps: ActionDeps, octokit: OctokitFactory): Promise<Obtained> {
  const cwd = deps.env.GITHUB_WORKSPACE ?? process.cwd();
  // In the action, a run compares with the base branch's results unless told otherwise.
  const config = await loadConfig(inputs.config, inputs.configFile, cwd, { baseline: 'artifact' });
  const outDir = resolve(cwd, config.outDir);
  await mkdir(outDir, { recursive: true });
  switch (inputs.mode) {
    case 'run': {
      // A baseline file that cannot be read is found now, not after the benchmark.
      await resolveBaseline(config.compare.baseline, { cwd });
      let results: Results;
      try {
        results = await deps.benchmark(config);
      } catch (error) {
        await uploadPartial(outDir, config, inputs, context, deps);
        throw error;
      }
      if (context.pr) await recordPrNumber(outDir, context.pr.number);
      return { results, config, outDir, upload: true, recordedPr: null };
    }
    case 'aggregate': {
      const shards = await downloadShardArtifacts(await deps.artifactStore(), {
        prefix: shardArtifactPrefix(inputs.artifactName),
        destination: join(outDir, '.shards'),
      });
      const parts = await Promise.all(shards.map(async (shard) => ({ source: shard.name, results: parseResults(shard.name, await readFile(shard.resultsPath, 'utf8')) })));
      const merged = parts.length > 0 ? mergeResults(parts) : emptyResults({ ...config, shard: null }, hostEnvironment());
      const { results, missing } = withMissingCells(merged, 'no shard artifact reported this cell');
      if (missing.length > 0) core.warning(`${missing.length} cell(s) have no shard result: ${missing.join(', ')}`);
      if (context.pr) await recordPrNumber(outDir, context.pr.number);
      return { results, config, outDir, upload: true, recordedPr: null };
    }
    case 'report': {
      if (inputs.results) {
        const path = resolve(cwd, inputs.results);
        return { results: parseResults(path, await readFile(path, 'utf8')), config, outDir, upload: false, recordedPr: null };
      }
      if (!context.workflowRun) {
        throw new Error('mode report needs a `results` path, or a workflow_run event whose triggering run uploaded the results artifact.');
      }
      const { dir, resultsPath } = await downloadRunResults(
        { owner: context.owner, repo: context.repo, runId: context.workflowRun.id, artifactName: inputs.artifactName, token: inputs.token, destination: join(outDir, '.triggering-run') },
        { octokit: octokit(inputs.token), store: await deps.artifactStore() },
      );
      return { results: parseResults(resultsPath, await readFile(resultsPath, 'utf8')), config, outDir, upload: false, recordedPr: await readRecordedPrNumber(dir) };
    }
  }
}

/** A run that failed or was cancelled part-way still leaves its measured cells in an artifact. */
async function uploadPartial(outDir: string, config: Config, inputs: ActionInputs, context: ActionsContext, deps: ActionDeps): Promise<void> {
  const run = thisRun(context);
  if (!run || !(await isFile(join(outDir, RESULTS_FILE)))) return;
  try {
    const name = artifactName(inputs.artifactName, config.shard);
    await uploadResults(await deps.artifactStore(), {
      name,
      outDir,
      retentionDays: inputs.retentionDays,
      run,
    });
    core.warning(`The run stopped early; the cells it measured are in the artifact ${name}.`);
  } catch (error) {
    core.warning(`Could not upload the partial results: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The whole action: obtain results, compare, upload, publish, set outputs. */
export async function runAction(deps: ActionDeps = defaultDeps()): Promise<void> {
  const inputs = readActionInputs(deps.getInput);
  let context = readActionsContext({ env: deps.env });
  const octokit = deps.octokit ?? octokitFactory(context.apiUrl);
  const { results, config, outDir, upload, recordedPr } = await obtainResults(inputs, context, deps, octokit);
  if (recordedPr !== null) context = readActionsContext({ env: deps.env, recordedPrNumber: recordedPr });

  const resultsPath = join(outDir, RESULTS_FILE);
  const tablesPath = join(outDir, TABLES_FILE);
  if (inputs.mode !== 'run') await writeFile(resultsPath, serializeResults(results));

  const baseline = await resolveBaseline(config.compare.baseline, {
    cwd: deps.env.GITHUB_WORKSPACE ?? process.cwd(),
    artifact: artifactBaseline(
      { branch: inputs.baselineBranch, artifactName: inputs.artifactName, token: inputs.token, scratchDir: join(outDir, '.baseline'), context },
      { octokit, store: deps.artifactStore },
    ),
  });
  const comparison = baseline ? compareResults(results, baseline, config.compare.threshold) : null;
  await writeFile(tablesPath, renderReport(results, { comparison }));

  const run = thisRun(context);
  let artifact: { id: number | null; url: string | null } = { id: null, url: null };
  if (upload && run) {
    artifact = await uploadResults(await deps.artifactStore(), {
      name: artifactName(inputs.artifactName, results.shard),
      outDir,
      retentionDays: inputs.retentionDays,
      run,
    });
  }
  const links = [...(run ? [`[Workflow run](${runUrl(run)})`] : []), ...(artifact.url ? [`[Locust reports and results.json](${artifact.url})`] : [])];
  const body = renderReport(results, { comparison, links });
  const regressions = comparison ? regressionCount(comparison) : 0;

  const published = await publishReport(
    {
      policy: inputs.comment,
      key: inputs.commentKey,
      body,
      regressions,
      owner: context.owner,
      repo: context.repo,
      pr: context.pr,
      token: inputs.token,
      expectedHeadSha: context.workflowRun?.headSha ?? null,
    },
    { octokit },
  );

  core.setOutput('results-path', resultsPath);
  core.setOutput('markdown-path', tablesPath);
  core.setOutput('regressions', regressions);
  core.setOutput('improvements', comparison?.counts.improved ?? 0);
  core.setOutput('comment-url', published.comment.url ?? '');
  core.setOutput('artifact-id', artifact.id ?? '');
  core.setOutput('artifact-url', artifact.url ?? '');

  const failedCells = results.cells.filter((cell) => cell.status === 'failed');
  if (config.compare.failOnRegression && regressions > 0) {
    core.setFailed(`${regressions} cell(s) regressed against ${comparison!.baselineLabel} (fail-on-regression is on).`);
  } else if (inputs.failOnIncomplete && failedCells.length > 0) {
    core.setFailed(`${failedCells.length} cell(s) have no result (fail-on-incomplete is on): ${failedCells.map((cell) => cell.id).join(', ')}`);
  }
}

/** Entry of the action's main step: any thrown value becomes one failure message. */
export async function run(deps?: ActionDeps): Promise<void> {
  try {
    await runAction(deps);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
