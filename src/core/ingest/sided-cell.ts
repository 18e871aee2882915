import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CELLS_FOLDER, type Cell } from '../plan/cells.js';
import { sidedSampleDir, type SampleSide } from '../plan/paired-order.js';
import { cellResult } from '../results/cell.js';
import { summarizeSamples } from '../results/samples.js';
import type { CellResult, Sample } from '../results/schema.js';
import { readCell } from './cell.js';

const SIDES: SampleSide[] = ['base', 'head'];

const isDirectory = async (path: string): Promise<boolean> => (await stat(path).catch(() => null))?.isDirectory() ?? false;

/**
 * A cell of a same-runner run: cells/<cell>/<side>/r<n>/ for both sides. results.json
 * keeps every sample with its side; the cell's own metrics and summary are head's (this
 * checkout's numbers, as in any run), the base's are in its samples. Under a budget
 * (`budget`), a pair neither side of which ran is one the budget did not spend: left out.
 */
export async function readSidedCell(runDir: string, cell: Cell, repeats: number, budget = false): Promise<CellResult> {
  const samples: Sample[] = [];
  for (let repeat = 1; repeat <= repeats; repeat += 1) {
    const paths = SIDES.map((side) => join(runDir, CELLS_FOLDER, sidedSampleDir(cell.dir, side, repeat)));
    if (budget && !(await Promise.all(paths.map(isDirectory))).some(Boolean)) continue;
    for (const side of SIDES) {
      const dir = sidedSampleDir(cell.dir, side, repeat);
      const path = join(runDir, CELLS_FOLDER, dir);
      const present = await isDirectory(path);
      const outcome = present ? await readCell(path) : null;
      samples.push({
        repeat,
        side,
        dir: `${CELLS_FOLDER}/${dir}`,
        status: outcome?.status ?? 'failed',
        reason: outcome ? outcome.reason : `not run: no folder ${CELLS_FOLDER}/${dir}`,
        metrics: outcome?.metrics ?? null,
      });
    }
  }
  const { outcome, summary } = summarizeSamples(samples.filter((sample) => sample.side === 'head'));
  return { ...cellResult(cell, outcome), samples, ...(summary ? { summary } : {}) };
}
