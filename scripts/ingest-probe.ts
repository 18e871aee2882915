/**
 * Child-process entry for measuring ingestion alone (bundled with esbuild by
 * scripts/bench-ingest.mjs and the streaming test, then run by `node`):
 *
 *   generate <cellDir> [seconds]   writes <cellDir>/locust_stats_history.csv, prints what it holds
 *   ingest <cellDir>               reads the cell with the real readCell, prints the reading,
 *                                  wall time and this process's peak RSS
 *
 * Output is one JSON line on stdout, so the parent needs no parsing of its own.
 */
import { join } from 'node:path';
import { CELL_FILES, readCell } from '../src/core/ingest/cell.js';
import { DEFAULT_SECONDS, writeBigHistory } from './big-history.js';

const [command, cellDir, seconds] = process.argv.slice(2);
if (cellDir === undefined || (command !== 'generate' && command !== 'ingest')) {
  process.stderr.write('usage: ingest-probe generate <cellDir> [seconds] | ingest <cellDir>\n');
  process.exit(2);
}
if (command === 'generate') {
  const history = await writeBigHistory(join(cellDir, CELL_FILES.history), seconds === undefined ? DEFAULT_SECONDS : Number(seconds));
  process.stdout.write(`${JSON.stringify(history)}\n`);
} else {
  const started = process.hrtime.bigint();
  const reading = await readCell(cellDir);
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  // maxRSS is in kilobytes.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ reading, wallSeconds, peakRssMb })}\n`);
}
