import { REFERENCE_APP } from '../../src/core/config/defaults.js';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBaseCheckout, BaseCommitError, removeBaseCheckout, resolveBaseCommit } from '../../src/stack/base-checkout.js';
import { processRunner } from '../../src/stack/exec/runner.js';
import { baseImageName, findBaseCommit, Sides } from '../../src/stack/base-side.js';

/* The base commit of `baseline: base` in real temporary git repositories: found, missing from a shallow clone, checked out and removed. */
const run = processRunner({ write: () => undefined });
const git = (repo: string, ...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const commit = (repo: string, message: string) => git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', message);

let scratch: string;
let origin: string;
let baseSha: string;
let featureSha: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'async-bench-base-'));
  origin = join(scratch, 'origin');
  await mkdir(join(origin, 'app'), { recursive: true });
  git(scratch, 'init', '-q', '-b', 'main', origin);
  await writeFile(join(origin, 'app/manage.py'), '# base\n');
  await writeFile(join(origin, 'app/Dockerfile'), 'FROM scratch\n');
  git(origin, 'add', '-A');
  commit(origin, 'base');
  baseSha = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'checkout', '-q', '-b', 'feature');
  await writeFile(join(origin, 'app/manage.py'), '# head\n');
  git(origin, 'add', '-A');
  commit(origin, 'head');
  featureSha = git(origin, 'rev-parse', 'HEAD');
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('resolveBaseCommit', () => {
  it('takes a ref or SHA as given', async () => {
    expect(await resolveBaseCommit(run, origin, 'main', {})).toBe(baseSha);
    expect(await resolveBaseCommit(run, origin, baseSha.slice(0, 10), {})).toBe(baseSha);
  });

  it('defaults to the merge-base of HEAD with the default branch, or with GITHUB_BASE_REF on origin', async () => {
    expect(await resolveBaseCommit(run, origin, null, {})).toBe(baseSha);
    const clone = join(scratch, 'full');
    git(scratch, 'clone', '-q', '--branch', 'feature', `file://${origin}`, clone);
    expect(await resolveBaseCommit(run, clone, null, { GITHUB_BASE_REF: 'main' })).toBe(baseSha);
    git(clone, 'remote', 'set-head', 'origin', 'main');
    expect(await resolveBaseCommit(run, clone, null, {})).toBe(baseSha); // origin/HEAD
  });

  it('a shallow clone (actions/checkout by default) lacks the base: the error names baseline: base, the SHA and fetch-depth: 0', async () => {
    const shallow = join(scratch, 'shallow');
    git(scratch, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, shallow);
    expect(git(shallow, 'rev-parse', 'HEAD')).toBe(featureSha);
    const bySha = resolveBaseCommit(run, shallow, baseSha, {});
    await expect(bySha).rejects.toThrow(BaseCommitError);
    await expect(bySha).rejects.toThrow(new RegExp(`baseline: base needs the base commit ${baseSha}, which is not in this clone\\. .*shallow clone`));
    await expect(bySha).rejects.toThrow(/`fetch-depth: 0`/);
    // The default (the PR's base branch) has no merge-base in one commit of history either.
    await expect(resolveBaseCommit(run, shallow, null, { GITHUB_BASE_REF: 'main' })).rejects.toThrow(
      /baseline: base needs the merge-base of HEAD and origin\/main.*shallow clone.*fetch-depth: 0/s,
    );
    // The fix works: with the history fetched, the same SHA resolves.
    git(shallow, 'fetch', '-q', '--unshallow');
    expect(await resolveBaseCommit(run, shallow, baseSha, {})).toBe(baseSha);
  });

  it('outside a git repository, says so', async () => {
    const plain = join(scratch, 'plain');
    await mkdir(plain, { recursive: true });
    await expect(findBaseCommit(run, plain, null, {})).rejects.toThrow(/baseline: base .* is not inside a git repository/);
  });
});

describe('the base worktree', () => {
  it("checks the base commit out detached, with the app at head's relative path, and removes it", async () => {
    const dir = join(scratch, 'out/.stack/base');
    const checkout = await addBaseCheckout(run, origin, baseSha, dir, join(origin, 'app'));
    expect(checkout.appContext).toBe(join(dir, 'app'));
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(baseSha);
    expect(execFileSync('cat', [join(dir, 'app/manage.py')], { encoding: 'utf8' })).toBe('# base\n');
    // A killed run's worktree is replaced, not refused.
    const again = await addBaseCheckout(run, origin, baseSha, dir, join(origin, 'app'));
    await removeBaseCheckout(run, again);
    expect(await stat(dir).catch(() => null)).toBeNull();
    expect(git(origin, 'worktree', 'list')).not.toContain(dir);
  });

  it("Sides: base's app in the worktree and an image of its own; app() gives each side's; a base without the app is refused", async () => {
    const outDir = join(scratch, 'out2');
    const head = {
      context: join(origin, 'app'),
      dockerfile: join(origin, 'app/Dockerfile'),
      image: 'async-bench-app-x:local',
      pythonImage: null,
      wheelhouse: null,
    };
    const app = { ...REFERENCE_APP, name: 'x', context: 'app', dockerfile: 'Dockerfile' };
    const sides = await Sides.checkOut(run, { repo: origin, sha: baseSha }, head, outDir, app);
    expect(sides.base).toEqual({
      context: join(outDir, '.stack/base/app'),
      dockerfile: join(outDir, '.stack/base/app/Dockerfile'),
      image: 'async-bench-app-x-base:local',
      pythonImage: null,
      wheelhouse: null,
    });
    expect(sides.app('base')).toBe(sides.base);
    expect(sides.app('head').context).toBe(join(origin, 'app'));
    await sides.close(run);
    // A base commit from before the app existed: nothing to compare with.
    await writeFile(join(origin, 'README'), 'x');
    git(origin, 'checkout', '-q', '--orphan', 'empty');
    git(origin, 'rm', '-rq', '--cached', '.');
    git(origin, 'add', 'README');
    commit(origin, 'empty');
    const empty = git(origin, 'rev-parse', 'HEAD');
    git(origin, 'checkout', '-q', '-f', 'feature');
    await expect(Sides.checkOut(run, { repo: origin, sha: empty }, head, outDir, app)).rejects.toThrow(
      /the base commit [0-9a-f]{12} cannot be built .*holds no manage\.py/,
    );
    expect(git(origin, 'worktree', 'list')).not.toContain('out2');
  });

  it('names the base image beside the app image', () => {
    expect(baseImageName('async-bench-app-reference:local')).toBe('async-bench-app-reference-base:local');
    expect(baseImageName('registry:5000/app')).toBe('registry:5000/app-base');
  });
});
