import { EventEmitter } from 'node:events';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCell } from '../../src/core/ingest/cell.js';
import { InterruptedError } from '../../src/stack/run.js';
import { bench, leftoverContainers, ROOT } from './stack-helpers.js';

/*
 * --resume on the real stack: a run interrupted after its first cell, then resumed.
 * What the unit tests (a stand-in engine) cannot show: that two runs of one stack
 * read the same fingerprint, so a real resume is not refused as "another stack".
 */
const SHORT = { users: '10', 'spawn-rate': '10', 'run-time': '8s', 'seed-posts': '1000', latencies: '0', setups: 'sync', routes: 'io_read,io_create' } as const;
const OUT = join(ROOT, 'bench-out', 'e2e-resume');

describe('an interrupted run resumed on the real stack', () => {
  it('keeps the measured cell, measures the rest, and marks the kept one', async () => {
    await rm(OUT, { recursive: true, force: true });
    const signals = new EventEmitter();
    const first = join(OUT, 'cells', 'sync__io_read__0ms');
    const watcher = setInterval(async () => {
      const done = await readFile(join(first, 'cell.json'), 'utf8').catch(() => null);
      if (done && (await readCell(first)).status === 'ok') {
        clearInterval(watcher);
        signals.emit('SIGINT', 'SIGINT');
      }
    }, 500);
    try {
      await expect(bench({ ...SHORT, out: OUT }, { deps: { signals, existingRun: 'refuse' } })).rejects.toThrow(InterruptedError);
    } finally {
      clearInterval(watcher);
    }
    const interrupted = JSON.parse(await readFile(join(OUT, 'results.json'), 'utf8')) as { createdAt: string };
    await expect(bench({ ...SHORT, out: OUT }, { deps: { existingRun: 'refuse' } })).rejects.toThrow(/holds a run from .* Use --resume/);

    const results = await bench({ ...SHORT, out: OUT }, { deps: { existingRun: 'resume' } });
    expect(results.cells.map((cell) => [cell.id, cell.status, cell.resumedFrom ?? null])).toEqual([
      ['sync/io_read/0ms', 'ok', interrupted.createdAt],
      ['sync/io_create/0ms', 'ok', null],
    ]);
    expect(leftoverContainers()).toEqual([]);
  });
});
