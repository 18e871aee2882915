import { ConfigError } from './errors.js';
import type { Shard } from './types.js';

/** Small readers from raw text (an action input, a CLI flag, a YAML scalar) to typed values. */

const show = (raw: unknown): string => JSON.stringify(raw);

export function readInteger(input: string, raw: unknown, min: number): number {
  const text = String(raw).trim();
  if (!/^[+-]?\d+$/.test(text)) {
    throw new ConfigError(input, `${show(raw)} is not a whole number; give an integer ≥ ${min}.`);
  }
  const value = Number(text);
  if (value < min) throw new ConfigError(input, `${show(raw)} is below ${min}; give an integer ≥ ${min}.`);
  return value;
}

export function readPositiveNumber(input: string, raw: unknown): number {
  const text = String(raw).trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw new ConfigError(input, `${show(raw)} is not a number.`);
  if (value <= 0) throw new ConfigError(input, `${show(raw)} must be greater than 0.`);
  return value;
}

/** A relative threshold: `10%`, `10 %` or `0.1`. */
export function readRatio(input: string, raw: unknown): number {
  const text = String(raw).trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  const value = percent ? Number(percent[1]) / 100 : Number(text);
  if (text === '' || !Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new ConfigError(input, `${show(raw)} is not a ratio between 0 and 1; write e.g. "10%" or "0.1".`);
  }
  return value;
}

const TRUE = ['true', 'yes', 'on', '1'];
const FALSE = ['false', 'no', 'off', '0'];

export function readBoolean(input: string, raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw;
  const text = String(raw).trim().toLowerCase();
  if (TRUE.includes(text)) return true;
  if (FALSE.includes(text)) return false;
  throw new ConfigError(input, `${show(raw)} is not a boolean; use true or false.`);
}

export function readChoice<T extends string>(input: string, raw: unknown, allowed: readonly T[]): T {
  const text = String(raw).trim();
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new ConfigError(input, `${show(raw)} is not one of ${allowed.join(', ')}.`);
}

/** A list from `a,b c` text or from a YAML sequence; empty items are dropped. */
export function readList(input: string, raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw.map((item) => String(item)) : String(raw).split(/[\s,]+/);
  const list = items.map((item) => item.trim()).filter((item) => item !== '');
  if (list.length === 0) throw new ConfigError(input, `${show(raw)} is empty; give at least one item.`);
  const duplicate = list.find((item, i) => list.indexOf(item) !== i);
  if (duplicate !== undefined) throw new ConfigError(input, `${show(duplicate)} is listed twice.`);
  return list;
}

/** Added latencies in whole milliseconds: `0,100,200` or `0ms, 200ms`. */
export function readLatencies(input: string, raw: unknown): number[] {
  // "100 ms" is one latency, not "100" and "ms".
  const text = Array.isArray(raw) ? raw : String(raw).replace(/(\d)\s+ms\b/gi, '$1ms');
  const values = readList(input, text).map((item) => {
    const text = item.replace(/ms$/i, '');
    if (!/^-?\d+$/.test(text)) {
      throw new ConfigError(input, `${show(item)} is not a whole number of milliseconds; write e.g. "0,100,200".`);
    }
    const ms = Number(text);
    if (ms < 0) throw new ConfigError(input, `${show(item)} is negative; added latency is ≥ 0 ms.`);
    return ms;
  });
  const duplicate = values.find((ms, i) => values.indexOf(ms) !== i);
  if (duplicate !== undefined) throw new ConfigError(input, `${duplicate} ms is listed twice.`);
  return values;
}

/** A duration in seconds: `180`, `180s`, `3m`, `1m30s`. */
export function readDuration(input: string, raw: unknown): number {
  const text = String(raw).trim().toLowerCase();
  const match = /^(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s?)?$/.exec(text);
  if (text === '' || !match || (match[1] ?? match[2] ?? match[3]) === undefined) {
    throw new ConfigError(input, `${show(raw)} is not a duration; write seconds ("180", "180s") or "3m".`);
  }
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  if (seconds <= 0) throw new ConfigError(input, `${show(raw)} must be longer than 0 s.`);
  return seconds;
}

/** `i/n`, 1-based: `1/3` is the first of three shards. */
export function readShard(input: string, raw: unknown): Shard {
  const text = String(raw).trim();
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
  if (!match) throw new ConfigError(input, `${show(raw)} is not "i/n" (e.g. "1/3" for the first of three shards).`);
  const index = Number(match[1]);
  const total = Number(match[2]);
  if (total < 1) throw new ConfigError(input, `${show(raw)} has no shards; n must be ≥ 1.`);
  if (index < 1 || index > total) {
    throw new ConfigError(input, `${show(raw)}: i must be between 1 and ${total} (shards are numbered from 1).`);
  }
  return { index, total };
}
