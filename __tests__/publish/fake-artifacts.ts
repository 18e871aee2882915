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
  private nextId = 500;

  add(name: string, files: Record<string, string>): Artifact {
    const artifact: Artifact = { name, id: ++this.nextId, size: 1 };
    this.artifacts.push(artifact);
    this.contents.set(artifact.id, files);
    return artifact;
  }

  async uploadArtifact(name: string, files: string[], rootDirectory: string, options?: UploadArtifactOptions) {
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
