import type { FileHandle } from 'node:fs/promises';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Results } from '../results/results.js';
import { medianSample } from '../results/samples.js';
import { CELL_FILES } from './cell.js';
import { IngestError, streamLocustCsv } from './csv.js';
import { asIngestError, openInput } from './input-file.js';
import { AGGREGATED } from './rows.js';

/** One moment of a cell's load, from an `Aggregated` row of Locust's history. */
export interface SeriesPoint {
  /** Seconds since the cell's first history row. */
  t: number;
  users: number;
  /** Requests/s − Failures/s (Locust's ~10 s window). */
  srps: number;
  failuresPerSecond: number;
  /** Response-time percentiles of the window; null where Locust had no sample yet. */
  p50Ms: number | null;
  p95Ms: number | null;
}

/** What the HTML report shows of one cell beyond results.json. */
export interface CellSeries {
  points: SeriesPoint[];
  /** The folder drawn, relative to the page (`cells/<cell>`, `cells/<cell>/r2` for a repeated cell's median repeat). */
  folder: string;
  /** Locust's own report.html is in that folder, beside the page (so a link to it travels with the page). */
  hasLocustReport: boolean;
  /** Why the history could not be read, when it could not. */
  error: string | null;
}

/** Points kept per cell: enough for a chart a few hundred pixels wide. */
export const MAX_SERIES_POINTS = 240;

const HISTORY_COLUMNS = ['Timestamp', 'User Count', 'Name', 'Requests/s', 'Failures/s'] as const;

/**
 * Keeps at most `2 × max` points of a stream of unknown length: every `stride`-th
 * point is kept, and when the kept points reach twice the bound every other one is
 * dropped and the stride doubles. So memory is bounded and the kept points stay evenly
 * spaced over the whole run, whatever its length; `points()` thins them to `max`.
 */
export class Downsampler<T> {
  private kept: T[] = [];
  private stride = 1;
  private seen = 0;

  constructor(private readonly max: number) {
    if (max < 2) throw new RangeError('Downsampler needs room for at least 2 points.');
  }

  add(point: T): void {
    if (this.seen % this.stride === 0) {
      this.kept.push(point);
      if (this.kept.length >= 2 * this.max) {
        this.kept = this.kept.filter((_, i) => i % 2 === 0);
        this.stride *= 2;
      }
    }
    this.seen += 1;
  }

  points(): T[] {
    if (this.kept.length <= this.max) return [...this.kept];
    const step = Math.ceil(this.kept.length / this.max);
    return this.kept.filter((_, i) => i % step === 0);
  }
}

/** Streams one history CSV (which it closes) into at most `max` evenly spaced `Aggregated` points. */
export async function readHistorySeries(input: FileHandle, file: string, max = MAX_SERIES_POINTS): Promise<SeriesPoint[]> {
  const sampler = new Downsampler<SeriesPoint>(max);
  let start: number | null = null;
  await streamLocustCsv(input, file, HISTORY_COLUMNS, (record) => {
    if (record.text('Name') !== AGGREGATED) return;
    const timestamp = record.requiredNumber('Timestamp');
    start ??= timestamp;
    const failuresPerSecond = record.requiredNumber('Failures/s');
    sampler.add({
      t: timestamp - start,
      users: record.requiredNumber('User Count'),
      srps: Math.max(0, record.requiredNumber('Requests/s') - failuresPerSecond),
      failuresPerSecond,
      p50Ms: record.optionalNumber('50%'),
      p95Ms: record.optionalNumber('95%'),
    });
  });
  return sampler.points();
}

const exists = async (path: string): Promise<boolean> => (await stat(path).catch(() => null))?.isFile() ?? false;

/** Reads one cell folder's history and notes whether Locust's report is there (and may be linked). */
async function readCellSeries(cellPath: string, folder: string, linkable: boolean, max: number): Promise<CellSeries> {
  const hasLocustReport = linkable && (await exists(join(cellPath, CELL_FILES.html)));
  const file = `${folder}/${CELL_FILES.history}`;
  const series = { folder, hasLocustReport };
  try {
    const input = await openInput(join(cellPath, CELL_FILES.history), file, "Locust's history CSV");
    if (input === null) return { ...series, points: [], error: `${file} does not exist` };
    return { ...series, points: await readHistorySeries(input, file, max), error: null };
  } catch (caught) {
    const error = asIngestError(caught, file, "Locust's history CSV");
    if (error instanceof IngestError) return { ...series, points: [], error: error.message };
    throw error;
  }
}

const isDirectory = async (path: string): Promise<boolean> => (await stat(path).catch(() => null))?.isDirectory() ?? false;

/**
 * Cell id → series, for every cell of `results` (one at a time: memory stays one cell's
 * bound). A cell's folder (`dir`, relative to the results.json that named it) is looked for
 * in each of `runDirs` in turn: the page's own folder first, then wherever else the cells
 * are (a downloaded run, the shards an aggregate merged). Only a Locust report in the
 * page's own folder is linked: only that folder travels with the page. A repeated cell
 * draws its median repeat, the sample its metrics come from.
 */
export async function readRunSeries(runDirs: string | readonly string[], results: Results, max = MAX_SERIES_POINTS): Promise<Map<string, CellSeries>> {
  const dirs = typeof runDirs === 'string' ? [runDirs] : runDirs;
  const series = new Map<string, CellSeries>();
  for (const cell of results.cells) {
    const folder = (cell.samples ? medianSample(cell.samples)?.dir : undefined) ?? cell.dir;
    let found: string | undefined;
    for (const dir of dirs) {
      if (await isDirectory(join(dir, folder))) {
        found = dir;
        break;
      }
    }
    series.set(cell.id, await readCellSeries(join(found ?? dirs[0]!, folder), folder, found === dirs[0], max));
  }
  return series;
}
