import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export const fixture = (...parts: string[]): string => join(FIXTURES, ...parts);

/** A scratch directory removed by the returned cleanup. */
export async function scratch(prefix = 'async-bench-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Copies a captured cell into `<runDir>/cells/<cellDir>` so a test can alter it. */
export async function placeCell(runDir: string, cellDir: string, source: string): Promise<string> {
  const target = join(runDir, 'cells', cellDir);
  await cp(source, target, { recursive: true });
  return target;
}
