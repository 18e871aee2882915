import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';

/** A Locust file that cannot be read as the study needs it; the cell becomes `failed`. */
export class IngestError extends Error {
  override name = 'IngestError';
}

/**
 * Locust's rows are a few hundred bytes. A bound on one row keeps memory bounded
 * on a file that is not CSV at all (one 200 MB "field" with no line break).
 */
export const MAX_ROW_BYTES = 1024 * 1024;

/** One data row of a Locust CSV, read by column name. */
export class LocustRecord {
  constructor(
    private readonly file: string,
    private readonly columns: ReadonlyMap<string, number>,
    private readonly fields: readonly string[],
    /** 1-based, the header excluded. */
    readonly row: number,
  ) {}

  /** The field's text; '' when this Locust version has no such column. */
  text(column: string): string {
    const index = this.columns.get(column);
    return index === undefined ? '' : this.fields[index]!;
  }

  /** Locust writes `N/A` where it has no sample yet; that is "unknown", not zero. */
  optionalNumber(column: string): number | null {
    const text = this.text(column);
    if (text === '' || text === 'N/A') return null;
    const value = Number(text);
    if (!Number.isFinite(value)) {
      throw new IngestError(`${this.file}, row ${this.row}: column "${column}" holds ${JSON.stringify(text)}, not a number.`);
    }
    return value;
  }

  requiredNumber(column: string): number {
    const value = this.optionalNumber(column);
    if (value === null) throw new IngestError(`${this.file}, row ${this.row}: column "${column}" is empty or N/A where a number is needed.`);
    return value;
  }

  /*
   * The bounds results.json's schema puts on what is made of these columns: a rate or a time
   * is ≥ 0, a count a whole number ≥ 0. Out of bounds here, the cell fails naming the field,
   * instead of ingest writing a results.json that every reader then refuses.
   */

  /** A rate or a time: ≥ 0, or null when Locust has none. */
  optionalMeasure(column: string): number | null {
    const value = this.optionalNumber(column);
    if (value !== null && value < 0) throw this.outOfBounds(column, 'a rate or a time is ≥ 0');
    return value;
  }

  measure(column: string): number {
    const value = this.requiredNumber(column);
    if (value < 0) throw this.outOfBounds(column, 'a rate or a time is ≥ 0');
    return value;
  }

  /** A count: a whole number ≥ 0, and exact as a JSON number (the schema's maximum). */
  count(column: string): number {
    const value = this.requiredNumber(column);
    if (value < 0 || !Number.isInteger(value)) throw this.outOfBounds(column, 'a count is a whole number ≥ 0');
    if (value > Number.MAX_SAFE_INTEGER) throw this.outOfBounds(column, `a count is at most ${Number.MAX_SAFE_INTEGER}`);
    return value;
  }

  optionalCount(column: string): number | null {
    return this.optionalNumber(column) === null ? null : this.count(column);
  }

  /** This row contradicts itself (more failures than requests): names both columns. */
  inconsistent(detail: string): IngestError {
    return new IngestError(`${this.file}, row ${this.row}: ${detail}; Locust never writes that: is the file edited or corrupt?`);
  }

  private outOfBounds(column: string, rule: string): IngestError {
    return new IngestError(`${this.file}, row ${this.row}: column "${column}" holds ${JSON.stringify(this.text(column))}; ${rule}.`);
  }
}

function parserError(file: string, error: CsvError): IngestError {
  if (error.code === 'CSV_MAX_RECORD_SIZE') {
    return new IngestError(
      `${file}: a row longer than ${MAX_ROW_BYTES / 1024 / 1024} MiB (${error.message}); Locust writes rows of a few hundred bytes: is this Locust's CSV?`,
    );
  }
  return new IngestError(`${file} is not valid CSV: ${error.message}`);
}

/**
 * Streams one Locust CSV from `input` (which it closes), handing each data row to
 * `onRow` as it is parsed: memory stays bounded whatever the file's size, and the
 * caller keeps only what it needs. Columns are found by name, never by position,
 * because Locust versions add columns (e.g. First/Last Seen in 2.44).
 * File-system errors pass through untouched for the caller to name the input.
 */
export async function streamLocustCsv(input: FileHandle, file: string, required: readonly string[], onRow: (record: LocustRecord) => void): Promise<void> {
  let columns: Map<string, number> | null = null;
  let width = 0;
  let row = 0;
  const take = (fields: string[]): void => {
    if (columns === null) {
      const missing = required.filter((column) => !fields.includes(column));
      if (missing.length > 0) {
        throw new IngestError(`${file} lacks column(s) ${missing.map((c) => `"${c}"`).join(', ')}; is it Locust output?`);
      }
      columns = new Map(fields.map((column, index) => [column, index]));
      width = fields.length;
      return;
    }
    row += 1;
    if (fields.length !== width) throw new IngestError(`${file}: row ${row} has ${fields.length} fields where the header has ${width}.`);
    onRow(new LocustRecord(file, columns, fields, row));
  };
  const sink = new Writable({
    objectMode: true,
    write(fields: string[], _encoding, done) {
      try {
        take(fields);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
  try {
    await pipeline(
      // Node's 64 KiB reads: 1 MiB reads were barely faster and raised peak RSS from 71 to 124 MiB
      // on a 216 MiB history (parsed rows of a whole read are alive at once).
      input.createReadStream({ autoClose: false }),
      parse({ skip_empty_lines: true, trim: true, relax_column_count: true, max_record_size: MAX_ROW_BYTES }),
      sink,
    );
  } catch (error) {
    throw error instanceof CsvError ? parserError(file, error) : error;
  } finally {
    await input.close();
  }
  // Blank lines are skipped, so a file of whitespace yields no header at all.
  if (columns === null) throw new IngestError(`${file} is empty (Locust wrote no header).`);
}
