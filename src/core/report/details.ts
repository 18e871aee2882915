import { loadLimited } from '../results/load-limit.js';
import { requestTarget } from '../config/route-request.js';
import { markdownTable } from 'markdown-table';
import type { Comparison } from '../compare/verdicts.js';
import { rampSeconds } from '../config/build.js';
import { usesSeedPosts } from '../config/seed-posts.js';
import { serverCommand } from '../config/server-command.js';
import { failedCells } from '../results/cell.js';
import type { Results } from '../results/results.js';
import { clip, code, escapeMarkdown } from './escape.js';
import { HYPOTHESIS } from './findings.js';
import { formatCount, formatMs, formatPercent, formatRate } from './format.js';
import { RATIO_FLOOR } from './verdict-text.js';

/** Collapsed sections under the tables; each returns '' when it has nothing to say. */

const collapsed = (summary: string, body: string): string => `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;

export function failedCellsSection(results: Results): string {
  const failed = failedCells(results.cells);
  if (failed.length === 0) return '';
  const lines = failed.map((cell) => `- ${code(cell.id)}: ${escapeMarkdown(clip(cell.reason ?? 'unknown reason', 300))}`);
  return collapsed(`✖ ${failed.length} failed cell${failed.length === 1 ? '' : 's'}`, lines.join('\n'));
}

/** An attempt's createdAt as `2026-05-01 14:03 UTC` (left as written when it is not an ISO time). */
// A date we can read is shown as digits (nothing in it can link); anything else is escaped.
const attempt = (createdAt: string): string =>
  /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(createdAt) ? `${createdAt.slice(0, 16).replace('T', ' ')} UTC` : escapeMarkdown(clip(createdAt, 40));

/** `- Resumed: 12 of 27 cells were measured by the earlier attempt of …`, one line per attempt. */
function resumedLines(results: Results): string[] {
  const byAttempt = new Map<string, number>();
  for (const cell of results.cells) if (cell.resumedFrom) byAttempt.set(cell.resumedFrom, (byAttempt.get(cell.resumedFrom) ?? 0) + 1);
  return [...byAttempt].map(
    ([from, count]) =>
      `- Resumed: ${count} of ${results.cells.length} cells were measured by the earlier attempt of ${attempt(from)} (marked in the per-cell metrics)`,
  );
}

export function perCellSection(results: Results): string {
  const header = ['Cell', 'Max sRPS', 'Successes', 'Steady sRPS', 'Failures', 'p50', 'p95', 'p99', 'Notes'];
  const rows = results.cells.map((cell) => {
    const m = cell.metrics;
    const notes = [
      ...(cell.resumedFrom ? [`from the attempt of ${attempt(cell.resumedFrom)}`] : []),
      ...(m && loadLimited(m) ? ['Locust CPU &gt; 90 %'] : []),
      ...(m?.topFailures[0] ? [`top failure: ${escapeMarkdown(clip(m.topFailures[0].error, 80))}`] : []),
    ];
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
      notes.join('; '),
    ];
  });
  return collapsed('Per-cell metrics', markdownTable([header, ...rows], { alignDelimiters: false }));
}

/** `, commit …, image …` of the app that ran, when the run recorded it. */
function appBuilt(app: Results['environment']['app']): string {
  return app ? `, commit ${code(app.commit ?? 'unknown')}, image ${code(app.image?.slice(0, 19) ?? 'unknown')}` : '';
}

export function configurationSection(results: Results): string {
  const { config } = results;
  const ramp = rampSeconds(config);
  const lines = [
    `- Profile: ${code(config.profile)}; app: ${code(config.app.name)} (${code(config.app.context)})${appBuilt(results.environment.app)}`,
    `- Load: ${formatCount(config.load.users)} users spawned at ${config.load.spawnRate}/s (ramp ${formatRate(ramp)} s), ${config.load.runTimeSeconds} s ` +
      `per cell (hold ${formatRate(config.load.runTimeSeconds - ramp)} s), ${config.load.processes} Locust process(es)`,
    `- ${usesSeedPosts(config.app) ? `Seeded posts: ${formatCount(config.seedPosts)}; added` : 'Added'} latencies: ` +
      `${config.latenciesMs.map(formatCount).join(', ')} ms; latency method: ${code(config.latencyMethod)}` +
      (results.environment.latencyMethod ? ` (ran: ${code(results.environment.latencyMethod)})` : ''),
    ...(results.shard ? [`- Shard ${results.shard.index}/${results.shard.total}`] : []),
    ...resumedLines(results),
    ...config.setups.map(
      (setup) =>
        `- Setup ${escapeMarkdown(setup.label)}: ${code(serverCommand(setup, config.app).join(' '))}, ` +
        `database max_connections ${formatCount(setup.database.maxConnections)}`,
    ),
    ...config.routes.map((route) => `- Route ${code(route.name)}: ${escapeMarkdown(route.method)} ${code(requestTarget(route))}`),
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
    ['Why Toxiproxy, not netem', env.latencyFallbackReason ?? null],
    ...Object.entries(env.stack),
  ];
  const lines = entries.filter(([, value]) => value !== null && value !== '').map(([name, value]) => `- ${escapeMarkdown(name)}: ${code(String(value))}`);
  return collapsed('Environment', lines.join('\n'));
}

const LATENCY_METHOD_NOTES = {
  netem: 'netem delays every packet the app container sends (database queries, responses, connection set-up), as in the study.',
  toxiproxy: 'Toxiproxy delays data the app sends through its proxies (app → database, app → Locust); connection set-up is not delayed.',
};

/** `confidence`: the level the comparison used (a flag may override the one the results recorded). */
export function definitionsSection(results: Results, confidence = results.config.compare.confidence): string {
  const method = results.environment.latencyMethod;
  const lines = [
    '- **Max sRPS**: the maximum over the run of (requests/s − failures/s) in Locust’s history (`Aggregated` ' +
      'rows). Locust’s history rate is a moving window of about 10 s, so this is a smoothed peak, not a ' +
      'single-second burst. The window ends 2 s before Locust’s latest response, so a cell whose responses all ' +
      'arrive in one burst (an event loop busy with CPU-bound requests) can read 0.0 while it has successes.',
    '- **Total successes**: request count − failure count of the final `Aggregated` row of `locust_stats.csv`.',
    '- **Steady sRPS**: the median sRPS while all users ran, skipping the first 10 s window after the ramp.',
    `- **Verdicts**: decided by the steady sRPS (max sRPS against the paper, which published no steady rate): an interval for its relative change ` +
      `against the baseline at ${formatPercent(confidence)} confidence (\`confidence\`: at most ${formatPercent(1 - confidence)} of comparisons ` +
      `of unchanged code fall wholly outside it), a Welch t interval on log rates over the repeats with the runner's noise floor as prior ` +
      `(against baseline "base", measured alternately in the same run: a paired t interval on the log ratio of each base/head pair, so drift ` +
      `both shared cancels, its noise pooled across the run's cells). Regressed or improved only when the whole interval lies beyond the ` +
      `threshold and Holm's procedure over every claim of the comparison confirms it (so at most ${formatPercent(1 - confidence)} of ` +
      `comparisons of unchanged code raise any), unchanged when wholly within it, inconclusive otherwise; under a budget every interval is ` +
      `at 1 − ${formatPercent(1 - confidence)} ÷ K for the K pairs a cell may take, valid however early it stops; not measured when ` +
      `(almost) no request completed; not comparable when the baseline ran another load. Max sRPS and ` +
      `total successes show their change (a ratio ×N from a baseline under ${formatRate(RATIO_FLOOR.maxSrps)} sRPS ` +
      `or ${formatCount(RATIO_FLOOR.totalSuccesses)} successes) but decide nothing. 🆕 ` +
      `the baseline lacks the cell; ⚠️ the baseline measured it and this run did not.`,
    `- **Findings**: the best setup per latency by max sRPS (and by total successes ` +
      `where they disagree) with its factor over the next; Sync and Async are told apart ` +
      `by the setup’s interface (WSGI or ASGI), the best of each kind compared. The ` +
      `hypothesis holds on an I/O route when, at the highest latency, the best Async ` +
      `setup serves at least ${HYPOTHESIS.ioMinFactor}× the best Sync one and keeps a ` +
      `larger share of its lowest-latency throughput; on a CPU route when Sync’s total ` +
      `successes are at least ${formatPercent(HYPOTHESIS.cpuMinShare)} of Async’s at ` +
      `every latency. Crossovers are interpolated linearly between measured latencies.`,
    '- **Theory line** (Sync on I/O routes): W workers each holding a request for its service time s plus k round trips of the added ' +
      'latency L serve at most W / (s + k·L) requests/s. s = W ÷ the 0 ms max sRPS (under many users the response time is queueing, not ' +
      'service); k is fitted by least squares over the latencies, from the Sync setup with the fewest workers, and rounded to whole round ' +
      'trips for the bound. A measurement under half its bound, or above it by more than the threshold, is flagged with what it points at.',
    `- **Added latency**: ${method ? LATENCY_METHOD_NOTES[method] : `${LATENCY_METHOD_NOTES.netem} ${LATENCY_METHOD_NOTES.toxiproxy}`}`,
  ];
  return collapsed('How to read these numbers', lines.join('\n'));
}

export function baselineOnlySection(comparison: Comparison | null): string {
  if (!comparison || comparison.baselineOnly.length === 0) return '';
  return collapsed(`${comparison.baselineOnly.length} baseline cell(s) not in this run`, comparison.baselineOnly.map((id) => `- ${code(id)}`).join('\n'));
}
