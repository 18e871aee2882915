import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/core/version.js';
import { emptyResults, mergeResults, parseResults, requireCells, ResultsError, serializeResults, withMissingCells } from '../src/core/results/results.js';
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
    expect(() => parseResults('x.json', JSON.stringify(broken))).toThrow(
      /x\.json is not a valid results\.json: results\.cells\[3\]\.metrics\.maxSrps should be a number/,
    );
  });
});

describe('results.json: what a crafted or corrupted file cannot claim', () => {
  const results = makeResults({}, (id) => (id === 'sync/cpu/100ms' ? null : {}));
  // Plain JSON, edited the way a hand or a bug would: untyped on purpose.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const edited = (edit: (data: any) => void): string => {
    const data = JSON.parse(serializeResults(results));
    edit(data);
    return JSON.stringify(data);
  };
  const refusal = (text: string): string => {
    try {
      parseResults('x.json', text);
    } catch (error) {
      expect(error).toBeInstanceOf(ResultsError);
      return (error as Error).message;
    }
    throw new Error('expected parseResults to refuse the file');
  };

  it('refuses a cell id listed twice', () => {
    const message = refusal(edited((data) => data.cells.push(data.cells[0])));
    expect(message).toBe('x.json is not a valid results.json: results.cells[27].id is "sync/cpu/0ms" again; each cell appears once.');
  });

  it('refuses an id or a folder that its setup, route and latency do not make', () => {
    expect(refusal(edited((data) => (data.cells[2].latencyMs = 300)))).toBe(
      'x.json is not a valid results.json: results.cells[2].id is "sync/cpu/200ms", but its setup, route and latency make "sync/cpu/300ms".',
    );
    expect(refusal(edited((data) => (data.cells[0].dir = 'cells/async-limited__cpu__0ms')))).toMatch(
      /results\.cells\[0\]\.dir is "cells\/async-limited__cpu__0ms", but its setup, route and latency make "cells\/sync__cpu__0ms"/,
    );
    expect(refusal(edited((data) => (data.cells[0].id = 'sync cpu 0')))).toMatch(/results\.cells\[0\]\.id should be text matching/);
  });

  it('refuses negative and non-finite metrics', () => {
    expect(refusal(edited((data) => (data.cells[0].metrics.maxSrps = -1)))).toMatch(/results\.cells\[0\]\.metrics\.maxSrps should be ≥ 0, not -1\.$/);
    expect(refusal(edited((data) => (data.cells[0].metrics.p95Ms = -20)))).toMatch(/results\.cells\[0\]\.metrics\.p95Ms should be ≥ 0, not -20/);
    // JSON has no Infinity, but 1e999 parses to it.
    const infinite = serializeResults(results).replace('"maxSrps": 10,', '"maxSrps": 1e999,');
    expect(infinite).toContain('1e999');
    expect(refusal(infinite)).toMatch(/results\.cells\[0\]\.metrics\.maxSrps should be a number, not Infinity/);
    expect(refusal(edited((data) => (data.cells[0].metrics.totalRequests = 12.5)))).toMatch(/totalRequests should be a whole number, not 12\.5/);
  });

  it('refuses more failures than requests', () => {
    const message = refusal(edited((data) => Object.assign(data.cells[3].metrics, { totalRequests: 10, totalFailures: 12 })));
    expect(message).toBe('x.json is not a valid results.json: results.cells[3].metrics.totalFailures is 12, more than totalRequests 10.');
  });

  it('refuses a status that does not match the numbers', () => {
    expect(refusal(edited((data) => (data.cells[1].status = 'ok')))).toMatch(/results\.cells\[1\]\.reason should be null, not "app not healthy"/);
    expect(refusal(edited((data) => (data.cells[0].status = 'skipped')))).toMatch(/results\.cells\[0\]\.status should be "ok" or "failed", not "skipped"/);
  });

  it('refuses a config beyond the bounds a run accepts', () => {
    expect(refusal(edited((data) => (data.config.load.users = 1e6)))).toMatch(/results\.config\.load\.users should be ≤ 100000, not 1000000/);
  });

  it('reads environment.latencyFallbackReason: null when absent, the reason when given, nothing else', () => {
    const without = edited((data) => delete data.environment.latencyFallbackReason);
    expect(parseResults('x.json', without).environment.latencyFallbackReason).toBeNull();
    const reason = 'netem preflight failed: sch_netem is not in this kernel';
    const given = edited((data) => (data.environment.latencyFallbackReason = reason));
    expect(parseResults('x.json', given).environment.latencyFallbackReason).toBe(reason);
    expect(refusal(edited((data) => (data.environment.latencyFallbackReason = 5)))).toMatch(
      /results\.environment\.latencyFallbackReason should be a string, not 5/,
    );
  });

  it('reads a file with no cells (an aggregate of no shards), which report and compare then refuse', () => {
    const empty = emptyResults(results.config, results.environment);
    const read = parseResults('empty.json', serializeResults(empty));
    expect(read.cells).toEqual([]);
    expect(() => requireCells('empty.json', read)).toThrow(new ResultsError('empty.json has no cells: nothing to report.'));
    expect(requireCells('x.json', results)).toBe(results);
  });
});

describe('withMissingCells', () => {
  it('adds a failed cell for every planned cell that has none, in plan order', () => {
    const shard = makeResults({ shard: '2/3' }, () => ({}));
    const { results, missing } = withMissingCells(shard, 'shard never reported');
    expect(missing).toHaveLength(18);
    expect(results.cells.map((cell) => cell.id)).toEqual(makeResults({}, () => ({})).cells.map((cell) => cell.id));
    const added = results.cells.find((cell) => cell.id === 'sync/cpu/0ms')!;
    expect(added).toEqual({
      id: 'sync/cpu/0ms',
      dir: 'cells/sync__cpu__0ms',
      setup: 'sync',
      route: 'cpu',
      latencyMs: 0,
      status: 'failed',
      reason: 'shard never reported',
      metrics: null,
      warnings: [],
    });
    // What it adds is itself a valid results.json.
    expect(parseResults('x.json', serializeResults(results)).cells).toHaveLength(27);
    expect(withMissingCells(results, 'again').missing).toEqual([]);
  });
});

describe('VERSION', () => {
  it("is package.json's version", async () => {
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
    expect(() =>
      mergeResults([
        { source: 'a.json', results: shard(1) },
        { source: 'b.json', results: shard(1) },
      ]),
    ).toThrow(/cell sync\/cpu\/0ms is in both a\.json and b\.json/);
  });

  it('refuses results of different configurations', () => {
    const other = makeResults({ shard: '2/3', users: '40' }, () => ({}));
    expect(() =>
      mergeResults([
        { source: 'a.json', results: shard(1) },
        { source: 'b.json', results: other },
      ]),
    ).toThrow(/b\.json was run with a different configuration than a\.json/);
  });

  it('refuses an empty list', () => {
    expect(() => mergeResults([])).toThrow(/nothing to merge/);
  });
});
