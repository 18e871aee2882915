// Bundles the three entry points into dist/ as ESM. The action runs dist/index.js
// (main) and dist/post.js (post) on node24; the CLI runs dist/cli.js on Node >= 20.
//
// Besides the bundles, dist/ gets:
// - a source map next to each bundle (dist/<name>.js.map), for stack traces that name the
//   TypeScript line (`node --enable-source-maps dist/cli.js ...`, or
//   NODE_OPTIONS=--enable-source-maps in the env of the action's step). Mappings only, no
//   embedded sources (they are in the repository at the tag), which keeps the maps small.
// - dist/licenses.txt: every npm package bundled, with its version, license and the full
//   text of its LICENSE/NOTICE files, read from node_modules.
// Everything written is deterministic (sorted, repository-relative paths, no dates), so
// CI's "dist/ is current" check compares byte for byte.
import { build } from 'esbuild';
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Thin entry files that only call the exported run functions (tests import those).
const entries = Object.fromEntries(
  Object.entries({ index: 'src/bin/action.ts', post: 'src/bin/post.ts', cli: 'src/bin/cli.ts' }).filter(([, path]) => existsSync(path)),
);

const result = await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outExtension: { '.js': '.js' },
  // External .map files with a sourceMappingURL comment; their `sources` are relative to
  // dist/ (../src/..., ../node_modules/...), never absolute.
  sourcemap: true,
  sourcesContent: false,
  // The bundles stay free of license comments: dist/licenses.txt below carries the full
  // license text of every bundled package, which is what their licenses ask to be kept.
  legalComments: 'none',
  metafile: true,
  // Some bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __abCreateRequire } from 'node:module'; const require = __abCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
await chmod('dist/cli.js', 0o755);

/**
 * The package root of a metafile input path (relative to the working directory, '/'
 * separated), or undefined for the project's own files. The last node_modules segment
 * decides, so a nested copy (node_modules/a/node_modules/b) counts as its own package.
 */
function packageRoot(input) {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at === -1 || at + 1 >= parts.length) return undefined;
  const length = parts[at + 1].startsWith('@') ? 2 : 1;
  return parts.slice(0, at + 1 + length).join('/');
}

/** The package.json license field, including the legacy object and `licenses` array forms. */
function licenseOf(pkg) {
  const one = (license) => (typeof license === 'string' ? license : license?.type);
  if (pkg.license) return one(pkg.license) ?? 'UNKNOWN';
  if (Array.isArray(pkg.licenses) && pkg.licenses.length) return pkg.licenses.map(one).join(' OR ');
  return 'UNKNOWN';
}

const LICENSE_FILE = /^(licen[cs]e|copying|notice)([-._].*)?$/i;
const README_FILE = /^readme(\..*)?$/i;

/** package.json's author as text ("Name <email> (url)" or the object form). */
function authorOf(pkg) {
  const a = pkg.author;
  if (!a) return undefined;
  if (typeof a === 'string') return a;
  return [a.name, a.email && `<${a.email}>`, a.url && `(${a.url})`].filter(Boolean).join(' ') || undefined;
}

/**
 * The "License" section of a README (a markdown "# License" heading, or "License" underlined
 * with === or ---), up to the next heading: for the few old packages that ship no license
 * file but state their terms there.
 */
function readmeLicenseSection(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const underline = (i) => i < lines.length && /^(=+|-+)\s*$/.test(lines[i]) && lines[i - 1].trim() !== '';
  const isHeading = (i) => /^#{1,6}\s/.test(lines[i]) || underline(i + 1);
  const start = lines.findIndex((line, i) => /^(#{1,6}\s*)?licen[cs]e\s*:?\s*$/i.test(line) && (line.startsWith('#') || underline(i + 1)));
  if (start === -1) return undefined;
  let end = start + (lines[start].startsWith('#') ? 1 : 2);
  const from = end;
  while (end < lines.length && !isHeading(end)) end++;
  const section = lines.slice(from, end).join('\n').trim();
  return section || undefined;
}

async function licenses(inputs) {
  const roots = [...new Set(inputs.map(packageRoot).filter(Boolean))];
  const packages = [];
  for (const root of roots) {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
    const names = (await readdir(root, { withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
    const texts = [];
    for (const file of names.filter((name) => LICENSE_FILE.test(name))) {
      texts.push({ file, text: (await readFile(join(root, file), 'utf8')).replace(/\r\n?/g, '\n').trimEnd() });
    }
    if (texts.length === 0) {
      for (const file of names.filter((name) => README_FILE.test(name))) {
        const section = readmeLicenseSection(await readFile(join(root, file), 'utf8'));
        if (section) texts.push({ file: `${file}, section License`, text: section });
      }
    }
    packages.push({ name: pkg.name, version: pkg.version, license: licenseOf(pkg), author: authorOf(pkg), texts });
  }
  const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0);
  // Two copies of one version (nested installs) are listed once, the copy with more text first.
  packages.sort((a, b) => byName(a, b) || b.texts.length - a.texts.length);
  const unique = packages.filter((p, i, all) => i === 0 || byName(p, all[i - 1]) !== 0);

  const rule = '='.repeat(78);
  const out = [
    'Third-party software bundled in dist/*.js',
    '',
    'async-bench itself is under the MIT license (see LICENSE). The bundles in this folder',
    'also contain the npm packages below; each is listed with its version, its license as',
    'its package.json declares it, and the license and notice files it ships (for the few',
    'that ship none, the License section of their README, and their author).',
    'Generated by scripts/bundle.mjs (npm run package); do not edit.',
    '',
    `${unique.length} packages:`,
    ...unique.map((p) => `  ${p.name}@${p.version} (${p.license})`),
  ];
  for (const p of unique) {
    out.push('', rule, `${p.name}@${p.version}`, `License: ${p.license}`);
    if (p.texts.length === 0 || p.texts.every(({ file }) => !LICENSE_FILE.test(file))) {
      if (p.author) out.push(`Author: ${p.author}`);
    }
    out.push(rule);
    if (p.texts.length === 0) {
      out.push(
        '',
        p.license === 'UNKNOWN'
          ? '(The package ships no license file and its package.json names no license.)'
          : `(The package ships no license file; its package.json declares ${p.license}.)`,
      );
    }
    for (const { file, text } of p.texts) out.push('', `--- ${file} ---`, '', text);
  }
  return `${out.join('\n')}\n`;
}

await writeFile('dist/licenses.txt', await licenses(Object.keys(result.metafile.inputs)));
