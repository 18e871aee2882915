import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { captureStdout } from '../publish/capture.js';
import { FakeArtifactStore } from '../publish/fake-artifacts.js';
import { scratch } from './fixtures.js';
import { startGitHubServer, type GitHubServer } from './github-server.js';

/** The pull request every action test's event names, and the bot that comments on it. */
export const PR = 3;
export const BOT = 'github-actions[bot]';

// core.summary keeps the first GITHUB_STEP_SUMMARY path it sees in a process: one file for all tests of a file.
const SUMMARY = join(mkdtempSync(join(tmpdir(), 'async-bench-summary-')), 'summary.md');

export interface ActionHarness {
  /** The workspace: event.json and output.txt (GITHUB_OUTPUT) are in it. */
  dir: string;
  /** The local GitHub: repository octo/bench, pull request PR at head `beef`. */
  server: GitHubServer;
  store: FakeArtifactStore;
  out: ReturnType<typeof captureStdout>;
  /** GITHUB_STEP_SUMMARY, emptied for each test. */
  summary: string;
  /** The environment of a pull_request step on github.com (where the artifact service exists). */
  env: () => NodeJS.ProcessEnv;
  close: () => Promise<void>;
}

/**
 * What every test of the whole action sets up: a scratch workspace with a pull_request
 * event, the local GitHub API with `tokens` (name → permission of the bot), a recording
 * artifact store, captured stdout, and GITHUB_STEP_SUMMARY / GITHUB_OUTPUT in
 * process.env (where @actions/core reads them). close() undoes all of it.
 */
export async function startActionHarness(tokens: Record<string, 'read' | 'write'> = { tok: 'write' }): Promise<ActionHarness> {
  const { dir, cleanup } = await scratch();
  const server = await startGitHubServer({ owner: 'octo', repo: 'bench' });
  for (const [token, permission] of Object.entries(tokens)) server.addToken(token, { login: BOT, kind: 'app', permission });
  server.addPullRequest(PR, 'beef');
  await writeFile(join(dir, 'event.json'), JSON.stringify({ pull_request: { number: PR, base: { ref: 'main' }, head: { sha: 'beef' } } }));
  await writeFile(SUMMARY, '');
  await writeFile(join(dir, 'output.txt'), '');
  vi.stubEnv('GITHUB_STEP_SUMMARY', SUMMARY);
  vi.stubEnv('GITHUB_OUTPUT', join(dir, 'output.txt'));
  process.exitCode = undefined;
  const out = captureStdout();
  return {
    dir,
    server,
    store: new FakeArtifactStore(),
    out,
    summary: SUMMARY,
    env: () => ({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_REPOSITORY: 'octo/bench',
      GITHUB_API_URL: server.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '77',
      GITHUB_WORKSPACE: dir,
      GITHUB_STEP_SUMMARY: SUMMARY,
      GITHUB_OUTPUT: join(dir, 'output.txt'),
    }),
    close: async () => {
      out.restore();
      vi.unstubAllEnvs();
      process.exitCode = undefined;
      await server.close();
      await cleanup();
    },
  };
}
