import { markdownTable } from 'markdown-table';
import type { Comparison } from '../compare/verdicts.js';
import { rampSeconds } from '../config/build.js';
import { serverCommand } from '../config/server-command.js';
import { failedCells } from '../results/cell.js';
import type { Results } from '../results/results.js';
import { clip, code, escapeMarkdown } from './escape.js';
import { formatCount, formatMs, formatPercent, formatRate } from './format.js';

/** Collapsed sections under the tables; each returns '' when it has nothing to say. */

const collapsed = (summary: string, body: string): string =>
  `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;

export function failedCellsSection(results: Results): string {
  const failed = failedCells(results.cells);
  if (failed.length === 0) return '';
  const lines = failed.map((cell) => `- ${code(cell.id)}: ${escapeMarkdown(clip(cell.reason ?? 'unknown reason', 300))}`);
  return collapsed(`✖ ${failed.length} failed cell${failed.length === 1 ? '' : 's'}`, lines.join('\n'));
}

export function perCellSection(results: Results): string {
  const header = ['Cell', 'Max sRPS', 'Successes', 'Steady sRPS', 'Failures', 'p50', 'p95', 'p99', 'Notes'];
  const rows = results.cells.map((cell) => {
    const m = cell.metrics;
    const notes = [...(m?.locustCpuWarning ? ['Locust CPU > 90 %'] : []), ...(m?.topFailures[0] ? [`top failure: ${clip(m.topFailures[0].error, 80)}`] : [])];
    if (!m) return [code(cell.id), '✖', '', '', '', '', '', '', escapeMarkdown(clip(cell.reason ?? '', 80))];
    return [
      code(cell.id),
      formatRate(m.maxSrps),
      formatCount(m.totalSuccesses),
      m.steadySrps === null ? 'n/a' : formatRate(m.steadySrps),
      `${formatCount(m.totalFailures)} (${formatPercent(m.failureRatio)})`,
      formatMs(m.p50Ms),
      formatMs(m.p95Ms),
      formatMs(m.p99Ms),
      escapeMarkdown(notes.join('; ')),
    ];
  });
  return collapsed('Per-cell metrics', markdownTable([header, ...rows], { alignDelimiters: false }));
}

export function configurationSection(results: Results): string {
  const { config } = results;
  const ramp = rampSeconds(config);
  const lines = [
    `- Profile: ${code(config.profile)}; app: ${code(config.app.name)}${config.app.builtIn ? ' (built-in reference app)' : ` (${code(config.app.context)})`}`,
    `- Load: ${formatCount(config.load.users)} users spawned at ${config.load.spawnRate}/s (ramp ${formatRate(ramp)} s), ${config.load.runTimeSeconds} s per cell (hold ${formatRate(config.load.runTimeSeconds - ramp)} s), ${config.load.processes} Locust process(es)`,
    `- Seeded posts: ${formatCount(config.seedPosts)}; added latencies: ${config.latenciesMs.join(', ')} ms; latency method: ${code(config.latencyMethod)}${results.environment.latencyMethod ? ` (ran: ${code(results.environment.latencyMethod)})` : ''}`,
    ...(results.shard ? [`- Shard ${results.shard.index}/${results.shard.total}`] : []),
    ...config.setups.map(
      (setup) => `- Setup ${escapeMarkdown(setup.label)}: ${code(serverCommand(setup, config.app).join(' '))}, database max_connections ${setup.database.maxConnections}`,
    ),
    ...config.routes.map((route) => `- Route ${code(route.name)}: ${escapeMarkdown(route.method)} ${code(route.path)}`),
  ];
  return collapsed('Configuration', lines.join('\n'));
}

export function environmentSection(results: Results): string {
  const env = results.environment;
  const entries: [string, string | number | null][] = [
    ['async-bench', results.tool.version],
    ['CPUs', env.cpuCount],
    ['CPU model', env.cpuModel],
    ['Memory (GiB)', env.memoryGiB],
    ['Kernel', env.kernel],
    ['Platform', env.platform],
    ['Runner', env.runner],
    ['Docker', env.docker],
    ['Compose', env.compose],
    ...Object.entries(env.stack),
  ];
  const lines = entries
    .filter(([, value]) => value !== null && value !== '')
    .map(([name, value]) => `- ${escapeMarkdown(name)}: ${code(String(value))}`);
  return collapsed('Environment', lines.join('\n'));
}

const LATENCY_METHOD_NOTES = {
  netem: 'netem delays every packet the app container sends (database queries, responses, connection set-up), as in the study.',
  toxiproxy: 'Toxiproxy delays data the app sends through its proxies (app → database, app → Locust); connection set-up is not delayed.',
};

export function definitionsSection(results: Results): string {
  const method = results.environment.latencyMethod;
  const lines = [
    '- **Max sRPS**: the maximum over the run of (requests/s − failures/s) in Locust’s history (`Aggregated` rows). Locust’s history rate is a moving window of about 10 s, so this is a smoothed peak, not a single-second burst. The window ends 2 s before Locust’s latest response, so a cell whose responses all arrive in one burst (an event loop busy with CPU-bound requests) can read 0.0 while it has successes.',
    '- **Total successes**: request count − failure count of the final `Aggregated` row of `locust_stats.csv`.',
    '- **Steady sRPS**: the median sRPS while all users ran, skipping the first 10 s window after the ramp.',
    `- **Verdicts**: a drop of more than the threshold in max sRPS or total successes is a regression (🔴); a rise beyond it an improvement (🟢); 🆕 the baseline lacks the cell; ⚠️ the baseline measured it and this run did not.`,
    `- **Added latency**: ${method ? LATENCY_METHOD_NOTES[method] : `${LATENCY_METHOD_NOTES.netem} ${LATENCY_METHOD_NOTES.toxiproxy}`}`,
  ];
  return collapsed('How to read these numbers', lines.join('\n'));
}

export function baselineOnlySection(comparison: Comparison | null): string {
  if (!comparison || comparison.baselineOnly.length === 0) return '';
  return collapsed(
    `${comparison.baselineOnly.length} baseline cell(s) not in this run`,
    comparison.baselineOnly.map((id) => `- ${code(id)}`).join('\n'),
  );
}
