import { readFile, realpath } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { TABLES_FILE } from '../core/ingest/run-dir.js';
import { parseResults } from '../core/results/results.js';
import { UsageError } from './args.js';

export const MERGE_USAGE = 'async-bench merge <out.json> <shard.json>...';

/** The same file however it is named (relative, ./, a symlink); the resolved path when it does not exist. */
const canonical = (path: string): Promise<string> => realpath(path).catch(() => path);

/** The shard a results.json holds, or null when it is not a shard's (or not a results.json). */
async function shardOf(path: string): Promise<string | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const { shard } = parseResults(path, text);
    return shard ? `${shard.index}/${shard.total}` : null;
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
  const shard = await shardOf(outPath);
  if (shard) {
    throw new UsageError(
      `missing the output path: ${MERGE_USAGE} (${out} is the results of shard ${shard}, so it is an input, and merge never writes over one).`,
      'merge',
    );
  }
  if (given.length === 0) throw new UsageError(`no shard results to merge into ${out}: ${MERGE_USAGE}`, 'merge');
  const tablesPath = join(dirname(outPath), TABLES_FILE);
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
