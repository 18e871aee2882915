/** baseline: base: the base commit to measure, its worktree and its app, beside head's (this checkout's). */
import { realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { measuresBaseSide } from '../core/config/baseline.js';
import type { AppSpec, Config } from '../core/config/build.js';
import { errorMessage } from '../core/error-message.js';
import type { SampleSide } from '../core/plan/paired-order.js';
import { addBaseCheckout, removeBaseCheckout, repositoryOf, resolveBaseCommit, type BaseCheckout } from './base-checkout.js';
import type { Runner } from './exec/command.js';
import { checkAppSource, type AppSource } from './image-build.js';
import { STACK_STATE_DIR } from './project.js';

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
 * the base commit, built into its own image). A sample's target takes its side's app
 * (`app`); only the app service interpolates the app's folder, Dockerfile and image, so
 * switching sides recreates the app container and leaves db and Toxiproxy running.
 */
export class Sides {
  private constructor(
    readonly checkout: BaseCheckout,
    readonly head: AppSource,
    readonly base: AppSource,
  ) {}

  /** Checks the base commit out under the run's state folder in `outDir`; its app is head's, moved to the worktree. */
  static async checkOut(run: Runner, commit: BaseCommit, head: AppSource, outDir: string, app: AppSpec): Promise<Sides> {
    const context = await realpath(head.context);
    const checkout = await addBaseCheckout(run, commit.repo, commit.sha, join(outDir, STACK_STATE_DIR, BASE_WORKTREE), context);
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
        `baseline: base: the base commit ${commit.sha.slice(0, 12)} cannot be built as the app is configured (${errorMessage(error)}); ` +
          `it may predate the app's folder, so there is nothing to compare with. Give another --base-ref, or another baseline.`,
      );
    }
    return sides;
  }

  /** The app a sample of this side runs. */
  app(side: SampleSide): AppSource {
    return side === 'base' ? this.base : this.head;
  }

  close(run: Runner): Promise<void> {
    return removeBaseCheckout(run, this.checkout);
  }
}

/** Whether a config measures the base side too. */
export const measuresBase = (config: Pick<Config, 'compare'>): boolean => measuresBaseSide(config.compare.baseline);
