import { EventEmitter } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConfig } from '../src/core/config/build.js';
import { readCell } from '../src/core/ingest/cell.js';
import { CellRecordSchema, parseCellRecord } from '../src/core/results/cell-record.js';
import { CELL_SCHEMA_ID, cellJsonSchema, serializeJsonSchema } from '../src/core/results/json-schema.js';
import { runBenchmark } from '../src/stack/run.js';
import { fakeDocker } from './helpers/fake-docker.js';
import { fixture, placeCell, scratch } from './helpers/fixtures.js';

const PUBLISHED = new URL('../schema/cell.schema.json', import.meta.url);
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Written by the runner at 6f230e1, before restoreSeconds (fixtures/README.md). */
const OLDER = fixture('cell-json', '6f230e1', 'cell.json');
const LABEL = 'cells/sync__cpu__0ms/cell.json';

/** A standard JSON Schema validator, as another tool would use it. */
async function publishedValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  formats.default(ajv);
  return ajv.compile(JSON.parse(await readFile(PUBLISHED, 'utf8')) as object);
}

/** cell.json as this version's runner writes it: one cell through runBenchmark on the stand-in engine. */
async function writtenNow(dir: string): Promise<string> {
  const log = { info: () => undefined, warning: () => undefined, group: <T>(_: string, work: () => Promise<T>) => work() };
  const inputs = {
    setups: 'sync',
    routes: 'cpu',
    latencies: '0',
    users: '1',
    'spawn-rate': '1',
    'run-time': '2s',
    'seed-posts': '0',
    'latency-method': 'netem',
    out: 'res',
  };
  await runBenchmark(buildConfig({ inputs }), { runner: fakeDocker().runner, log, root: REPO_ROOT, cwd: dir, env: {}, signals: new EventEmitter() });
  return readFile(join(dir, 'res', 'cells', 'sync__cpu__0ms', 'cell.json'), 'utf8');
}

describe('schema/cell.schema.json', () => {
  it('is what the zod schema generates (run "npm run schema" after changing it)', async () => {
    expect(await readFile(PUBLISHED, 'utf8')).toBe(serializeJsonSchema(cellJsonSchema()));
  });

  it('says what it is: draft 2020-12, an $id, a title', () => {
    const schema = cellJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(CELL_SCHEMA_ID);
    expect(schema.title).toBe('async-bench cell.json');
  });
});

describe('cell.json, validated when read', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await scratch()));
  afterEach(() => cleanup());

  it('what this version writes has every field, and validates against the published schema', async () => {
    const text = await writtenNow(dir);
    const record = CellRecordSchema.parse(JSON.parse(text));
    expect(record).toMatchObject({ id: 'sync/cpu/0ms', latencyMethod: 'netem', error: null, warnings: [] });
    expect(record.restoreSeconds).toEqual(expect.any(Number));
    const validate = await publishedValidator();
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('an older record (no restoreSeconds) still reads, and its cell is measured', async () => {
    const text = await readFile(OLDER, 'utf8');
    expect(JSON.parse(text)).not.toHaveProperty('restoreSeconds');
    const parsed = parseCellRecord(LABEL, text);
    expect(parsed).toEqual({ record: expect.objectContaining({ id: 'sync/cpu/0ms', latencyMethod: 'netem', error: null }) });
    const validate = await publishedValidator();
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);

    const cell = await placeCell(dir, 'sync__cpu__0ms', fixture('locust-current', 'clean'));
    await writeFile(join(cell, 'cell.json'), text);
    expect((await readCell(cell)).status).toBe('ok');
  });

  it('a record of an interrupted sample (only its error) reads', () => {
    expect(parseCellRecord(LABEL, '{"error": "interrupted by SIGTERM before the cell finished"}')).toEqual({
      record: { error: 'interrupted by SIGTERM before the cell finished' },
    });
  });

  it('fields a newer runner adds are kept', () => {
    expect(parseCellRecord(LABEL, '{"error": null, "cpuSeconds": 4.2}')).toEqual({ record: { error: null, cpuSeconds: 4.2 } });
  });

  it.each([
    ['{"restoreSeconds": "1.2"}', 'restoreSeconds should be a number, not "1.2"'],
    ['{"warnings": ["ok", 3]}', 'warnings[1] should be a string, not 3'],
    ['{"latencyMethod": "tc"}', 'latencyMethod should be "netem" or "toxiproxy", not "tc"'],
    ['{"error": 42}', 'error should be a string, not 42'],
    ['{"startedAt": "yesterday"}', 'startedAt should be a datetime, not "yesterday"'],
    ['[]', 'the record should be an object, not []'],
  ])('refuses %s, naming the file and the field', (text, problem) => {
    expect(parseCellRecord(LABEL, text)).toEqual({ problem: `${LABEL} is not a valid cell record: ${problem}.` });
  });

  it('a cell whose record is not valid fails, with the reason naming the file and the field', async () => {
    const cell = await placeCell(dir, 'sync__cpu__0ms', fixture('locust-current', 'clean'));
    await writeFile(join(cell, 'cell.json'), JSON.stringify({ error: 42 }));
    expect(await readCell(cell)).toMatchObject({ status: 'failed', reason: `${LABEL} is not a valid cell record: error should be a string, not 42.` });
    // The published schema refuses it too.
    const validate = await publishedValidator();
    expect(validate({ error: 42 })).toBe(false);
    expect(validate.errors?.some((error) => error.instancePath === '/error')).toBe(true);
  });
});
