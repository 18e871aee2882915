import { z } from 'zod';
import { ResultsSchema } from './schema.js';

/**
 * results.json's schema for other tools, as JSON Schema (draft 2020-12), generated
 * from the zod schema so the two cannot drift (scripts/write-schemas.mjs writes it to
 * schema/results.schema.json; a unit test compares). One $id per major version:
 * every 1.x file validates against it.
 */
export const RESULTS_SCHEMA_ID = 'urn:async-bench:results:1';

export function resultsJsonSchema(): Record<string, unknown> {
  // "input": what a reader accepts (an older file may lack a field that has a default).
  const { $schema, title, description, ...schema } = z.toJSONSchema(ResultsSchema, { io: 'input', target: 'draft-2020-12' });
  return { $schema, $id: RESULTS_SCHEMA_ID, title, description, ...schema };
}

export function serializeJsonSchema(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
