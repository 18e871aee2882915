import type { Results } from '../results/results.js';
import type { RouteKind } from './classify.js';
import { describeRouteClass } from './route-class-text.js';
import { code, labelText } from './escape.js';
import { computeFindings, HYPOTHESIS, type Crossover, type Findings, type Hypothesis, type Lead, type Metric, type RouteFindings } from './findings.js';
import { formatCount, formatFactor, formatLatency, formatPercent, formatRate, formatSecondsAsMs } from './format.js';
import { summarize } from './summary.js';
import { computeTheory, type RouteTheory, type SetupTheory, type TheoryPoint } from './theory.js';

/** The findings block: what this run shows, before the baseline and the tables. */

const label = (lead: { setup: { label: string } }): string => labelText(lead.setup.label);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const percent = (ratio: number): string => `${formatCount(Math.round(ratio * 100))} %`;

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function value(metric: Metric, amount: number): string {
  return metric === 'maxSrps' ? formatRate(amount) : formatCount(amount);
}

function margin(lead: Lead): string {
  if (lead.factor === null || !lead.runnerUp) return 'the only setup measured';
  if (lead.factor === Infinity) return `${label(lead.runnerUp)} served none`;
  if (lead.winner.value === lead.runnerUp.value) return `tied with ${label(lead.runnerUp)}`;
  return `${formatFactor(lead.factor)} ${label(lead.runnerUp)}`;
}

const item = (metric: Metric, lead: Lead): string => `${formatLatency(lead.latencyMs)} (${value(metric, lead.winner.value)}, ${margin(lead)})`;

/** Consecutive latencies with one winner read as one clause; long runs and many changes are summed up. */
function describeLeads(metric: Metric, leads: Lead[]): string {
  const groups: Lead[][] = [];
  for (const lead of leads) {
    const last = groups.at(-1);
    if (last && last[0]!.winner.setup.name === lead.winner.setup.name) last.push(lead);
    else groups.push([lead]);
  }
  if (groups.length > 6) {
    const counts = new Map<string, { label: string; n: number }>();
    for (const lead of leads) {
      const entry = counts.get(lead.winner.setup.name) ?? { label: label(lead.winner), n: 0 };
      entry.n += 1;
      counts.set(lead.winner.setup.name, entry);
    }
    const shares = [...counts.values()].sort((a, b) => b.n - a.n).map((entry) => `${entry.label} at ${entry.n} of ${leads.length} latencies`);
    const top = leads.at(-1)!;
    return `${list(shares)}; at the highest, ${label(top.winner)} at ${item(metric, top)}`;
  }
  return groups
    .map((group) => {
      if (group.length > 3) {
        const factors = group.map((lead) => lead.factor).filter((f): f is number => f !== null && Number.isFinite(f));
        const tied = group.every((lead) => lead.runnerUp !== null && lead.runnerUp.value === lead.winner.value);
        const most = tied ? ', tied with the next' : factors.length ? `, up to ${formatFactor(Math.max(...factors))} the next` : '';
        return (
          `${label(group[0]!.winner)} at ${group.length} latencies ` +
          `from ${formatLatency(group[0]!.latencyMs)} to ${formatLatency(group.at(-1)!.latencyMs)}${most}`
        );
      }
      return `${label(group[0]!.winner)} at ${list(group.map((lead) => item(metric, lead)))}`;
    })
    .join('; ');
}

function describeSuccesses(route: RouteFindings): string {
  const srpsWinner = new Map(route.bySrps.map((lead) => [lead.latencyMs, lead.winner.setup.name]));
  const differing = route.bySuccesses.filter((lead) => srpsWinner.get(lead.latencyMs) !== lead.winner.setup.name);
  if (route.bySuccesses.length === 0) return '';
  if (differing.length === 0) return 'Total successes agree.';
  return `By total successes: ${describeLeads('totalSuccesses', differing)}.`;
}

function describeCrossovers(route: RouteFindings): string {
  if (route.kinds.length === 0) return '';
  if (route.crossovers.length === 0) {
    const ahead = route.kinds.every((k) => k.async.value > k.sync.value) ? 'Async' : route.kinds.every((k) => k.sync.value > k.async.value) ? 'Sync' : null;
    if (!ahead) return 'Async and Sync tie without crossing.';
    return `${ahead} is ahead of ${ahead === 'Async' ? 'Sync' : 'Async'} at every latency measured: no crossover.`;
  }
  const at = (c: Crossover) => {
    const where = c.interpolated
      ? `≈ ${formatLatency(c.latencyMs)}, interpolated between ${formatLatency(c.between[0])} and ${formatLatency(c.between[1])}`
      : formatLatency(c.latencyMs);
    return `${c.overtaker === 'async' ? 'Async overtakes Sync' : 'Sync overtakes Async'} at ${where}`;
  };
  return `${list(route.crossovers.map(at))}.`;
}

function describeHypothesis(hypothesis: Hypothesis): string {
  if (hypothesis.status === 'untested') return `Hypothesis not tested: ${hypothesis.reason}.`;
  const { check } = hypothesis;
  const verdict = hypothesis.status === 'holds' ? '✅ Hypothesis holds' : '❌ Hypothesis does not hold';
  if (check.kind === 'io') {
    const factor = check.factor === Infinity ? 'while Sync serves none' : `${formatFactor(check.factor)} Sync’s max sRPS`;
    const needs = `≥ ${HYPOTHESIS.ioMinFactor}×${check.aheadOk ? '' : ': short'}`;
    const ahead = `at ${formatLatency(check.latencyMs)} the best Async setup serves ${factor} (needs ${needs})`;
    const kept =
      `keeps ${formatPercent(check.asyncKept)} of its ${formatLatency(check.baseMs)} throughput ` +
      `where Sync keeps ${formatPercent(check.syncKept)}${check.keptOk ? '' : ': no better'}`;
    return `${verdict}: ${ahead}, and ${kept}.`;
  }
  const need = `${percent(HYPOTHESIS.cpuMinShare)} of the best Async setup’s`;
  const lowest = check.lowest.share === Infinity ? 'Async served none' : `${percent(check.lowest.share)} at ${formatLatency(check.lowest.latencyMs)}`;
  return hypothesis.status === 'holds'
    ? `${verdict}: Sync’s total successes are at least ${need} at every latency (lowest ${lowest}).`
    : `${verdict}: Sync’s total successes fall to ${lowest}, below ${need}.`;
}

function describeSetupTheory(theory: SetupTheory): string {
  const near = theory.points.filter((point) => point.callout === null);
  const shown = near.length > 3 ? [near.at(-1)!] : near;
  const rest = near.slice(0, near.length - shown.length);
  const range = (points: TheoryPoint[]) => {
    const [low, high] = [percent(Math.min(...points.map((p) => p.ratio))), percent(Math.max(...points.map((p) => p.ratio)))];
    return low === high ? low : `${low}–${high}`;
  };
  // Far points that point at the same thing read as one clause.
  const far = new Map<string, TheoryPoint[]>();
  for (const point of theory.points) if (point.callout !== null) far.set(point.callout, [...(far.get(point.callout) ?? []), point]);
  const parts = [
    ...(shown.length
      ? [shown.map((p) => `${formatRate(p.measured)} sRPS at ${formatLatency(p.latencyMs)} against a bound of ${formatRate(p.bound)}`).join(', ')]
      : []),
    ...(rest.length ? [`${rest.length} more at ${range(rest)} of theirs`] : []),
    ...[...far].map(([callout, points]) => {
      const at =
        points.length > 3
          ? `${points.length} latencies from ${formatLatency(points[0]!.latencyMs)} to ${formatLatency(points.at(-1)!.latencyMs)}`
          : list(points.map((p) => formatLatency(p.latencyMs)));
      const what =
        points.length === 1
          ? `${formatRate(points[0]!.measured)} sRPS is ${percent(points[0]!.ratio)} of its bound of ${formatRate(points[0]!.bound)}`
          : `max sRPS is ${range(points)} of the bound`;
      return `⚠️ at ${at}, ${what}, which points at ${callout}`;
    }),
  ];
  return `${labelText(theory.setup.label)}, W = ${theory.concurrency.workers}, s = ${formatSecondsAsMs(theory.serviceTime)}: ${parts.join('; ')}`;
}

function describeTheory(theory: RouteTheory): string {
  const line = 'Theory line X ≤ W / (s + k·L)';
  if (theory.k === null) return `${line}: not drawn, ${theory.note}.`;
  const k = Number.isInteger(theory.roundTrips)
    ? `k fitted ${formatRate(theory.k)}, so ${plural(theory.roundTrips!, 'round trip')} of added latency per request`
    : `k fitted ${formatRate(theory.k)} round trips of added latency per request`;
  const setups = theory.setups.map(describeSetupTheory).join('. ');
  return `${line}: ${k}${theory.note ? ` (${theory.note})` : ''}. ${setups}.`;
}

function lead(findings: Findings): string {
  if (!findings.hasSync || !findings.hasAsync) {
    return (
      `Every setup is ${findings.hasSync ? 'Sync (WSGI)' : 'Async (ASGI)'}, so the ` +
      `study’s question, Sync or Async, is not asked; below is who serves the most.`
    );
  }
  const names = (status: Hypothesis['status'], kind?: RouteKind) =>
    findings.routes.filter((route) => route.hypothesis.status === status && (kind === undefined || route.kind === kind)).map((route) => code(route.route.name));
  const holdsIo = names('holds', 'io');
  const holdsCpu = names('holds', 'cpu');
  const fails = names('fails');
  const untested = names('untested');
  const holds = [
    ...(holdsIo.length ? [`on ${list(holdsIo)} Async keeps its throughput under added latency`] : []),
    ...(holdsCpu.length ? [`on ${list(holdsCpu)} Sync holds its own`] : []),
  ];
  return [
    ...(holds.length ? [`The study’s hypothesis holds: ${holds.join(', and ')}.`] : []),
    ...(fails.length ? [`${holds.length ? 'It does not hold' : 'The study’s hypothesis does not hold'} on ${list(fails)}.`] : []),
    ...(untested.length ? [`Not tested on ${list(untested)}.`] : []),
  ].join(' ');
}

export function renderFindings(results: Results): string {
  const summary = summarize(results);
  const findings = computeFindings(summary);
  const theories = new Map(computeTheory(summary, results.config.compare.threshold).map((theory) => [theory.route.name, theory]));
  const bullets = findings.routes.map((route) => {
    const head = `- **${labelText(route.route.title)}** · ${code(route.route.name)} · ${describeRouteClass(route.routeClass)}.`;
    if (route.bySrps.length === 0) return `${head} No cell of this route was measured.`;
    const sentences = [
      `Most max sRPS: ${describeLeads('maxSrps', route.bySrps)}.`,
      describeSuccesses(route),
      describeCrossovers(route),
      describeHypothesis(route.hypothesis),
    ].filter(Boolean);
    const theory = theories.get(route.route.name);
    return `${head} ${sentences.join(' ')}${theory ? `\n  - ${describeTheory(theory)}` : ''}`;
  });
  return [`**What this run shows.** ${lead(findings)}`, bullets.join('\n')].join('\n\n');
}
