import { z } from 'zod';
import { describeIssue, firstIssue, jsonPath } from '../config/issues.js';

/**
 * cell.json: the cell runner's record of one sample, beside Locust's files (published as
 * schema/cell.schema.json). The runner writes every field; readers accept any of them
 * missing, because earlier runners wrote fewer (restoreSeconds came with the database
 * snapshot) and a sample stopped by a signal before the runner wrote its record has only
 * `error`. Fields a newer runner adds are kept, so patching a record never drops them.
 */
export const CellRecordSchema = z.object({
  id: z.string().describe('The cell id (<setup>/<route>/<latency>ms).'),
  startedAt: z.iso.datetime().describe('When the runner started the sample (ISO 8601, UTC).'),
  finishedAt: z.iso.datetime(),
  seconds: z.number().min(0).describe('Wall time of the whole sample: database restore, fresh app, latency, load, logs.'),
  loadSeconds: z.number().min(0).describe('Of which the load itself.'),
  restoreSeconds: z.number().min(0).nullable().describe('Of which restoring the database snapshot; null when the sample stopped before.'),
  latencyMethod: z.enum(['netem', 'toxiproxy']).describe('How the latency was added.'),
  error: z.string().nullable().describe('Why the sample measured nothing; null when Locust wrote its statistics.'),
  warnings: z.array(z.string()).describe('What the runner noticed that does not void the sample (Locust exited non-zero, the app stopped).'),
});

/** What the runner writes. */
export type CellRecord = z.infer<typeof CellRecordSchema>;

/** What a reader accepts: any field may be missing (an older runner, an interrupted sample), unknown ones are kept. */
export const StoredCellRecordSchema = CellRecordSchema.partial()
  .loose()
  .meta({
    title: 'async-bench cell.json',
    description:
      "The cell runner's record of one sample (cells/<cell>/[<side>/][r<n>/]cell.json): timing, latency method, and the error that voided it. " +
      'This version writes every field; older runners wrote fewer, and a sample interrupted before its record was written has only error.',
  });
export type StoredCellRecord = z.infer<typeof StoredCellRecordSchema>;

/** The record as cell.json holds it. */
export const serializeCellRecord = (record: StoredCellRecord): string => `${JSON.stringify(record, null, 2)}\n`;

/**
 * Parses cell.json's text; a record that is not one says so, naming the file (`label`, as
 * the user finds it: cells/<cell>/cell.json) and the field.
 */
export function parseCellRecord(label: string, text: string): { record: StoredCellRecord } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: `${label} is not valid JSON.` };
  }
  const parsed = StoredCellRecordSchema.safeParse(data, { error: describeIssue });
  if (parsed.success) return { record: parsed.data };
  const issue = firstIssue(parsed.error);
  const field = issue.path.length > 0 ? jsonPath('', issue.path).replace(/^\./, '') : 'the record';
  return { problem: `${label} is not a valid cell record: ${field} ${issue.message}.` };
}
