import type { QueryComparison } from '../compare/queries.js';
import type { CellSignals, MeteredComparison, MeteredSignal } from '../compare/signals.js';
import type { RegressionSignal } from '../config/schema.js';
import type { ChangeInterval } from '../stats/interval.js';
import { formatChange, formatCount } from './format.js';

/** How each signal reads in the report; pure number formatting (every number here is ours, never results text). */

export const SIGNAL_NAME: Record<RegressionSignal, string> = {
  throughput: 'steady sRPS',
  queries: 'queries/request',
  cpu: 'CPU/request',
  db: 'DB time/request',
  memory: 'peak memory',
};

const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const minus = (value: number, text: string): string => `${value < 0 && text !== '0' && !/^0\.0+$/.test(text) ? '−' : ''}${text}`;

/** A count per request: whole when it is one (2, 12), else one decimal (2.5). */
export function formatPerRequest(value: number): string {
  const whole = Math.abs(value - Math.round(value)) < 0.05;
  return minus(value, whole ? formatCount(Math.abs(Math.round(value))) : oneDecimal.format(Math.abs(value)));
}

/** A signed change of a count per request: +10, −1.5, ±0. */
export function formatCountChange(delta: number): string {
  const text = formatPerRequest(Math.abs(delta));
  return text === '0' ? '±0' : `${delta > 0 ? '+' : '−'}${text}`;
}

/** Milliseconds per request with a resolution that shows CPU and DB time: 4.60, 12.3. */
export const formatMsPerRequest = (ms: number): string => (ms < 10 ? twoDecimals.format(ms) : oneDecimal.format(ms));

/** Bytes in binary units: 313 B, 12.4 KiB, 171.7 MiB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${formatCount(value)} B` : `${oneDecimal.format(value)} ${units[unit]}`;
}

export const METERED_VALUE: Record<MeteredSignal, (value: number) => string> = {
  cpu: (ms) => `${formatMsPerRequest(ms)} ms`,
  db: (ms) => `${formatMsPerRequest(ms)} ms`,
  memory: formatBytes,
};

const interval = (change: ChangeInterval): string => `${formatChange(change.estimate)} [${formatChange(change.lower)}, ${formatChange(change.upper)}]`;

/** `queries/request 2 → 12`, or for a count that varies, its change with the interval and the ranges. */
export function queriesChange(queries: QueryComparison): string {
  const moved = `${SIGNAL_NAME.queries} ${formatPerRequest(queries.base)} → ${formatPerRequest(queries.head)}`;
  if (!queries.varies) return moved;
  const range = ([low, high]: [number, number]) => (low === high ? formatPerRequest(low) : `${formatPerRequest(low)}–${formatPerRequest(high)}`);
  const varies = `varies between samples: base ${range(queries.varies.base)}, head ${range(queries.varies.head)}`;
  return `${moved}${queries.interval ? ` ${interval(queries.interval)}` : ''} (${varies})`;
}

/** `CPU/request +15.0 % [+11.0 %, +19.6 %] (4.00 → 4.60 ms)`. */
export function meteredChange(signal: MeteredSignal, metered: MeteredComparison): string {
  const values = `${METERED_VALUE[signal](metered.base)} → ${METERED_VALUE[signal](metered.head)}`;
  return `${SIGNAL_NAME[signal]} ${metered.interval ? `${interval(metered.interval)} (${values})` : values}`;
}

/** What a signal other than throughput says about a cell; null when the cell has no such comparison. */
export function signalChange(signals: CellSignals | null, signal: Exclude<RegressionSignal, 'throughput'>): string | null {
  if (signal === 'queries') return signals?.queries ? queriesChange(signals.queries) : null;
  const metered = signals?.[signal];
  return metered ? meteredChange(signal, metered) : null;
}
