import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/core/config/errors.js';
import { readValue } from '../src/core/config/inputs.js';
import { LIMITS } from '../src/core/config/schema.js';
import * as fields from '../src/core/config/fields.js';

// The readers as the inputs use them: each is a field schema read under an input's name.
const readDuration = (input: string, raw: unknown) => readValue(input, fields.duration, raw);
const readRatio = (input: string, raw: unknown) => readValue(input, fields.ratio, raw);
const readList = (input: string, raw: unknown) => readValue(input, fields.names, raw);
const readLatencies = (input: string, raw: unknown) => readValue(input, fields.latencies, raw);
const readInteger = (input: string, raw: unknown, min: number) => readValue(input, fields.wholeNumber(min, Infinity), raw);
const readPositiveNumber = (input: string, raw: unknown) => readValue(input, fields.positiveNumber(LIMITS.spawnRate), raw);
const readBoolean = (input: string, raw: unknown) => readValue(input, fields.flag, raw);
const readChoice = <T extends string>(input: string, raw: unknown, allowed: readonly T[]) => readValue(input, fields.choice(allowed), raw);
const readShard = (input: string, raw: unknown) => readValue(input, fields.shard, raw);

/** Runs `fn`, expects a ConfigError for `input`, and returns its message. */
function errorFor(input: string, fn: () => unknown): string {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a ConfigError').toBeInstanceOf(ConfigError);
  const error = thrown as ConfigError;
  expect(error.input).toBe(input);
  expect(error.message.startsWith(`Invalid ${input}: `)).toBe(true);
  return error.message;
}

describe('readDuration', () => {
  it.each([
    ['180', 180],
    ['180s', 180],
    ['3m', 180],
    ['1m30s', 90],
    ['1m 30s', 90],
    ['1h', 3600],
    [' 2M ', 120],
    ['45S', 45],
    [90, 90],
  ] as const)('reads %j as %d seconds', (raw, seconds) => {
    expect(readDuration('run-time', raw)).toBe(seconds);
  });

  it.each(['', 'abc', '1.5m', '3ms', 'm', 's', '-10', '3 minutes', '1:30'])('rejects %j as not a duration', (raw) => {
    expect(errorFor('run-time', () => readDuration('run-time', raw))).toMatch(/is not a duration; write seconds \("180", "180s"\) or "3m"/);
  });

  it.each(['0', '0s', '0m0s'])('rejects %j as zero length', (raw) => {
    expect(errorFor('run-time', () => readDuration('run-time', raw))).toMatch(/must be longer than 0 s/);
  });
});

describe('readRatio', () => {
  it.each([
    ['10%', 0.1],
    ['10 %', 0.1],
    ['2.5%', 0.025],
    ['0.1', 0.1],
    ['.25', 0.25],
    [0.05, 0.05],
  ] as const)('reads %j as %d', (raw, ratio) => {
    expect(readRatio('threshold', raw)).toBeCloseTo(ratio, 12);
  });

  it.each(['150%', '100%', '1', '0', '0%', '-10%', '-0.1', 'abc', '10%%', ''])('rejects %j', (raw) => {
    const message = errorFor('threshold', () => readRatio('threshold', raw));
    expect(message).toContain(JSON.stringify(raw));
    expect(message).toMatch(/not a ratio between 0 and 1; write e\.g\. "10%" or "0\.1"/);
  });
});

describe('readList', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['a b c', ['a', 'b', 'c']],
    ['a, b ,c', ['a', 'b', 'c']],
    [' a ,, b\n\tc ', ['a', 'b', 'c']],
    ['single', ['single']],
  ] as const)('splits %j on commas and whitespace', (raw, list) => {
    expect(readList('routes', raw)).toEqual(list);
  });

  it('takes a YAML sequence item by item, keeping order', () => {
    expect(readList('routes', ['io_read', ' cpu ', 7])).toEqual(['io_read', 'cpu', '7']);
  });

  it.each([' ', ', ,', []])('rejects an empty list %j', (raw) => {
    expect(errorFor('routes', () => readList('routes', raw))).toMatch(/is empty; give at least one item/);
  });

  it('rejects a name listed twice, naming it', () => {
    expect(errorFor('setups', () => readList('setups', 'sync, async-limited sync'))).toMatch(/"sync" is listed twice/);
  });
});

describe('readLatencies', () => {
  it.each([
    ['0,100,200', [0, 100, 200]],
    ['0ms, 100ms,200MS', [0, 100, 200]],
    ['200 100 0', [200, 100, 0]],
    ['50ms', [50]],
    [
      [0, '100ms', 200],
      [0, 100, 200],
    ],
    [0, [0]],
  ] as const)('reads %j as %j, in the order given', (raw, values) => {
    expect(readLatencies('latencies', raw)).toEqual(values);
  });

  it.each(['-100', '0,-1ms'])('rejects a negative latency in %j', (raw) => {
    expect(errorFor('latencies', () => readLatencies('latencies', raw))).toMatch(/is negative; added latency is ≥ 0 ms/);
  });

  it.each(['abc', '0,fast', '1.5', '100s', 'ms'])('rejects a non-numeric latency in %j', (raw) => {
    expect(errorFor('latencies', () => readLatencies('latencies', raw))).toMatch(/is not a whole number of milliseconds; write e\.g\. "0,100,200"/);
  });

  it('rejects the same latency written twice', () => {
    expect(errorFor('latencies', () => readLatencies('latencies', '0,100,100'))).toMatch(/"100" is listed twice/);
    // Different spellings of one latency are still a duplicate.
    expect(errorFor('latencies', () => readLatencies('latencies', '100,100ms'))).toMatch(/100 ms is listed twice/);
  });
});

describe('readInteger', () => {
  it.each([
    ['500', 500],
    [' 7 ', 7],
    ['+3', 3],
    [12, 12],
    ['0', 0],
  ] as const)('reads %j', (raw, value) => {
    expect(readInteger('seed-posts', raw, 0)).toBe(value);
  });

  it.each(['1.5', '1e3', 'abc', '', '5 users'])('rejects %j as not whole', (raw) => {
    expect(errorFor('users', () => readInteger('users', raw, 1))).toMatch(/is not a whole number; give an integer ≥ 1/);
  });

  it.each(['0', '-5'])('rejects %j below the minimum', (raw) => {
    expect(errorFor('users', () => readInteger('users', raw, 1))).toMatch(/is below 1; give an integer ≥ 1/);
  });
});

describe('readPositiveNumber', () => {
  it.each([
    ['5', 5],
    ['0.5', 0.5],
    [2, 2],
  ] as const)('reads %j', (raw, value) => {
    expect(readPositiveNumber('spawn-rate', raw)).toBe(value);
  });

  it.each(['0', '-1', 0])('rejects %j as not positive', (raw) => {
    expect(errorFor('spawn-rate', () => readPositiveNumber('spawn-rate', raw))).toMatch(/must be greater than 0/);
  });

  it.each(['abc', '', 'Infinity', '5/s'])('rejects %j as not a number', (raw) => {
    expect(errorFor('spawn-rate', () => readPositiveNumber('spawn-rate', raw))).toMatch(/is not a number/);
  });
});

describe('readBoolean', () => {
  it.each(['true', 'TRUE', 'yes', 'on', '1', ' True ', true])('reads %j as true', (raw) => {
    expect(readBoolean('fail-on-regression', raw)).toBe(true);
  });

  it.each(['false', 'False', 'no', 'off', '0', false])('reads %j as false', (raw) => {
    expect(readBoolean('fail-on-regression', raw)).toBe(false);
  });

  it.each(['maybe', '2', 'y', ''])('rejects %j', (raw) => {
    expect(errorFor('fail-on-regression', () => readBoolean('fail-on-regression', raw))).toMatch(/is not a boolean; use true or false/);
  });
});

describe('readChoice', () => {
  const methods = ['auto', 'netem', 'toxiproxy'] as const;

  it('accepts an allowed value, trimmed', () => {
    expect(readChoice('latency-method', ' netem ', methods)).toBe('netem');
  });

  it.each(['tc', 'NETEM', ''])('rejects %j and lists the allowed values', (raw) => {
    expect(errorFor('latency-method', () => readChoice('latency-method', raw, methods))).toContain(
      `${JSON.stringify(raw)} is not one of auto, netem, toxiproxy`,
    );
  });
});

describe('readShard', () => {
  it.each([
    ['1/3', { index: 1, total: 3 }],
    [' 2 / 3 ', { index: 2, total: 3 }],
    ['3/3', { index: 3, total: 3 }],
    ['1/1', { index: 1, total: 1 }],
  ] as const)('reads %j', (raw, shard) => {
    expect(readShard('shard', raw)).toEqual(shard);
  });

  it.each(['0/3', '4/3'])('rejects %j: i out of range', (raw) => {
    expect(errorFor('shard', () => readShard('shard', raw))).toMatch(/i must be between 1 and 3 \(shards are numbered from 1\)/);
  });

  it('rejects n = 0', () => {
    expect(errorFor('shard', () => readShard('shard', '0/0'))).toMatch(/has no shards; n must be ≥ 1/);
  });

  it.each(['a/b', '1', '1/3/5', '-1/3', '1.5/3', ''])('rejects %j as not i/n', (raw) => {
    expect(errorFor('shard', () => readShard('shard', raw))).toMatch(/is not "i\/n" \(e\.g\. "1\/3" for the first of three shards\)/);
  });
});

describe('maxima: each field states its own', () => {
  it.each([
    [() => readValue('users', fields.wholeNumber(1, 100), '101'), /"101" is above the maximum 100\.$/],
    [() => readValue('users', fields.wholeNumber(1, 100), 101), /: 101 is above the maximum 100\.$/],
    [() => readValue('spawn-rate', fields.positiveNumber(10), '10.5'), /"10\.5" is above the maximum 10\.$/],
    [() => readDuration('run-time', '1441m'), /"1441m" is above the maximum 24 h \(86400 s\)\.$/],
    [() => readLatencies('latencies', [0, 10_001]), /"10001" is above the maximum 10000 ms\.$/],
  ])('%s', (read, message) => {
    expect(() => read()).toThrow(message);
  });

  it('accepts the maximum itself', () => {
    expect(readValue('users', fields.wholeNumber(1, 100), '100')).toBe(100);
    expect(readDuration('run-time', '24h')).toBe(86_400);
    expect(readLatencies('latencies', '0,10000ms')).toEqual([0, 10_000]);
  });
});

describe('a list or a mapping where one value is expected', () => {
  it.each([
    ['users', () => readInteger('users', [1], 1), 'Invalid users: expected a whole number, got a list.'],
    ['run-time', () => readDuration('run-time', { m: 3 }), 'Invalid run-time: expected a duration, got an object.'],
    ['fail-on-regression', () => readBoolean('fail-on-regression', null), 'Invalid fail-on-regression: expected true or false, got null.'],
    [
      'latency-method',
      () => readChoice('latency-method', ['netem'], ['auto', 'netem'] as const),
      'Invalid latency-method: expected one of auto, netem, got a list.',
    ],
    ['routes', () => readList('routes', { cpu: true }), 'Invalid routes: expected a list of names ("a, b" or [a, b]), got an object.'],
    ['out', () => readValue('out', fields.path, 7), 'Invalid out: expected a path (string), got a number.'],
  ] as [string, () => unknown, string][])('%s', (input, read, message) => {
    expect(errorFor(input, read)).toBe(message);
  });
});
