/** What the run prints while it measures: a progress line per sample and the live view of the running load. */
import { HistoryTail, type LiveSample } from '../core/ingest/live.js';
import type { CellMetrics, CellOutcome } from '../core/results/schema.js';
import { formatCount, formatRate } from '../core/report/format.js';

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : m > 0 ? `${m}m${String(rest).padStart(2, '0')}s` : `${rest}s`;
}

function measuredText(metrics: Pick<CellMetrics, 'maxSrps' | 'totalSuccesses' | 'totalFailures'>): string {
  const failures = metrics.totalFailures > 0 ? ` (${formatCount(metrics.totalFailures)} failures)` : '';
  return `max sRPS ${formatRate(metrics.maxSrps)} & ${formatCount(metrics.totalSuccesses)} successes${failures}`;
}

/** `[ 3/27] sync/io_read/200ms  4m10s elapsed, ETA 31m20s  max sRPS 0.6 & 105 successes` */
/**
 * `[ 9/32] sync/cpu/0ms  3m13s elapsed, ETA 5m10s  …`. Under a budget `total` is the most samples
 * the run may take and `leftSeconds` what the budget has left: the count reads `/≤128` and the ETA
 * is never beyond the budget.
 */
export function progressLine(index: number, total: number, id: string, elapsedSeconds: number, reading: CellOutcome, leftSeconds?: number): string {
  const width = String(total).length;
  const done = index + 1;
  const pace = (elapsedSeconds / done) * (total - done);
  const eta = leftSeconds === undefined ? pace : Math.min(pace, Math.max(0, leftSeconds));
  const outcome = reading.status === 'ok' ? measuredText(reading.metrics) : `FAILED: ${reading.reason.split('\n')[0]}`;
  const count = `${String(done).padStart(width)}/${leftSeconds === undefined ? '' : '≤'}${total}`;
  return `[${count}] ${id.padEnd(32)} ${formatDuration(elapsedSeconds)} elapsed, ETA ${formatDuration(eta)}  ${outcome}`;
}

/**
 * How the live view writes: `tty` rewrites one line in place (a terminal), `plain`
 * prints a whole line now and then (CI logs, files, pipes: no carriage returns).
 */
export type ProgressMode = 'tty' | 'plain';

export function progressMode(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): ProgressMode {
  return isTTY === true && env.GITHUB_ACTIONS !== 'true' && !env.CI ? 'tty' : 'plain';
}

/** Seconds between two lines of the live view. */
export const LIVE_INTERVAL_SECONDS: Record<ProgressMode, number> = { tty: 1, plain: 15 };

export interface LiveStatus {
  /** 0-based position of the cell among the cells this run measures. */
  index: number;
  total: number;
  id: string;
  /** Seconds since Locust started in this cell. */
  elapsedSeconds: number;
  /** The cell's configured run time. */
  runTimeSeconds: number;
  /** Estimated seconds the cells after this one will take. */
  laterSeconds: number;
  sample: LiveSample | null;
}

/** `[ 3/27] sync/io_read/200ms  load 1m10s/3m00s · 500 users · 23.4 sRPS · 12 failures · 1m50s left in cell, 31m20s in run` */
export function liveLine(status: LiveStatus): string {
  const width = String(status.total).length;
  const cellLeft = Math.max(0, status.runTimeSeconds - status.elapsedSeconds);
  const { sample } = status;
  const load = sample
    ? [
        `${formatCount(sample.users)} users`,
        `${formatRate(sample.srps)} sRPS`,
        `${formatCount(sample.totalFailures)} failure${sample.totalFailures === 1 ? '' : 's'}` +
          (sample.failuresPerSecond > 0 ? ` (${formatRate(sample.failuresPerSecond)}/s)` : ''),
      ]
    : ['starting Locust'];
  return [
    `[${String(status.index + 1).padStart(width)}/${status.total}] ${status.id}  ` +
      `load ${formatDuration(Math.min(status.elapsedSeconds, status.runTimeSeconds))}/${formatDuration(status.runTimeSeconds)}`,
    ...load,
    `${formatDuration(cellLeft)} left in cell, ${formatDuration(cellLeft + status.laterSeconds)} in run`,
  ].join(' · ');
}

/** What the live view writes for one update: the line in place on a terminal, or a whole line in a log. */
export function liveOutput(mode: ProgressMode, line: string): string {
  return mode === 'tty' ? `\r\x1b[2K${line}` : `${line}\n`;
}

/** On a terminal the in-place line is cleared before the next normal line; a log needs nothing. */
export const liveClear = (mode: ProgressMode): string => (mode === 'tty' ? '\r\x1b[2K' : '');

export interface LiveViewOptions {
  write: (text: string) => void;
  mode: ProgressMode;
  /** Default LIVE_INTERVAL_SECONDS[mode]. */
  intervalSeconds?: number;
  now?: () => number;
}

/**
 * Watches one cell's history while Locust runs and writes liveLine() every
 * interval. `stop()` ends the watch (and clears a terminal's line) before the
 * cell's finished line is logged.
 */
export function watchCell(historyPath: string, status: Omit<LiveStatus, 'elapsedSeconds' | 'sample'>, options: LiveViewOptions): () => Promise<void> {
  const now = options.now ?? Date.now;
  const tail = new HistoryTail(historyPath);
  let busy: Promise<void> = Promise.resolve();
  let written = false;
  const tick = () => {
    busy = busy.then(async () => {
      const sample = await tail.poll().catch(() => null);
      // The load's clock starts with Locust's first row (same host clock), not with the container's start.
      const elapsedSeconds = tail.first === null ? 0 : Math.max(0, now() / 1000 - tail.first);
      options.write(liveOutput(options.mode, liveLine({ ...status, elapsedSeconds, sample })));
      written = true;
    });
  };
  const timer = setInterval(tick, (options.intervalSeconds ?? LIVE_INTERVAL_SECONDS[options.mode]) * 1000);
  timer.unref?.();
  return async () => {
    clearInterval(timer);
    await busy;
    const clear = liveClear(options.mode);
    if (written && clear) options.write(clear);
  };
}
