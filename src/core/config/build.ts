import { BUILT_IN_ROUTES, BUILT_IN_SETUPS, DEFAULT_COMPARE, DEFAULT_OUT_DIR, PRESET_SETUPS, PROFILES, REFERENCE_APP, TEAM_DEFAULT_SETUPS } from './defaults.js';
import { ConfigError } from './errors.js';
import { parseConfigFile, type ConfigFile } from './file.js';
import { readInput, type ConfigInput, type ConfigInputValue } from './inputs.js';
import type { Config } from './schema.js';
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

/**
 * Builds the one validated Config. Precedence: inputs/flags over the file over the
 * profile's defaults; the `paper` profile is the seed's experiment.
 */
export function buildConfig(sources: ConfigSources): Config {
  const file: ConfigFile = sources.file ? parseConfigFile(sources.file.path, sources.file.text) : {};
  const value = <K extends Exclude<ConfigInput, 'setups' | 'routes'>>(name: K): ConfigInputValue<K> | undefined => {
    const input = sources.inputs[name];
    if (isGiven(input)) return readInput(name, input);
    if (file[name] !== undefined) return file[name] as ConfigInputValue<K>;
    const fallback = sources.defaults?.[name];
    return isGiven(fallback) ? readInput(name, fallback) : undefined;
  };

  const profileName = value('profile') ?? 'paper';
  const profile = PROFILES[profileName];

  const app = appFromInputs(
    file.app !== undefined ? resolveApp(file.app, REFERENCE_APP) : { ...REFERENCE_APP },
    { path: value('app-path'), settings: value('app-settings')?.trim() },
    REFERENCE_APP,
  );
  // The study's three run by default for the reference app and the paper profile when asked
  // for; a team's app gets what teams deploy (TEAM_DEFAULT_SETUPS). Other presets only when named.
  const namedSetups = [...BUILT_IN_SETUPS, ...PRESET_SETUPS];
  const teamApp = app.context !== REFERENCE_APP.context && value('profile') !== 'paper';
  const defaultSetups = teamApp ? selectByName('setups', [...TEAM_DEFAULT_SETUPS], namedSetups) : BUILT_IN_SETUPS;
  const definedSetups = file.setups?.map((entry) => resolveSetup(entry, namedSetups));
  const knownSetups = mergeDefinitions(namedSetups, definedSetups);
  const definedRoutes = file.routes && resolveRoutes(file.routes, BUILT_IN_ROUTES);
  const knownRoutes = mergeDefinitions(BUILT_IN_ROUTES, definedRoutes);

  // Inputs select among built-in and file definitions by name; the file's own lists are its selection.
  const setupNames = isGiven(sources.inputs.setups) ? readInput('setups', sources.inputs.setups) : undefined;
  const routeNames = isGiven(sources.inputs.routes) ? readInput('routes', sources.inputs.routes) : undefined;

  const baseline = value('baseline');
  const failOn = value('fail-on-regression');
  const config: Config = {
    profile: profileName,
    app,
    setups: structuredClone(setupNames ? selectByName('setups', setupNames, knownSetups) : (definedSetups ?? defaultSetups)),
    routes: structuredClone(routeNames ? selectByName('routes', routeNames, knownRoutes) : (definedRoutes ?? BUILT_IN_ROUTES)),
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
    shard: value('shard') ?? null,
    compare: {
      // null is "none", which a source gave on purpose: only undefined falls back.
      baseline: baseline === undefined ? DEFAULT_COMPARE.baseline : baseline,
      baseRef: value('base-ref') ?? DEFAULT_COMPARE.baseRef,
      threshold: value('threshold') ?? DEFAULT_COMPARE.threshold,
      confidence: value('confidence') ?? DEFAULT_COMPARE.confidence,
      // `true` or a list of signals turns it on (true: the default signals); `false` turns it off.
      failOnRegression: failOn === undefined ? DEFAULT_COMPARE.failOnRegression : failOn.length > 0,
      failOnSignals: failOn?.length ? failOn : [...DEFAULT_COMPARE.failOnSignals],
    },
    outDir: value('out') ?? DEFAULT_OUT_DIR,
  };
  checkCrossField(config);
  return config;
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
      `${runTimeSeconds} s ends before the ramp finishes (users ${users} ÷ spawn-rate ${spawnRate} = ${ramp} s), so no cell would hold full load; raise run-time or spawn-rate.`,
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
