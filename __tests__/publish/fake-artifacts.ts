import type { Artifact, DownloadArtifactOptions, FindOptions, UploadArtifactOptions } from '@actions/artifact';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArtifactStore } from '../../src/publish/artifacts.js';

/**
 * A recording stand-in for @actions/artifact's client (the real one needs the Actions runtime).
 * `contents` maps an artifact id to the files its download extracts.
 */
export class FakeArtifactStore implements ArtifactStore {
  uploads: { name: string; files: string[]; rootDirectory: string; options?: UploadArtifactOptions }[] = [];
  downloads: { id: number; options?: DownloadArtifactOptions & FindOptions }[] = [];
  lists: (FindOptions & { latest?: boolean })[] = [];
  artifacts: Artifact[] = [];
  contents = new Map<number, Record<string, string>>();
  failDownload: Error | null = null;
  /** What the next uploads do instead of succeeding, in order: throw, or never answer. */
  uploadFaults: ('fail' | 'hang')[] = [];
  /** Every upload attempt, including failed and hung ones. */
  uploadAttempts = 0;
  private nextId = 500;

  add(name: string, files: Record<string, string>): Artifact {
    const artifact: Artifact = { name, id: ++this.nextId, size: 1 };
    this.artifacts.push(artifact);
    this.contents.set(artifact.id, files);
    return artifact;
  }

  async uploadArtifact(name: string, files: string[], rootDirectory: string, options?: UploadArtifactOptions) {
    this.uploadAttempts += 1;
    const fault = this.uploadFaults.shift();
    // The real client's words after its own retries gave up on the blob storage.
    if (fault === 'fail') throw new Error('Failed to make request after 5 attempts: read ECONNRESET');
    if (fault === 'hang') return new Promise<never>(() => {});
    this.uploads.push({ name, files, rootDirectory, options });
    return { id: ++this.nextId, size: files.length * 100 };
  }

  async listArtifacts(options?: FindOptions & { latest?: boolean }) {
    this.lists.push(options ?? {});
    return { artifacts: [...this.artifacts] };
  }

  async downloadArtifact(id: number, options?: DownloadArtifactOptions & FindOptions) {
    this.downloads.push({ id, options });
    if (this.failDownload) throw this.failDownload;
    const path = options?.path ?? '.';
    for (const [name, text] of Object.entries(this.contents.get(id) ?? {})) {
      mkdirSync(dirname(join(path, name)), { recursive: true });
      writeFileSync(join(path, name), text);
    }
    return { downloadPath: path };
  }
}
