import type { RouteKind } from './classify.js';
import { code, labelText } from './escape.js';
import { formatLatency, formatPercent } from './format.js';
import type { RouteClass } from './route-class.js';

/** A route's class in the report's words, with how it was decided. */

export const KIND_WORDS: Record<RouteKind, string> = { io: 'I/O route', cpu: 'CPU route', mixed: 'mixed route', unclassified: 'unclassified route' };

const ms = (value: number): string => `${value >= 10 ? value.toFixed(0) : value.toFixed(1)} ms`;

/** "I/O route (measured: …)", "CPU route (kind: cpu, as given)", "CPU route (by name: …)". */
export function describeRouteClass(routeClass: RouteClass): string {
  const word = KIND_WORDS[routeClass.kind];
  if (routeClass.source === 'given') return `${word} (${code(`kind: ${routeClass.kind}`)}, as given)`;
  if (routeClass.source === 'name') {
    if (routeClass.kind === 'unclassified') return `${word} (${routeClass.why}; set ${code('kind:')} on the route to classify it)`;
    return `${word} (by the study’s name: ${routeClass.why})`;
  }
  const { share } = routeClass;
  const db = share.dbMsPerRequest === null ? '' : `, database ${ms(share.dbMsPerRequest)}`;
  const measured =
    `measured: CPU ${formatPercent(share.share)} of a ${ms(share.serviceMs)} service time ` +
    `(${ms(share.cpuMsPerRequest)} a request${db}; ${labelText(share.setup.label)} at ${formatLatency(share.latencyMs)})`;
  const differs = routeClass.byName !== 'unclassified' && routeClass.byName !== routeClass.kind;
  return `${word} (${measured}${differs ? `; the study calls it a ${KIND_WORDS[routeClass.byName]}` : ''})`;
}
