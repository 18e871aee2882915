import { parse, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { errorMessage } from '../error-message.js';
import { ConfigError } from './errors.js';
import { choice, names, nonEmptyText, positiveNumber, wholeNumber } from './fields.js';
import { CONFIG_INPUT_FIELDS } from './inputs.js';
import { describeIssue, firstIssue, kindOf, show } from './issues.js';
import { didYouMean } from './nearest.js';
import { HTTP_METHODS, INTERFACES, LIMITS, ROUTE_KINDS } from './schema.js';

/**
 * The schema of async-bench.yml: every input as a key (read like the input), plus
 * structured `app`, `setups` and `routes`. Mappings are strict: a misspelt key is an
 * error naming the allowed ones, not a setting silently ignored.
 */

/** A mapping whose unknown keys are refused, listing the allowed ones. */
function strictMapping<S extends z.core.$ZodLooseShape>(shape: S, notMapping = (raw: unknown) => `expected a mapping, got ${show(raw)}.`) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        const allowed = Object.keys(shape);
        return `unknown key "${issue.keys[0]}"${didYouMean(issue.keys[0]!, allowed)}; allowed keys: ${allowed.join(', ')}.`;
      }
      if (issue.code === 'invalid_type') return notMapping(issue.input);
      return undefined;
    },
  });
}

/** The name of a setup, a route or the app. */
const entryName = z
  .union([z.string(), z.number()], {
    error: (issue) =>
      issue.input === undefined || issue.input === null ? 'is missing; every entry needs a name.' : `must be a name, not ${kindOf(issue.input)}.`,
  })
  .transform((raw) => String(raw).trim())
  .refine((name) => name !== '', { error: 'is missing; every entry needs a name.', abort: true })
  .refine((name) => /^[a-z0-9][a-z0-9_-]*$/.test(name), {
    error: (issue) => `name ${show(issue.input)} must be lowercase letters, digits, "-" or "_".`,
    abort: true,
  })
  // Cell folders join names with "__" (plan cellDir): a name holding it would make them ambiguous.
  .refine((name) => !name.includes('__'), {
    error: (issue) => `name ${show(issue.input)} must not contain "__" (it separates names in cell folders); use "_" or "-".`,
    abort: true,
  });

const SetupDefinitionSchema = strictMapping({
  name: entryName,
  label: nonEmptyText().optional(),
  interface: choice(INTERFACES).optional(),
  command: z
    .array(z.union([z.string(), z.number()]), { error: 'must be a list of arguments, e.g. ["gunicorn", "--workers", "1", "{module}"].' })
    .min(1, { error: 'must be a list of arguments, e.g. ["gunicorn", "--workers", "1", "{module}"].' })
    .transform((args) => args.map(String))
    .optional(),
  env: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]), {
      error: (issue) => `expected a mapping of names to values, got ${show(issue.input)}.`,
    })
    .transform((env) => Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value)])))
    .optional(),
  'max-connections': wholeNumber(1, LIMITS.maxConnections).optional(),
  workers: wholeNumber(1, LIMITS.workers).optional(),
});

const urlPath = nonEmptyText('a path such as "/search/"').refine((path) => path.startsWith('/'), {
  error: (issue) => `${show(issue.input)} must start with "/".`,
});

/** Names to template texts (query parameters, headers, form fields). */
const templates = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean()]), {
    error: (issue) => `expected a mapping of names to values, got ${show(issue.input)}.`,
  })
  .transform((entries) => Object.fromEntries(Object.entries(entries).map(([key, value]) => [key, String(value)])));

const HTTP_STATUS = 'HTTP statuses from 100 to 599, e.g. [200, 201]';
/** `expect: 200` or `expect: [200, 302]`. */
const statuses = z
  .union([z.number(), z.array(z.number())], { error: `expected ${HTTP_STATUS}.` })
  .transform((raw) => (Array.isArray(raw) ? raw : [raw]))
  .refine((codes) => codes.length > 0 && codes.every((code) => Number.isInteger(code) && code >= 100 && code <= 599), {
    error: (issue) => `${show(issue.input)}: expected ${HTTP_STATUS}.`,
  });

/** The keys that describe a request RouteUser makes. */
const REQUEST_KEYS = ['method', 'path', 'query', 'headers', 'form', 'json', 'expect'] as const;

const RouteDefinitionSchema = strictMapping({
  name: entryName,
  title: nonEmptyText().optional(),
  method: choice(HTTP_METHODS, (method) => method.toUpperCase()).optional(),
  path: urlPath.optional(),
  query: templates.optional(),
  headers: templates.optional(),
  // A list of names sends random text in each (the earlier form); a mapping gives templates.
  form: z.union([names, templates], { error: 'expected a list of field names or a mapping of fields to values.' }).optional(),
  json: z.unknown().optional(),
  expect: statuses.optional(),
  'user-class': nonEmptyText().optional(),
  weight: positiveNumber(LIMITS.weight).optional(),
  mix: names.optional(),
  locustfile: nonEmptyText('a path such as "loadtest/locustfile.py"').optional(),
  kind: choice(ROUTE_KINDS, (kind) => kind.toLowerCase()).optional(),
}).superRefine((route, ctx) => {
  if (route.form !== undefined && route.json !== undefined) ctx.addIssue({ code: 'custom', message: 'give a form or a json body, not both.', path: ['json'] });
  // A mix or a team's locustfile says what is requested; request fields beside it would be ignored.
  const request: string[] = REQUEST_KEYS.filter((key) => route[key] !== undefined);
  const ownRequest = route['user-class'] !== undefined ? [...request, 'user-class'] : request;
  if (route.mix !== undefined && route.locustfile !== undefined) {
    ctx.addIssue({ code: 'custom', message: 'give mix (routes of async-bench.yml) or locustfile (your own Locust file), not both.', path: ['mix'] });
  } else if (route.mix !== undefined && ownRequest.length > 0) {
    ctx.addIssue({ code: 'custom', message: `a mix sends its routes' requests; drop ${ownRequest[0]!} (define it on a route of the mix).`, path: ['mix'] });
  } else if (route.locustfile !== undefined && request.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `the user class of locustfile makes the requests; drop ${request[0]!} (it would be ignored).`,
      path: ['locustfile'],
    });
  } else if (route.locustfile !== undefined && route['user-class'] === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'needs user-class too: the Locust user class in that file that requests this route, e.g. user-class: CheckoutUser.',
      path: ['locustfile'],
    });
  }
});

const moduleEntry = nonEmptyText('"module.path:callable"').refine((text) => /^[\w.]+:[\w.]+$/.test(text), {
  error: (issue) => `${show(issue.input)} is not "module.path:callable", e.g. "mysite.wsgi:application".`,
});

/** "3.13": quoted, since YAML reads 3.10 as the number 3.1. */
const pythonVersion = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number'
        ? `write the version in quotes (python: "${issue.input}"): YAML reads 3.10 as 3.1.`
        : `must be a Python version such as "3.13", not ${kindOf(issue.input)}.`,
  })
  .refine((text) => /^3\.\d{1,2}$/.test(text.trim()), { error: (issue) => `${show(issue.input)} is not a Python version such as "3.13" (major.minor).` })
  .transform((text) => text.trim());

const AppDefinitionSchema = strictMapping({
  name: entryName.optional(),
  context: nonEmptyText().optional(),
  dockerfile: nonEmptyText().optional(),
  python: pythonVersion.optional(),
  requirements: nonEmptyText('a requirements file or pyproject.toml, relative to context').optional(),
  build: z.array(nonEmptyText('a shell command'), { error: 'must be a list of shell commands, e.g. ["npm ci", "npm run build"].' }).optional(),
  wsgi: moduleEntry.optional(),
  asgi: moduleEntry.optional(),
  port: wholeNumber(1, LIMITS.port).optional(),
  'health-path': nonEmptyText().optional(),
  settings: nonEmptyText('a module such as "mysite.settings"').optional(),
  env: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]), {
      error: (issue) => `expected a mapping of names to values, got ${show(issue.input)}.`,
    })
    .transform((env) => Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value)])))
    .optional(),
  prepare: z
    .array(z.array(z.union([z.string(), z.number()])).min(1), {
      error: 'must be a list of manage.py commands, e.g. [[loaddata, demo.json]].',
    })
    .transform((commands) => commands.map((command) => command.map(String)))
    .optional(),
}).superRefine((app, ctx) => {
  // An empty mapping is the reference app; anything else describes the user's own app,
  // which must not be dropped silently when its context is missing.
  if (Object.keys(app).length === 0) return;
  if (app.context === undefined) {
    ctx.addIssue({ code: 'custom', message: 'your own app needs context: its Docker build context, relative to the workspace (e.g. "./mysite").' });
    return;
  }
  const missing = (['wsgi', 'asgi'] as const).filter((key) => app[key] === undefined);
  if (missing.length > 0) ctx.addIssue({ code: 'custom', message: `your own app needs ${missing.join(' and ')} (e.g. "mysite.wsgi:application").` });
  const buildIssue = appBuildIssue(app);
  if (buildIssue) ctx.addIssue({ code: 'custom', message: buildIssue });
});

/**
 * One way to build the image: the project's own Dockerfile, or async-bench's generic
 * builder (python + requirements, optional build commands). Neither: ./Dockerfile.
 */
function appBuildIssue(app: { dockerfile?: string; python?: string; requirements?: string; build?: string[] }): string | null {
  const generic = app.python !== undefined || app.requirements !== undefined;
  if (app.dockerfile !== undefined && generic)
    return 'give either dockerfile (your own image) or python and requirements (async-bench builds the image), not both.';
  if (generic && (app.python === undefined || app.requirements === undefined))
    return (
      'the generic builder needs both python and requirements; ' +
      (app.python === undefined
        ? 'python is missing (e.g. python: "3.13")'
        : 'requirements is missing (e.g. requirements: requirements.txt, or pyproject.toml)') +
      '.'
    );
  if (app.build !== undefined && !generic)
    return 'build commands run in the generic builder only (python and requirements); with your own dockerfile, put them in it as RUN steps.';
  return null;
}

/** A list of built-in names or definitions (a definition may override a built-in by name). */
function definitions<D extends z.ZodType>(definition: D) {
  const message = 'in the config file must be a non-empty list of names or definitions.';
  return z
    .array(z.union([entryName, definition], { error: (issue) => `expected a name or a mapping, got ${kindOf(issue.input)}.` }), {
      error: message,
    })
    .min(1, { error: message });
}

const ConfigFileSchema = strictMapping(
  {
    ...(Object.fromEntries(Object.entries(CONFIG_INPUT_FIELDS).map(([key, field]) => [key, field.optional()])) as {
      [K in keyof typeof CONFIG_INPUT_FIELDS]: z.ZodOptional<(typeof CONFIG_INPUT_FIELDS)[K]>;
    }),
    setups: definitions(SetupDefinitionSchema).optional(),
    routes: definitions(RouteDefinitionSchema).optional(),
    app: AppDefinitionSchema.optional(),
  },
  () => 'the top level must be a mapping of keys such as "profile:" and "routes:".',
);

export type ConfigFile = z.output<typeof ConfigFileSchema>;
export type SetupDefinition = z.output<typeof SetupDefinitionSchema>;
export type RouteDefinition = z.output<typeof RouteDefinitionSchema>;
export type AppDefinition = z.output<typeof AppDefinitionSchema>;

/**
 * Names a place in the file the way users think of it: `users`, `setups entry`,
 * `setup "fast" command`, `app wsgi`, or the file itself.
 */
function describeWhere(path: readonly PropertyKey[], data: Record<string, unknown>, file: string): string {
  const [key, index, field] = path.map(String);
  if (key === undefined) return `config file ${file}`;
  if (key === 'app') return index === undefined ? 'app' : `app ${index}`;
  if ((key === 'setups' || key === 'routes') && index !== undefined) {
    const entry = (data[key] as unknown[])[Number(index)];
    // A bare name is the list's own item; anything else is an entry.
    if (typeof entry === 'string' || typeof entry === 'number') return key;
    if (field === undefined) return `${key} entry`;
    if (field === 'name') return `${key} entry name`;
    return `${key === 'setups' ? 'setup' : 'route'} "${String((entry as { name?: unknown }).name).trim()}" ${field}`;
  }
  return key;
}

/** Parses async-bench.yml text into typed values; a key with no value counts as not given. */
export function parseConfigFile(file: string, text: string): ConfigFile {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    throw new ConfigError(`config file ${file}`, `not valid YAML${where}: ${errorMessage(error).split('\n')[0]}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data === 'object' && !Array.isArray(data)) {
    data = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null));
  }
  const parsed = ConfigFileSchema.safeParse(data, { error: describeIssue });
  if (parsed.success) return parsed.data;
  const issue = firstIssue(parsed.error);
  throw new ConfigError(describeWhere(issue.path, data as Record<string, unknown>, file), issue.message);
}
