import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/core/version.js';
import { mergeResults, parseResults, ResultsError, serializeResults } from '../src/core/results/results.js';
import { makeResults } from './helpers/results.js';

describe('results.json', () => {
  const results = makeResults({}, () => ({}));

  it('round-trips through JSON', () => {
    expect(parseResults('r.json', serializeResults(results))).toEqual(results);
  });

  it('accepts a newer minor of the same major', () => {
    const text = serializeResults({ ...results, schemaVersion: '1.7' });
    expect(parseResults('r.json', text).schemaVersion).toBe('1.7');
  });

  it('refuses an unknown major with what to do', () => {
    const text = serializeResults({ ...results, schemaVersion: '2.0' });
    expect(() => parseResults('r.json', text)).toThrow(ResultsError);
    expect(() => parseResults('r.json', text)).toThrow(/schemaVersion 2\.0; this async-bench reads 1\.x\. Upgrade async-bench/);
  });

  it('refuses values the report would print that are not what they claim (a crafted artifact)', () => {
    const crafted = JSON.parse(serializeResults(results));
    crafted.config.latenciesMs = ['@octocat [click](https://evil.example)'];
    expect(() => parseResults('fork.json', JSON.stringify(crafted))).toThrow(/results\.config\.latenciesMs\[0\] should be a number/);
    const missing = JSON.parse(serializeResults(results));
    delete missing.config.routes;
    expect(() => parseResults('fork.json', JSON.stringify(missing))).toThrow(/results\.config\.routes should be a list/);
  });

  it('refuses files that are not results', () => {
    expect(() => parseResults('x.json', '{"cells": []}')).toThrow(/x\.json has no "schemaVersion"/);
    expect(() => parseResults('x.json', 'not json')).toThrow(/x\.json is not JSON/);
    const broken = JSON.parse(serializeResults(results));
    delete broken.cells[3].metrics.maxSrps;
    expect(() => parseResults('x.json', JSON.stringify(broken))).toThrow(/x\.json is not a valid results\.json: results\.cells\[3\]\.metrics\.maxSrps should be a number/);
  });
});

describe('VERSION', () => {
  it('is package.json\'s version', async () => {
    const { readFile } = await import('node:fs/promises');
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});

describe('mergeResults', () => {
  const shard = (i: number) => makeResults({ shard: `${i}/3` }, () => ({}));

  it('merges shards into the full matrix in plan order, whatever order they come in', () => {
    const merged = mergeResults([3, 1, 2].map((i) => ({ source: `shard-${i}`, results: shard(i) })));
    const full = makeResults({}, () => ({}));
    expect(merged.cells.map((cell) => cell.id)).toEqual(full.cells.map((cell) => cell.id));
    expect(merged.shard).toBeNull();
    expect(merged.config.shard).toBeNull();
  });

  it('refuses overlapping cells, naming both sources', () => {
    expect(() => mergeResults([{ source: 'a.json', results: shard(1) }, { source: 'b.json', results: shard(1) }])).toThrow(
      /cell sync\/cpu\/0ms is in both a\.json and b\.json/,
    );
  });

  it('refuses results of different configurations', () => {
    const other = makeResults({ shard: '2/3', users: '40' }, () => ({}));
    expect(() => mergeResults([{ source: 'a.json', results: shard(1) }, { source: 'b.json', results: other }])).toThrow(
      /b\.json was run with a different configuration than a\.json/,
    );
  });

  it('refuses an empty list', () => {
    expect(() => mergeResults([])).toThrow(/nothing to merge/);
  });
});
