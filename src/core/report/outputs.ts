import type { Baseline } from '../compare/baseline.js';
import { calibrate, CALIBRATION_FILE } from '../compare/calibration.js';
import { compareResults, type Comparison } from '../compare/verdicts.js';
import type { CompareSpec } from '../config/schema.js';
import { errorMessage } from '../error-message.js';
import { TABLES_FILE } from '../ingest/run-dir.js';
import { readRunSeries } from '../ingest/series.js';
import type { Results } from '../results/results.js';
import { renderReport } from './body.js';
import { renderCalibration } from './calibration-text.js';
import { renderExports, type ReportFile } from './exports/index.js';
import { HTML_REPORT_FILE, renderHtmlReport } from './html/index.js';

export type { ReportFile };

/** What the verdicts are decided with. */
type Decision = Pick<CompareSpec, 'threshold' | 'confidence'>;

export interface ReportRequest {
  results: Results;
  /** Resolved by the edge (`resolveBaseline`, with the sources it has); null: no comparison. */
  baseline: Baseline | null;
  compare: Decision;
  /** Folders that hold the cells' Locust files, for report.html's charts: the page's own folder first. */
  cellsFrom: readonly string[];
}

/** Every output of a run's report, as values; the CLI and the action write them (the core writes nothing). */
export interface ReportOutputs {
  comparison: Comparison | null;
  /** The report as markdown: tables.md's content, the CLI's stdout. */
  markdown: string;
  /** The same report with links under the charts: the job summary, the PR comment. */
  withLinks: (links: string[]) => string;
  tables: ReportFile;
  /** report.html; null when it could not be rendered (`problem` says why). */
  html: ReportFile | null;
  /** results.csv, github-action-benchmark.json, bencher-bmf.json; empty when `problem`. */
  exports: ReportFile[];
  /** Why report.html and the exports are missing: a fault there costs them only, never the report. */
  problem: string | null;
}

/**
 * The one report step: results and a baseline into the report, tables.md, report.html and
 * the exports, for the folder of results.json. report.html reads each cell's history from
 * `cellsFrom` (reading is allowed in the core; writing is the edge's).
 */
export async function reportOutputs(request: ReportRequest): Promise<ReportOutputs> {
  const { results, baseline, compare } = request;
  const comparison = baseline ? compareResults(results, baseline, compare.threshold, { confidence: compare.confidence }) : null;
  const markdown = renderReport(results, { comparison });
  let html: ReportFile | null = null;
  let exports: ReportFile[] = [];
  let problem: string | null = null;
  try {
    const series = await readRunSeries(request.cellsFrom, results);
    html = { file: HTML_REPORT_FILE, content: renderHtmlReport(results, { comparison, series }) };
    exports = renderExports(results, comparison);
  } catch (error) {
    html = null;
    problem = errorMessage(error);
  }
  return {
    comparison,
    markdown,
    withLinks: (links) => renderReport(results, { comparison, links }),
    tables: { file: TABLES_FILE, content: markdown },
    html,
    exports,
    problem,
  };
}

/** report.html and the exports: what goes beside results.json after tables.md (none when `problem`). */
export const longForm = (outputs: ReportOutputs): ReportFile[] => (outputs.html ? [outputs.html, ...outputs.exports] : []);

export interface CalibrationOutputs {
  /** The measured results with the noise they showed: what results.json keeps. */
  results: Results;
  /** The answer: each cell's noise, the false alarms, the recommendation (calibration.md, the log). */
  text: string;
  file: ReportFile;
}

/** Calibrate's analysis, once for the CLI and the action: an A/A run into its noise record and calibration.md. */
export function calibrationOutputs(measured: Results, compare: Decision, measuredAt?: Date): CalibrationOutputs {
  const calibration = calibrate(measured, compare, measuredAt);
  const text = renderCalibration(calibration);
  return { results: { ...measured, noise: calibration.record }, text, file: { file: CALIBRATION_FILE, content: text } };
}
