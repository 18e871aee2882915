import { BUILT_IN_ROUTES, BUILT_IN_SETUPS, DEFAULT_COMPARE, DEFAULT_OUT_DIR, PRESET_SETUPS, PROFILES, REFERENCE_APP, TEAM_DEFAULT_SETUPS } from './defaults.js';
import { ConfigError } from './errors.js';
import { parseConfigFile, type ConfigFile } from './file.js';
import { readInput, type ConfigInput, type ConfigInputValue } from './inputs.js';
import type { AppSpec, CompareSpec, Config, ProfileName, SetupSpec } from './schema.js';
import { appFromInputs, resolveApp, resolveRoutes, resolveSetup, selectByName } from './specs.js';

export * from './schema.js';
export { ConfigError } from './errors.js';
export { PROFILES } from './defaults.js';

export { CONFIG_INPUTS, type ConfigInput } from './inputs.js';

/** Raw text per input; `undefined` or `""` means "not given" (Actions passes "" for unset inputs). */
export type RawInputs = Partial<Record<ConfigInput, string | undefined>>;

export interface ConfigSources {
  inputs: RawInputs;
  /** An async-bench.yml, already read. */
  file?: { path: string; text: string };
  /** Defaults of the caller, under the file (the action compares with `artifact` unless told). */
  defaults?: RawInputs;
}

const isGiven = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

/** The value of one scalar input; undefined when no source gives it. */
type InputValue = <K extends Exclude<ConfigInput, 'setups' | 'routes'>>(name: K) => ConfigInputValue<K> | undefined;

/**
 * Builds the one validated Config. Precedence: inputs/flags over the file over the
 * profile's defaults; the `paper` profile is the seed's experiment. The order inputs are read
 * in decides which of two bad inputs is named: keep it.
 */
export function buildConfig(sources: ConfigSources): Config {
  const file: ConfigFile = sources.file ? parseConfigFile(sources.file.path, sources.file.text) : {};
  const value = inputReader(sources, file);
  const profileName = value('profile') ?? 'paper';
  const profile = PROFILES[profileName];
  const app = appFromInputs(
    file.app !== undefined ? resolveApp(file.app, REFERENCE_APP) : { ...REFERENCE_APP },
    { path: value('app-path'), settings: value('app-settings')?.trim() },
    REFERENCE_APP,
  );
  const matrix = matrixDefinitions(file, sources.inputs, defaultSetups(app, value('profile')));
  const baseline = value('baseline');
  const failOn = value('fail-on-regression');
  const config: Config = {
    profile: profileName,
    app,
    setups: structuredClone(matrix.setupNames ? selectByName('setups', matrix.setupNames, matrix.knownSetups) : (matrix.definedSetups ?? matrix.defaults)),
    routes: structuredClone(matrix.routeNames ? selectByName('routes', matrix.routeNames, matrix.knownRoutes) : (matrix.definedRoutes ?? BUILT_IN_ROUTES)),
    latenciesMs: value('latencies') ?? [...profile.latenciesMs],
    latencyMethod: value('latency-method') ?? 'auto',
    load: {
      users: value('users') ?? profile.load.users,
      spawnRate: value('spawn-rate') ?? profile.load.spawnRate,
      runTimeSeconds: value('run-time') ?? profile.load.runTimeSeconds,
      processes: value('processes') ?? profile.load.processes,
    },
    repeats: value('repeats') ?? profile.repeats,
    seedPosts: value('seed-posts') ?? profile.seedPosts,
    // The budget's input, key and flag are read in issue 18's work; null keeps fixed repeats.
    budgetSeconds: null,
    shard: value('shard') ?? null,
    compare: compareSpec(value, baseline, failOn),
    outDir: value('out') ?? DEFAULT_OUT_DIR,
  };
  checkCrossField(config);
  return config;
}

/** Reads a scalar input by the precedence above: input or flag, file, the caller's defaults. */
function inputReader(sources: ConfigSources, file: ConfigFile): InputValue {
  return (name) => {
    const input = sources.inputs[name];
    if (isGiven(input)) return readInput(name, input);
    if (file[name] !== undefined) return file[name] as ConfigInputValue<typeof name>;
    const fallback = sources.defaults?.[name];
    return isGiven(fallback) ? readInput(name, fallback) : undefined;
  };
}

/** The setups and routes known (built in, preset, the file's) and the names the inputs select among them. */
/**
 * The study's three run by default for the reference app, and for any app when the paper profile is
 * asked for; a team's app gets what teams deploy (TEAM_DEFAULT_SETUPS). Other presets only when named.
 */
function defaultSetups(app: AppSpec, profile: ProfileName | undefined): SetupSpec[] {
  const teamApp = app.context !== REFERENCE_APP.context && profile !== 'paper';
  return teamApp ? selectByName('setups', [...TEAM_DEFAULT_SETUPS], [...BUILT_IN_SETUPS, ...PRESET_SETUPS]) : BUILT_IN_SETUPS;
}

function matrixDefinitions(file: ConfigFile, inputs: RawInputs, defaults: SetupSpec[]) {
  const namedSetups = [...BUILT_IN_SETUPS, ...PRESET_SETUPS];
  const definedSetups = file.setups?.map((entry) => resolveSetup(entry, namedSetups));
  const knownSetups = mergeDefinitions(namedSetups, definedSetups);
  const definedRoutes = file.routes && resolveRoutes(file.routes, BUILT_IN_ROUTES);
  const knownRoutes = mergeDefinitions(BUILT_IN_ROUTES, definedRoutes);
  // Inputs select among built-in and file definitions by name; the file's own lists are its selection.
  const setupNames = isGiven(inputs.setups) ? readInput('setups', inputs.setups) : undefined;
  const routeNames = isGiven(inputs.routes) ? readInput('routes', inputs.routes) : undefined;
  return { defaults, definedSetups, knownSetups, definedRoutes, knownRoutes, setupNames, routeNames };
}

/** How results are compared; baseline and fail-on-regression come in already read (before the app, in buildConfig's order). */
function compareSpec(
  value: InputValue,
  baseline: ConfigInputValue<'baseline'> | undefined,
  failOn: ConfigInputValue<'fail-on-regression'> | undefined,
): CompareSpec {
  return {
    // null is "none", which a source gave on purpose: only undefined falls back.
    baseline: baseline === undefined ? DEFAULT_COMPARE.baseline : baseline,
    baseRef: value('base-ref') ?? DEFAULT_COMPARE.baseRef,
    threshold: value('threshold') ?? DEFAULT_COMPARE.threshold,
    confidence: value('confidence') ?? DEFAULT_COMPARE.confidence,
    // `true` or a list of signals turns it on (true: the default signals); `false` turns it off.
    failOnRegression: failOn === undefined ? DEFAULT_COMPARE.failOnRegression : failOn.length > 0,
    failOnSignals: failOn?.length ? failOn : [...DEFAULT_COMPARE.failOnSignals],
  };
}

function mergeDefinitions<T extends { name: string }>(builtIns: T[], defined: T[] | undefined): T[] {
  const byName = new Map(builtIns.map((item) => [item.name, item]));
  for (const item of defined ?? []) byName.set(item.name, item);
  return [...byName.values()];
}

function checkCrossField(config: Config): void {
  const { users, spawnRate, runTimeSeconds } = config.load;
  const ramp = rampSeconds(config);
  if (ramp >= runTimeSeconds) {
    throw new ConfigError(
      'run-time',
      `${runTimeSeconds} s ends before the ramp finishes (users ${users} ÷ ` +
        `spawn-rate ${spawnRate} = ${ramp} s), so no cell would hold full load; raise run-time or spawn-rate.`,
    );
  }
  if (config.load.processes > users) {
    throw new ConfigError('processes', `${config.load.processes} Locust processes for ${users} users leaves some idle; use at most ${users}.`);
  }
  for (const [kind, items] of [
    ['setups', config.setups],
    ['routes', config.routes],
  ] as const) {
    const names = items.map((item) => item.name);
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate) throw new ConfigError(kind, `"${duplicate}" is listed twice.`);
  }
}

/** The ramp: seconds until all users are spawned. */
export function rampSeconds(config: Pick<Config, 'load'>): number {
  return config.load.users / config.load.spawnRate;
}
