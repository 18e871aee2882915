// Writes schema/results.schema.json and schema/cell.schema.json from the zod schemas (src/core/results/json-schema.ts).
// The source is TypeScript: esbuild bundles it into a temporary module, imported from here.
import { build } from 'esbuild';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const scratch = await mkdtemp(join(tmpdir(), 'async-bench-schema-'));
try {
  const entry = join(scratch, 'json-schema.mjs');
  await build({
    entryPoints: ['src/core/results/json-schema.ts'],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // As in scripts/bundle.mjs: bundled CommonJS may call require() for Node built-ins.
    banner: { js: "import { createRequire as __abCreateRequire } from 'node:module'; const require = __abCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  const { cellJsonSchema, resultsJsonSchema, serializeJsonSchema } = await import(pathToFileURL(entry).href);
  await mkdir('schema', { recursive: true });
  for (const [file, schema] of [
    ['schema/results.schema.json', resultsJsonSchema()],
    ['schema/cell.schema.json', cellJsonSchema()],
  ]) {
    await writeFile(file, serializeJsonSchema(schema));
    console.log(`wrote ${file}`);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
