import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_SETUPS, REFERENCE_APP } from '../../src/core/config/defaults.js';
import { detectCompose } from '../../src/stack/docker.js';
import { runChecked } from '../../src/stack/exec/command.js';
import { processRunner } from '../../src/stack/exec/runner.js';
import { appImage, DEFAULT_BASE_IMAGE, freeLoopbackPort } from '../../src/stack/project.js';
import { APP_DATABASE, Stack } from '../../src/stack/stack.js';
import { leftoverContainers, ROOT } from './stack-helpers.js';

/**
 * The generic restore on the real database: whatever a cell wrote (rows, a table of
 * its own) is gone when the next cell starts, and the seed is back, for 1,000,000 rows
 * in well under the 3 s a cell may spend on it.
 */
const run = processRunner({ write: (text) => process.stderr.write(text) });
let stack: Stack | null = null;

afterAll(async () => {
  await stack?.down();
  expect(leftoverContainers()).toEqual([]);
});

async function sql(query: string): Promise<string> {
  const { stdout } = await runChecked(
    run,
    stack!.compose.exec('db', ['psql', '-U', 'postgres', '-d', APP_DATABASE, '-v', 'ON_ERROR_STOP=1', '-Atq', '-c', query]),
    query,
  );
  return stdout.trim();
}

describe('database snapshot and restore', () => {
  it('every cell starts from the state after the seed, whatever the cell changed', async () => {
    const setup = BUILT_IN_SETUPS[0]!;
    stack = new Stack(
      run,
      await detectCompose(run),
      {
        root: ROOT,
        workspace: ROOT,
        outDir: `${ROOT}/bench-out/e2e-snapshot`,
        projectName: `async-bench-${process.pid}`,
        toxiproxyApiPort: await freeLoopbackPort(),
        baseImage: process.env.BASE_IMAGE || DEFAULT_BASE_IMAGE,
        uid: process.getuid?.() ?? 0,
        gid: process.getgid?.() ?? 0,
      },
      REFERENCE_APP,
      {
        side: null,
        app: {
          context: `${ROOT}/compose/app`,
          dockerfile: `${ROOT}/compose/app/Dockerfile`,
          image: appImage(REFERENCE_APP),
          pythonImage: null,
          wheelhouse: null,
        },
        latencyMethod: 'netem',
        setup,
      },
    );
    await stack.writeSetupOverride();
    await stack.build({ verbose: false, info: (line) => process.stderr.write(`${line}\n`) });
    await stack.startDatabase();
    await stack.prepareData(1_000_000);
    await stack.snapshotDatabase();

    const restores: number[] = [];
    for (let cell = 0; cell < 3; cell += 1) {
      restores.push(await stack.restoreDatabase());
      expect(await sql('SELECT count(*) FROM posts_post')).toBe('1000000');
      expect(await sql("SELECT to_regclass('cell_scratch') IS NULL")).toBe('t');
      // What a cell does to the database: new rows, changed rows, deleted rows, DDL.
      await sql("INSERT INTO posts_post SELECT gen_random_uuid(), 'x', 'y', now(), now() FROM generate_series(1, 5000)");
      await sql("UPDATE posts_post SET title = 'changed' WHERE id IN (SELECT id FROM posts_post LIMIT 10)");
      await sql('DELETE FROM posts_post WHERE id IN (SELECT id FROM posts_post LIMIT 10)');
      await sql('CREATE TABLE cell_scratch (n int)');
      expect(await sql('SELECT count(*) FROM posts_post')).toBe('1004990');
    }
    expect(await sql("SELECT count(*) FROM posts_post WHERE title = 'changed'")).toBe('10');
    await stack.restoreDatabase();
    expect(await sql("SELECT count(*) FROM posts_post WHERE title = 'changed'")).toBe('0');
    // The planner's statistics come with the copy: no ANALYZE needed after a restore.
    expect(Number(await sql("SELECT reltuples FROM pg_class WHERE relname = 'posts_post'"))).toBeGreaterThan(900_000);
    process.stderr.write(`restore of 1,000,000 posts: ${restores.map((s) => s.toFixed(2)).join(', ')} s\n`);
    for (const seconds of restores) expect(seconds).toBeLessThan(3);
  }, 300_000);
});
