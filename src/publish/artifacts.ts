import * as core from '@actions/core';
import type { ArtifactClient } from '@actions/artifact';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError } from '../core/config/errors.js';
import { CELLS_FOLDER, RESULTS_FILE, TABLES_FILE } from '../core/ingest/run-dir.js';
import { EXPORT_FILES } from '../core/report/exports/index.js';
import { HTML_REPORT_FILE } from '../core/report/html/index.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { artifactUrl, type RunRef } from './run-ref.js';

/**
 * The part of @actions/artifact's client we use, injected: the real one needs the Actions
 * runtime (ACTIONS_RUNTIME_TOKEN, results service), so unit tests pass a recording fake.
 */
export type ArtifactStore = Pick<ArtifactClient, 'uploadArtifact' | 'downloadArtifact' | 'listArtifacts'>;

/** The real client; imported lazily so the CLI does not load the Azure upload stack it never uses. */
export async function defaultArtifactStore(): Promise<ArtifactStore> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient();
}

/** Written by run mode on a PR so a `workflow_run` report job knows where to comment. */
export const PR_NUMBER_FILE = 'pr-number.txt';

// Characters actions/upload-artifact v4 refuses in a name.
const BAD_NAME = /["':<>|*?\\/\r\n]/;

/** `async-bench` → `async-bench` (one run) or `async-bench-shard-2-of-4`. */
export function artifactName(base: string, shard: { index: number; total: number } | null): string {
  if (base.trim() === '' || BAD_NAME.test(base)) {
    throw new ConfigError('artifact-name', `${JSON.stringify(base)} must be non-empty and contain none of " : < > | * ? \\ / or newlines.`);
  }
  return shard ? `${shardArtifactPrefix(base)}${shard.index}-of-${shard.total}` : base;
}

/** What every shard artifact of `base` starts with; aggregate mode downloads by this prefix. */
export function shardArtifactPrefix(base: string): string {
  return `${base}-shard-`;
}

/**
 * Whether @actions/artifact can run on this server. Version 2 and later (this is 6) speak only
 * to github.com's and GHE.com's results service; on GitHub Enterprise Server every call throws
 * GHESNotSupportedError. The same test as the library's own, so we know before it throws.
 */
export function artifactServiceAvailable(serverUrl: string): boolean {
  let host: string;
  try {
    host = new URL(serverUrl || 'https://github.com').hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost');
}

export const NO_ARTIFACT_SERVICE = 'GitHub Enterprise Server has no artifact service that @actions/artifact 2+ can use';

/** Three attempts, ten minutes each: the 27 cells' reports are tens of megabytes at most. */
const UPLOAD_RETRY: RetryPolicy = { attempts: 3, timeoutMs: 10 * 60_000, delayMs: 5000 };

export interface UploadRequest {
  name: string;
  /** The run's output directory: results.json, tables.md, cells/… */
  outDir: string;
  /** 1–90 (or the repository's maximum); null/0 = the repository default. */
  retentionDays?: number | null;
  run: RunRef;
}

export interface UploadOutcome {
  name: string;
  id: number | null;
  url: string | null;
  size: number | null;
  /** Absolute paths that were uploaded. */
  files: string[];
}

/**
 * Uploads results.json, tables.md, pr-number.txt (when present) and every file under cells/ as
 * one artifact, retried as `policy` says; what cannot change on a retry (no results.json, a bad
 * retention, GHES) fails at once.
 */
export async function uploadResults(store: ArtifactStore, request: UploadRequest, policy: RetryPolicy = UPLOAD_RETRY): Promise<UploadOutcome> {
  const root = resolve(request.outDir);
  const files = await artifactFiles(root);
  const retention = request.retentionDays ?? 0;
  if (!Number.isInteger(retention) || retention < 0) {
    throw new Error(`Invalid retention-days ${JSON.stringify(request.retentionDays)}: give a whole number of days (1–90).`);
  }
  const response = await withRetries(
    `Uploading the artifact ${request.name}`,
    () => store.uploadArtifact(request.name, files, root, retention > 0 ? { retentionDays: retention } : {}),
    policy,
    (error) => error instanceof Error && PERMANENT_UPLOAD_ERRORS.includes(error.name),
  );
  const id = response.id ?? null;
  const url = id === null ? null : artifactUrl(request.run, id);
  core.info(`Uploaded artifact ${request.name} (${files.length} files)${url ? `: ${url}` : ''}`);
  return { name: request.name, id, url, size: response.size ?? null, files };
}

// @actions/artifact's error classes for what no retry changes.
const PERMANENT_UPLOAD_ERRORS = ['GHESNotSupportedError', 'FilesNotFoundError', 'UsageError'];

/** The files of one run's artifact, sorted; results.json must exist. */
export async function artifactFiles(root: string): Promise<string[]> {
  const results = join(root, RESULTS_FILE);
  if (!existsSync(results)) throw new Error(`Nothing to upload: ${results} does not exist.`);
  const files = [results];
  for (const optional of [TABLES_FILE, HTML_REPORT_FILE, ...Object.values(EXPORT_FILES), PR_NUMBER_FILE]) {
    if (existsSync(join(root, optional))) files.push(join(root, optional));
  }
  files.push(...(await filesUnder(join(root, CELLS_FOLDER))));
  return files;
}

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else if (entry.isFile()) found.push(path);
  }
  return found.sort();
}

export async function recordPrNumber(outDir: string, prNumber: number): Promise<string> {
  const path = join(outDir, PR_NUMBER_FILE);
  await writeFile(path, `${prNumber}\n`);
  return path;
}

/** The PR number a run-mode job recorded, or null when absent or not a number. */
export async function readRecordedPrNumber(dir: string): Promise<number | null> {
  const path = join(dir, PR_NUMBER_FILE);
  if (!existsSync(path)) return null;
  const text = (await readFile(path, 'utf8')).trim();
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
