import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Comparison } from '../core/compare/verdicts.js';
import { readRunSeries } from '../core/ingest/series.js';
import { renderExports } from '../core/report/exports/index.js';
import { HTML_REPORT_FILE, renderHtmlReport } from '../core/report/html/index.js';
import type { Results } from '../core/results/results.js';

/**
 * Writes results.csv, github-action-benchmark.json and bencher-bmf.json into `dir`
 * (the folder of results.json) and returns their paths.
 */
export async function writeExports(dir: string, results: Results, comparison: Comparison | null): Promise<string[]> {
  const files = renderExports(results, comparison);
  await Promise.all(files.map((file) => writeFile(join(dir, file.file), file.content)));
  return files.map((file) => join(dir, file.file));
}

/** Writes report.html into the run folder `dir`, with each cell's history from `dir/cells/…`; returns its path. */
export async function writeHtmlReport(dir: string, results: Results, comparison: Comparison | null): Promise<string> {
  const path = join(dir, HTML_REPORT_FILE);
  await writeFile(path, renderHtmlReport(results, { comparison, series: await readRunSeries(dir, results) }));
  return path;
}
