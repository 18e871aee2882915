import { execFile } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import { commentMarker } from '../../src/publish/marker.js';
import { FIXTURES, scratch } from '../helpers/fixtures.js';
import { startGitHubServer, type GitHubServer } from '../helpers/github-server.js';
import { inputEnv } from '../helpers/action-inputs.js';

const run = promisify(execFile);
const DIST = join(FIXTURES, '..', '..', 'dist', 'index.js');
const PR = 12;

/**
 * The bundled action, run as the runner runs it: `node dist/index.js` with INPUT_*
 * variables, an event payload file, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT, in report
 * mode against a local server that speaks the GitHub REST endpoints it calls.
 */
describe('node dist/index.js, mode report', () => {
  let server: GitHubServer;
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ dir, cleanup } = await scratch());
    server = await startGitHubServer({ owner: 'octo', repo: 'bench' });
    server.addToken('gh-token', { login: 'github-actions[bot]', kind: 'app', permission: 'write' });
    server.addPullRequest(PR, 'cafe0001');
    await cp(join(FIXTURES, 'run-27', 'cells'), join(dir, 'run', 'cells'), { recursive: true });
    const quiet = { write: () => true };
    expect(await runCli(['ingest', 'run'], { stdout: quiet, stderr: quiet, cwd: dir })).toBe(0);
    await writeFile(
      join(dir, 'event.json'),
      JSON.stringify({
        pull_request: { number: PR, base: { ref: 'main' }, head: { sha: 'cafe0001' } },
        repository: { name: 'bench', owner: { login: 'octo' } },
      }),
    );
  });
  afterAll(async () => {
    await server.close();
    await cleanup();
  });

  async function action(step: string) {
    const summary = join(dir, `summary-${step}.md`);
    const output = join(dir, `output-${step}.txt`);
    await writeFile(summary, '');
    await writeFile(output, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_REPOSITORY: 'octo/bench',
      GITHUB_API_URL: server.url,
      GITHUB_SERVER_URL: 'https://github.test',
      GITHUB_RUN_ID: '4242',
      GITHUB_WORKSPACE: dir,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
      ...inputEnv({ mode: 'report', results: 'run/results.json', baseline: 'paper', 'github-token': 'gh-token', out: 'published' }),
    };
    const { stdout } = await run(process.execPath, [DIST], { env, cwd: dir });
    return { stdout, summary: await readFile(summary, 'utf8'), output: await readFile(output, 'utf8') };
  }

  it('posts the comment and writes the summary; a second identical run writes nothing', async () => {
    const first = await action('first');
    expect(first.stdout).not.toMatch(/::error::/);
    expect(server.comments).toHaveLength(1);
    const comment = server.comments[0]!;
    expect(comment.body).toContain(commentMarker('default'));
    expect(comment.body).toMatch(/### async-bench: 🔴 \d+ regressions? in 27 cells vs the study \(paper\)/);
    expect(comment.body).toContain('**Table 3: I/O-bound DB create**');
    expect(comment.body).toContain('[Workflow run](https://github.test/octo/bench/actions/runs/4242)');
    expect(first.summary).toContain('**Table 1: CPU-bound**');
    expect(first.output).toMatch(/comment-url<<.*\n.+\n/);
    expect(first.output).toMatch(/regressions<<.*\n\d+\n/);

    const writes = server.writes().length;
    const second = await action('second');
    expect(server.writes().length).toBe(writes);
    expect(server.comments).toHaveLength(1);
    expect(second.summary).toContain('**Table 2: I/O-bound DB read**');
  });
});
