// Bundles the three entry points into dist/ as ESM. The action runs dist/index.js
// (main) and dist/post.js (post) on node24; the CLI runs dist/cli.js on Node >= 20.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

import { existsSync } from 'node:fs';

// Thin entry files that only call the exported run functions (tests import those).
const entries = Object.fromEntries(
  Object.entries({ index: 'src/bin/action.ts', post: 'src/bin/post.ts', cli: 'src/bin/cli.ts' }).filter(([, path]) => existsSync(path)),
);

await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outExtension: { '.js': '.js' },
  legalComments: 'none',
  // Some bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __abCreateRequire } from 'node:module'; const require = __abCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
await chmod('dist/cli.js', 0o755);
