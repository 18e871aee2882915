#!/usr/bin/env node
// Performance of the harness itself, as numbers (not a test): what a sample costs beyond
// its load time, step by step (cell.json's `steps`), seeding time, and the load
// generator's ceiling on a trivial route. Needs a Docker engine (npm run bench provisions
// one) and dist/cli.js (node scripts/bundle.mjs).
// Usage: npm run bench:harness [-- --run-time 20s --users 50 --processes 1,2 --pairs 2 --cli dist/cli.js]
//   --pairs N: one run with `baseline: base` (base = head: an A/A, on a copy of the reference
//              app in a git repository of its own) and N pairs a cell, instead of the plain
//              runs: what a pair costs.
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    'run-time': { type: 'string', default: '20s' },
    users: { type: 'string', default: '50' },
    processes: { type: 'string', default: '1,2' },
    pairs: { type: 'string' },
    cli: { type: 'string' },
  },
});
const root = new URL('..', import.meta.url).pathname;
const work = await mkdtemp(join(tmpdir(), 'async-bench-harness-'));
const STEPS = ['restore', 'app', 'latency', 'windowOpen', 'load', 'windowClose', 'appState', 'appKill', 'logs'];

// A trivial route (no database) next to the study's: the reference app's /posts/noop/.
const ROUTES = ['routes:', '  - name: noop', '    title: No-op (load generator ceiling)', '    path: /posts/noop/', '    user-class: NoopUser', '  - io_read'];
// --pairs: the reference app in a git repository of its own (wheels committed, so base's worktree builds offline).
const APP = ['app:', '  name: harness', '  context: app', '  settings: benchsite.settings', '  wsgi: benchsite.wsgi:application'];
const appLines = [...APP, '  asgi: benchsite.asgi:application', '  health-path: /healthz/', '  prepare:', "    - [seed_posts, --count, '{seed-posts}']"];
const configFile = join(work, 'async-bench.yml');
await writeFile(configFile, [...(values.pairs ? appLines : []), ...ROUTES, ''].join('\n'));
if (values.pairs) {
  await cp(join(root, 'compose/app'), join(work, 'app'), { recursive: true, filter: (source) => !source.includes('__pycache__') });
  const git = (...args) => execFileSync('git', ['-C', work, ...args], { stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A', '-f');
  git('-c', 'user.name=harness', '-c', 'user.email=harness@localhost', 'commit', '-q', '-m', 'base');
}

function cli(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [values.cli ? resolvePath(values.cli) : join(root, 'dist', 'cli.js'), 'run', '--config', configFile, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      cwd: work,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    child.on('close', (code) => (code === 0 ? resolve(stderr) : reject(new Error(`async-bench run exited ${code}`))));
  });
}

/** Every cell.json under cells/ (a cell's own, a repeat's r<n>/, a side's <side>/r<n>/), in the order measured. */
async function sampleRecords(outDir) {
  const files = (await readdir(join(outDir, 'cells'), { recursive: true })).filter((path) => path.endsWith('cell.json'));
  const records = await Promise.all(
    files.map(async (path) => {
      const log = await readFile(join(outDir, 'cells', dirname(path), 'locust.log'), 'utf8').catch(() => '');
      return { path, drain: drainSeconds(log), ...JSON.parse(await readFile(join(outDir, 'cells', path), 'utf8')) };
    }),
  );
  return records.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** Locust's wait for its users' last requests (--stop-timeout): from "--run-time limit reached" to "Shutting down". */
function drainSeconds(log) {
  const at = (pattern) => {
    const match = new RegExp(`^\\[(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d),(\\d{3})\\].*${pattern}`, 'm').exec(log);
    return match ? Date.parse(`${match[1].replace(' ', 'T')}.${match[2]}Z`) : null;
  };
  const [reached, down] = [at('--run-time limit reached'), at('Shutting down')];
  return reached !== null && down !== null ? (down - reached) / 1000 : 0;
}

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const f = (n, digits = 1) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

/**
 * What the samples of one run cost beyond the configured run time: per step (Locust's
 * container start and exit are `load` − run time), and between samples (results.json
 * rewritten, a setup's database recreated, the next sample's folder).
 */
function costs(records, runTime) {
  const gaps = records.slice(1).map((record, i) => (Date.parse(record.startedAt) - Date.parse(records[i].finishedAt)) / 1000);
  const step = Object.fromEntries(STEPS.map((name) => [name, mean(records.map((record) => record.steps?.[name] ?? 0))]));
  step.drain = mean(records.map((record) => record.drain));
  step.load -= runTime + step.drain;
  const inside = mean(records.map((record) => record.seconds - runTime));
  const between = mean(gaps);
  const other = inside - Object.values(step).reduce((a, b) => a + b, 0);
  const perSample = inside + (Number.isFinite(between) ? between : 0);
  return { step, other, inside, between, perSample, beyondDrain: perSample - step.drain };
}

function printCosts(title, c, samplesPerPair) {
  console.log(`\n${title}: seconds per sample beyond the load time (mean)`);
  const labels = {
    restore: 'DB restore',
    app: 'app start (fresh app + ready-wait)',
    latency: 'latency on',
    windowOpen: 'signals window open',
    load: 'Locust container start/exit (load − run − drain)',
    drain: "Locust's users finishing their last requests",
    windowClose: 'signals window close',
    appState: 'app state check',
    appKill: 'undrained app stopped',
    logs: 'log saving',
  };
  for (const name of [...STEPS.slice(0, 5), 'drain', ...STEPS.slice(5)]) console.log(`  ${labels[name].padEnd(48)} ${f(c.step[name], 2).padStart(6)}`);
  console.log(`  ${'cell.json and the rest inside the sample'.padEnd(48)} ${f(c.other, 2).padStart(6)}`);
  console.log(`  ${'between samples (results.json, setup switch)'.padEnd(48)} ${f(c.between, 2).padStart(6)}`);
  console.log(`  ${'total per sample'.padEnd(48)} ${f(c.perSample, 2).padStart(6)}`);
  console.log(`  ${'total without the drain (part of the load)'.padEnd(48)} ${f(c.beyondDrain, 2).padStart(6)}  (goal ≤ 1.5 s)`);
  if (samplesPerPair) console.log(`  ${'a pair (base + head) beyond 2 × the load time'.padEnd(48)} ${f(2 * c.perSample, 2).padStart(6)}`);
}

const common = [
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
];
const seeds = [];

async function measuredRun(name, args) {
  const out = join(work, name);
  const started = Date.now();
  const log = await cli([...common, ...args, '--out', out]);
  const seed = /inserted (\d+) posts in ([\d.]+) s/.exec(log);
  if (seed) seeds.push(Number(seed[2]));
  const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
  process.stderr.write(`${name}: ${((Date.now() - started) / 1000).toFixed(0)} s wall\n`);
  return { results, records: await sampleRecords(out), runTime: results.config.load.runTimeSeconds };
}

if (values.pairs) {
  const { records, runTime } = await measuredRun('pairs', ['--processes', '1', '--baseline', 'base', '--base-ref', 'main', '--repeats', values.pairs]);
  console.log(`\n${records.length} samples (${values.pairs} pairs a cell, base = head), run time ${runTime} s`);
  printCosts('baseline: base', costs(records, runTime), true);
} else {
  const rows = [];
  for (const processes of values.processes.split(',')) {
    const { results, records, runTime } = await measuredRun(`p${processes}`, ['--processes', processes]);
    for (const cell of results.cells.filter((c) => c.route === 'noop'))
      rows.push({
        processes,
        setup: cell.setup,
        maxSrps: cell.metrics?.maxSrps,
        steadySrps: cell.metrics?.steadySrps,
        cpuWarning: cell.metrics?.locustCpuWarning,
      });
    printCosts(`${records.length} samples, ${processes} Locust process(es)`, costs(records, runTime), false);
  }
  console.log('\nLoad generator ceiling on /posts/noop/ (sRPS; Locust at', values.users, 'users)');
  console.log('processes  setup            max sRPS  steady sRPS  Locust CPU > 90 %');
  for (const r of rows)
    console.log(
      `${r.processes.padEnd(9)}  ${r.setup.padEnd(15)}  ${f(r.maxSrps).padStart(8)}  ${f(r.steadySrps).padStart(11)}  ${r.cpuWarning ? 'yes' : 'no'}`,
    );
}
console.log(`seeding 1,000,000 posts: ${seeds.map((s) => f(s)).join(' s, ')} s (goal < 5 s)`);
