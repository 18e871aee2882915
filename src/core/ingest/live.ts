import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { AGGREGATED } from './rows.js';

/** Where a cell's load stands, from the newest `Aggregated` row Locust appended to its history. */
export interface LiveSample {
  /** Unix seconds of the row. */
  timestamp: number;
  users: number;
  /** Requests/s − Failures/s over Locust's ~10 s window. */
  srps: number;
  failuresPerSecond: number;
  totalRequests: number;
  totalFailures: number;
}

/** New bytes read per poll at most: only the newest row matters, so older ones past this are skipped. */
export const MAX_POLL_BYTES = 256 * 1024;

/**
 * Follows `locust_stats_history.csv` while Locust appends to it (a row per second
 * per request type): each `poll()` reads only the bytes added since the last one
 * (at most MAX_POLL_BYTES, the newest), keeps a partial last line for the next
 * poll, and returns the newest complete `Aggregated` row seen so far. Memory stays
 * bounded however long the cell runs. A file that is not there yet, or a row that
 * does not parse, is "nothing new", never an error: this is a progress display.
 */
export class HistoryTail {
  private offset = 0;
  private partial = '';
  private columns: Map<string, number> | null = null;
  private latest: LiveSample | null = null;
  /** Unix seconds of the first Aggregated row: when Locust started, by the host's clock. */
  first: number | null = null;

  constructor(private readonly path: string) {}

  async poll(): Promise<LiveSample | null> {
    const handle = await open(this.path, 'r').catch(() => null);
    if (handle === null) return this.latest;
    try {
      const { size } = await handle.stat();
      if (size < this.offset) this.reset(); // the file was replaced: start over
      if (size === this.offset) return this.latest;
      let start = this.offset;
      let skipped = false;
      if (size - start > MAX_POLL_BYTES && this.columns !== null) {
        start = size - MAX_POLL_BYTES;
        skipped = true;
      }
      const length = Math.min(size - start, MAX_POLL_BYTES);
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, start);
      this.offset = start + bytesRead;
      let text = buffer.subarray(0, bytesRead).toString('utf8');
      if (skipped) {
        // Started mid-line: drop up to the first line break.
        this.partial = '';
        text = text.slice(text.indexOf('\n') + 1);
      }
      this.take(this.partial + text);
      return this.latest;
    } finally {
      await handle.close();
    }
  }

  private reset(): void {
    this.offset = 0;
    this.partial = '';
    this.columns = null;
    this.latest = null;
    this.first = null;
  }

  private take(text: string): void {
    const end = text.lastIndexOf('\n');
    this.partial = end === -1 ? text : text.slice(end + 1);
    if (end === -1) return;
    let rows: string[][];
    try {
      rows = parse(text.slice(0, end + 1), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
    } catch {
      return;
    }
    for (const fields of rows) {
      if (this.columns === null) {
        this.columns = new Map(fields.map((name, i) => [name, i]));
        continue;
      }
      const sample = this.sample(fields);
      if (!sample) continue;
      this.latest = sample;
      this.first ??= sample.timestamp;
    }
  }

  private sample(fields: string[]): LiveSample | null {
    const field = (name: string): string => fields[this.columns!.get(name) ?? -1] ?? '';
    if (field('Name') !== AGGREGATED) return null;
    const number = (name: string): number => {
      const value = Number(field(name));
      return field(name) === '' || !Number.isFinite(value) ? NaN : value;
    };
    const [timestamp, users, rps, fps] = [number('Timestamp'), number('User Count'), number('Requests/s'), number('Failures/s')];
    if ([timestamp, users, rps, fps].some(Number.isNaN)) return null;
    const totalRequests = number('Total Request Count');
    const totalFailures = number('Total Failure Count');
    return {
      timestamp,
      users,
      srps: Math.max(0, rps - fps),
      failuresPerSecond: fps,
      totalRequests: Number.isNaN(totalRequests) ? 0 : totalRequests,
      totalFailures: Number.isNaN(totalFailures) ? 0 : totalFailures,
    };
  }
}
