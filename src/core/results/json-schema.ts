import { z } from 'zod';
import { StoredCellRecordSchema } from './cell-record.js';
import { ResultsSchema } from './schema.js';

/**
 * results.json's and cell.json's schemas for other tools, as JSON Schema (draft 2020-12), generated
 * from the zod schema so the two cannot drift (scripts/write-schemas.mjs writes it to
 * schema/results.schema.json and schema/cell.schema.json; unit tests compare). One $id per major version:
 * every 1.x file validates against it.
 */
export const RESULTS_SCHEMA_ID = 'urn:async-bench:results:1';

export function resultsJsonSchema(): Record<string, unknown> {
  // "input": what a reader accepts (an older file may lack a field that has a default).
  const { $schema, title, description, ...schema } = z.toJSONSchema(ResultsSchema, { io: 'input', target: 'draft-2020-12' });
  return { $schema, $id: RESULTS_SCHEMA_ID, title, description, ...schema };
}

/** cell.json's: one $id, for as long as every older record still validates (its fields are all optional). */
export const CELL_SCHEMA_ID = 'urn:async-bench:cell:1';

/** schema/cell.schema.json: what a reader of cell.json accepts (StoredCellRecordSchema). */
export function cellJsonSchema(): Record<string, unknown> {
  const { $schema, title, description, ...schema } = z.toJSONSchema(StoredCellRecordSchema, { io: 'input', target: 'draft-2020-12' });
  return { $schema, $id: CELL_SCHEMA_ID, title, description, ...schema };
}

export function serializeJsonSchema(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
