import { stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { resolveBaseline, type Baseline } from '../core/compare/baseline.js';
import { hasBaseSide } from '../core/compare/paired-samples.js';
import { DEFAULT_CALIBRATION_REPEATS } from '../core/compare/calibration.js';
import { compareResults, failingSignals, regressionCount, VERDICTS } from '../core/compare/verdicts.js';
import { errorMessage } from '../core/error-message.js';
import { signalChange } from '../core/report/signal-format.js';
import { formatInterval, VERDICT_METRIC_NAME } from '../core/report/verdict-text.js';
import { baselineChoice, type BaselineChoice } from '../core/config/baseline.js';
import { ConfigError, type CompareSpec } from '../core/config/build.js';
import { loadConfig } from '../core/config/load.js';
import { readInput } from '../core/config/inputs.js';
import { failedCells } from '../core/results/cell.js';
import { readInputText } from '../core/ingest/input-file.js';
import { readRecordedResults, reingestRun, RESULTS_FILE, RunDirError } from '../core/ingest/run-dir.js';
import { renderReport } from '../core/report/body.js';
import { longForm, reportOutputs } from '../core/report/outputs.js';
import { mergeResults, parseResults, requireCells, ResultsError, serializeResults, type Results } from '../core/results/results.js';
import { VERSION } from '../core/version.js';
import { BUILT_IN_ROUTES, BUILT_IN_SETUPS, PRESET_SETUPS, TEAM_DEFAULT_SETUPS } from '../core/config/defaults.js';
import { parse, UsageError, type Parsed } from './args.js';
import type { CliIo } from './io.js';
import { checkMergeTargets, checkMergePaths } from './merge-paths.js';

export type { CliIo };

const names = (setups: readonly { name: string }[] | readonly string[]): string =>
  setups.map((setup) => (typeof setup === 'string' ? setup : setup.name)).join(', ');
const otherPresets = PRESET_SETUPS.filter((setup) => !(TEAM_DEFAULT_SETUPS as readonly string[]).includes(setup.name));

const USAGE = `async-bench ${VERSION}: Django Sync vs Async under added latency (the Asynchronize-Django study)

Your own Django project: describe it in ./async-bench.yml (app: and routes:, as the README's
"Your own Django project" shows), then run "async-bench run --profile quick" there. Its default
setups are what teams deploy, at equal resources, each with 2 × the cores + 1 workers:
  ${names(TEAM_DEFAULT_SETUPS)}
  (the -pool ones with Django's own connection pool, left out when the built image cannot use it:
  it needs Django 5.1+ and psycopg 3 with psycopg[pool])
Without an app: the study's reference app, its routes and setups.

Usage:
  async-bench run     [options] [--resume|--force] [--verbose]
                                                run the matrix with Docker, write <out>/results.json, tables.md, report.html and the exports;
                                                an out folder holding an earlier run needs --resume (keep the cells
                                                measured under the same configuration and stack) or --force (start over);
                                                a live line per cell; --verbose streams the image build
  async-bench ingest  <run-dir> [options]       read <run-dir>/cells/* into <run-dir>/results.json and report.html, with
                                                the configuration recorded there (the options only when there is none)
  async-bench report  <results.json> [--baseline paper|<results.json>] [--threshold 10%] [--confidence 95%]
                                                print the report as markdown; write report.html, results.csv,
                                                github-action-benchmark.json and bencher-bmf.json beside it
  async-bench compare <results.json> --baseline paper|<results.json> [--threshold 10%] [--confidence 95%] [--fail-on-regression [SIGNALS]]
                                                print each cell's verdict; exit 1 on regressions if asked
  async-bench calibrate [options] [--repeats N] [--resume|--force]
                                                A/A: measure the same code N times as A and N as B (default 3), interleaved
                                                (--baseline base: N pairs of base and head, base = HEAD unless --base-ref;
                                                results.json also keeps the pairs' noise, noise.paired);
                                                print each cell's noise (CoV), the false alarms today's threshold would raise
                                                and the threshold and repeats to use; results.json keeps the noise
  async-bench merge   <out.json> <shard.json>...  merge shard results into one (and tables.md beside it); never over an input

Options (also inputs of the action and keys of async-bench.yml):
  --profile paper|quick|ci|pr   --setups NAME,...   --routes NAME,...   (default profile: paper, ~90 min for the study)
  --latencies 0,100,200      --users N   --spawn-rate N   --run-time 180s   --processes N   --repeats N   --seed-posts N
  --budget 15m               (pairs until each cell is decided, at most --repeats a cell, within 15 minutes of measuring)
  --latency-method auto|netem|toxiproxy   --shard i/n   --out DIR   --config async-bench.yml
  --baseline paper|base|PATH --base-ref REF   --threshold 10%   --confidence 95%
  --fail-on-regression [throughput,queries,cpu,db,memory]   (alone: throughput and queries)
                             (base: the base commit (--base-ref, default the merge-base with the default branch)
                              built from a git worktree and measured alternately with this checkout, same run)

Setups by name: ${names(BUILT_IN_SETUPS)} (the study's, one worker: the reference app's default);
  ${names(TEAM_DEFAULT_SETUPS)} (your app's default; the -pool ones with Django's own
  connection pool); ${names(otherPresets)}; or your own in async-bench.yml.
Routes: the study's ${names(BUILT_IN_ROUTES)}, or your app's, by the names async-bench.yml gives them.
`;

/** A results.json the user named; a FIFO, device or folder is refused before it is opened. */
async function readResultsFile(path: string): Promise<Results> {
  const text = await readInputText(path, path, 'the path of a results.json').catch((error: unknown) => {
    throw new UsageError(errorMessage(error));
  });
  if (text === null) throw new UsageError(`cannot read ${path} (ENOENT); give the path of a results.json.`);
  return parseResults(path, text);
}

/**
 * The baseline to compare with and the settings that decide the verdicts: --baseline, else
 * the one the results were run with when that is `paper` (a recorded path or `artifact`
 * meant something on the machine that ran them, not here); --threshold and --confidence,
 * else the recorded ones.
 */
async function comparisonInputs(
  results: Results,
  parsed: Parsed,
  cwd: string,
): Promise<{ baseline: Baseline | null; compare: Pick<CompareSpec, 'threshold' | 'confidence'> }> {
  // paper, and base (the base side inside these very results), mean the same everywhere.
  const kept = baselineChoice(results.config.compare.baseline);
  const recorded: BaselineChoice = kept.kind === 'paper' || (kept.kind === 'base' && hasBaseSide(results)) ? kept : { kind: 'none' };
  const given = parsed.inputs.baseline;
  const choice = given !== undefined ? baselineChoice(readInput('baseline', given)) : recorded;
  if (choice.kind === 'artifact')
    throw new UsageError('baseline "artifact" is resolved by the GitHub Action; here give --baseline paper or the path of a results.json.');
  if (choice.kind === 'base' && !hasBaseSide(results))
    throw new UsageError('baseline "base" compares the base side a run measured beside head (run --baseline base); these results have none.');
  const baseline = await resolveBaseline(choice, { cwd, current: results });
  const threshold = parsed.inputs.threshold ? readInput('threshold', parsed.inputs.threshold) : results.config.compare.threshold;
  const confidence = parsed.inputs.confidence ? readInput('confidence', parsed.inputs.confidence) : results.config.compare.confidence;
  return { baseline, compare: { threshold, confidence } };
}

function onePositional(parsed: Parsed, what: string): string {
  const [value, extra] = parsed.positionals;
  if (value === undefined) throw new UsageError(`${parsed.command} needs ${what}.`);
  if (extra !== undefined) throw new UsageError(`${parsed.command} takes one ${what}; got also ${JSON.stringify(extra)}.`);
  return value;
}

const commands: Record<string, (parsed: Parsed, io: CliIo) => Promise<number>> = {
  async ingest(parsed, io) {
    const given = onePositional(parsed, 'a run directory');
    const runDir = resolve(io.cwd, given);
    if ((await stat(runDir).catch(() => null))?.isDirectory() === false) {
      throw new UsageError(`${given} is a file, not a run folder; give the folder a run wrote (its --out, holding cells/).`, 'ingest');
    }
    const recorded = await readRecordedResults(runDir).catch((error: unknown) => {
      throw new ResultsError(
        `${errorMessage(error)} ingest re-reads a run with the configuration it recorded there; move the file aside to ingest with flags instead.`,
      );
    });
    const flags = [...Object.keys(parsed.inputs), ...(parsed.configFile !== undefined ? ['config'] : [])].map((name) => `--${name}`);
    if (recorded && flags.length > 0) {
      throw new UsageError(
        `${join(runDir, RESULTS_FILE)} records the configuration this run used, so ${flags.join(', ')} would describe ` +
          `another run; drop ${flags.length === 1 ? 'it' : 'them'}, or move results.json aside to ingest with flags.`,
        'ingest',
      );
    }
    const source = recorded ? { recorded } : { config: await loadConfig(parsed.inputs, parsed.configFile, io.cwd) };
    const { results, unplanned, warnings } = await reingestRun(runDir, source);
    for (const warning of warnings) io.stderr.write(`warning: ${warning}\n`);
    for (const dir of unplanned) io.stderr.write(`note: cells/${dir} is not in the configured matrix; left out.\n`);
    await writeFile(join(runDir, RESULTS_FILE), serializeResults(results));
    // The charts only: ingest compares with nothing, so its report.html is the run as measured.
    const report = await reportOutputs({ results, baseline: null, compare: results.config.compare, cellsFrom: [runDir] });
    if (report.html === null) throw new Error(`report.html was not written: ${report.problem}`);
    const html = join(runDir, report.html.file);
    await writeFile(html, report.html.content);
    const failed = failedCells(results.cells);
    io.stdout.write(`${join(runDir, RESULTS_FILE)}: ${results.cells.length - failed.length} cells measured, ${failed.length} failed; charts in ${html}\n`);
    for (const cell of failed) io.stdout.write(`  ✖ ${cell.id}: ${cell.reason}\n`);
    return 0;
  },

  async report(parsed, io) {
    const given = onePositional(parsed, 'a results.json');
    const path = resolve(io.cwd, given);
    const results = requireCells(given, await readResultsFile(path));
    const dir = dirname(path);
    const report = await reportOutputs({ results, ...(await comparisonInputs(results, parsed, io.cwd)), cellsFrom: [dir] });
    io.stdout.write(report.markdown);
    // The exports go beside results.json; a folder we cannot write to costs them, not the report.
    const written = async () => {
      if (report.problem !== null) throw new Error(report.problem);
      for (const file of longForm(report)) await writeFile(join(dir, file.file), file.content);
      return longForm(report).map((file) => join(dir, file.file));
    };
    await written().then(
      (paths) => io.stderr.write(`Wrote ${paths.join(', ')}\n`),
      (error: unknown) => io.stderr.write(`async-bench: exports not written: ${errorMessage(error)}\n`),
    );
    return 0;
  },

  async compare(parsed, io) {
    const path = onePositional(parsed, 'a results.json');
    const results = requireCells(path, await readResultsFile(resolve(io.cwd, path)));
    const { baseline, compare } = await comparisonInputs(results, parsed, io.cwd);
    if (!baseline) throw new UsageError('compare needs --baseline paper or --baseline <results.json>.');
    const comparison = compareResults(results, baseline, compare.threshold, { confidence: compare.confidence });
    for (const cell of comparison.cells.values()) {
      const { maxSrps, totalSuccesses } = cell.metrics;
      const show = (m: typeof maxSrps) => `${m.current ?? '—'} vs ${m.baseline ?? '—'}${m.relative !== null ? ` (${(m.relative * 100).toFixed(1)}%)` : ''}`;
      const bySignal = cell.decidedBy !== 'throughput' ? signalChange(cell.signals, cell.decidedBy) : null;
      const decided = bySignal
        ? `${bySignal}; `
        : cell.interval
          ? `${VERDICT_METRIC_NAME[cell.metric]} ${formatInterval(cell.interval)}; `
          : cell.reason
            ? `${cell.reason}; `
            : '';
      io.stdout.write(`${cell.verdict.padEnd(14)} ${cell.id.padEnd(32)} ${decided}max sRPS ${show(maxSrps)}; successes ${show(totalSuccesses)}\n`);
    }
    const regressions = regressionCount(comparison);
    const others = VERDICTS.filter((verdict) => verdict !== 'regressed' && comparison.counts[verdict] > 0).map(
      (verdict) => `${comparison.counts[verdict]} ${verdict}`,
    );
    io.stdout.write(`${regressions} regression(s)${others.length ? `, ${others.join(', ')}` : ''} vs ${comparison.baselineLabel}\n`);
    const given = parsed.inputs['fail-on-regression'];
    const failOn = given !== undefined ? readInput('fail-on-regression', given) : failingSignals(results.config.compare);
    return regressionCount(comparison, failOn) > 0 ? 1 : 0;
  },

  async merge(parsed, io) {
    const paths = await checkMergePaths(parsed.positionals, io.cwd);
    const { out, outPath, tablesPath, inputs } = paths;
    const parts = await Promise.all(inputs.map(async ({ given, path }) => ({ source: given, results: await readResultsFile(path) })));
    const merged = mergeResults(parts);
    const [results, tables] = [serializeResults(merged), renderReport(merged, { comparison: null })];
    await checkMergeTargets(paths, results, tables);
    await writeFile(outPath, results);
    await writeFile(tablesPath, tables);
    io.stdout.write(`${out}: ${merged.cells.length} cells from ${parts.length} shard(s); tables in ${tablesPath}\n`);
    return 0;
  },

  async calibrate(parsed, io) {
    const { calibrateCommand } = await import('./calibrate-command.js');
    const config = await loadConfig(parsed.inputs, parsed.configFile, io.cwd);
    return calibrateCommand(config, parsed.inputs.repeats ? config.repeats : DEFAULT_CALIBRATION_REPEATS, io, parsed.existingRun);
  },

  async run(parsed, io) {
    const { runCommand } = await import('./run-command.js');
    const config = await loadConfig(parsed.inputs, parsed.configFile, io.cwd);
    return runCommand(config, io, parsed.existingRun, { verbose: parsed.verbose });
  },
};

/** The CLI: returns the exit code; prints errors as one clear line, never a stack trace. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const parsed = parse(argv);
    if (parsed.version) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (parsed.help || parsed.command === undefined || parsed.command === 'help') {
      io.stdout.write(USAGE);
      return parsed.command === undefined && !parsed.help ? 2 : 0;
    }
    const command = commands[parsed.command];
    if (!command) throw new UsageError(`unknown command ${JSON.stringify(parsed.command)}; commands: ${Object.keys(commands).join(', ')}.`);
    return await command(parsed, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`async-bench${error.command ? ` ${error.command}` : ''}: ${error.message}\nRun "async-bench --help" for usage.\n`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof ResultsError || error instanceof RunDirError) {
      io.stderr.write(`async-bench: ${error.message}\n`);
      return 2;
    }
    // Expected failures carry their own clear message; the stack is for bug reports.
    const detail = process.env.ASYNC_BENCH_DEBUG && error instanceof Error ? (error.stack ?? error.message) : errorMessage(error);
    io.stderr.write(`async-bench: ${detail}\n`);
    return 1;
  }
}
