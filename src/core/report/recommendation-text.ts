import type { SetupSpec } from '../config/build.js';
import type { Results } from '../results/results.js';
import { code, labelText } from './escape.js';
import { formatLatency, formatPercent, formatRate } from './format.js';
import { recommend, type LatencyStanding, type Recommendation, type SetupCost } from './recommendation.js';
import { formatBytes } from './signal-format.js';

/** The recommendation, the report's first line after the headline: one answer for the app, or an honest "no clear winner". */

const label = (setup: SetupSpec): string => labelText(setup.label);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Measured latencies as a range when they run on without a gap among `all`, else as a list: "100–200 ms", "0 and 200 ms". */
function latencyRange(latencies: number[], all: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const [first, last] = [sorted[0]!, sorted.at(-1)!];
  if (sorted.length === 1) return formatLatency(first);
  const between = all.filter((ms) => ms >= first && ms <= last);
  if (between.length === sorted.length) return `${formatRate(first).replace(/\.0$/, '')}–${formatLatency(last)}`;
  return `${list(sorted.slice(0, -1).map((ms) => formatRate(ms).replace(/\.0$/, '')))} and ${formatLatency(last)}`;
}

const factorRange = (factors: number[]): string => {
  const [low, high] = [formatRate(Math.min(...factors)), formatRate(Math.max(...factors))];
  return low === high ? `${low}×` : `${low}–${high}×`;
};

function workersClause(costs: SetupCost[]): string {
  const [own, ...others] = costs;
  if (!own || own.workers === null || others.some((cost) => cost.workers === null)) return '';
  if (others.every((cost) => cost.workers === own.workers)) return ` with the same ${plural(own.workers, 'worker')}`;
  return ` (${plural(own.workers, 'worker')} against ${list(others.map((cost) => String(cost.workers)))})`;
}

/** The database connections: open on average where every setup's mean is exact, and opened per request (1 without a pool, ~0 with one). */
function connectionsParts(own: SetupCost, others: SetupCost[]): string[] {
  const all = [own, ...others];
  if (!all.every((cost) => cost.connections !== null)) return [];
  const against = (value: (connections: NonNullable<SetupCost['connections']>) => number) =>
    `${formatRate(value(own.connections!))} against ${list(others.map((cost) => formatRate(value(cost.connections!))))}`;
  const opened = `database connections opened per request ${against((c) => c.openedPerRequest)}`;
  if (!all.every((cost) => cost.connections!.meanOpen !== null)) return [opened];
  return [`database connections open on average ${against((c) => c.meanOpen!)}`, opened];
}

function costSentence(costs: SetupCost[]): string {
  const [own, ...others] = costs;
  if (!own || others.length === 0) return '';
  const against = (value: (cost: SetupCost) => string) => `${value(own)} against ${list(others.map(value))}`;
  const failures = costs.every((cost) => cost.failureRatio === 0) ? 'no failures' : `failures ${against((cost) => formatPercent(cost.failureRatio))}`;
  const parts = [failures];
  if (own.perWorkerBytes !== null && others.every((cost) => cost.perWorkerBytes !== null)) {
    parts.push(`peak memory per worker ${against((cost) => formatBytes(cost.perWorkerBytes!))}`);
  }
  parts.push(...connectionsParts(own, others));
  return ` Cost: ${parts.join('; ')}.`;
}

/**
 * Where it is ahead: one clause for the latencies where it leads on every route, and one per
 * set of routes where it leads on only some, naming them (one route's factor must not read as
 * the app's).
 */
function aheadClauses(ahead: LatencyStanding[], all: number[]): string[] {
  const groups = new Map<string, LatencyStanding[]>();
  for (const standing of ahead) {
    const key = standing.everyRoute ? '' : JSON.stringify(standing.routes);
    groups.set(key, [...(groups.get(key) ?? []), standing]);
  }
  // Every route's first: the app's answer, then the latencies where it holds for some routes only.
  const ordered = [...groups].sort(([a], [b]) => Number(a !== '') - Number(b !== ''));
  return ordered.map(([key, standings], index) => {
    const others = list([...new Set(standings.flatMap((s) => s.others))].map(label));
    const at = latencyRange(
      standings.map((s) => s.latencyMs),
      all,
    );
    const factors = factorRange(standings.flatMap((s) => s.factors));
    const on = key === '' ? '' : ` on ${list(standings[0]!.routes.map((route) => code(route)))} (not beaten beyond the noise on the other routes)`;
    return index === 0 ? `at ${at} it serves ${factors} the steady sRPS of ${others}${on}` : `at ${at} ${factors} that of ${others}${on}`;
  });
}

function standingsText(standings: LatencyStanding[], all: number[]): string {
  const ahead = standings.filter((s) => s.status === 'ahead');
  const tied = standings.filter((s) => s.status === 'tied');
  const unclear = standings.filter((s) => s.status === 'unclear');
  const clauses = aheadClauses(ahead, all);
  if (tied.length > 0) {
    const spread = Math.max(...tied.map((s) => s.spread));
    clauses.push(
      `at ${latencyRange(
        tied.map((s) => s.latencyMs),
        all,
      )} they tie (±${formatPercent(spread)})`,
    );
  }
  if (unclear.length > 0)
    clauses.push(
      `at ${latencyRange(
        unclear.map((s) => s.latencyMs),
        all,
      )} the runs cannot tell them apart (more repeats would)`,
    );
  return clauses.join('; ');
}

export function recommendationText(recommendation: Recommendation, latencies: number[]): string {
  switch (recommendation.kind) {
    case 'nothing-to-compare':
      return recommendation.setups.length === 1
        ? `**Recommendation:** only ${label(recommendation.setups[0]!)} was measured, so there is no setup to choose between.`
        : '**Recommendation:** no route was measured under two setups, so there is no setup to choose between.';
    case 'serve': {
      const { setup, latencies: standings, costs } = recommendation;
      const [first, ...rest] = standingsText(standings, latencies).split('; ');
      const lead = `${first}${workersClause(costs)}`;
      return `**Serve it with ${label(setup)}:** ${[lead, ...rest].join('; ')}.${costSentence(costs)}`;
    }
    case 'no-clear-winner':
      if (recommendation.why === 'noise') {
        return (
          `**No clear winner:** ${list(recommendation.setups.map(label))} do not differ beyond the noise ` +
          `(every difference within ±${formatPercent(recommendation.spread)}, or too uncertain to call); ` +
          'choose by cost, or measure with more repeats.'
        );
      }
      return `**No clear winner:** the evidence is mixed. ${recommendation.leads
        .map((lead) => `${label(lead.setup)} leads at ${latencyRange(lead.latenciesMs, latencies)} on ${list(lead.routes.map((route) => code(route)))}`)
        .join('; ')}. Choose by the latency and the routes your app sees in production.`;
  }
}

export function renderRecommendation(results: Results): string {
  return recommendationText(
    recommend(results),
    [...new Set(results.config.latenciesMs)].sort((a, b) => a - b),
  );
}
