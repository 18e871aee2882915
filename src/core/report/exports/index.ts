import type { Comparison } from '../../compare/verdicts.js';
import type { Results } from '../../results/results.js';
import { summarize } from '../summary.js';
import { renderBenchmarkAction } from './benchmark-action.js';
import { renderBencher } from './bencher.js';
import { renderCsv } from './csv.js';

/** Files written next to results.json, for tools that track benchmarks over time. */
export const EXPORT_FILES = {
  csv: 'results.csv',
  benchmarkAction: 'github-action-benchmark.json',
  bencher: 'bencher-bmf.json',
} as const;

/** A file of the report: what the edges write, the core writes nothing. */
export interface ReportFile {
  /** A bare file name, written into the folder of results.json. */
  file: string;
  content: string;
}

/** Every export as text; the edges write them (the core writes nothing). */
export function renderExports(results: Results, comparison: Comparison | null = null): ReportFile[] {
  const summary = summarize(results);
  return [
    { file: EXPORT_FILES.csv, content: renderCsv(results, comparison) },
    { file: EXPORT_FILES.benchmarkAction, content: `${JSON.stringify(renderBenchmarkAction(summary), null, 2)}\n` },
    { file: EXPORT_FILES.bencher, content: `${JSON.stringify(renderBencher(summary), null, 2)}\n` },
  ];
}
