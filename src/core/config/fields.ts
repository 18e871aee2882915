import { z } from 'zod';
import { baselineChoice, baselineProblem, baselineSetting } from './baseline.js';
import { kindOf, show } from './issues.js';
import { nearestName } from './nearest.js';
import { DEFAULT_FAIL_SIGNALS, LIMITS, REGRESSION_SIGNALS, type RegressionSignal } from './schema.js';

/**
 * Schemas of single values as users write them: an action input or CLI flag (text) or
 * a YAML value (text, number, boolean or list). Each rule's message starts with the
 * value as written and says what is allowed; the first broken rule is the one reported.
 */

type Scalar = string | number | boolean;

/** The text of a scalar, as the rules read it. */
const text = (raw: Scalar): string => String(raw).trim();

/**
 * A rule on the value as written, for `.refine(...rule(ok, detail))`. `abort`: a broken
 * rule stops the ones after it, so each may assume the earlier ones held.
 */
function rule<T = Scalar>(ok: (raw: T) => boolean, detail: (raw: T) => string) {
  return [ok, { error: (issue: { input: unknown }) => detail(issue.input as T), abort: true }] as const;
}

/** One value; a list or a mapping is refused naming what was expected. */
function scalar(expected: string) {
  return z.union([z.string(), z.number(), z.boolean()], { error: (issue) => `expected ${expected}, got ${kindOf(issue.input)}.` });
}

export function wholeNumber(min: number, max: number) {
  return scalar('a whole number')
    .refine(
      ...rule(
        (raw) => /^[+-]?\d+$/.test(text(raw)),
        (raw) => `${show(raw)} is not a whole number; give an integer ≥ ${min}.`,
      ),
    )
    .refine(
      ...rule(
        (raw) => Number(text(raw)) >= min,
        (raw) => `${show(raw)} is below ${min}; give an integer ≥ ${min}.`,
      ),
    )
    .refine(
      ...rule(
        (raw) => Number(text(raw)) <= max,
        (raw) => `${show(raw)} is above the maximum ${max}.`,
      ),
    )
    .transform((raw) => Number(text(raw)));
}

/** The number written; NaN when it is not one (a boolean, "", "5/s"). */
function numberOf(raw: Scalar): number {
  return typeof raw === 'boolean' || text(raw) === '' ? NaN : Number(text(raw));
}

export function positiveNumber(max: number) {
  return scalar('a number')
    .refine(
      ...rule(
        (raw) => Number.isFinite(numberOf(raw)),
        (raw) => `${show(raw)} is not a number.`,
      ),
    )
    .refine(
      ...rule(
        (raw) => numberOf(raw) > 0,
        (raw) => `${show(raw)} must be greater than 0.`,
      ),
    )
    .refine(
      ...rule(
        (raw) => numberOf(raw) <= max,
        (raw) => `${show(raw)} is above the maximum ${max}.`,
      ),
    )
    .transform(numberOf);
}

/** `10%`, `10 %` or `0.1` as a ratio; NaN when it is neither. */
function ratioOf(raw: Scalar): number {
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text(raw));
  return percent ? Number(percent[1]) / 100 : numberOf(raw);
}

/** A relative threshold: `10%`, `10 %` or `0.1`. */
export const ratio = scalar('a ratio')
  .refine(
    ...rule(
      (raw) => ratioOf(raw) > 0 && ratioOf(raw) < 1,
      (raw) => `${show(raw)} is not a ratio between 0 and 1; write e.g. "10%" or "0.1".`,
    ),
  )
  .transform(ratioOf);

/** A confidence level: `95%`, `95 %` or `0.95`, within LIMITS.confidence. */
export const confidenceLevel = scalar('a confidence level')
  .refine(
    ...rule(
      (raw) => ratioOf(raw) >= LIMITS.confidence.min && ratioOf(raw) <= LIMITS.confidence.max,
      (raw) =>
        `${show(raw)} is not a confidence level between ${LIMITS.confidence.min * 100}% and ${LIMITS.confidence.max * 100}%; write e.g. "95%" or "0.95".`,
    ),
  )
  .transform(ratioOf);

/** Seconds of `180`, `180s`, `3m`, `1m30s` or `1h`; null when it is not a duration. */
function secondsOf(raw: Scalar): number | null {
  const match = /^(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s?)?$/.exec(text(raw).toLowerCase());
  if (typeof raw === 'boolean' || !match || (match[1] ?? match[2] ?? match[3]) === undefined) return null;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

/**
 * A duration in seconds: `180`, `180s`, `3m`, `1m30s`, `1h`, at most `max`; `example` is what the
 * message suggests. Later rules run only once it reads.
 */
function durationUpTo(max: number, example: string) {
  return scalar('a duration')
    .refine(
      ...rule(
        (raw) => secondsOf(raw) !== null,
        (raw) => `${show(raw)} is not a duration; write ${example}.`,
      ),
    )
    .refine(
      ...rule(
        (raw) => secondsOf(raw)! > 0,
        (raw) => `${show(raw)} must be longer than 0 s.`,
      ),
    )
    .refine(
      ...rule(
        (raw) => secondsOf(raw)! <= max,
        (raw) => `${show(raw)} is above the maximum ${max / 3600} h (${max} s).`,
      ),
    )
    .transform((raw) => secondsOf(raw)!);
}

/** A cell's load time: `180`, `180s`, `3m`, `1m30s`, `1h`. */
export const duration = durationUpTo(LIMITS.runTimeSeconds, 'seconds ("180", "180s") or "3m"');

/** The time a budgeted run may spend from its start: `15m`, `900s`, `1h30m`. */
export const budgetDuration = durationUpTo(LIMITS.budgetSeconds, 'minutes or seconds ("15m", "900s", "1h30m")');

const TRUE = ['true', 'yes', 'on', '1'];
const FALSE = ['false', 'no', 'off', '0'];

export const flag = scalar('true or false')
  .refine(
    ...rule(
      (raw) => [...TRUE, ...FALSE].includes(text(raw).toLowerCase()),
      (raw) => `${show(raw)} is not a boolean; use true or false.`,
    ),
  )
  .transform((raw) => TRUE.includes(text(raw).toLowerCase()));

/** A list's items, or null when one of them is not a signal. */
function signalsOf(raw: Scalar | Scalar[]): RegressionSignal[] | null {
  const items = listItems(raw, (t) => t.split(/[\s,]+/)).map((item) => item.toLowerCase());
  return items.every((item) => (REGRESSION_SIGNALS as readonly string[]).includes(item)) ? (items as RegressionSignal[]) : null;
}

const isFlag = (raw: Scalar | Scalar[]): boolean => !Array.isArray(raw) && [...TRUE, ...FALSE].includes(text(raw).toLowerCase());

/**
 * Which signals' regressions fail the step: `true` (throughput and queries), `false`
 * (none), or a list of signals (`queries, cpu` or a YAML list), in the order given.
 */
export const regressionSignals = z
  .union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))], {
    error: (issue) => `expected true, false or a list of signals, got ${kindOf(issue.input)}.`,
  })
  .refine(
    ...rule<Scalar | Scalar[]>(
      (raw) => isFlag(raw) || (signalsOf(raw) !== null && signalsOf(raw)!.length > 0),
      (raw) => `${show(raw)} is neither true, false nor a list of signals; give true, false or some of ${REGRESSION_SIGNALS.join(', ')}.`,
    ),
  )
  .refine(
    ...rule<Scalar | Scalar[]>(
      (raw) => isFlag(raw) || firstDuplicate(signalsOf(raw)!) === undefined,
      (raw) => `${show(firstDuplicate(signalsOf(raw)!))} is listed twice.`,
    ),
  )
  .transform((raw): RegressionSignal[] => {
    if (!isFlag(raw)) return signalsOf(raw)!;
    return TRUE.includes(text(raw as Scalar).toLowerCase()) ? [...DEFAULT_FAIL_SIGNALS] : [];
  });

/** One of `values`; `normalize` lets `post` stand for `POST`. */
export function choice<T extends string>(values: readonly T[], normalize: (text: string) => string = (t) => t) {
  const pick = (raw: Scalar) => normalize(text(raw)) as T;
  return scalar(`one of ${values.join(', ')}`)
    .refine(
      ...rule(
        (raw) => values.includes(pick(raw)),
        (raw) => {
          const near = nearestName(text(raw), values);
          return `${show(raw)} is not one of ${values.join(', ')}.${near === null ? '' : ` Did you mean "${near}"?`}`;
        },
      ),
    )
    .transform(pick);
}

/** `i/n` as numbers; null when it is not written so. */
function shardOf(raw: Scalar): { index: number; total: number } | null {
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(text(raw));
  return match ? { index: Number(match[1]), total: Number(match[2]) } : null;
}

/** `i/n`, 1-based: `1/3` is the first of three shards. Later rules run only once it reads. */
export const shard = scalar('a shard "i/n"')
  .refine(
    ...rule(
      (raw) => shardOf(raw) !== null,
      (raw) => `${show(raw)} is not "i/n" (e.g. "1/3" for the first of three shards).`,
    ),
  )
  .refine(
    ...rule(
      (raw) => shardOf(raw)!.total >= 1,
      (raw) => `${show(raw)} has no shards; n must be ≥ 1.`,
    ),
  )
  .refine(
    ...rule(
      (raw) => shardOf(raw)!.index >= 1 && shardOf(raw)!.index <= shardOf(raw)!.total,
      (raw) => `${show(raw)}: i must be between 1 and ${shardOf(raw)!.total} (shards are numbered from 1).`,
    ),
  )
  .transform((raw) => shardOf(raw)!);

/** Text that must be given: a mapping or list here is a mistake, and so is "". */
export function nonEmptyText(expected = 'a non-empty string') {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `is missing; give ${expected}.` : `must be ${expected}, not ${kindOf(issue.input)}.`) })
    .refine(
      ...rule(
        (raw: string) => raw.trim() !== '',
        () => `must be ${expected}.`,
      ),
    );
}

/** A path (the out folder): text, trimmed. */
export const path = z
  .string({ error: (issue) => `expected a path (string), got ${kindOf(issue.input)}.` })
  .transform((raw) => raw.trim())
  .refine(
    ...rule(
      (raw: string) => raw !== '',
      () => 'is empty; give a folder path.',
    ),
  );

/** `paper`, `artifact`, `base`, a results.json path, or `none` (also empty) for no comparison; kept as Config records it. */
export const baselineSource = z
  .string({ error: (issue) => `expected "paper", "artifact", "none" or a path (string), got ${kindOf(issue.input)}.` })
  .refine(
    ...rule(
      (raw: string) => baselineProblem(raw) === null,
      (raw: string) => baselineProblem(raw)!,
    ),
  )
  .transform((raw) => baselineSetting(baselineChoice(raw)));

/** A git ref or SHA of the base commit (`baseline: base`); empty = the default (the PR's base, else the merge-base). */
export const gitRef = z
  .string({ error: (issue) => `expected a git ref or commit SHA (string), got ${kindOf(issue.input)}.` })
  .transform((raw) => raw.trim())
  .refine(
    ...rule(
      (raw: string) => !raw.startsWith('-'),
      (raw: string) => `${JSON.stringify(raw)} starts with "-"; give a branch, tag or commit SHA (e.g. origin/main).`,
    ),
  )
  .transform((raw) => (raw === '' ? null : raw));

/** The items of a list written as text (`a,b c`) or as a YAML sequence; empty items are dropped. */
function listItems(raw: Scalar | Scalar[], split: (text: string) => string[]): string[] {
  const items = Array.isArray(raw) ? raw.map(String) : split(String(raw));
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

const firstDuplicate = <T>(items: T[]): T | undefined => items.find((item, i) => items.indexOf(item) !== i);

function list(expected: string, split: (text: string) => string[] = (t) => t.split(/[\s,]+/)) {
  return z
    .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))], {
      error: (issue) => `expected ${expected} ("a, b" or [a, b]), got ${Array.isArray(issue.input) ? show(issue.input) : kindOf(issue.input)}.`,
    })
    .refine(
      ...rule<Scalar | Scalar[]>(
        (raw) => listItems(raw, split).length > 0,
        (raw) => `${show(raw)} is empty; give at least one item.`,
      ),
    )
    .refine(
      ...rule<Scalar | Scalar[]>(
        (raw) => firstDuplicate(listItems(raw, split)) === undefined,
        (raw) => `${show(firstDuplicate(listItems(raw, split)))} is listed twice.`,
      ),
    )
    .transform((raw) => listItems(raw, split));
}

/** Names (setups, routes, form fields), in the order given. */
export const names = list('a list of names');

/** The number of `100` or `100ms`, as text. */
const withoutMs = (item: string): string => item.replace(/ms$/i, '');

const latency = z
  .string()
  .refine(
    ...rule(
      (item: string) => /^-?\d+$/.test(withoutMs(item)),
      (item) => `${show(item)} is not a whole number of milliseconds; write e.g. "0,100,200".`,
    ),
  )
  .refine(
    ...rule(
      (item: string) => Number(withoutMs(item)) >= 0,
      (item) => `${show(item)} is negative; added latency is ≥ 0 ms.`,
    ),
  )
  .refine(
    ...rule(
      (item: string) => Number(withoutMs(item)) <= LIMITS.latencyMs,
      (item) => `${show(item)} is above the maximum ${LIMITS.latencyMs} ms.`,
    ),
  )
  .transform((item) => Number(withoutMs(item)));

/** Added latencies in whole milliseconds: `0,100,200`, `0ms, 200ms`, `100 ms` or a YAML list. */
export const latencies = list('a list of latencies in ms', (t) => t.replace(/(\d)\s+ms\b/gi, '$1ms').split(/[\s,]+/))
  .pipe(z.array(latency))
  .refine(
    ...rule(
      (values: number[]) => firstDuplicate(values) === undefined,
      (values) => `${firstDuplicate(values)} ms is listed twice.`,
    ),
  );
