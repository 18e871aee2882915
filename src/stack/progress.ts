import type { CellOutcome } from '../core/results/schema.js';
import { formatCount, formatRate } from '../core/report/format.js';

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m${String(rest).padStart(2, '0')}s` : `${rest}s`;
}

/** `[ 3/27] sync/io_read/200ms  4m10s elapsed, ETA 31m20s  max sRPS 0.6 & 105 successes` */
export function progressLine(index: number, total: number, id: string, elapsedSeconds: number, reading: CellOutcome): string {
  const width = String(total).length;
  const done = index + 1;
  const eta = (elapsedSeconds / done) * (total - done);
  const outcome =
    reading.status === 'ok'
      ? `max sRPS ${formatRate(reading.metrics.maxSrps)} & ${formatCount(reading.metrics.totalSuccesses)} successes${reading.metrics.totalFailures > 0 ? ` (${formatCount(reading.metrics.totalFailures)} failures)` : ''}`
      : `FAILED: ${reading.reason.split('\n')[0]}`;
  return `[${String(done).padStart(width)}/${total}] ${id.padEnd(32)} ${formatDuration(elapsedSeconds)} elapsed, ETA ${formatDuration(eta)}  ${outcome}`;
}
