import type { Config } from '../core/config/build.js';
import type { Results } from '../core/results/results.js';
import type { ArtifactStore } from '../publish/artifacts.js';
import type { ApiTiming, OctokitFactory } from '../publish/octokit.js';
import type { RetryPolicy } from '../publish/retry.js';

/** The effects the action has on the world, injectable for tests. */
export interface ActionDeps {
  getInput: (name: string) => string;
  env: NodeJS.ProcessEnv;
  octokit?: OctokitFactory;
  artifactStore: () => Promise<ArtifactStore>;
  /** Runs the matrix (the Docker stack); loaded lazily so report mode never touches Docker code. */
  benchmark: (config: Config) => Promise<Results>;
  /** How patient publishing is (defaults: octokit.ts API_TIMING, artifacts.ts UPLOAD_RETRY); tests shrink it. */
  timing?: { api?: Partial<ApiTiming>; upload?: RetryPolicy };
}
