import { realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { errorMessage } from '../core/error-message.js';
import { readInputText } from '../core/ingest/input-file.js';
import { RESULTS_FILE, TABLES_FILE } from '../core/ingest/run-dir.js';
import { parseResults } from '../core/results/results.js';
import { UsageError } from './args.js';

export const MERGE_USAGE = 'async-bench merge <out.json> <shard.json>...';

/** The same file however it is named (relative, ./, a symlink); the resolved path when it does not exist. */
const canonical = (path: string): Promise<string> => realpath(path).catch(() => path);

/** The text of an existing output, or null; a folder or special file is refused (writing to a FIFO waits forever). */
async function existingOutput(path: string, given: string, what: string): Promise<string | null> {
  const info = await stat(path).catch(() => null);
  if (info === null) return null;
  if (info.isDirectory()) {
    throw new UsageError(`${given} is a folder; give the path of ${what}, e.g. ${join(given, RESULTS_FILE)}: ${MERGE_USAGE}`, 'merge');
  }
  const text = await readInputText(path, given, `the path of ${what}`).catch((error: unknown) => {
    throw new UsageError(errorMessage(error), 'merge');
  });
  return text;
}

/** What an existing results.json holds, in a few words; null when it is not a results.json. */
function describeResults(path: string, text: string): { shard: string | null; summary: string } | null {
  try {
    const results = parseResults(path, text);
    const shard = results.shard ? `${results.shard.index}/${results.shard.total}` : null;
    return { shard, summary: `${results.cells.length} cells, created ${results.createdAt}` };
  } catch {
    return null;
  }
}

export interface MergePaths {
  out: string;
  /** Absolute: where the merged results.json and, beside it, tables.md go. */
  outPath: string;
  tablesPath: string;
  inputs: { given: string; path: string }[];
}

/**
 * Checks merge's paths before anything is read or written: an output first, then
 * inputs, and no write over an input: not the output itself, not the tables.md
 * beside it, and not a shard's results.json given first by mistake (the output forgotten).
 */
export async function checkMergePaths(positionals: string[], cwd: string): Promise<MergePaths> {
  const [out, ...given] = positionals;
  if (out === undefined) throw new UsageError(`missing the output path: ${MERGE_USAGE}`, 'merge');
  const outPath = resolve(cwd, out);
  const existing = await existingOutput(outPath, out, 'the merged results.json');
  const shard = existing === null ? null : describeResults(outPath, existing)?.shard;
  if (shard) {
    throw new UsageError(
      `missing the output path: ${MERGE_USAGE} (${out} is the results of shard ${shard}, so it is an input, and merge never writes over one).`,
      'merge',
    );
  }
  if (given.length === 0) throw new UsageError(`no shard results to merge into ${out}: ${MERGE_USAGE}`, 'merge');
  const tablesPath = join(dirname(outPath), TABLES_FILE);
  await existingOutput(tablesPath, tablesPath, `the tables beside ${out}`);
  const [outReal, tablesReal] = await Promise.all([canonical(outPath), canonical(tablesPath)]);
  const inputs = given.map((path) => ({ given: path, path: resolve(cwd, path) }));
  for (const input of inputs) {
    const real = await canonical(input.path);
    if (real === outReal)
      throw new UsageError(`the output ${out} is also an input (${input.given}); merge never writes over its inputs: ${MERGE_USAGE}`, 'merge');
    if (real === tablesReal)
      throw new UsageError(`the tables go to ${tablesPath}, which is an input (${input.given}); choose an output in another folder.`, 'merge');
  }
  return { out, outPath, tablesPath, inputs };
}

/**
 * Run once everything is merged, before anything is written: an existing output is replaced
 * only when it is what this merge writes (the same merge again). Anything else there (a full
 * run's results.json, another merge, an unrelated tables.md) is refused and named.
 */
export async function checkMergeTargets(paths: MergePaths, results: string, tables: string): Promise<void> {
  const current = await existingOutput(paths.outPath, paths.out, 'the merged results.json');
  if (current !== null && current !== results) {
    const held = describeResults(paths.outPath, current);
    const what = held ? `already holds results (${held.summary}) that are not the merge of these shards` : 'exists and is not a results.json';
    throw new UsageError(`${paths.out} ${what}; merge never replaces them: give a new output path, or move ${paths.out} aside.`, 'merge');
  }
  const beside = await existingOutput(paths.tablesPath, paths.tablesPath, `the tables beside ${paths.out}`);
  if (beside !== null && beside !== tables) {
    throw new UsageError(
      `${paths.tablesPath} exists and is not the tables of this merge; merge never replaces it: choose an output in another folder, or move it aside.`,
      'merge',
    );
  }
}
