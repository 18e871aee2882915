import type { z } from 'zod';

/**
 * Turning a zod issue into one clear sentence. Schemas word their own rules (the
 * field schemas in fields.ts say what is allowed); `describeIssue` words the rest
 * from the issue alone, and `firstIssue` picks the one to report.
 */

/** A value as the user wrote it: text quoted, a number or boolean bare; long ones cut with "…". */
export function show(value: unknown): string {
  const shown = typeof value === 'number' && !Number.isFinite(value) ? String(value) : (JSON.stringify(value) ?? String(value));
  return shown.length > 60 ? `${shown.slice(0, 59)}…` : shown;
}

/** What a value is, for "expected …, got …". */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const NOUNS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

const choices = (values: readonly unknown[]): string =>
  values.length === 1 ? show(values[0]) : `${values.slice(0, -1).map(show).join(', ')} or ${show(values.at(-1))}`;

/**
 * The wording of an issue whose schema gave none, as a predicate of the value's path:
 * `should be a number, not "x"`. Passed to safeParse as its error map.
 */
export function describeIssue(issue: z.core.$ZodRawIssue): string {
  const got = issue.input === undefined ? 'it is missing' : `not ${show(issue.input)}`;
  switch (issue.code) {
    case 'invalid_type':
      return `should be ${NOUNS[issue.expected] ?? issue.expected}, ${got}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `should have at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`
        : `should be ${issue.inclusive ? '≥' : '>'} ${issue.minimum}, ${got}`;
    case 'too_big':
      return issue.origin === 'array' ? `should have at most ${issue.maximum} items` : `should be ${issue.inclusive ? '≤' : '<'} ${issue.maximum}, ${got}`;
    case 'invalid_value':
      return `should be ${choices(issue.values)}, ${got}`;
    case 'invalid_format':
      return `should be ${issue.format === 'regex' ? `text matching ${(issue as { pattern?: string }).pattern}` : `a ${issue.format}`}, ${got}`;
    case 'unrecognized_keys':
      return `has unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map(show).join(', ')}`;
    case 'invalid_union': {
      // A discriminated union reports at its discriminator, with the whole object as input.
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
      if (!discriminator || !options) return `does not match any allowed shape, ${got}`;
      return `should be ${choices(options)}, not ${show((issue.input as Record<string, unknown> | undefined)?.[discriminator])}`;
    }
    default:
      return `is not valid, ${got}`;
  }
}

/** The value had the wrong kind for this branch of a union (not: the right kind, but wrong). */
function isKindMismatch(issue: z.core.$ZodIssue): boolean {
  if (issue.path.length > 0) return false;
  if (issue.code === 'invalid_type') return true;
  return issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors.every((branch) => branch.some(isKindMismatch));
}

/**
 * The issue to report: the first one, and inside a union the branch the value
 * belongs to (a mapping's own error rather than "not a name or a mapping").
 */
export function firstIssue(error: z.ZodError): z.core.$ZodIssue {
  let issue = error.issues[0]!;
  let prefix: PropertyKey[] = [];
  while (issue.code === 'invalid_union') {
    const branches = issue.errors.filter((branch) => branch.length > 0 && !branch.some(isKindMismatch));
    if (branches.length !== 1) break;
    prefix = [...prefix, ...issue.path];
    issue = branches[0]![0]!;
  }
  return { ...issue, path: [...prefix, ...issue.path] };
}

/** `results.cells[3].metrics.maxSrps` */
export function jsonPath(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : `${at}.${String(key)}`), root);
}
