import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/*
 * The derived image's decision, per package (compose/derived/add-missing.py, run here by the
 * real python3 as the Dockerfile runs it in the project image): a project image is a folder
 * of installed distributions (dist-info, as pip leaves them) and nothing else on the path
 * (python3 -S), with pip's own package beside it for its version parser.
 */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = join(REPO_ROOT, 'compose/derived/add-missing.py');
const REQUIREMENTS = join(REPO_ROOT, 'compose/derived/requirements.txt');
const PIP = dirname(execFileSync('python3', ['-c', 'import os, pip; print(os.path.dirname(pip.__file__))'], { encoding: 'utf8' }).trim());

let site: string;
let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'async-bench-derived-'));
  site = join(work, 'site');
  await mkdir(join(work, 'pip-only'), { recursive: true });
  await symlink(join(PIP, 'pip'), join(work, 'pip-only', 'pip'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

/** An installed distribution, as pip records it. */
async function install(name: string, version: string, requires: string[] = []): Promise<void> {
  const dir = join(site, `${name.replaceAll('-', '_')}-${version}.dist-info`);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'METADATA'),
    [`Metadata-Version: 2.1`, `Name: ${name}`, `Version: ${version}`, ...requires.map((r) => `Requires-Dist: ${r}`), ''].join('\n'),
  );
}

function addMissing(...args: string[]): { code: number; out: string } {
  const result = spawnSync('python3', ['-S', SCRIPT, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, PYTHONPATH: [site, join(work, 'pip-only')].join(':') },
  });
  return { code: result.status ?? -1, out: `${result.stdout}${result.stderr}` };
}

/** The names of the entries add-missing.py wrote to install. */
const planned = async (file: string): Promise<string[]> => [...(await readFile(file, 'utf8')).matchAll(/^([a-z0-9-]+)==/gm)].map((m) => m[1]!);

describe('the derived image adds only what the project image lacks, per package', () => {
  it('a project that pins gunicorn (an older major) and uvicorn keeps them: only uvicorn-worker is added, pinned with its hashes', async () => {
    for (const [name, version] of [
      ['gunicorn', '23.0.0'],
      ['uvicorn', '0.38.0'],
      ['click', '8.1.7'],
      ['h11', '0.14.0'],
    ] as const)
      await install(name, version);
    const plan = addMissing('plan', REQUIREMENTS, join(work, 'add.txt'));
    expect(plan.code, plan.out).toBe(0);
    expect(await planned(join(work, 'add.txt'))).toEqual(['uvicorn-worker']);
    expect(await readFile(join(work, 'add.txt'), 'utf8')).toMatch(
      /^uvicorn-worker==0\.4\.0 \\\n {4}--hash=sha256:[0-9a-f]{64} \\\n {4}--hash=sha256:[0-9a-f]{64}\n$/,
    );
    expect(plan.out).toContain("async-bench: kept the project's gunicorn 23.0.0");
    expect(plan.out).toContain("async-bench: kept the project's uvicorn 0.38.0");
    expect(plan.out).toContain('async-bench: adding uvicorn-worker==0.4.0 (the project image lacks it)');

    // pip installs it (--no-deps); what it requires is met by what was kept: recorded.
    await install('uvicorn-worker', '0.4.0', ['gunicorn>=21.0.0', 'uvicorn>=0.36.0']);
    const check = addMissing('check', join(work, 'add.txt'), join(work, 'added'));
    expect(check.code, check.out).toBe(0);
    expect(await readFile(join(work, 'added'), 'utf8')).toBe('uvicorn-worker==0.4.0\n');
    expect(check.out).toContain('async-bench: added uvicorn-worker 0.4.0');
  });

  it('an image with none of the server packages gets them all; one with all of them gets nothing, recorded as such', async () => {
    expect(addMissing('plan', REQUIREMENTS, join(work, 'add.txt')).code).toBe(0);
    expect(await planned(join(work, 'add.txt'))).toEqual(['click', 'gunicorn', 'h11', 'uvicorn', 'uvicorn-worker']);

    for (const name of ['click', 'gunicorn', 'h11', 'uvicorn', 'uvicorn-worker']) await install(name, '99.0');
    expect(addMissing('plan', REQUIREMENTS, join(work, 'add.txt')).code).toBe(0);
    expect(await readFile(join(work, 'add.txt'), 'utf8')).toBe('');
    expect(addMissing('check', join(work, 'add.txt'), join(work, 'added')).code).toBe(0);
    expect(await readFile(join(work, 'added'), 'utf8')).toBe('nothing\n');
  });

  it("an added package that cannot work with the project's kept version fails the build, naming both and the fix", async () => {
    await install('gunicorn', '20.1.0');
    await install('uvicorn', '0.38.0');
    await install('click', '8.1.7');
    await install('h11', '0.14.0');
    expect(addMissing('plan', REQUIREMENTS, join(work, 'add.txt')).code).toBe(0);
    await install('uvicorn-worker', '0.4.0', ['gunicorn>=21.0.0', 'uvicorn>=0.36.0']);
    const check = addMissing('check', join(work, 'add.txt'), join(work, 'added'));
    expect(check.code).toBe(1);
    expect(check.out).toContain(
      'async-bench: uvicorn-worker 0.4.0 (added) needs gunicorn>=21.0.0, but the project image has gunicorn 20.1.0 ' +
        '(kept: async-bench never replaces a package the project installs). Fix: give the project gunicorn>=21.0.0, ' +
        'or add to its requirements a uvicorn-worker that works with gunicorn 20.1.0 (async-bench then adds none).',
    );
  });

  it('a requirement for another Python only (an environment marker) is not asked for', async () => {
    for (const name of ['click', 'gunicorn', 'h11', 'uvicorn-worker']) await install(name, '99.0');
    expect(addMissing('plan', REQUIREMENTS, join(work, 'add.txt')).code).toBe(0);
    await install('uvicorn', '0.54.0', ['click>=7.0', "typing-extensions>=4.0; python_version < '3.0'"]);
    const check = addMissing('check', join(work, 'add.txt'), join(work, 'added'));
    expect(check.code, check.out).toBe(0);
    expect(await readFile(join(work, 'added'), 'utf8')).toBe('uvicorn==0.54.0\n');
  });
});
