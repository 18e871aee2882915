/**
 * Django's own PostgreSQL connection pool (Django 5.1+, psycopg 3 with psycopg_pool): whether the
 * project's image allows it, read from the versions the fingerprint found inside it, and a team's
 * default setups without the pool preset when it does not. The report and the run share the rule.
 */
import type { Config, SetupSpec } from './schema.js';

/** The setup env that turns the pool on (stack/app-settings.ts reads it). */
export const POOL_ENV = 'ASYNC_BENCH_DB_POOL';

/** What the pool needs, as the console and the report say it. */
export const POOL_NEEDS = 'Django’s own connection pool needs psycopg 3 with psycopg[pool] and Django 5.1+';

/** Why a project cannot have the pool; versions as the image reported them. */
export type PoolBlocker =
  { kind: 'psycopg2'; version: string } | { kind: 'no-driver' } | { kind: 'django'; version: string } | { kind: 'no-pool'; psycopg: string };

export const usesPool = (setup: SetupSpec): boolean => setup.env[POOL_ENV] !== undefined;

/**
 * What rules the pool out for a project whose image has these packages (the fingerprint's
 * stack: a name → its version, null when absent), or null when nothing does. A package the record
 * does not name at all (results older than it) rules nothing out: only what was seen absent does.
 */
export function poolBlocker(stack: Record<string, string | null>): PoolBlocker | null {
  const psycopg = stack.psycopg ?? null;
  const psycopg2 = stack.psycopg2 ?? stack['psycopg2-binary'] ?? null;
  if (psycopg === null && psycopg2 !== null) return { kind: 'psycopg2', version: psycopg2 };
  if (psycopg === null && 'psycopg' in stack) return { kind: 'no-driver' };
  const django = stack.django ?? null;
  const [major = 0, minor = 0] = (django ?? '').split('.').map(Number);
  if (django !== null && (major < 5 || (major === 5 && minor < 1))) return { kind: 'django', version: django };
  if (psycopg !== null && 'psycopg-pool' in stack && stack['psycopg-pool'] === null) return { kind: 'no-pool', psycopg };
  return null;
}

/** The blocker in plain words, each version passed through `version` (the report sets it in code). */
export function blockerText(blocker: PoolBlocker, version: (text: string) => string = (text) => text): string {
  switch (blocker.kind) {
    case 'psycopg2':
      return `this project uses psycopg2 ${version(blocker.version)}`;
    case 'no-driver':
      return 'this project has no psycopg';
    case 'django':
      return `this project has Django ${version(blocker.version)}`;
    case 'no-pool':
      return `this project’s psycopg ${version(blocker.psycopg)} comes without its pool (psycopg[pool] is not in its requirements)`;
  }
}

/**
 * A team's default setups (config.setupsByDefault) without the pool presets the image cannot use;
 * the setups a source named are kept as they are (a pool preset named on purpose fails its
 * preflight with the reason). `leftOut`: the setups dropped, and why.
 */
export function withUsablePool(config: Config, stack: Record<string, string | null>): { config: Config; leftOut: SetupSpec[]; blocker: PoolBlocker | null } {
  const blocker = poolBlocker(stack);
  if (!config.setupsByDefault || blocker === null) return { config, leftOut: [], blocker };
  const leftOut = config.setups.filter(usesPool);
  if (leftOut.length === 0) return { config, leftOut, blocker };
  return { config: { ...config, setups: config.setups.filter((setup) => !usesPool(setup)) }, leftOut, blocker };
}
