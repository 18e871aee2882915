import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILDER_DOCKERFILE, DERIVED_CONTEXT } from '../src/stack/image-build.js';
import { COMPOSE_FILE, TOXIPROXY_FILE } from '../src/stack/project.js';

/*
 * `npx async-bench` installs what package.json publishes: what `npm pack` would put in the
 * tarball (its dry run: nothing written) must hold the CLI and every file the CLI reads
 * relative to its package root (src/stack/package-root.ts), and the package must need
 * nothing from the registry. The e2e own-project test installs and runs that tarball.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('the npm package', () => {
  it('is publishable, its bin kept, with no runtime dependency (dist/cli.js bundles them)', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.bin).toEqual({ 'async-bench': 'dist/cli.js' });
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('packs the CLI and what it reads at run time; neither the action bundles, the sources nor wheels', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8' })) as { files: { path: string }[] }[];
    const files = packed!.files.map((file) => file.path);
    const runTime = [
      'dist/cli.js',
      'dist/licenses.txt',
      COMPOSE_FILE,
      TOXIPROXY_FILE,
      BUILDER_DOCKERFILE,
      'compose/builder/wheels.Dockerfile',
      `${DERIVED_CONTEXT}/Dockerfile`,
      `${DERIVED_CONTEXT}/add-missing.py`,
      `${DERIVED_CONTEXT}/requirements.txt`,
      `${DERIVED_CONTEXT}/wheels/README.md`,
      'compose/app/gunicorn.conf.py',
      'compose/app/async-bench-wait-ready',
      'compose/app/Dockerfile',
      'compose/db/Dockerfile',
      'locust/Dockerfile',
      'locust/locustfile.py',
      'locust/preflight.py',
      'locust/wheels/README.md',
      'schema/results.schema.json',
      // Named by the error for a machine without Docker.
      'scripts/provision-docker.sh',
    ];
    expect(runTime.filter((file) => !files.includes(file))).toEqual([]);
    expect(files.filter((file) => /\.whl$|__pycache__|^dist\/(index|post)\.|^src\/|^__tests__\//.test(file))).toEqual([]);
  });
});
