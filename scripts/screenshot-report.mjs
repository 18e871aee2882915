#!/usr/bin/env node
// Refreshes docs/report-html.png and docs/comment.png, the README's screenshots: runs the
// browser checks of __tests__/report-html.test.ts (headless Chromium, the 27-cell fixture;
// they fail on any console error) with ASYNC_BENCH_SCREENSHOTS=docs, which saves both PNGs
// under docs/. Needs Chromium: scripts/install-chromium.sh.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--project', 'unit', '__tests__/report-html.test.ts', '-t', 'Chromium'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASYNC_BENCH_SCREENSHOTS: 'docs' },
});
process.exit(result.status ?? 1);
