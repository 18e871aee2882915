import {
  BUILT_IN_ROUTES,
  BUILT_IN_SETUPS,
  DEFAULT_BUDGET_MAX_PAIRS,
  DEFAULT_COMPARE,
  DEFAULT_OUT_DIR,
  PRESET_SETUPS,
  PROFILES,
  REFERENCE_APP,
  TEAM_DEFAULT_SETUPS,
  type Profile,
} from './defaults.js';
import { measuresBaseSide } from './baseline.js';
import { ConfigError } from './errors.js';
import { parseConfigFile, type ConfigFile } from './file.js';
import { readInput, type ConfigInput, type ConfigInputValue } from './inputs.js';
import type { AppSpec, CompareSpec, Config, ProfileName, SetupSpec } from './schema.js';
import { appFromInputs, resolveApp, resolveRoutes, resolveSetup, selectByName } from './specs.js';

export * from './schema.js';
export { ConfigError } from './errors.js';

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
  const teamDefaults = isTeamApp(app, value('profile'));
  const matrix = matrixDefinitions(file, sources.inputs, teamDefaults ? teamDefaultSetups() : BUILT_IN_SETUPS);
  const baseline = profileBaseline(sources, file, profile.baseline);
  const failOn = value('fail-on-regression');
  const config: Config = {
    profile: profileName,
    app,
    setups: structuredClone(matrix.setupNames ? selectByName('setups', matrix.setupNames, matrix.knownSetups) : (matrix.definedSetups ?? matrix.defaults)),
    // The run may leave a pool preset out of a team's defaults, never out of setups a source named.
    ...(teamDefaults && !matrix.setupNames && !matrix.definedSetups ? { setupsByDefault: true } : {}),
    routes: structuredClone(matrix.routeNames ? selectByName('routes', matrix.routeNames, matrix.knownRoutes) : (matrix.definedRoutes ?? BUILT_IN_ROUTES)),
    latenciesMs: value('latencies') ?? [...profile.latenciesMs],
    latencyMethod: value('latency-method') ?? 'auto',
    load: {
      users: value('users') ?? profile.load.users,
      spawnRate: value('spawn-rate') ?? profile.load.spawnRate,
      runTimeSeconds: value('run-time') ?? profile.load.runTimeSeconds,
      processes: value('processes') ?? profile.load.processes,
    },
    // Repeats (and the budget) before seed-posts: the order a bad input is named in.
    ...budgetAndRepeats(value, profile),
    seedPosts: value('seed-posts') ?? profile.seedPosts,
    shard: value('shard') ?? null,
    compare: compareSpec(value, baseline, failOn),
    outDir: value('out') ?? DEFAULT_OUT_DIR,
  };
  checkCrossField(config);
  return config;
}

/**
 * The baseline: an input or the file's, else the profile's (pr: base), else the caller's default
 * (the action's artifact). Read in buildConfig's order, so a bad one is named where it was before.
 */
function profileBaseline(sources: ConfigSources, file: ConfigFile, ofProfile: string | undefined): ConfigInputValue<'baseline'> | undefined {
  const given = inputReader({ ...sources, defaults: {} }, file)('baseline');
  if (given !== undefined || ofProfile === undefined) return given !== undefined ? given : inputReader(sources, file)('baseline');
  return ofProfile;
}

/**
 * The budget and what `repeats` means under it: the most pairs a cell may get. Without a source
 * that sets repeats, a budget allows the profile's own maximum when the profile has a budget (pr),
 * else DEFAULT_BUDGET_MAX_PAIRS (a profile's repeats of 1 would make the budget a fixed single pair).
 */
function budgetAndRepeats(value: InputValue, profile: Profile): Pick<Config, 'repeats' | 'budgetSeconds'> {
  const repeats = value('repeats');
  const budgetSeconds = value('budget') ?? profile.budgetSeconds ?? null;
  if (budgetSeconds === null) return { repeats: repeats ?? profile.repeats, budgetSeconds };
  const most = profile.budgetSeconds !== undefined ? profile.repeats : Math.max(profile.repeats, DEFAULT_BUDGET_MAX_PAIRS);
  return { repeats: repeats ?? most, budgetSeconds };
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

/**
 * The study's three run by default for the reference app, and for any app when the paper profile is
 * asked for; a team's app gets what teams deploy (TEAM_DEFAULT_SETUPS). Other presets only when named.
 */
const isTeamApp = (app: AppSpec, profile: ProfileName | undefined): boolean => app.context !== REFERENCE_APP.context && profile !== 'paper';
const teamDefaultSetups = (): SetupSpec[] => selectByName('setups', [...TEAM_DEFAULT_SETUPS], [...BUILT_IN_SETUPS, ...PRESET_SETUPS]);

/** The setups and routes known (built in, preset, the file's) and the names the inputs select among them. */
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
  const unit = firstPairSeconds(config);
  if (config.budgetSeconds !== null && config.budgetSeconds < unit.seconds) {
    throw new ConfigError(
      'budget',
      `${config.budgetSeconds} s cannot fit one ${unit.what} (about ${unit.seconds} s: ${unit.formula}); ` +
        `give at least ${Math.ceil(unit.seconds / 60)}m, or a shorter run-time.`,
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

/** Seconds a sample may take beyond its load, before one has been timed: the app's start, the database's restore. */
export const SAMPLE_OVERHEAD_SECONDS = 15;

/**
 * What the budget expects its first pair (or, without baseline: base, its first repeat) to take,
 * before any was timed: run time + SAMPLE_OVERHEAD_SECONDS a sample. Later the longest one timed.
 */
export function firstPairSeconds(config: Pick<Config, 'load' | 'compare'>): { seconds: number; what: string; formula: string } {
  const sample = config.load.runTimeSeconds + SAMPLE_OVERHEAD_SECONDS;
  const formula = `run-time ${config.load.runTimeSeconds} s + ${SAMPLE_OVERHEAD_SECONDS} s`;
  return measuresBaseSide(config.compare.baseline)
    ? { seconds: 2 * sample, what: 'pair of base and head', formula: `2 × (${formula})` }
    : { seconds: sample, what: 'sample', formula };
}

/** The ramp: seconds until all users are spawned. */
export function rampSeconds(config: Pick<Config, 'load'>): number {
  return config.load.users / config.load.spawnRate;
}
