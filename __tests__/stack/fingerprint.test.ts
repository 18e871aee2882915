import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_PACKAGES, DERIVED_RECORD_KEY, VERSIONS_SCRIPT } from '../../src/stack/fingerprint.js';

/*
 * What results.json's environment records of the app image: the script the fingerprint runs
 * in the app container, run here by the real python3 on a folder of installed distributions
 * (nothing else on the path: python3 -S).
 */
let site: string;
beforeEach(async () => {
  site = await mkdtemp(join(tmpdir(), 'async-bench-site-'));
});
afterEach(() => rm(site, { recursive: true, force: true }));

async function install(name: string, version: string): Promise<void> {
  const dir = join(site, `${name.replaceAll('-', '_')}-${version}.dist-info`);
  await mkdir(dir);
  await writeFile(join(dir, 'METADATA'), `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`);
}

function versions(): Record<string, string | null> {
  const result = spawnSync('python3', ['-S', '-c', VERSIONS_SCRIPT, ...APP_PACKAGES], { encoding: 'utf8', env: { PATH: process.env.PATH, PYTHONPATH: site } });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, string | null>;
}

describe("the app image's fingerprint", () => {
  it('records psycopg2 as it records psycopg 3 (a project on either driver says which ran)', async () => {
    await install('django', '4.2.20');
    await install('psycopg2-binary', '2.9.10');
    const found = versions();
    expect(found).toMatchObject({ django: '4.2.20', 'psycopg2-binary': '2.9.10', psycopg2: null, psycopg: null });
    await install('psycopg2', '2.9.10');
    await install('psycopg', '3.3.9');
    expect(versions()).toMatchObject({ psycopg2: '2.9.10', psycopg: '3.3.9' });
  });

  it("records psycopg's pool, which Django's own connection pool needs, absent as null", async () => {
    await install('psycopg', '3.3.9');
    expect(versions()).toMatchObject({ psycopg: '3.3.9', 'psycopg-pool': null });
    await install('psycopg-pool', '3.2.6');
    expect(versions()).toMatchObject({ 'psycopg-pool': '3.2.6' });
  });

  it('has no record of what the derived image added outside it (the load image, an older app image)', () => {
    expect(Object.keys(versions())).not.toContain(DERIVED_RECORD_KEY);
  });
});
