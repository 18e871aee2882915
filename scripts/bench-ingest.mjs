#!/usr/bin/env node
// Ingestion of a week-long Locust history, as numbers (not a test): generates a
// locust_stats_history.csv of 1.2 million rows (about 220 MB) into a temp cell, reads
// it with the real readCell in a fresh process, and prints wall time and that
// process's peak RSS. No Docker. Usage:
//   npm run bench:ingest [-- --seconds 600000 --runs 3 --heap-mb 96]
// --heap-mb runs the ingestion under --max-old-space-size, as the streaming test does.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { build } from 'esbuild';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '600000' }, runs: { type: 'string', default: '1' }, 'heap-mb': { type: 'string' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: a whole number of at least 1; got ${values.runs}.`);
const root = new URL('..', import.meta.url).pathname;
const work = await mkdtemp(join(tmpdir(), 'async-bench-ingest-'));
const run = promisify(execFile);

try {
  // The TypeScript sources, bundled as the CLI is (scripts/bundle.mjs), so the numbers are the real code's.
  const probe = join(work, 'ingest-probe.mjs');
  await build({
    entryPoints: [join(root, 'scripts', 'ingest-probe.ts')],
    outfile: probe,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
  });
  // A real captured cell, with its history replaced by the generated one.
  const cell = join(work, 'cells', 'sync__io_read__0ms');
  await cp(join(root, '__tests__', 'fixtures', 'locust-current', 'clean'), cell, { recursive: true });

  const generateStart = Date.now();
  const { stdout: generated } = await run(process.execPath, [probe, 'generate', cell, values.seconds]);
  const history = JSON.parse(generated);
  const mb = history.bytes / 1024 / 1024;
  console.log(`history: ${history.rows.toLocaleString('en')} rows, ${mb.toFixed(1)} MiB (generated in ${((Date.now() - generateStart) / 1000).toFixed(1)} s)`);

  const nodeArgs = values['heap-mb'] ? [`--max-old-space-size=${values['heap-mb']}`] : [];
  let wrong = false;
  for (let i = 1; i <= runs; i += 1) {
    const { stdout } = await run(process.execPath, [...nodeArgs, probe, 'ingest', cell], { maxBuffer: 1024 * 1024 });
    const { reading, wallSeconds, peakRssMb } = JSON.parse(stdout);
    const metrics = reading.metrics ?? {};
    const mismatches = Object.entries(history.expected).filter(([key, value]) => metrics[key] !== value);
    wrong ||= reading.status !== 'ok' || mismatches.length > 0;
    const check =
      reading.status !== 'ok'
        ? `FAILED: ${reading.reason}`
        : mismatches.length > 0
          ? `WRONG: ${mismatches.map(([k]) => `${k}=${metrics[k]}`).join(', ')}`
          : 'metrics as generated';
    console.log(
      `ingest run ${i}${nodeArgs.length ? ` (${nodeArgs[0]})` : ''}: ${wallSeconds.toFixed(2)} s wall, ` +
        `${(mb / wallSeconds).toFixed(1)} MiB/s, ${Math.round(history.rows / wallSeconds).toLocaleString('en')} rows/s, peak RSS ${peakRssMb.toFixed(1)} MiB; ${check}`,
    );
  }
  if (wrong) process.exitCode = 1;
} finally {
  await rm(work, { recursive: true, force: true });
}
