import { realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { measuresBaseSide } from '../core/config/baseline.js';
import type { AppSpec, Config } from '../core/config/build.js';
import type { SampleSide } from '../core/plan/paired-order.js';
import { addBaseCheckout, removeBaseCheckout, repositoryOf, resolveBaseCommit, type BaseCheckout } from './base-checkout.js';
import type { Runner } from './exec/command.js';
import { checkAppSource, type AppSource } from './image-build.js';
import { STACK_STATE_DIR, type StackLayout } from './project.js';

/** Where the base commit's worktree goes: the run's own state folder, removed when the run ends. */
export const BASE_WORKTREE = 'base';

/** The base side's image: the app's image name with `-base`, so head's image is never overwritten by base's. */
export function baseImageName(image: string): string {
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? `${image.slice(0, colon)}-base${image.slice(colon)}` : `${image}-base`;
}

/** The base commit a run will measure, found before anything is built: a missing commit stops the run at once. */
export interface BaseCommit {
  repo: string;
  sha: string;
}

export async function findBaseCommit(run: Runner, appContext: string, ref: string | null, env: NodeJS.ProcessEnv): Promise<BaseCommit> {
  const repo = await repositoryOf(run, appContext);
  return { repo, sha: await resolveBaseCommit(run, repo, ref, env) };
}

/**
 * Both sides of a same-runner run: head's app (this checkout) and base's (the worktree of
 * the base commit, built into its own image). `use` points the stack's layout at one
 * side; only the app service interpolates the app's folder, Dockerfile and image, so
 * switching sides recreates the app container and leaves db and Toxiproxy running.
 */
export class Sides {
  private constructor(
    readonly checkout: BaseCheckout,
    readonly head: StackLayout['app'],
    readonly base: StackLayout['app'],
  ) {}

  static async checkOut(run: Runner, commit: BaseCommit, layout: StackLayout, app: AppSpec): Promise<Sides> {
    const head = layout.app;
    const context = await realpath(head.context);
    const checkout = await addBaseCheckout(run, commit.repo, commit.sha, join(layout.outDir, STACK_STATE_DIR, BASE_WORKTREE), context);
    const base: AppSource = {
      ...head,
      context: checkout.appContext,
      dockerfile: app.dockerfile === null ? null : resolve(checkout.appContext, app.dockerfile),
      image: baseImageName(head.image),
    };
    const sides = new Sides(checkout, head, base);
    try {
      // The same checks as head's folder got: manage.py, and the Dockerfile or requirements.
      await checkAppSource(app, base);
    } catch (error) {
      await sides.close(run).catch(() => undefined);
      throw new Error(
        `baseline: base: the base commit ${commit.sha.slice(0, 12)} cannot be built as the app is configured (${(error as Error).message}); it may predate the app's folder, so there is nothing to compare with. Give another --base-ref, or another baseline.`,
      );
    }
    return sides;
  }

  app(side: SampleSide): StackLayout['app'] {
    return side === 'base' ? this.base : this.head;
  }

  /** Points the layout (and so every compose call after this) at one side's app. */
  use(layout: StackLayout, side: SampleSide): void {
    layout.app = this.app(side);
  }

  /** Builds base's images with the stack's own build (db and load come from the cache), then points back at head. */
  async build(layout: StackLayout, build: () => Promise<void>): Promise<void> {
    this.use(layout, 'base');
    try {
      await build();
    } finally {
      this.use(layout, 'head');
    }
  }

  close(run: Runner): Promise<void> {
    return removeBaseCheckout(run, this.checkout);
  }
}

/** Whether a config measures the base side too. */
export const measuresBase = (config: Pick<Config, 'compare'>): boolean => measuresBaseSide(config.compare.baseline);
