/** The app's images: its project image (own Dockerfile or the generic builder), then the derived image the stack runs. */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { ConfigError, type AppSpec } from '../core/config/build.js';
import { runChecked, type Command, type CommandResult, type Runner } from './exec/command.js';
import { Compose } from './compose.js';
import type { ComposeFlavor } from './docker.js';

/**
 * Every app reaches the stack the same way: its project image (the project's own
 * Dockerfile, or async-bench's generic builder for python + requirements), then a thin
 * derived image FROM it that adds only what async-bench needs and the project lacks
 * (compose/derived). The builds are services of a generated compose file, built one at a
 * time so a failure names the image; every command is data run through the Runner.
 */

/** "3.13=debian:trixie-slim,3.11=debian:bookworm-slim": local images standing in for python:<version>-slim. */
export const PYTHON_IMAGES_ENV = 'ASYNC_BENCH_PYTHON_IMAGES';
/** A folder of wheels (scripts/build-wheelhouse.sh --out) the generic builder installs from, offline. */
export const WHEELHOUSE_ENV = 'ASYNC_BENCH_WHEELHOUSE';

export const BUILDER_DOCKERFILE = 'compose/builder/Dockerfile';
const WHEELS_DOCKERFILE = 'compose/builder/wheels.Dockerfile';
export const DERIVED_CONTEXT = 'compose/derived';
const IMAGES_FILE = 'images.yml';
/** The wheels image's context when there is no wheelhouse: the builder installs from PyPI. */
const NO_WHEELS_DIR = 'no-wheels';

export type ImageRole = 'wheels' | 'project' | 'derived';

/** One image to build: a service of the generated images file. */
export interface ImageBuild {
  role: ImageRole;
  service: string;
  image: string;
  context: string;
  dockerfile: string;
  args: Record<string, string>;
}

/** How this run builds its app (StackLayout.app): paths absolute. */
export interface AppSource {
  context: string;
  /** The derived image: what the stack runs. */
  image: string;
  /** The project's own Dockerfile; null: the generic builder. */
  dockerfile: string | null;
  /** The generic builder's base image for app.python; null with a Dockerfile. */
  pythonImage: string | null;
  /** The wheelhouse folder; null: none (PyPI). */
  wheelhouse: string | null;
}

/**
 * The name of one step's image, from the derived image the stack runs: each side of a
 * same-runner run (base-side.ts names base's derived image apart) gets project and wheels
 * images of its own, so building base never retags head's.
 */
export function stepImageName(derived: string, role: ImageRole): string {
  if (role === 'derived') return derived;
  if (derived.startsWith('async-bench-app-')) return `async-bench-${role}-${derived.slice('async-bench-app-'.length)}`;
  const colon = derived.lastIndexOf(':');
  return colon > derived.lastIndexOf('/') ? `${derived.slice(0, colon)}-${role}${derived.slice(colon)}` : `${derived}-${role}`;
}

/** Parses ASYNC_BENCH_PYTHON_IMAGES; null when unset (then python:<version>-slim from a registry). */
export function parsePythonImages(text: string | undefined): Map<string, string> | null {
  if (text === undefined || text.trim() === '') return null;
  const mapping = new Map<string, string>();
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^(3\.\d{1,2})=(\S+)$/.exec(entry);
    if (!match)
      throw new ConfigError(
        `environment variable ${PYTHON_IMAGES_ENV}`,
        `${JSON.stringify(entry)} is not "<version>=<image>"; write e.g. ${PYTHON_IMAGES_ENV}="3.13=debian:trixie-slim,3.11=debian:bookworm-slim".`,
      );
    mapping.set(match[1]!, match[2]!);
  }
  return mapping;
}

/**
 * The base image for app.python: the official python:<version>-slim, or the local image
 * ASYNC_BENCH_PYTHON_IMAGES maps the version to. A mapping is how a machine without a
 * registry says what it has, so a version it does not list is refused here, before any build.
 */
export function pythonImage(version: string, env: NodeJS.ProcessEnv): string {
  const mapping = parsePythonImages(env[PYTHON_IMAGES_ENV]);
  if (mapping === null) return `python:${version}-slim`;
  const image = mapping.get(version);
  if (image === undefined)
    throw new ConfigError(
      'app python',
      `${JSON.stringify(version)} has no image here: ${PYTHON_IMAGES_ENV} maps ` +
        `only ${[...mapping.keys()].join(', ')} (${mapping.size ? [...mapping].map(([v, i]) => `${v}=${i}`).join(',') : 'nothing'}). ` +
        `Use one of those versions in app.python, or add "${version}=<local image whose python3 is ${version}>" to ${PYTHON_IMAGES_ENV}.`,
    );
  return image;
}

/** The run's app source: paths resolved, the Python image chosen (a version the mapping lacks is refused now). */
export function appSource(app: AppSpec, context: string, env: NodeJS.ProcessEnv, cwd: string, image: string): AppSource {
  const wheelhouse = env[WHEELHOUSE_ENV]?.trim();
  return {
    context,
    image,
    dockerfile: app.dockerfile === null ? null : resolve(context, app.dockerfile),
    pythonImage: app.dockerfile === null && app.python !== null ? pythonImage(app.python, env) : null,
    wheelhouse: wheelhouse ? resolve(cwd, wheelhouse) : null,
  };
}

/** The project's folder must hold manage.py, and its Dockerfile or requirements: said before anything is built. */
export async function checkAppSource(app: AppSpec, source: AppSource): Promise<void> {
  const isFile = async (path: string) => (await stat(path).catch(() => null))?.isFile() ?? false;
  const { context } = source;
  if (!(await isFile(join(context, 'manage.py'))))
    throw new ConfigError(
      'app context',
      `${JSON.stringify(app.context)} (${context}) holds no manage.py; give the folder of the Django project, relative to the workspace.`,
    );
  if (source.dockerfile !== null && !(await isFile(source.dockerfile)))
    throw new ConfigError(
      'app dockerfile',
      `${JSON.stringify(app.dockerfile)} is not a file in ${context}; give the Dockerfile's path relative to the ` +
        `app's folder, or leave dockerfile out and give python and requirements (async-bench builds the image).`,
    );
  if (source.dockerfile === null && !(await isFile(resolve(context, app.requirements ?? ''))))
    throw new ConfigError(
      'app requirements',
      `${JSON.stringify(app.requirements)} is not a file in ${context}; give a requirements file or pyproject.toml, relative to the app's folder.`,
    );
  if (source.wheelhouse !== null && !(await stat(source.wheelhouse).catch(() => null))?.isDirectory())
    throw new ConfigError(
      `environment variable ${WHEELHOUSE_ENV}`,
      `${source.wheelhouse} is not a folder; fill it with scripts/build-wheelhouse.sh --out, or unset ${WHEELHOUSE_ENV} to install from PyPI.`,
    );
}

/** The project image's build (and, for the generic builder, the wheels image it copies from). */
export function projectBuilds(app: AppSpec, source: AppSource, root: string, stateDir: string, baseImage: string): ImageBuild[] {
  const project = stepImageName(source.image, 'project');
  if (source.dockerfile !== null)
    return [
      { role: 'project', service: 'app-project', image: project, context: source.context, dockerfile: source.dockerfile, args: { BASE_IMAGE: baseImage } },
    ];
  const wheels = stepImageName(source.image, 'wheels');
  return [
    {
      role: 'wheels',
      service: 'app-wheels',
      image: wheels,
      context: source.wheelhouse ?? join(stateDir, NO_WHEELS_DIR),
      dockerfile: join(root, WHEELS_DOCKERFILE),
      args: {},
    },
    {
      role: 'project',
      service: 'app-project',
      image: project,
      context: source.context,
      dockerfile: join(root, BUILDER_DOCKERFILE),
      args: {
        PYTHON_IMAGE: source.pythonImage!,
        PYTHON_VERSION: app.python!,
        WHEELS_IMAGE: wheels,
        REQUIREMENTS: app.requirements!,
        BUILD_COMMANDS: app.build.join('\n'),
        SETTINGS: app.settings,
      },
    },
  ];
}

/** The thin image the stack runs, FROM the project image. APP_USER comes at build time (the project image's user). */
export function derivedBuild(app: AppSpec, source: AppSource, root: string): ImageBuild {
  return {
    role: 'derived',
    service: 'app',
    image: source.image,
    context: join(root, DERIVED_CONTEXT),
    dockerfile: join(root, DERIVED_CONTEXT, 'Dockerfile'),
    args: { PROJECT_IMAGE: stepImageName(source.image, 'project') },
  };
}

/** The generated compose file holding the builds as services (never started). */
export function imagesComposeFile(builds: ImageBuild[]): string {
  const services = Object.fromEntries(
    builds.map((build) => [build.service, { build: { context: build.context, dockerfile: build.dockerfile, args: build.args }, image: build.image }]),
  );
  return `# Generated by async-bench: the app's images, built one at a time (src/stack/image-build.ts).\n${stringify({ services })}`;
}

/** What a failed build says it was building. */
export function buildDescription(build: ImageBuild, app: AppSpec): string {
  if (build.role === 'wheels') return `Building the wheels image ${build.image} (from ${build.context})`;
  if (build.role === 'derived')
    return (
      `Building the derived image ${build.image} ` +
      `(adding each of gunicorn, uvicorn, uvicorn-worker and tc the project image lacks, FROM ${build.args.PROJECT_IMAGE})`
    );
  const how =
    app.dockerfile === null
      ? `async-bench's generic builder: app.python ${app.python} on ${build.args.PYTHON_IMAGE}, app.requirements ${app.requirements}`
      : `its Dockerfile ${relative(build.context, build.dockerfile) || build.dockerfile}`;
  return `Building the project image ${build.image} (${app.context}, ${how})`;
}

/** `docker image inspect` of one image: exit 0 when it is here. */
export function imageInspectCommand(image: string, format = '{{.Id}}'): Command {
  return { command: 'docker', args: ['image', 'inspect', '--format', format, image] };
}

/**
 * The generic builder's base must be here: local, or pulled now. Otherwise the error
 * names app.python, the image tried and the fix, instead of a build log.
 */
async function ensurePythonImage(run: Runner, app: AppSpec, image: string): Promise<void> {
  if ((await run(imageInspectCommand(image))).exitCode === 0) return;
  const pull = await run({ command: 'docker', args: ['pull', image] });
  if (pull.exitCode === 0) return;
  const why = `${pull.stderr}${pull.stdout}`.trim().split('\n').at(-1) ?? '';
  throw new ConfigError(
    'app python',
    `${JSON.stringify(app.python)}: the image ${image} is not on this machine and could not be pulled (${why}). ` +
      `Use a Python version that has an official python:<version>-slim image, or, on a machine without a registry, ` +
      `map the version to a local image whose python3 is that version: ${PYTHON_IMAGES_ENV}="${app.python}=<image>".`,
  );
}

/**
 * Builds the app's images in order (wheels, project, derived) and returns each build's
 * output for the summary. A failure throws a CommandError naming the image, with the
 * build log's last lines.
 */
export async function buildAppImages(
  run: Runner,
  flavor: ComposeFlavor,
  options: { app: AppSpec; source: AppSource; root: string; stateDir: string; baseImage: string; projectName: string; verbose: boolean },
): Promise<CommandResult[]> {
  const { app, source, root, stateDir } = options;
  if (source.pythonImage !== null) await ensurePythonImage(run, app, source.pythonImage);
  const builds = projectBuilds(app, source, root, stateDir, options.baseImage);
  const derived = derivedBuild(app, source, root);
  await mkdir(stateDir, { recursive: true });
  if (source.dockerfile === null && source.wheelhouse === null) {
    await mkdir(join(stateDir, NO_WHEELS_DIR), { recursive: true });
    await writeFile(join(stateDir, NO_WHEELS_DIR, 'README.md'), 'No wheelhouse: the generic builder installs the requirements from PyPI.\n');
  }
  const file = join(stateDir, IMAGES_FILE);
  await writeFile(file, imagesComposeFile([...builds, derived]));
  const compose = new Compose(flavor, { name: options.projectName, files: [file], env: {} });
  const outputs: CommandResult[] = [];
  for (const build of builds) outputs.push(await runChecked(run, compose.build([build.service]), buildDescription(build, app), { stream: options.verbose }));
  // The derived image ends as the project image's user (empty: root).
  const user = await runChecked(run, imageInspectCommand(stepImageName(source.image, 'project'), '{{.Config.User}}'), 'Reading the project image');
  const buildArgs = { APP_USER: user.stdout.trim() };
  outputs.push(await runChecked(run, compose.build([derived.service], buildArgs), buildDescription(derived, app), { stream: options.verbose }));
  return outputs;
}
