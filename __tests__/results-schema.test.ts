import { readFile } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { resultsJsonSchema, RESULTS_SCHEMA_ID, serializeJsonSchema } from '../src/core/results/json-schema.js';
import { parseResults, serializeResults } from '../src/core/results/results.js';
import { fixture } from './helpers/fixtures.js';
import { makeResults } from './helpers/results.js';

const PUBLISHED = new URL('../schema/results.schema.json', import.meta.url);

/** A standard JSON Schema validator, as another tool would use it: nothing of async-bench's code. */
async function publishedValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // CommonJS with an `exports.default`: under NodeNext the default import is the module.
  formats.default(ajv);
  return ajv.compile(JSON.parse(await readFile(PUBLISHED, 'utf8')) as object);
}

describe('schema/results.schema.json', () => {
  it('is what the zod schema generates (run "npm run schema" after changing it)', async () => {
    expect(await readFile(PUBLISHED, 'utf8')).toBe(serializeJsonSchema(resultsJsonSchema()));
  });

  it('says what it is: draft 2020-12, an $id per major version, a title and a description', () => {
    const schema = resultsJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(RESULTS_SCHEMA_ID);
    expect(RESULTS_SCHEMA_ID).toMatch(/:1$/);
    expect(schema.title).toBe('async-bench results.json');
    expect(schema.description).toMatch(/max sRPS and total successes/);
  });

  it('validates a real results.json (run-27, ingested by async-bench 0.1.0) with a standard validator', async () => {
    const validate = await publishedValidator();
    const real = JSON.parse(await readFile(fixture('results', 'run-27.json'), 'utf8')) as { cells: { status: string }[] };
    expect(real.cells.map((cell) => cell.status)).toContain('failed');
    expect(validate(real), JSON.stringify(validate.errors)).toBe(true);
  });

  it('validates what this version writes, and refuses what its reader refuses', async () => {
    const validate = await publishedValidator();
    const results = makeResults({ shard: '1/3' }, (id) => (id.endsWith('100ms') ? null : {}));
    expect(validate(JSON.parse(serializeResults(results))), JSON.stringify(validate.errors)).toBe(true);

    const crafted = JSON.parse(serializeResults(results));
    crafted.cells[0].metrics.maxSrps = '**9000**';
    expect(validate(crafted)).toBe(false);
    expect(validate.errors?.some((error) => error.instancePath === '/cells/0/metrics/maxSrps')).toBe(true);

    // cells[0] is measured: "failed" with numbers is neither shape.
    const failedWithNumbers = JSON.parse(serializeResults(results));
    Object.assign(failedWithNumbers.cells[0], { status: 'failed', reason: 'app not healthy' });
    expect(validate(failedWithNumbers)).toBe(false);
    // cells[1] (100 ms) failed: "ok" without numbers is neither shape either.
    const okWithout = JSON.parse(serializeResults(results));
    Object.assign(okWithout.cells[1], { status: 'ok', reason: null });
    expect(validate(okWithout)).toBe(false);

    const newer = { ...JSON.parse(serializeResults(results)), schemaVersion: '1.3', addedIn13: { anything: true } };
    expect(validate(newer), 'a newer 1.x may add fields').toBe(true);
  });
});

describe('a results.json written before environment.latencyFallbackReason', () => {
  it('reads, with the reason null', async () => {
    const text = await readFile(fixture('results', 'run-27.json'), 'utf8');
    expect(JSON.parse(text).environment).not.toHaveProperty('latencyFallbackReason');
    const results = parseResults('run-27.json', text);
    expect(results.environment.latencyFallbackReason).toBeNull();
    expect(results.cells).toHaveLength(27);
    expect(results.cells.find((cell) => cell.id === 'sync/io_create/200ms')).toMatchObject({ status: 'failed', reason: 'locust_stats.csv is missing.' });
  });
});
