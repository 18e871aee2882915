import { describe, expect, it } from 'vitest';
import { buildConfig } from '../src/core/config/build.js';
import { didYouMean, nearestName } from '../src/core/config/nearest.js';
import { parseConfigFile } from '../src/core/config/file.js';

const SETUPS = ['sync', 'async-limited', 'async-unlimited', 'gthread', 'sync-workers', 'async-workers', 'gthread-pool', 'async-workers-pool'];
const KEYS = ['profile', 'setups', 'routes', 'latencies', 'users', 'spawn-rate', 'run-time', 'repeats', 'budget', 'baseline', 'threshold'];

describe('the name a misspelt one most likely meant', () => {
  it.each([
    ['budjet', KEYS, 'budget'],
    ['usres', KEYS, 'users'],
    ['treshold', KEYS, 'threshold'],
    ['sync-worker', SETUPS, 'sync-workers'],
    ['Gthread', SETUPS, 'gthread'],
    ['async-unlimted', SETUPS, 'async-unlimited'],
  ])('%s → %s', (name, known, meant) => {
    expect(nearestName(name, known)).toBe(meant);
  });

  it('says nothing when no name is near, when two are equally near, or for a short name two edits away', () => {
    expect(nearestName('turbo', SETUPS)).toBeNull();
    expect(nearestName('async-worker', ['async-workers', 'async-worker2'])).toBeNull();
    expect(nearestName('cpx', ['cpu', 'cpy'])).toBeNull();
    expect(nearestName('io', ['cpu'])).toBeNull();
    expect(didYouMean('turbo', SETUPS)).toBe('');
  });
});

describe('errors that suggest it', () => {
  it('a misspelt key of async-bench.yml', () => {
    expect(() => parseConfigFile('async-bench.yml', 'budjet: 15m\n')).toThrow(/unknown key "budjet" \(did you mean "budget"\?\); allowed keys: /);
  });

  it('a misspelt setup name, given as an input', () => {
    expect(() => buildConfig({ inputs: { setups: 'sync-worker' } })).toThrow(/unknown name "sync-worker" \(did you mean "sync-workers"\?\); known: /);
  });
});

describe('a choice misspelt', () => {
  it('names the value it most likely meant', () => {
    expect(() => buildConfig({ inputs: { profile: 'quik' } })).toThrow(/"quik" is not one of paper, quick, ci, pr\. Did you mean "quick"\?/);
    expect(() => buildConfig({ inputs: { 'latency-method': 'toxyproxy' } })).toThrow(/Did you mean "toxiproxy"\?/);
  });
});
