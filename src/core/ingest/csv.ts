import { parse } from 'csv-parse/sync';

/** A Locust file that cannot be read as the study needs it; the cell becomes `failed`. */
export class IngestError extends Error {
  override name = 'IngestError';
}

export type CsvRecord = Record<string, string>;

/**
 * Parses one Locust CSV by its header. Columns are found by name, never by
 * position, because Locust versions add columns (e.g. First/Last Seen in 2.44).
 */
export function parseLocustCsv(file: string, text: string, required: readonly string[]): CsvRecord[] {
  if (text.trim() === '') throw new IngestError(`${file} is empty (Locust wrote no header).`);
  let rows: string[][];
  try {
    rows = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    throw new IngestError(`${file} is not valid CSV: ${(error as Error).message}`);
  }
  const [header = [], ...body] = rows;
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new IngestError(`${file} lacks column(s) ${missing.map((c) => `"${c}"`).join(', ')}; is it Locust output?`);
  }
  const records = body.map((row, i) => {
    if (row.length !== header.length) {
      throw new IngestError(`${file}: line ${i + 2} has ${row.length} fields where the header has ${header.length}.`);
    }
    return Object.fromEntries(header.map((column, j) => [column, row[j]!])) as CsvRecord;
  });
  return records;
}

/** Locust writes `N/A` where it has no sample yet; that is "unknown", not zero. */
export function optionalNumber(file: string, record: CsvRecord, column: string): number | null {
  const text = record[column];
  if (text === undefined || text === '' || text === 'N/A') return null;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new IngestError(`${file}: column "${column}" holds ${JSON.stringify(text)}, not a number.`);
  return value;
}

export function requiredNumber(file: string, record: CsvRecord, column: string): number {
  const value = optionalNumber(file, record, column);
  if (value === null) throw new IngestError(`${file}: column "${column}" is empty or N/A where a number is needed.`);
  return value;
}
