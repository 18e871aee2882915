#!/usr/bin/env node
// Performance of the harness itself, as numbers (not a test): orchestration overhead
// per cell beyond the load time, seeding time, and the load generator's ceiling on a
// trivial route with one and two Locust processes. Needs a Docker engine (npm run bench
// provisions one). Usage: npm run bench:harness [-- --run-time 20s --users 50]
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { 'run-time': { type: 'string', default: '20s' }, users: { type: 'string', default: '50' } } });
const root = new URL('..', import.meta.url).pathname;
const work = await mkdtemp(join(tmpdir(), 'async-bench-harness-'));

// A trivial route (no database) next to the study's: the reference app's /posts/noop/.
const configFile = join(work, 'async-bench.yml');
await writeFile(
  configFile,
  ['routes:', '  - name: noop', '    title: No-op (load generator ceiling)', '    path: /posts/noop/', '    user-class: NoopUser', '  - io_read', ''].join(
    '\n',
  ),
);

function cli(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), 'run', '--config', configFile, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => (code === 0 ? resolve(stderr) : reject(new Error(`async-bench run exited ${code}`))));
  });
}

async function cellRecords(outDir) {
  const cells = join(outDir, 'cells');
  return Promise.all((await readdir(cells)).map(async (dir) => JSON.parse(await readFile(join(cells, dir, 'cell.json'), 'utf8'))));
}

const rows = [];
const overheads = [];
const seeds = [];
for (const processes of ['1', '2']) {
  const out = join(work, `p${processes}`);
  const started = Date.now();
  const log = await cli([
    '--setups',
    'sync,async-unlimited',
    '--latencies',
    '0',
    '--users',
    values.users,
    '--spawn-rate',
    values.users,
    '--run-time',
    values['run-time'],
    '--processes',
    processes,
    '--out',
    out,
  ]);
  const wall = (Date.now() - started) / 1000;
  const seed = /inserted (\d+) posts in ([\d.]+) s/.exec(log);
  if (seed) seeds.push(Number(seed[2]));
  const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
  const records = await cellRecords(out);
  const runTime = results.config.load.runTimeSeconds;
  for (const record of records)
    overheads.push({
      id: record.id,
      processes,
      total: record.seconds - runTime,
      outsideLoad: record.seconds - record.loadSeconds,
      locust: record.loadSeconds - runTime,
    });
  for (const cell of results.cells.filter((c) => c.route === 'noop')) {
    rows.push({
      processes,
      setup: cell.setup,
      maxSrps: cell.metrics?.maxSrps,
      steadySrps: cell.metrics?.steadySrps,
      cpuWarning: cell.metrics?.locustCpuWarning,
    });
  }
  process.stderr.write(`run with ${processes} Locust process(es): ${wall.toFixed(0)} s wall\n`);
}

const f = (n) => (typeof n === 'number' ? n.toFixed(1) : 'n/a');
console.log('\nLoad generator ceiling on /posts/noop/ (sRPS; Locust at', values.users, 'users)');
console.log('processes  setup            max sRPS  steady sRPS  Locust CPU > 90 %');
for (const r of rows)
  console.log(`${r.processes.padEnd(9)}  ${r.setup.padEnd(15)}  ${f(r.maxSrps).padStart(8)}  ${f(r.steadySrps).padStart(11)}  ${r.cpuWarning ? 'yes' : 'no'}`);
console.log('\nOrchestration overhead per cell beyond the configured load time (s)');
console.log('cell                              processes  total  outside Locust  Locust beyond -t');
for (const o of overheads)
  console.log(`${o.id.padEnd(32)}  ${o.processes.padEnd(9)}  ${f(o.total).padStart(5)}  ${f(o.outsideLoad).padStart(14)}  ${f(o.locust).padStart(16)}`);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
for (const processes of ['1', '2']) {
  const of = overheads.filter((o) => o.processes === processes);
  console.log(`mean overhead with ${processes} Locust process(es): ${f(mean(of.map((o) => o.total)))} s per cell (goal ≤ 3 s with the profiles' 1 process)`);
}
console.log(`seeding 1,000,000 posts: ${seeds.map(f).join(' s, ')} s (goal < 5 s)`);
