import * as core from '@actions/core';
import type { FindOptions } from '@actions/artifact';
import { join, resolve } from 'node:path';
import { RESULTS_FILE } from '../core/ingest/run-dir.js';
import { isFile, type ArtifactStore } from './artifacts.js';

export interface ResultsArtifact {
  /** For messages: the artifact's name, and its run when it is another run's. */
  label: string;
  id: number;
  /** Where to extract it. */
  destination: string;
  /** Another run's artifact (needs a token with `actions: read`); absent: this run's. */
  findBy?: FindOptions['findBy'];
}

export interface DownloadedResults {
  dir: string;
  resultsPath: string;
}

export class NoResultsError extends Error {
  override name = 'NoResultsError';
}

/**
 * The one way an artifact becomes a results.json on disk: download, extract, and check the
 * file is there. An artifact without one is a NoResultsError naming it.
 */
export async function downloadResultsArtifact(store: ArtifactStore, artifact: ResultsArtifact): Promise<DownloadedResults> {
  const target = resolve(artifact.destination);
  const { downloadPath } = await store.downloadArtifact(artifact.id, artifact.findBy ? { path: target, findBy: artifact.findBy } : { path: target });
  const dir = downloadPath ?? target;
  const resultsPath = join(dir, RESULTS_FILE);
  if (!(await isFile(resultsPath))) throw new NoResultsError(`${artifact.label} has no ${RESULTS_FILE}.`);
  return { dir, resultsPath };
}

export interface DownloadedShard extends DownloadedResults {
  name: string;
  id: number;
}

/**
 * Aggregate mode: downloads every artifact of this run whose name starts with `prefix`, one
 * directory each under `destination`, in shard order. None is a warning and an empty list; a
 * shard without results.json throws (it uploaded something that is not a shard).
 */
export async function downloadShardArtifacts(store: ArtifactStore, request: { prefix: string; destination: string }): Promise<DownloadedShard[]> {
  const { artifacts } = await store.listArtifacts({ latest: true });
  const shards = artifacts.filter((artifact) => artifact.name.startsWith(request.prefix)).sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  if (shards.length === 0) {
    // Not fatal: the report then lists every cell as missing (failing only with fail-on-incomplete).
    core.warning(
      `No artifacts named ${request.prefix}* in this run. Does the aggregate job \`needs:\` the shard jobs, ` +
        'and do they upload with the same artifact name?',
    );
    return [];
  }
  const downloaded: DownloadedShard[] = [];
  for (const shard of shards) {
    const files = await downloadResultsArtifact(store, {
      label: `Shard artifact ${shard.name}`,
      id: shard.id,
      destination: join(request.destination, shard.name),
    });
    downloaded.push({ name: shard.name, id: shard.id, ...files });
  }
  core.info(`Downloaded ${downloaded.length} shard artifacts: ${downloaded.map((s) => s.name).join(', ')}`);
  return downloaded;
}
