import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCell } from '../../src/core/ingest/cell.js';
import { parseResults } from '../../src/core/results/results.js';
import { InterruptedError } from '../../src/stack/run.js';
import { bench, leftoverContainers, ROOT } from './stack-helpers.js';

/** Short cells: these tests are about faults, not numbers. */
const SHORT = { users: '10', 'spawn-rate': '10', 'run-time': '8s', 'seed-posts': '1000', latencies: '0' } as const;
const out = (name: string) => join(ROOT, 'bench-out', `e2e-${name}`);

function projectContainer(service: string): string | null {
  const id = execFileSync(
    'docker',
    ['ps', '-q', '--filter', `label=com.docker.compose.project=async-bench-${process.pid}`, '--filter', `label=com.docker.compose.service=${service}`],
    { encoding: 'utf8' },
  ).trim();
  return id || null;
}

/** A cell's Locust (the preflight's one-off load container runs python, not locust). */
function locustRunning(): boolean {
  const commands = execFileSync(
    'docker',
    [
      'ps',
      '--no-trunc',
      '--filter',
      `label=com.docker.compose.project=async-bench-${process.pid}`,
      '--filter',
      'label=com.docker.compose.service=load',
      '--format',
      '{{.Command}}',
    ],
    { encoding: 'utf8' },
  );
  return commands.includes('locust -f');
}

describe('faults on the real stack', () => {
  it('latency-method netem: fails clearly where the kernel has no netem, else measures with it', async () => {
    const run = bench({ ...SHORT, setups: 'sync', routes: 'io_read', 'latency-method': 'netem', out: out('netem') });
    const netemWorks = await run.then(
      (results) => {
        expect(results.environment.latencyMethod).toBe('netem');
        expect(results.cells[0]!.status).toBe('ok');
        return true;
      },
      (error: Error) => {
        // The preflight's reason (module missing, NET_ADMIN) or the host's (no module support, no package, sudo, apt): each names sch_netem or NET_ADMIN.
        expect(error.message).toMatch(/sch_netem|NET_ADMIN/);
        expect(error.message).toMatch(/latency-method: toxiproxy/);
        return false;
      },
    );
    process.stderr.write(`netem ${netemWorks ? 'works' : 'is unavailable'} on this machine\n`);
    expect(leftoverContainers()).toEqual([]);
  });

  it('an image build failure shows the last lines of the build log', async () => {
    const run = bench(
      { ...SHORT, setups: 'sync', routes: 'io_read', out: out('build') },
      { deps: { env: { ...process.env, BASE_IMAGE: 'async-bench-missing:nope' } } },
    );
    await expect(run).rejects.toThrow(/Building the images failed \(exit \d+\)[\s\S]*async-bench-missing/);
    expect(leftoverContainers()).toEqual([]);
  });

  // An app that never gets ready under a setup is now refused by the preflight before any
  // cell, naming the setup and its entry point: __tests__/e2e/preflight.test.ts.

  it('Locust producing no CSV fails that cell only', async () => {
    const file = ['routes:', '  - name: ghost', '    path: /posts/io_read/', '    user-class: NoSuchUser', '  - io_read'].join('\n');
    const results = await bench({ ...SHORT, setups: 'sync', out: out('no-csv') }, { file });
    expect(results.cells.map((c) => [c.id, c.status])).toEqual([
      ['sync/ghost/0ms', 'failed'],
      ['sync/io_read/0ms', 'ok'],
    ]);
    expect(results.cells[0]!.reason).toMatch(/Locust wrote no statistics to locust_stats\.csv/);
    expect(results.cells[0]!.reason).toMatch(/Unknown User\(s\): NoSuchUser/);
  });

  it('an app killed during a cell: its failures are data, and the cell says the app stopped', async () => {
    let killed = false;
    const killer = setInterval(() => {
      // The load container runs only while Locust does: kill the app a few seconds into it.
      if (killed || !locustRunning()) return;
      killed = true;
      setTimeout(() => {
        const app = projectContainer('app');
        if (app) execFileSync('docker', ['kill', app]);
      }, 3000);
    }, 250);
    try {
      const results = await bench({ ...SHORT, setups: 'sync', routes: 'io_read', out: out('killed') });
      expect(killed).toBe(true);
      const cell = results.cells[0]!;
      expect(cell.status).toBe('ok');
      expect(cell.metrics!.totalFailures).toBeGreaterThan(0);
      const record = JSON.parse(await readFile(join(out('killed'), cell.dir, 'cell.json'), 'utf8'));
      expect(record.warnings.join()).toMatch(/app container stopped during the cell \(exited 137\)/);
    } finally {
      clearInterval(killer);
    }
  });

  describe('interruption mid-run, with the default Toxiproxy API port taken', () => {
    let blocker: Server;
    beforeAll(async () => {
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(8474, '127.0.0.1', resolve)).catch(() => undefined);
    });
    afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

    it('tears the stack down and writes the cells measured so far', async () => {
      const signals = new EventEmitter();
      const dir = out('interrupted');
      const watcher = setInterval(async () => {
        // cell.json is written when a cell is over (Locust's CSVs appear while it still runs).
        const done = await readFile(join(dir, 'cells', 'sync__io_read__0ms', 'cell.json'), 'utf8').catch(() => null);
        const first = done ? await readCell(join(dir, 'cells', 'sync__io_read__0ms')) : null;
        if (first?.status === 'ok') {
          clearInterval(watcher);
          signals.emit('SIGINT', 'SIGINT');
        }
      }, 500);
      try {
        const run = bench(
          { ...SHORT, setups: 'sync', routes: 'io_read,io_create', latencies: '0', 'latency-method': 'toxiproxy', out: dir },
          { deps: { signals } },
        );
        await expect(run).rejects.toThrow(InterruptedError);
      } finally {
        clearInterval(watcher);
      }
      expect(leftoverContainers()).toEqual([]);
      const results = parseResults('results.json', await readFile(join(dir, 'results.json'), 'utf8'));
      expect(results.cells[0]!.status).toBe('ok');
      expect(results.cells.at(-1)!.status).toBe('failed');
    });
  });
});
