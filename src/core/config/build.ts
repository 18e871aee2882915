import { BUILT_IN_ROUTES, BUILT_IN_SETUPS, DEFAULT_COMPARE, DEFAULT_OUT_DIR, PROFILES, REFERENCE_APP } from './defaults.js';
import { ConfigError } from './errors.js';
import { parseConfigFile, type ConfigFile } from './file.js';
import type { ConfigInput } from './input-names.js';
import {
  readBoolean,
  readChoice,
  readDuration,
  readInteger,
  readLatencies,
  readList,
  readPositiveNumber,
  readRatio,
  readShard,
} from './readers.js';
import { readAppDefinition, readRouteDefinition, readSetupDefinition, selectByName } from './specs.js';
import { PROFILE_NAMES, type Config, type LatencyMethod } from './types.js';

export * from './types.js';
export { ConfigError } from './errors.js';
export { PROFILES } from './defaults.js';

export { CONFIG_INPUTS, type ConfigInput } from './input-names.js';

/** Raw text per input; `undefined` or `""` means "not given" (Actions passes "" for unset inputs). */
export type RawInputs = Partial<Record<ConfigInput, string | undefined>>;

export interface ConfigSources {
  inputs: RawInputs;
  /** An async-bench.yml, already read. */
  file?: { path: string; text: string };
  /** Defaults of the caller, under the file (the action compares with `artifact` unless told). */
  defaults?: RawInputs;
}

const LATENCY_METHODS: readonly LatencyMethod[] = ['auto', 'netem', 'toxiproxy'];

/**
 * Builds the one validated Config. Precedence: inputs/flags over the file over the
 * profile's defaults; the `paper` profile is the seed's experiment.
 */
export function buildConfig(sources: ConfigSources): Config {
  const file: ConfigFile = sources.file ? parseConfigFile(sources.file.path, sources.file.text) : {};
  const given = (name: ConfigInput): unknown => {
    const input = sources.inputs[name];
    if (input !== undefined && input.trim() !== '') return input;
    return file[name] ?? sources.defaults?.[name] ?? undefined;
  };
  const read = <T>(name: ConfigInput, reader: (input: string, raw: unknown) => T, fallback: T): T => {
    const raw = given(name);
    return raw === undefined ? fallback : reader(name, raw);
  };

  const profileName = read('profile', (input, raw) => readChoice(input, raw, PROFILE_NAMES), 'paper');
  const profile = PROFILES[profileName];

  const definedSetups = asList('setups', file.setups)?.map((raw) => readSetupDefinition(raw, BUILT_IN_SETUPS));
  const knownSetups = mergeDefinitions(BUILT_IN_SETUPS, definedSetups);
  const definedRoutes = asList('routes', file.routes)?.map((raw) => readRouteDefinition(raw, BUILT_IN_ROUTES));
  const knownRoutes = mergeDefinitions(BUILT_IN_ROUTES, definedRoutes);

  const setupInput = sources.inputs.setups?.trim() ? readList('setups', sources.inputs.setups) : undefined;
  const routeInput = sources.inputs.routes?.trim() ? readList('routes', sources.inputs.routes) : undefined;

  const config: Config = {
    profile: profileName,
    app: file.app !== undefined ? readAppDefinition(file.app, REFERENCE_APP) : { ...REFERENCE_APP },
    setups: structuredClone(setupInput ? selectByName('setups', setupInput, knownSetups) : (definedSetups ?? BUILT_IN_SETUPS)),
    routes: structuredClone(routeInput ? selectByName('routes', routeInput, knownRoutes) : (definedRoutes ?? BUILT_IN_ROUTES)),
    latenciesMs: read('latencies', readLatencies, [...profile.latenciesMs]),
    latencyMethod: read('latency-method', (input, raw) => readChoice(input, raw, LATENCY_METHODS), 'auto'),
    load: {
      users: read('users', (input, raw) => readInteger(input, raw, 1), profile.load.users),
      spawnRate: read('spawn-rate', readPositiveNumber, profile.load.spawnRate),
      runTimeSeconds: read('run-time', readDuration, profile.load.runTimeSeconds),
      processes: read('processes', (input, raw) => readInteger(input, raw, 1), profile.load.processes),
    },
    seedPosts: read('seed-posts', (input, raw) => readInteger(input, raw, 0), profile.seedPosts),
    shard: read('shard', readShard, null),
    compare: {
      baseline: read('baseline', readBaselineSource, DEFAULT_COMPARE.baseline),
      threshold: read('threshold', readRatio, DEFAULT_COMPARE.threshold),
      failOnRegression: read('fail-on-regression', readBoolean, DEFAULT_COMPARE.failOnRegression),
    },
    outDir: read('out', (_input, raw) => String(raw).trim(), DEFAULT_OUT_DIR),
  };
  checkCrossField(config);
  return config;
}

/** `paper`, `artifact`, a results.json path, or `none` (also empty) for no comparison. */
function readBaselineSource(_input: string, raw: unknown): string | null {
  const text = String(raw).trim();
  return text === '' || text === 'none' ? null : text;
}

function asList(input: string, raw: unknown): unknown[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new ConfigError(input, `in the config file must be a non-empty list of names or definitions.`);
  }
  return raw;
}

function mergeDefinitions<T extends { name: string }>(builtIns: T[], defined: T[] | undefined): T[] {
  const byName = new Map(builtIns.map((item) => [item.name, item]));
  for (const item of defined ?? []) byName.set(item.name, item);
  return [...byName.values()];
}

function checkCrossField(config: Config): void {
  const { users, spawnRate, runTimeSeconds } = config.load;
  const rampSeconds = users / spawnRate;
  if (rampSeconds >= runTimeSeconds) {
    throw new ConfigError(
      'run-time',
      `${runTimeSeconds} s ends before the ramp finishes (users ${users} ÷ spawn-rate ${spawnRate} = ${rampSeconds} s), so no cell would hold full load; raise run-time or spawn-rate.`,
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
