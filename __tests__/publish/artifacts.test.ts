import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadShardArtifacts } from '../../src/publish/artifact-download.js';
import { artifactUrl } from '../../src/publish/run-ref.js';
import { artifactFiles, artifactName, readRecordedPrNumber, recordPrNumber, shardArtifactPrefix, uploadResults } from '../../src/publish/artifacts.js';
import { captureStdout } from './capture.js';
import { FakeArtifactStore } from './fake-artifacts.js';

const run = { serverUrl: 'https://github.com', owner: 'octo', repo: 'bench', runId: 4242 };

function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'out-'));
  writeFileSync(join(dir, 'results.json'), '{}');
  writeFileSync(join(dir, 'tables.md'), '| a |');
  writeFileSync(join(dir, 'stray.log'), 'not part of the artifact');
  for (const cell of ['sync__io_read__0ms', 'async__io_read__100ms']) {
    mkdirSync(join(dir, 'cells', cell), { recursive: true });
    writeFileSync(join(dir, 'cells', cell, 'locust_stats.csv'), 'x');
    writeFileSync(join(dir, 'cells', cell, 'app.log'), 'y');
  }
  mkdirSync(join(dir, 'cells', 'async__io_read__100ms', 'nested'));
  writeFileSync(join(dir, 'cells', 'async__io_read__100ms', 'nested', 'deep.txt'), 'z');
  return dir;
}

let out: ReturnType<typeof captureStdout>;
beforeEach(() => (out = captureStdout()));
afterEach(() => out.restore());

describe('artifact names', () => {
  it('names a run and its shards', () => {
    expect(artifactName('async-bench', null)).toBe('async-bench');
    expect(artifactName('async-bench', { index: 2, total: 4 })).toBe('async-bench-shard-2-of-4');
    expect(artifactName('async-bench', { index: 2, total: 4 }).startsWith(shardArtifactPrefix('async-bench'))).toBe(true);
  });

  it.each(['', 'a/b', 'a:b', 'a*'])('refuses %j', (name) => {
    expect(() => artifactName(name, null)).toThrow(/Invalid artifact-name/);
  });

  it('links to the artifact on the run page', () => {
    expect(artifactUrl({ ...run, serverUrl: 'https://ghe.example.com/' }, 9)).toBe('https://ghe.example.com/octo/bench/actions/runs/4242/artifacts/9');
  });
});

describe('uploadResults', () => {
  it('uploads results.json, tables.md and every file under cells/ with the retention asked for', async () => {
    const dir = outDir();
    const store = new FakeArtifactStore();
    const outcome = await uploadResults(store, { name: 'async-bench', outDir: dir, retentionDays: 14, run });

    expect(store.uploads).toHaveLength(1);
    const [upload] = store.uploads;
    expect(upload!.name).toBe('async-bench');
    expect(upload!.rootDirectory).toBe(dir);
    expect(upload!.options).toEqual({ retentionDays: 14 });
    expect(upload!.files.map((f) => f.slice(dir.length + 1))).toEqual([
      'results.json',
      'tables.md',
      'cells/async__io_read__100ms/app.log',
      'cells/async__io_read__100ms/locust_stats.csv',
      'cells/async__io_read__100ms/nested/deep.txt',
      'cells/sync__io_read__0ms/app.log',
      'cells/sync__io_read__0ms/locust_stats.csv',
    ]);
    expect(outcome.id).toBe(501);
    expect(outcome.url).toBe('https://github.com/octo/bench/actions/runs/4242/artifacts/501');
    expect(out.text()).toContain(outcome.url!);
  });

  it('leaves retention to the repository by default', async () => {
    const store = new FakeArtifactStore();
    await uploadResults(store, { name: 'a', outDir: outDir(), run });
    expect(store.uploads[0]!.options).toEqual({});
  });

  it('includes a recorded PR number for report mode', async () => {
    const dir = outDir();
    await recordPrNumber(dir, 31);
    expect(await readRecordedPrNumber(dir)).toBe(31);
    expect((await artifactFiles(dir)).map((f) => f.slice(dir.length + 1))).toContain('pr-number.txt');
  });

  it('reads no PR number from a directory without one, or with garbage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pr-'));
    expect(await readRecordedPrNumber(dir)).toBeNull();
    writeFileSync(join(dir, 'pr-number.txt'), '12; rm -rf /');
    expect(await readRecordedPrNumber(dir)).toBeNull();
  });

  it('refuses to upload without results.json or with a bad retention', async () => {
    const store = new FakeArtifactStore();
    await expect(uploadResults(store, { name: 'a', outDir: mkdtempSync(join(tmpdir(), 'empty-')), run })).rejects.toThrow(/results\.json does not exist/);
    await expect(uploadResults(store, { name: 'a', outDir: outDir(), retentionDays: 1.5, run })).rejects.toThrow(/retention-days/);
    expect(store.uploads).toHaveLength(0);
  });
});

describe('downloadShardArtifacts', () => {
  it('downloads every shard of this run in shard order', async () => {
    const store = new FakeArtifactStore();
    for (const index of [10, 2, 1]) store.add(`ab-shard-${index}-of-10`, { 'results.json': `{"shard":${index}}` });
    store.add('ab', { 'results.json': '{}' });
    store.add('ab-other', { 'results.json': '{}' });
    const destination = mkdtempSync(join(tmpdir(), 'shards-'));

    const shards = await downloadShardArtifacts(store, { prefix: shardArtifactPrefix('ab'), destination });

    expect(shards.map((s) => s.name)).toEqual(['ab-shard-1-of-10', 'ab-shard-2-of-10', 'ab-shard-10-of-10']);
    expect(shards[0]!.resultsPath).toBe(join(destination, 'ab-shard-1-of-10', 'results.json'));
    expect(store.lists).toEqual([{ latest: true }]);
    // This run's artifacts need no token: no findBy.
    expect(store.downloads.every((d) => d.options?.findBy === undefined)).toBe(true);
  });

  it('warns and returns none when no shard was uploaded', async () => {
    const store = new FakeArtifactStore();
    store.add('ab', { 'results.json': '{}' });
    const out = captureStdout();
    try {
      await expect(downloadShardArtifacts(store, { prefix: 'ab-shard-', destination: tmpdir() })).resolves.toEqual([]);
      expect(out.lines('warning').join('\n')).toMatch(/No artifacts named ab-shard-\*/);
    } finally {
      out.restore();
    }
  });

  it('throws when a shard has no results.json', async () => {
    const store = new FakeArtifactStore();
    store.add('ab-shard-1-of-2', { 'results.json': '{}' });
    store.add('ab-shard-2-of-2', { 'tables.md': '' });
    const destination = mkdtempSync(join(tmpdir(), 'shards-'));
    await expect(downloadShardArtifacts(store, { prefix: 'ab-shard-', destination })).rejects.toThrow(/ab-shard-2-of-2 has no results\.json/);
  });
});
