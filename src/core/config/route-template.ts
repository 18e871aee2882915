/**
 * Request templates of routes as data: a path, query value, header value or body text
 * with placeholders that Locust fills in on every request. Parsed here, once, so the
 * locustfile only evaluates ready segments and a bad placeholder is refused before
 * anything runs.
 *
 *   {int:1..1000}        a random integer in the range, both ends included
 *   {choice:red,green}   one of the listed values
 *   {string}, {string:8} random letters (12 unless a length is given)
 *   ${NAME}              the runner's environment variable NAME (headers only: tokens
 *                        stay in the environment, never in a file, a command or a log)
 *   {{ and }}            a literal brace
 */

export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'choice'; values: string[] }
  | { kind: 'string'; length: number }
  | { kind: 'env'; name: string };

export const DEFAULT_STRING_LENGTH = 12;
const MAX_STRING_LENGTH = 10_000;
const SYNTAX = 'placeholders are {int:1..1000}, {choice:a,b,c}, {string} or {string:8} (write {{ and }} for literal braces)';

export class TemplateError extends Error {
  override name = 'TemplateError';
}

function placeholder(body: string, allowEnv: boolean): Segment {
  const [kind, ...rest] = body.split(':');
  const argument = rest.join(':');
  if (kind === 'int') {
    const range = /^\s*(-?\d+)\s*\.\.\s*(-?\d+)\s*$/.exec(argument);
    if (!range) throw new TemplateError(`{${body}} needs a range, e.g. {int:1..1000}.`);
    const [min, max] = [Number(range[1]), Number(range[2])];
    if (min > max) throw new TemplateError(`{${body}}: the range ${min}..${max} is empty; write the smaller end first.`);
    return { kind: 'int', min, max };
  }
  if (kind === 'choice') {
    const values = argument.split(',').map((value) => value.trim());
    if (rest.length === 0 || values.some((value) => value === ''))
      throw new TemplateError(`{${body}} needs values separated by commas, e.g. {choice:red,green}.`);
    return { kind: 'choice', values };
  }
  if (kind === 'string') {
    if (rest.length === 0) return { kind: 'string', length: DEFAULT_STRING_LENGTH };
    if (!/^\d+$/.test(argument.trim()) || Number(argument) < 1 || Number(argument) > MAX_STRING_LENGTH) {
      throw new TemplateError(`{${body}}: the length must be a whole number from 1 to ${MAX_STRING_LENGTH}, e.g. {string:8}.`);
    }
    return { kind: 'string', length: Number(argument) };
  }
  if (kind?.startsWith('$') && !allowEnv) throw new TemplateError(`\${${body.slice(1)}}: environment variables are allowed in header values only.`);
  throw new TemplateError(`{${body}} is not a placeholder; ${SYNTAX}.`);
}

/** The segments of one template; `allowEnv` for header values, which may read `${NAME}`. */
export function parseTemplate(template: string, options: { allowEnv?: boolean } = {}): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') segments.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < template.length; i += 1) {
    const char = template[i]!;
    const next = template[i + 1];
    if ((char === '{' && next === '{') || (char === '}' && next === '}')) {
      text += char;
      i += 1;
    } else if (char === '$' && next === '{') {
      const end = template.indexOf('}', i);
      const name = end < 0 ? '' : template.slice(i + 2, end);
      if (!options.allowEnv) throw new TemplateError(`\${${name}}: environment variables are allowed in header values only.`);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new TemplateError(`\${${name}} is not an environment variable name (letters, digits, "_").`);
      flush();
      segments.push({ kind: 'env', name });
      i = end;
    } else if (char === '{') {
      const end = template.indexOf('}', i);
      if (end < 0) throw new TemplateError(`"{" at position ${i + 1} is never closed; ${SYNTAX}.`);
      flush();
      segments.push(placeholder(template.slice(i + 1, end), options.allowEnv ?? false));
      i = end;
    } else if (char === '}') {
      throw new TemplateError(`"}" at position ${i + 1} closes nothing; write }} for a literal brace.`);
    } else {
      text += char;
    }
  }
  flush();
  return segments;
}

/** The environment variables a template reads. */
export function envNames(segments: Segment[]): string[] {
  return segments.flatMap((segment) => (segment.kind === 'env' ? [segment.name] : []));
}

/**
 * A JSON body whose strings are templates, as a tagged tree the locustfile walks: a
 * string that is one {int:…} alone becomes a number, so `"id": "{int:1..9}"` sends 7.
 */
export type JsonTemplate =
  | { kind: 'value'; value: number | boolean | null }
  | { kind: 'template'; segments: Segment[] }
  | { kind: 'array'; items: JsonTemplate[] }
  | { kind: 'object'; entries: [string, JsonTemplate][] };

export function parseJsonTemplate(value: unknown): JsonTemplate {
  if (typeof value === 'string') return { kind: 'template', segments: parseTemplate(value) };
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return { kind: 'value', value };
  if (Array.isArray(value)) return { kind: 'array', items: value.map(parseJsonTemplate) };
  if (typeof value === 'object') return { kind: 'object', entries: Object.entries(value).map(([key, item]) => [key, parseJsonTemplate(item)]) };
  throw new TemplateError(`${typeof value} is not a JSON value.`);
}
