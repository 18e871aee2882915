import type { AppSpec } from './schema.js';

/** Where an app's prepare command takes the run's seed-posts count (the reference app's seed_posts does). */
export const SEED_POSTS = '{seed-posts}';

/**
 * Whether the run's seed-posts count reaches the app: only through a prepare command that
 * names {seed-posts}. An app that seeds its own data ignores it, so its report must not claim it.
 */
export const usesSeedPosts = (app: Pick<AppSpec, 'prepare'>): boolean => app.prepare.some((command) => command.some((arg) => arg.includes(SEED_POSTS)));

/** A prepare command with the count filled in. */
export const fillSeedPosts = (command: string[], seedPosts: number): string[] => command.map((arg) => arg.replaceAll(SEED_POSTS, String(seedPosts)));
