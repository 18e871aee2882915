import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.js';
import { resolveBaseline } from '../src/core/compare/baseline.js';
import { baselineChoice, baselineSetting, type BaselineChoice } from '../src/core/config/baseline.js';
import { buildConfig, ConfigError } from '../src/core/config/build.js';
import { readInput } from '../src/core/config/inputs.js';
import { parseResults, serializeResults } from '../src/core/results/results.js';
import { fixture } from './helpers/fixtures.js';
import { makeResults } from './helpers/results.js';

describe('the baseline setting, typed', () => {
  it.each<[string | null, BaselineChoice]>([
    [null, { kind: 'none' }],
    ['', { kind: 'none' }],
    ['none', { kind: 'none' }],
    ['paper', { kind: 'paper' }],
    ['artifact', { kind: 'artifact' }],
    ['base', { kind: 'base' }],
    ['runs/main/results.json', { kind: 'file', path: 'runs/main/results.json' }],
    ['base.json', { kind: 'file', path: 'base.json' }],
  ])('%j is %j, and back', (setting, choice) => {
    expect(baselineChoice(setting)).toEqual(choice);
    expect(baselineChoice(baselineSetting(choice))).toEqual(choice);
  });

  it('an input reads into the setting Config records: a keyword, a path, or null for none', () => {
    expect(readInput('baseline', ' paper ')).toBe('paper');
    expect(readInput('baseline', 'none')).toBeNull();
    expect(readInput('baseline', '')).toBeNull();
    expect(readInput('baseline', 'runs/results.json')).toBe('runs/results.json');
  });

  it.each([
    ['Paper', 'paper'],
    ['BASE', 'base'],
    ['None', 'none'],
    ['Artifact', 'artifact'],
  ])('refuses %j naming the input and the keyword meant', (written, meant) => {
    expect(() => readInput('baseline', written)).toThrow(ConfigError);
    expect(() => readInput('baseline', written)).toThrow(
      `Invalid baseline: ${JSON.stringify(written)} is not a baseline; the keywords are lowercase: did you mean "${meant}"?`,
    );
  });

  it('refuses a bad one in async-bench.yml naming the file and the key', () => {
    expect(() => buildConfig({ inputs: {}, file: { path: 'async-bench.yml', text: 'baseline: Paper\n' } })).toThrow(
      /baseline.*"Paper" is not a baseline.*"paper"/,
    );
  });

  it('refuses a bad --baseline of `report` with the usage exit code', async () => {
    const err: string[] = [];
    const code = await runCli(['report', fixture('results', 'run-27.json'), '--baseline', 'PAPER'], {
      stdout: { write: () => undefined },
      stderr: { write: (text: string) => err.push(text) },
      cwd: '/',
    });
    expect(code).toBe(2);
    expect(err.join('')).toBe('async-bench: Invalid baseline: "PAPER" is not a baseline; the keywords are lowercase: did you mean "paper"?\n');
  });

  it('results.json keeps the setting as text, so older readers read it; an older file reads', async () => {
    const written = JSON.parse(serializeResults(makeResults({ baseline: 'base' }, () => ({}))));
    expect(written.config.compare.baseline).toBe('base');
    const older = parseResults('run-27.json', await readFile(fixture('results', 'run-27.json'), 'utf8'));
    expect(baselineChoice(older.config.compare.baseline)).toEqual({ kind: 'none' });
  });

  it('the resolver takes the setting or the parsed choice alike', async () => {
    expect((await resolveBaseline({ kind: 'paper' }, { cwd: '/' }))!.label).toBe('the study (paper)');
    expect(await resolveBaseline({ kind: 'none' }, { cwd: '/' })).toBeNull();
    await expect(resolveBaseline({ kind: 'file', path: 'missing.json' }, { cwd: '/nowhere' })).rejects.toThrow(
      /Invalid baseline: cannot read "\/nowhere\/missing\.json"/,
    );
  });
});
